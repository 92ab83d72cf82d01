/**
 * A growing UTF-8 buffer that text and numbers are written into, for output
 * that is wanted as bytes in the end (a search shard): no JavaScript string of
 * the whole, and no string for each number written.
 */
import { withRoom } from './growable.ts';

const encoder = new TextEncoder();

/** Writes the non-negative integer `n` in decimal into `buf` at `at`; gives the position after it. */
export function writeInt(buf: Uint8Array, at: number, n: number): number {
  if (n < 10) {
    buf[at] = 48 + n;
    return at + 1;
  }
  let digits = 0;
  for (let m = n; m >= 1; m = Math.floor(m / 10)) digits++;
  let end = at + digits;
  const after = end;
  for (let m = n; m >= 1; m = Math.floor(m / 10)) buf[--end] = 48 + (m % 10);
  return after;
}

export class Utf8Writer {
  private buf: Uint8Array<ArrayBuffer>;
  #size = 0;

  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(capacity);
  }

  private room(n: number): void {
    this.buf = withRoom(this.buf, this.#size + n);
  }

  /** Any text, as UTF-8. */
  text(s: string): this {
    this.room(s.length * 3);
    this.#size += encoder.encodeInto(s, this.buf.subarray(this.#size)).written;
    return this;
  }

  /** One ASCII character (a code below 128). */
  char(code: number): this {
    this.room(1);
    this.buf[this.#size++] = code;
    return this;
  }

  /** A non-negative integer, in decimal. */
  int(n: number): this {
    this.room(16);
    this.#size = writeInt(this.buf, this.#size, n);
    return this;
  }

  /**
   * Room for `n` bytes, for a loop that writes them itself (into `buffer` from
   * `size`, then sets `size` past them): no check per byte.
   */
  reserve(n: number): Uint8Array {
    this.room(n);
    return this.buf;
  }

  get size(): number {
    return this.#size;
  }

  set size(at: number) {
    this.#size = at;
  }

  /** The bytes written, in a buffer of their own (it can move to another thread). */
  bytes(): Uint8Array<ArrayBuffer> {
    return this.buf.slice(0, this.#size);
  }
}
