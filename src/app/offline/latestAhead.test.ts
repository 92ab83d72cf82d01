import { describe, expect, it } from 'vitest';
import { goodConnection } from './latestAhead.ts';

describe('caching the latest news ahead only on a good connection', () => {
  it('goes ahead on 3G and 4G, and where the browser does not say (no Network Information API)', () => {
    expect(goodConnection({ effectiveType: '4g' })).toBe(true);
    expect(goodConnection({ effectiveType: '3g', saveData: false })).toBe(true);
    expect(goodConnection(undefined)).toBe(true);
    expect(goodConnection({})).toBe(true);
  });

  it('holds back with Save-Data, on 2G and on slow 2G', () => {
    expect(goodConnection({ effectiveType: '4g', saveData: true })).toBe(false);
    expect(goodConnection({ effectiveType: '2g' })).toBe(false);
    expect(goodConnection({ effectiveType: 'slow-2g' })).toBe(false);
  });
});
