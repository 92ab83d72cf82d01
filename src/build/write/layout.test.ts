import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { Article } from '../../core/model/article.ts';
import { ListPage, Manifest, OlderPage, PAGE_SIZE, TopicIndex, TopicPage, olderPageOf } from '../../core/model/dataset.ts';
import { contentHash, layoutDataset, paginate } from './layout.ts';
import { SearchManifest, SearchShard } from '../../core/search/searchData.ts';
import { jsonText } from '../lib/jsonText.ts';

function article(k: number, extra: Partial<Article> = {}): Article {
  return {
    id: `id${String(k).padStart(3, '0')}`,
    slug: `story-${k}`,
    lang: k % 3 === 0 ? 'en' : 'uk',
    headline: `Story ${k}`,
    publishedAt: new Date(Date.UTC(2021, 11, 1) + k * 3_600_000).toISOString().replace('.000Z', 'Z'),
    source: { name: 'Kontekst' },
    lead: `Lead ${k}. ${'word '.repeat(80)}`,
    body: [],
    context: [],
    topics: k % 2 === 0 ? [{ slug: 'even', labels: { en: 'Even' } }] : [{ slug: 'odd', labels: { en: 'Odd' } }, { slug: 'all', labels: {} }],
    related: [],
    translations: {},
    wordCount: 82,
    ...extra,
  };
}

const articles = Array.from({ length: 45 }, (_, k) => article(k + 1));
const builtAt = '2021-12-21T14:00:00.000Z';

describe('layoutDataset', () => {
  const files = layoutDataset(articles, { builtAt });
  const get = <T>(path: string): T => files.get(path) as T;

  it('writes one file per article and a manifest', () => {
    for (const a of articles) expect(files.get(`articles/${a.slug}.json`)).toEqual(a);
    expect(v.parse(Manifest, get('manifest.json'))).toEqual({
      version: 1,
      articleCount: 45,
      languages: ['uk', 'en'],
      counts: { uk: 30, en: 15 },
      builtAt,
      contentHash: contentHash(articles),
      pageSize: PAGE_SIZE,
      topicCount: 3,
    });
  });

  it('gives every file the text JSON.stringify gives (list pages make theirs from shared summary texts)', () => {
    for (const [path, value] of files) expect(jsonText(value), path).toBe(JSON.stringify(value));
    expect(jsonText(files.get('topics/even/1.json'))).toContain('"items":[{"id"');
  });

  it('pages the latest lists newest first: a head of the newest, older pages counted from the oldest', () => {
    const head = v.parse(ListPage, get('latest/all/1.json'));
    const older = v.parse(OlderPage, get('latest/all/older/1.json'));
    // 45 = an older page of 20 (the oldest) and a head of the other 25
    expect([head.page, head.pages, head.total, head.items.length]).toEqual([1, 2, 45, 25]);
    expect(head.items[0]?.slug).toBe('story-45');
    expect(head.items.at(-1)?.slug).toBe('story-21');
    expect(older).toEqual({ page: 1, items: expect.any(Array) });
    expect(older.items.map((s) => s.slug)).toEqual(Array.from({ length: 20 }, (_, k) => `story-${20 - k}`));
    expect(files.has('latest/all/older/2.json')).toBe(false);
    expect(files.has('latest/all/2.json')).toBe(false);
    expect(v.parse(ListPage, get('latest/en/1.json')).items.every((s) => s.lang === 'en')).toBe(true);
    // the reader's page 2 is the older page the head's count names
    expect(olderPageOf(2, head.pages)).toBe(1);
    expect(olderPageOf(3, head.pages)).toBeUndefined();
  });

  it('keeps every older page as it was when newer articles arrive: only the head changes, and a new older page now and then', () => {
    const pages = (n: number) => paginate(Array.from({ length: n }, (_, k) => n - k), 20); // newest first
    expect(pages(0)).toEqual({ head: { page: 1, pages: 1, total: 0, items: [] }, older: [] });
    expect(pages(39).older).toEqual([]);
    expect(pages(39).head.items).toHaveLength(39);
    const before = pages(60);
    expect(before.head.items).toEqual(Array.from({ length: 20 }, (_, k) => 60 - k));
    expect(before.older.map((p) => p.items.at(-1))).toEqual([1, 21]);
    for (const n of [61, 79, 80, 101, 250]) {
      const after = pages(n);
      // each older page of the smaller list is the same in the bigger one
      for (const p of before.older) expect(after.older[p.page - 1]).toEqual(p);
      expect(after.head.items.length).toBeGreaterThanOrEqual(20);
      expect(after.head.items.length).toBeLessThan(40);
      expect(after.head.pages).toBe(after.older.length + 1);
      // every article is on one page, newest first across the reader's pages
      const reader = [after.head.items, ...[...after.older].reverse().map((p) => p.items)].flat();
      expect(reader).toEqual(Array.from({ length: n }, (_, k) => n - k));
    }
  });

  it('summaries carry a shortened lead and the topics', () => {
    const item = v.parse(ListPage, get('latest/all/1.json')).items[0];
    expect(item?.lead?.length).toBeLessThanOrEqual(300);
    expect(item?.lead?.endsWith('…')).toBe(true);
    expect(item?.topics).toEqual(articles.at(-1)?.topics);
  });

  it('always writes page 1, even for an empty list', () => {
    const only = layoutDataset([article(1)], { builtAt });
    expect(v.parse(ListPage, only.get('latest/en/1.json'))).toEqual({ page: 1, pages: 1, total: 0, items: [] });
    const none = layoutDataset([], { builtAt });
    expect(v.parse(ListPage, none.get('latest/all/1.json')).total).toBe(0);
    expect(v.parse(TopicIndex, none.get('topics/index.json'))).toEqual({ topics: [] });
  });

  it('indexes topics by count, then slug, with a page per topic', () => {
    const index = v.parse(TopicIndex, get('topics/index.json'));
    expect(index.topics.map((t) => [t.slug, t.count])).toEqual([
      ['all', 23],
      ['odd', 23],
      ['even', 22],
    ]);
    // 22 articles: one head of 22 (fewer than 40: no older page yet)
    const page = v.parse(TopicPage, get('topics/even/1.json'));
    expect(page.topic.slug).toBe('even');
    expect([page.page, page.pages, page.total, page.items.length]).toEqual([1, 1, 22, 22]);
    expect(files.has('topics/even/older/1.json')).toBe(false);
    const many = layoutDataset(Array.from({ length: 100 }, (_, k) => article(k + 1)), { builtAt });
    const head = v.parse(TopicPage, many.get('topics/even/1.json'));
    expect([head.pages, head.total, head.items.length]).toEqual([2, 50, 30]);
    expect(v.parse(OlderPage, many.get('topics/even/older/1.json')).items.map((s) => s.slug).at(-1)).toBe('story-2');
  });

  it('every file matches its schema', () => {
    for (const [path, value] of files) {
      const schema = path === 'manifest.json' ? Manifest : /^search\/\w+\/manifest\.json$/.test(path) ? SearchManifest : path.startsWith('search/') ? SearchShard : path.startsWith('articles/') ? Article : path.includes('/older/') ? OlderPage : path === 'topics/index.json' ? TopicIndex : path.startsWith('topics/') ? TopicPage : ListPage;
      // as written: a built search file is kept as its JSON text (src/build/lib/jsonText.ts)
      expect(v.safeParse(schema, JSON.parse(jsonText(value))).success, path).toBe(true);
    }
  });
});

describe('contentHash', () => {
  it('does not depend on order or build time, and changes with the content', () => {
    const hash = contentHash(articles);
    expect(contentHash([...articles].reverse())).toBe(hash);
    expect(layoutDataset(articles, { builtAt: '2030-01-01T00:00:00Z' }).get('manifest.json')).toMatchObject({ contentHash: hash });
    const changed = articles.map((a, k) => (k === 7 ? { ...a, headline: `${a.headline}!` } : a));
    expect(contentHash(changed)).not.toBe(hash);
  });
});

describe('the topic index at scale', () => {
  it('splits into pages when there are more topics than one file should hold', () => {
    const many = Array.from({ length: 5 }, (_, k) => article(k + 1, { topics: [{ slug: `t${k}`, labels: { en: `T${k}` } }] }));
    const files = layoutDataset(many, { builtAt, topicIndexPageSize: 2 });
    expect(files.get('topics/index.json')).toMatchObject({ page: 1, pages: 3, topics: [{ slug: 't0' }, { slug: 't1' }] });
    expect(v.parse(TopicIndex, files.get('topics/index/3.json'))).toMatchObject({ page: 3, pages: 3, topics: [{ slug: 't4' }] });
    expect(files.has('topics/index/4.json')).toBe(false);
  });
});
