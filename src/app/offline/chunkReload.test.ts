import { describe, expect, it } from 'vitest';
import { reloadForChunk } from './chunkReload.ts';

const memory = (): Pick<Storage, 'getItem' | 'setItem'> => {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
};

describe('reloading for a chunk a deploy removed', () => {
  it('reloads once per build: not again for the same build, again after the next deploy', () => {
    const tab = memory();
    expect(reloadForChunk(tab, 'build-1')).toBe(true);
    // the reload brought build-2; its chunks go missing after the next deploy
    expect(reloadForChunk(tab, 'build-2')).toBe(true);
    // build-2's page again (the host still mid-deploy): no loop
    expect(reloadForChunk(tab, 'build-2')).toBe(false);
    expect(reloadForChunk(tab, 'build-3')).toBe(true);
  });

  it('never reloads without storage to remember it in', () => {
    const blocked = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => {} };
    expect(reloadForChunk(blocked, 'build-1')).toBe(false);
    expect(reloadForChunk(undefined, 'build-1')).toBe(false);
  });
});
