import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { cut, shardText } from './buildIndex.ts';
import { type SearchDoc, indexOptions } from '../../core/search/searchData.ts';
import { prng } from '../lib/prng.ts';


/**
 * Documents whose words share many prefixes (a radix tree splits and reorders
 * its edges for them), in both scripts, with stop words, numbers, apostrophes,
 * repeated words and empty fields.
 */
function documents(n: number, seed: number): SearchDoc[] {
  const rnd = prng(seed);
  const syllables = ['ка', 'кар', 'ро', 'рос', 'і', 'ія', 'ва', 'ab', 'abc', 'a', 'b', 'ba', 'ing', 'ed', '’', '1', '19'];
  const word = (): string => {
    let w = '';
    const k = 1 + Math.floor(rnd() * 4);
    for (let s = 0; s < k; s++) w += syllables[Math.floor(rnd() * syllables.length)];
    return w;
  };
  const text = (max: number): string => Array.from({ length: Math.floor(rnd() * max) }, () => (rnd() < 0.1 ? 'the та' : word())).join(' ');
  return Array.from({ length: n }, (_, k) => ({
    id: `doc-${k}`,
    headline: text(8),
    lead: text(20),
    topics: rnd() < 0.3 ? '' : text(3),
    body: text(60),
    publishedAt: `2021-12-${String(1 + (k % 28)).padStart(2, '0')}T12:00:00Z`,
    tags: rnd() < 0.5 ? [] : [word()],
  }));
}

describe('shardText', () => {
  it('gives exactly the JSON of MiniSearch.addAll (stored leads cut), index order included', () => {
    for (const [n, seed] of [
      [1, 1],
      [40, 2],
      [600, 3],
    ] as const) {
      const docs = documents(n, seed);
      const plain = new MiniSearch<SearchDoc>(indexOptions);
      plain.addAll(docs);
      const json = plain.toJSON();
      for (const stored of Object.values(json.storedFields) as { lead?: string }[]) {
        if (stored.lead) stored.lead = cut(stored.lead, 30);
      }
      expect(shardText(docs, 30)).toBe(JSON.stringify(json));
    }
  });
});
