/**
 * The words of texts as numbers, for building the search index: scan() finds
 * the same words as words() (normalise.ts) — runs of letters and digits, with
 * apostrophes inside a word — and gives each distinct word as written one
 * number, without making a string for a word it has seen before.
 *
 * Why: at 100 000 articles the index reads tens of millions of words, nearly
 * all of them met before; a string and a Map lookup for each was most of the
 * search worker's time and garbage. Here each word is hashed as it is read and
 * looked up in an open-addressing table by comparing characters in place.
 * wordTable.test.ts checks it against words() on hostile and real text.
 */

import { withRoom } from '../lib/growable.ts';
import { letterAt } from '../../core/text/letters.ts';

/** What words() allows between two parts of a word: ' ’ ʼ ` ′ ʹ ‘ */
const APOSTROPHE = new Set([0x27, 0x2019, 0x2bc, 0x60, 0x2032, 0x2b9, 0x2018]);
export class WordTable {
  /** each word as written, by number */
  readonly words: string[] = [];
  /** the numbers of the words of the last text scanned, in ids[0 .. count) */
  ids = new Int32Array(256);
  private hashes = new Int32Array(1024);
  /** open addressing: word number + 1, 0 for an empty slot */
  private slots = new Int32Array(1 << 12);

  get size(): number {
    return this.words.length;
  }

  /** Reads the words of `text` into `ids`, adding new ones to the table; gives how many there are. */
  scan(text: string): number {
    const n = text.length;
    let count = 0;
    let i = 0;
    while (i < n) {
      let step = letterAt(text, i);
      if (step === 0) {
        i++;
        continue;
      }
      const start = i;
      let hash = -2128831035; // FNV-1a over the UTF-16 units
      for (;;) {
        for (let k = 0; k < step; k++) hash = Math.imul(hash ^ text.charCodeAt(i + k), 16777619);
        i += step;
        if (i >= n) break;
        step = letterAt(text, i);
        if (step > 0) continue;
        // an apostrophe followed by a letter or digit goes on with the word
        if (!APOSTROPHE.has(text.charCodeAt(i)) || i + 1 >= n) break;
        const after = letterAt(text, i + 1);
        if (after === 0) break;
        hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
        i++;
        step = after;
      }
      this.ids = withRoom(this.ids, count + 1);
      this.ids[count++] = this.idOf(text, start, i, hash);
    }
    return count;
  }

  /** The number of text[start, end), hashed `hash`; a new word gets the next number. */
  private idOf(text: string, start: number, end: number, hash: number): number {
    const { slots, hashes, words } = this;
    const mask = slots.length - 1;
    const length = end - start;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const slot = slots[s] as number;
      if (slot === 0) {
        const id = words.length;
        words.push(text.slice(start, end));
        this.hashes = withRoom(hashes, id + 1);
        this.hashes[id] = hash;
        slots[s] = id + 1;
        if (words.length * 2 > slots.length) this.grow();
        return id;
      }
      const id = slot - 1;
      if (hashes[id] !== hash) continue;
      const word = words[id] as string;
      if (word.length !== length) continue;
      let k = 0;
      while (k < length && word.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === length) return id;
    }
  }

  /** Twice the slots, every word placed again. */
  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.words.length; id++) {
      let s = (this.hashes[id] as number) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = id + 1;
    }
    this.slots = slots;
  }
}
