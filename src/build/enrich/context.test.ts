import { describe, expect, it } from 'vitest';
import type { Article } from '../../core/model/article.ts';
import { MAX_STORY, STORY_DAYS, addContext, findStories, storyStrength } from './context.ts';
import type { RelatedLink } from './related.ts';

const day = (d: number): string => new Date(Date.UTC(2021, 0, 1) + d * 86_400_000).toISOString();

function article(n: number, d: number, topics: string[] = []): Article {
  return {
    id: `a${n}`,
    slug: `story-${n}`,
    lang: 'uk',
    headline: `Новина ${n}`,
    publishedAt: day(d),
    source: { name: 'Test' },
    lead: '',
    body: [],
    context: [],
    topics: topics.map((slug) => ({ slug, labels: { uk: slug.toUpperCase() } })),
    related: [],
    translations: {},
    wordCount: 0,
  };
}

const strong: Omit<RelatedLink, 'id'> = { reason: { type: 'text' }, textScore: 0.6, topicShare: 0.5 };
const weak: Omit<RelatedLink, 'id'> = { reason: { type: 'topics', topics: ['x'] }, textScore: 0.05, topicShare: 0.9 };

describe('stories', () => {
  it('join articles by similar text (with or without shared names), never by shared names alone', () => {
    expect(storyStrength({ id: 'x', ...strong })).toBeGreaterThan(0);
    expect(storyStrength({ id: 'x', reason: { type: 'topics', topics: ['x'] }, textScore: 0.2, topicShare: 0.6 })).toBeGreaterThan(0);
    expect(storyStrength({ id: 'x', ...weak })).toBe(0);
    expect(storyStrength({ id: 'x', reason: { type: 'editorial' } })).toBe(0);
  });

  it('are transitive, within STORY_DAYS, and never grow past MAX_STORY', () => {
    const articles = [article(0, 0), article(1, 2), article(2, 4), article(3, 4 + STORY_DAYS + 1), article(4, 5)];
    const links = new Map<string, RelatedLink[]>([
      ['a0', [{ id: 'a1', ...strong }]],
      ['a1', [{ id: 'a2', ...strong }]],
      ['a2', [{ id: 'a3', ...strong }]], // too far apart
      ['a4', [{ id: 'a0', ...weak }]], // too weak
    ]);
    const { story } = findStories(articles, links);
    expect(story[0]).toBe(story[1]);
    expect(story[1]).toBe(story[2]);
    expect(story[3]).not.toBe(story[2]);
    expect(story[4]).not.toBe(story[0]);

    const many = Array.from({ length: MAX_STORY + 10 }, (_, k) => article(k, 0));
    const chain = new Map(many.slice(1).map((a, k) => [a.id, [{ id: `a${k}`, ...strong }]]));
    const { story: big } = findStories(many, chain);
    const sizes = new Map<number, number>();
    for (const s of big) sizes.set(s, (sizes.get(s) ?? 0) + 1);
    expect(Math.max(...sizes.values())).toBe(MAX_STORY);
  });
});

describe('addContext', () => {
  it('gives each article the story and the facts as they stood at its publication', () => {
    const articles = [article(0, 0, ['nato', 'only']), article(1, 1, ['nato']), article(2, 2, ['nato']), article(3, 3, ['other'])];
    const links = new Map<string, RelatedLink[]>([
      ['a0', [{ id: 'a1', ...strong }]],
      ['a2', [{ id: 'a1', ...strong }]],
    ]);
    addContext(articles, links);
    const [first, second, third, alone] = articles as [Article, Article, Article, Article];
    // the first of a story says so; then 2, then 3 articles, earlier ones oldest first
    expect(first.story).toEqual({ size: 1, earlier: [] });
    expect(second.story).toEqual({ size: 2, earlier: [{ slug: 'story-0', lang: 'uk', headline: 'Новина 0', publishedAt: day(0) }] });
    expect(third.story?.earlier.map((e) => e.slug)).toEqual(['story-0', 'story-1']);
    expect(third.story?.size).toBe(3);
    expect(alone.story).toBeUndefined();
    // NATO: no earlier article had it when the first came out: it gets the facts as of the second
    // ("only" is its alone); then 2, then 3, since the first
    expect(first.facts).toEqual([{ topic: first.topics[0], count: 2, since: day(0) }]);
    expect(second.facts).toEqual([{ topic: second.topics[0], count: 2, since: day(0) }]);
    expect(third.facts).toEqual([{ topic: third.topics[0], count: 3, since: day(0) }]);
    expect(alone.facts).toBeUndefined();
    // the story's articles are related, named as such, nearest first
    expect(second.related.map((r) => [r.slug, r.reason.type])).toEqual([
      ['story-0', 'story'],
      ['story-2', 'story'],
    ]);
  });

  it('never changes an article’s story or facts when later articles arrive, even one that links two stories', () => {
    const before = [article(0, 0, ['nato']), article(1, 1, ['nato']), article(2, 2, ['eu']), article(3, 3, ['eu', 'nato'])];
    const links = new Map<string, RelatedLink[]>([
      ['a1', [{ id: 'a0', ...strong }]],
      ['a3', [{ id: 'a2', ...strong }]],
    ]);
    addContext(before, links);
    const later = [article(4, 4, ['nato', 'eu']), article(5, 5, ['nato'])];
    const after = [...before.map((a) => ({ ...a, related: [], story: undefined, facts: undefined })), ...later].map(({ story: _s, facts: _f, ...a }) => a as Article);
    const more = new Map<string, RelatedLink[]>([...links, ['a4', [{ id: 'a1', ...strong }, { id: 'a3', ...strong }]], ['a5', [{ id: 'a4', ...strong }]]]);
    addContext(after, more);
    for (const k of [0, 1, 2, 3]) {
      expect(after[k]?.story).toEqual(before[k]?.story);
      expect(after[k]?.facts).toEqual(before[k]?.facts);
    }
    // the new article joined both stories: its story so far has all four, the next one five
    expect(after[4]?.story?.size).toBe(5);
    expect(after[4]?.story?.earlier.map((e) => e.slug)).toEqual(['story-0', 'story-1', 'story-2', 'story-3']);
    expect(after[5]?.story?.size).toBe(6);
    expect(after[5]?.facts).toEqual([{ topic: after[5]?.topics[0], count: 5, since: day(0) }]);
  });

  it('keeps the editor’s picks first and never replaces the editor’s context', () => {
    const articles = [article(0, 0), article(1, 1), article(2, 2)];
    articles[0]!.context = [{ type: 'paragraph', content: [{ type: 'text', text: 'Редакційний контекст' }] }];
    articles[0]!.related = [{ id: 'a2', slug: 'story-2', lang: 'uk', headline: 'Новина 2', publishedAt: day(2), reason: { type: 'editorial' } }];
    addContext(articles, new Map([['a0', [{ id: 'a1', ...strong }]]]));
    expect(articles[0]?.context).toHaveLength(1);
    expect(articles[0]?.related.map((r) => [r.slug, r.reason.type])).toEqual([
      ['story-2', 'editorial'],
      ['story-1', 'story'],
    ]);
  });
});
