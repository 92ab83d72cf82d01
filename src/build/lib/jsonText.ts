import { readFileSync } from 'node:fs';

/**
 * A value kept as its JSON text. The search index is the biggest part of a
 * dataset: as objects its shards take several times the memory of their text
 * (100 000 articles did not fit in 4 GB), and the text has to be made anyway to
 * hash and gzip each shard. So a shard is kept as text — as its UTF-8 bytes,
 * half the memory of a JavaScript string of Cyrillic and movable between
 * threads without a copy — and the writer puts it on disk as it is instead of
 * serialising it again.
 */
export class JsonText {
  #text: string | undefined;
  /** the text as UTF-8, when it was given so */
  readonly bytes: Uint8Array | undefined;

  constructor(text: string | Uint8Array) {
    if (typeof text === 'string') this.#text = text;
    else this.bytes = text;
  }

  get text(): string {
    this.#text ??= new TextDecoder().decode(this.bytes);
    return this.#text;
  }

  /** JSON.stringify(jsonText) gives the same text, so code that serialises values needs no special case. */
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/**
 * A file written already, whole (its JSON text and newline), in a folder of
 * its own beside the dataset: write.ts moves it in. The search worker puts each
 * shard on disk as soon as it is built, so a big import does not hold them all
 * in memory while it finds related articles (≈200 MB at 100 000 articles).
 */
export class SpilledFile {
  constructor(readonly path: string) {}

  /** the JSON text (without the file's final newline), read from the file */
  get text(): string {
    return readFileSync(this.path, 'utf8').replace(/\n$/, '');
  }

  /** The same as a JsonText of the file's text, for code that serialises values itself. */
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

const MAKE_TEXT = Symbol('makes the JSON text');

/**
 * `value`, given a function that makes its JSON text — the same text
 * JSON.stringify(value) gives, made faster (from pieces serialised once and
 * shared by many files: a summary is in several list pages). jsonText() uses
 * it; to everything else the value is a plain object (a hidden symbol key).
 */
export function withJsonText<T extends object>(value: T, make: () => string): T {
  Object.defineProperty(value, MAKE_TEXT, { value: make, enumerable: false });
  return value;
}

/** The JSON text of a value: JSON.stringify, unless the value is kept as text already or knows how to make it. */
export function jsonText(value: unknown): string {
  if (value instanceof JsonText || value instanceof SpilledFile) return value.text;
  const make = typeof value === 'object' && value !== null ? (value as { [MAKE_TEXT]?: () => string })[MAKE_TEXT] : undefined;
  return make ? make() : JSON.stringify(value);
}

/**
 * A file whose value is made once the files before it in its batch are
 * written: `make` gets the sha-256 (hex) over the text of the files whose path
 * `covers` accepts, each with its newline, in the order written. The dataset's
 * manifest is one (its contentHash over the article files), so the articles
 * are serialised once, to be written, rather than once more to be hashed.
 * write.ts makes it; code that serialises values itself never meets one.
 */
export class AfterWritten {
  constructor(
    readonly covers: (path: string) => boolean,
    readonly make: (sha256: string) => unknown,
  ) {}
}
