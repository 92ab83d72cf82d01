import { describe, expect, it } from 'vitest';
import { place } from './topList.ts';

describe('place', () => {
  it('keeps a best-first list: an item moves up past worse scores, not past equal ones', () => {
    const score = new Float64Array(3);
    const item = new Int32Array(3);
    place(score, item, 0, 0.5, 1);
    place(score, item, 1, 0.9, 2);
    place(score, item, 2, 0.5, 3);
    expect([...item]).toEqual([2, 1, 3]);
    place(score, item, 2, 0.7, 4); // the last place, taken by a better item
    expect([...item]).toEqual([2, 4, 1]);
    expect([...score]).toEqual([0.9, 0.7, 0.5]);
  });
});
