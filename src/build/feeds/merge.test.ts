import { describe, expect, it } from 'vitest';
import type { Draft } from './draft.ts';
import { formatError } from '../errors.ts';
import { mergeDuplicates } from './merge.ts';

const draft = (item: number, extra: Partial<Draft>): Draft => ({
  file: 'f.xml',
  item,
  line: item * 10,
  ref: `f.xml#${item}`,
  // as toDraft.ts makes it: a guid keyed by its publisher
  idSource: extra.guid !== undefined ? `feed:${extra.source?.url ?? 'https://desk.example/'}\u0000${extra.guid}` : `feed:${item}`,
  lang: 'en',
  headline: `H${item}`,
  publishedAt: '2021-12-21T10:00:00Z',
  source: { name: 'Desk' },
  lead: 'x',
  body: [],
  context: [],
  topics: [],
  picks: [],
  ...extra,
});

describe('mergeDuplicates', () => {
  it('merges the same guid, keeping the later version and every topic', () => {
    const a = draft(1, { guid: 'g', topics: [{ value: 'A', file: 'f.xml', line: 10 }] });
    const b = draft(2, { guid: 'g', headline: 'Updated', updatedAt: '2021-12-22T10:00:00Z', topics: [{ value: 'B', file: 'f.xml', line: 20 }] });
    const r = mergeDuplicates([a, b]);
    expect(r.merged).toBe(1);
    expect(r.drafts).toHaveLength(1);
    expect(r.drafts[0]).toMatchObject({ headline: 'Updated', topics: [{ value: 'B' }, { value: 'A' }] });
    expect(r.errors.map(formatError)).toEqual([
      'f.xml:20: warning: item 2: the same article as f.xml item 1 (same guid); merged, keeping the later version',
    ]);
  });
  it("never merges two publishers' items that share a guid", () => {
    const a = draft(1, { guid: '42', source: { name: 'A', url: 'https://a.example/' } });
    const b = draft(2, { guid: '42', source: { name: 'B', url: 'https://b.example/' } });
    expect(mergeDuplicates([a, b])).toMatchObject({ merged: 0, drafts: [a, b] });
  });

  it('merges items without a guid by link; different guids stay apart', () => {
    const r = mergeDuplicates([
      draft(1, { url: 'https://x.example/a' }),
      draft(2, { url: 'https://x.example/a' }),
      draft(3, { guid: 'g3', url: 'https://x.example/b' }),
      draft(4, { guid: 'g4', url: 'https://x.example/b' }),
    ]);
    expect(r.drafts.map((d) => d.item)).toEqual([1, 3, 4]);
    expect(r.merged).toBe(1);
  });
});
