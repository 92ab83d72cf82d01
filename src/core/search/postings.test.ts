import { describe, expect, it } from 'vitest';
import { DIGITS, decodePostings, encodePostings } from './postings.ts';

describe('postings text', () => {
  it('round-trips gaps of any size and every weight, in characters JSON never escapes', () => {
    const docs = [0, 1, 2, 33, 1057, 1058, 99_999, 1_500_000];
    const weights = [1, 63, 0, 17, 32, 31, 5, 62];
    const text = encodePostings(docs, weights);
    expect([...text].every((c) => DIGITS.includes(c))).toBe(true);
    expect(JSON.stringify(text)).toBe(`"${text}"`);
    const back = decodePostings(text);
    expect([...back.docs]).toEqual(docs);
    expect([...back.weights]).toEqual(weights);
  });

  it('takes about two characters per posting of a common term', () => {
    const docs = Array.from({ length: 1000 }, (_, k) => k * 3);
    expect(encodePostings(docs, docs.map(() => 40)).length).toBe(2000);
  });

  it('rejects text that is not postings', () => {
    expect(() => decodePostings('!A')).toThrow(/bad character/);
    expect(() => decodePostings('B')).toThrow(/no weight/);
    expect(() => decodePostings('A!')).toThrow(/no weight/);
  });
});
