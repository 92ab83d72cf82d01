import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { Article } from '../../core/model/article.ts';
import { ListPage, Manifest, PAGE_SIZE, TopicIndex, TopicPage } from '../../core/model/dataset.ts';
import { contentHash, layoutDataset } from './layout.ts';
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

  it('pages the latest lists newest first', () => {
    const p1 = v.parse(ListPage, get('latest/all/1.json'));
    const p3 = v.parse(ListPage, get('latest/all/3.json'));
    expect([p1.page, p1.pages, p1.total, p1.items.length]).toEqual([1, 3, 45, 20]);
    expect(p3.items).toHaveLength(5);
    expect(p1.items[0]?.slug).toBe('story-45');
    expect(p3.items.at(-1)?.slug).toBe('story-1');
    expect(files.has('latest/all/4.json')).toBe(false);
    expect(v.parse(ListPage, get('latest/en/1.json')).items.every((s) => s.lang === 'en')).toBe(true);
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
    const page = v.parse(TopicPage, get('topics/even/2.json'));
    expect(page.topic.slug).toBe('even');
    expect([page.page, page.pages, page.total, page.items.length]).toEqual([2, 2, 22, 2]);
  });

  it('every file matches its schema', () => {
    for (const [path, value] of files) {
      const schema = path === 'manifest.json' ? Manifest : /^search\/\w+\/manifest\.json$/.test(path) ? SearchManifest : path.startsWith('search/') ? SearchShard : path.startsWith('articles/') ? Article : path === 'topics/index.json' ? TopicIndex : path.startsWith('topics/') ? TopicPage : ListPage;
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
