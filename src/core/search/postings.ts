/**
 * The postings of one index term as text: for each article that has the term,
 * in article order (newest first), the gap from the previous article's number
 * and how strongly the article is about the term (its BM25F weight, 1–63).
 * Written by the build (src/build/index/termIndex.ts), read by the search
 * worker; docs/DATA.md, "Search index", describes it.
 *
 * Digits are the 64 characters [A-Za-z0-9._] (nothing a JSON string escapes).
 * A gap is a number in base 32, most significant digit first: every digit but
 * the last is written as 32 + digit, the last as the digit itself. A weight is
 * one digit (0–63). Most gaps of a common term are one character: a posting is
 * about two bytes before gzip.
 */

export const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._';

/** The highest weight: a posting's weight w stands for the saturated term frequency w / WEIGHT_MAX. */
export const WEIGHT_MAX = 63;

const VALUE = new Int8Array(128).fill(-1);
for (let k = 0; k < DIGITS.length; k++) VALUE[DIGITS.charCodeAt(k)] = k;

/** Character codes of `gap`, appended to `out`. */
export function pushGap(out: number[], gap: number): void {
  let shift = 0;
  while (gap >= 32 ** (shift + 1)) shift++;
  for (; shift > 0; shift--) out.push(DIGITS.charCodeAt(32 + (Math.floor(gap / 32 ** shift) % 32)));
  out.push(DIGITS.charCodeAt(gap % 32));
}

/** Text of postings (articles ascending, weights 0–63). */
export function encodePostings(docs: ArrayLike<number>, weights: ArrayLike<number>): string {
  const out: number[] = [];
  let last = -1;
  for (let k = 0; k < docs.length; k++) {
    pushGap(out, (docs[k] as number) - last);
    last = docs[k] as number;
    out.push(DIGITS.charCodeAt(weights[k] as number));
  }
  let s = '';
  for (let k = 0; k < out.length; k += 8192) s += String.fromCharCode(...out.slice(k, k + 8192));
  return s;
}

export interface Postings {
  docs: Int32Array;
  weights: Uint8Array;
}

/** The postings in `text`; throws on a character that is not a digit. */
export function decodePostings(text: string): Postings {
  const docs = new Int32Array(text.length >> 1);
  const weights = new Uint8Array(text.length >> 1);
  let n = 0;
  let doc = -1;
  let gap = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const d = code < 128 ? (VALUE[code] as number) : -1;
    if (d < 0) throw new Error(`postings: bad character at ${i}`);
    if (d >= 32) {
      gap = gap * 32 + (d - 32);
      continue;
    }
    doc += gap * 32 + d;
    gap = 0;
    i++;
    const w = i < text.length && text.charCodeAt(i) < 128 ? (VALUE[text.charCodeAt(i)] as number) : -1;
    if (w < 0) throw new Error(`postings: no weight at ${i}`);
    docs[n] = doc;
    weights[n++] = w;
  }
  return { docs: docs.subarray(0, n), weights: weights.subarray(0, n) };
}
