import { describe, expect, it } from 'vitest';
import { Utf8Writer } from './utf8Writer.ts';

describe('Utf8Writer', () => {
  it('writes text, characters and integers as the UTF-8 of the same string, growing as it goes', () => {
    const w = new Utf8Writer(4);
    let expected = '';
    for (const n of [0, 7, 10, 99, 100, 2499, 65_536, 2_147_483_647, 9_007_199_254_740_991]) {
      w.text('«п’ять» 𝒜 ').int(n).char(44);
      expected += `«п’ять» 𝒜 ${n},`;
    }
    expect(new TextDecoder().decode(w.bytes())).toBe(expected);
    expect(w.bytes()).toEqual(new TextEncoder().encode(expected));
  });
});
