import { describe, expect, it } from 'vitest';
import { withRoom } from './growable.ts';

describe('withRoom', () => {
  it('keeps a column with room, and copies one without into one at least twice as long', () => {
    const a = Int32Array.from([1, 2, 3]);
    expect(withRoom(a, 3)).toBe(a);
    const b = withRoom(a, 4);
    expect(b).toBeInstanceOf(Int32Array);
    expect(Array.from(b)).toEqual([1, 2, 3, 0, 0, 0]);
    expect(withRoom(Uint8Array.from([7]), 10).length).toBe(10);
  });
});
