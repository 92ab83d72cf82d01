import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from './parseFeed.ts';
import { draftFacts } from '../enrich/enrich.ts';
import { detectFormat } from './detect.ts';
import { parseInWorkers, shareStrings } from './parseInWorkers.ts';
import { type FeedDrafts, feedToDrafts } from './toDraft.ts';
import type { FeedFile } from '../sources/sources.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

function feed(name: string): FeedFile {
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  const format = detectFormat(text);
  if (!['rss2', 'rss1', 'atom1', 'atom03', 'jsonfeed1.1', 'jsonfeed1.0'].includes(format as string)) throw new Error(`${name} is not a feed`);
  return { file: name, text, format } as FeedFile;
}

describe('parseInWorkers', { timeout: 30_000 }, () => { // worker threads boot tsx: slow on a busy machine
  it('gives each feed the drafts (with their facts) and errors of the in-line parse, in order, and empties its text', async () => {
    const names = ['rss2.xml', 'atom1.xml', 'feed11.json', 'rss1.rdf'];
    const expected = names.map((n) => {
      const parsed = feedToDrafts(parseFeed(feed(n)));
      return { ...parsed, drafts: parsed.drafts.map((d) => ({ ...d, facts: draftFacts(d) })) };
    });
    const feeds = names.map(feed);
    const done: number[] = [];
    const results = await parseInWorkers(feeds, (k) => done.push(k), 2);
    expect(results).toEqual(expected);
    expect(done.sort()).toEqual([0, 1, 2, 3]);
    expect(feeds.every((f) => f.text === '')).toBe(true);
  });

  it('when a worker fails, leaves that file, the one sent ahead and the rest to the caller', async () => {
    const feeds = ['rss2.xml', 'atom1.xml', 'feed11.json', 'rss1.rdf'].map(feed);
    // a text that is not a string throws on the worker thread
    const broken = { ...(feeds[1] as FeedFile), text: 42 } as unknown as FeedFile;
    const done: number[] = [];
    const results = await parseInWorkers([feeds[0] as FeedFile, broken, feeds[2] as FeedFile, feeds[3] as FeedFile], (k) => done.push(k), 1);
    expect(results[0]?.drafts.length).toBeGreaterThan(0);
    expect(results.slice(1)).toEqual([undefined, undefined, undefined]);
    expect(done).toEqual([0]);
    // the files left still have their text, to be parsed in line
    expect(feeds[2]?.text).not.toBe('');
  });

  it('shares repeated strings without changing a draft (every kind of block, run and located name)', () => {
    const draft = (n: number): FeedDrafts['drafts'][number] => ({
      file: 'feed.xml',
      item: n,
      ref: `r${n}`,
      idSource: `feed:${n}`,
      lang: 'uk',
      headline: `Заголовок ${n}`,
      publishedAt: '2026-01-01T00:00:00Z',
      source: n === 1 ? { name: 'Укрінформ', url: 'https://example.org/' } : { name: 'Укрінформ' },
      lead: 'Лід',
      body: [
        { type: 'paragraph', content: [{ type: 'text', text: 'a' }, { type: 'link', text: 'b', href: 'https://example.org/b' }] },
        { type: 'quote', content: [{ type: 'emphasis', text: 'c', strong: true }], cite: 'd' },
        { type: 'heading', level: 2, text: 'e' },
        { type: 'list', ordered: false, items: [[{ type: 'text', text: 'f' }], [{ type: 'emphasis', text: 'g' }]] },
        { type: 'image', src: 'https://example.org/i.jpg', alt: 'h' },
      ],
      context: [{ type: 'paragraph', content: [{ type: 'text', text: 'i' }] }],
      topics: [{ value: 'Україна', file: 'feed.xml', line: 3 }],
      picks: [{ value: 'Інший заголовок', file: 'feed.xml', line: 4 }],
      ...(n === 2 && { translationOf: { value: 'r1', file: 'feed.xml', line: 5 } }),
    });
    const parsed: FeedDrafts = { drafts: [1, 2, 3].map(draft), errors: [], items: 3, skipped: 0 };
    const copy = structuredClone(parsed);
    expect(shareStrings(parsed, new Map())).toStrictEqual(copy);
  });
});
