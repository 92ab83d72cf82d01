/**
 * The context the archive gives an article (the "Контекст" aside when the
 * source gives none, and beside the editor's when it does). Pure.
 *
 *   stories   articles joined by strong "More on this topic" links (similar
 *             text, or similar text and shared specific topics), at most STORY_DAYS
 *             apart, transitively; the strongest links join first and a story
 *             never grows past MAX_STORY articles (no chaining a whole archive
 *             into one story through common names)
 *   story     each article's earlier articles of its story, the latest
 *             STORY_SHOWN, oldest first; the first article of a story says so
 *   related   the same story's articles are named as such ("Та сама історія"),
 *             and fill the places the links left free
 *   facts     the article's main topics with how many articles the archive has
 *             and since when (topics of one article say nothing, and are left out)
 */
import type { Article, RelatedArticle, StoryItem, TopicFact, TopicRef } from '../../core/model/article.ts';
import { relatedCard } from '../../core/model/article.ts';
import { timeOf } from '../../core/time/dates.ts';
import { MAX_RELATED, type RelatedLink } from './related.ts';

/**
 * A related link puts two articles in one story when their texts are this
 * similar (cosine × recency, related.ts)…
 */
export const STORY_TEXT = 0.3;
/** …or a little less similar and sharing this share of the article's topic weight (specific names). */
export const STORY_TEXT_WITH_TOPICS = 0.15;
export const STORY_TOPICS = 0.3;

/** How strongly a link ties two articles into one story (0: not at all): shared names and similar text. */
export function storyStrength(link: RelatedLink): number {
  const text = link.textScore ?? 0;
  const topics = link.topicShare ?? 0;
  return text >= STORY_TEXT || (text >= STORY_TEXT_WITH_TOPICS && topics >= STORY_TOPICS) ? text + topics : 0;
}
/** Articles further apart than this are not joined into one story by a link. */
export const STORY_DAYS = 30;
/** A story never grows past this many articles. */
export const MAX_STORY = 60;
/** Earlier articles the story shows. */
export const STORY_SHOWN = 5;
/** Topics the facts name. */
export const MAX_FACTS = 3;

const DAY_MS = 86_400_000;

/** Articles in story order: by time, then slug. */
const byTime = (time: readonly number[], slugs: readonly string[]) => (a: number, b: number) => (time[a] as number) - (time[b] as number) || ((slugs[a] as string) < (slugs[b] as string) ? -1 : 1);

/** Each article's story, as the position of a representative (articles alone in theirs: themselves). */
export function findStories(articles: readonly Pick<Article, 'id' | 'publishedAt' | 'translations'>[], links: ReadonlyMap<string, readonly RelatedLink[]>): Int32Array {
  const n = articles.length;
  const at = new Map(articles.map((a, i) => [a.id, i]));
  const time = articles.map((a) => timeOf(a.publishedAt));
  const edges: Array<[number, number, number]> = [];
  articles.forEach((a, i) => {
    for (const link of links.get(a.id) ?? []) {
      const j = at.get(link.id);
      const strength = storyStrength(link);
      if (j === undefined || strength === 0) continue;
      const apart = Math.abs((time[i] as number) - (time[j] as number));
      if (!(apart <= STORY_DAYS * DAY_MS)) continue;
      edges.push([i, j, strength]);
    }
  });
  edges.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const size = new Int32Array(n).fill(1);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    for (let x = i; parent[x] !== root; ) [x, parent[x]] = [parent[x] as number, root];
    return root;
  };
  for (const [i, j] of edges) {
    const a = find(i);
    const b = find(j);
    if (a === b || (size[a] as number) + (size[b] as number) > MAX_STORY) continue;
    parent[b] = a;
    size[a] = (size[a] as number) + (size[b] as number);
  }
  return Int32Array.from({ length: n }, (_, i) => find(i));
}

/** How many articles each topic has and the earliest of them. */
export function topicStats(articles: readonly Pick<Article, 'topics' | 'publishedAt'>[]): Map<string, { count: number; since: string; t: number }> {
  const stats = new Map<string, { count: number; since: string; t: number }>();
  for (const a of articles) {
    const t = timeOf(a.publishedAt);
    for (const topic of a.topics) {
      const s = stats.get(topic.slug);
      if (!s) stats.set(topic.slug, { count: 1, since: a.publishedAt, t });
      else {
        s.count++;
        if (t < s.t) [s.since, s.t] = [a.publishedAt, t];
      }
    }
  }
  return stats;
}

/** The facts of an article: its first MAX_FACTS topics that other articles have too. */
export function factsFor(topics: readonly TopicRef[], stats: ReadonlyMap<string, { count: number; since: string }>): TopicFact[] {
  const facts: TopicFact[] = [];
  for (const topic of topics) {
    const s = stats.get(topic.slug);
    if (!s || s.count < 2) continue;
    facts.push({ topic, count: s.count, since: s.since });
    if (facts.length >= MAX_FACTS) break;
  }
  return facts;
}

/**
 * Gives each article its story and facts, and its related links their story
 * reason (filled up with the story's nearest articles), in place.
 */
export function addContext(articles: Article[], links: ReadonlyMap<string, readonly RelatedLink[]>): void {
  const story = findStories(articles, links);
  const time = articles.map((a) => timeOf(a.publishedAt));
  const slugs = articles.map((a) => a.slug);
  const members = new Map<number, number[]>();
  story.forEach((s, i) => {
    const list = members.get(s);
    if (list) list.push(i);
    else members.set(s, [i]);
  });
  for (const list of members.values()) list.sort(byTime(time, slugs));
  const stats = topicStats(articles);
  const at = new Map(articles.map((a, i) => [a.id, i]));
  articles.forEach((a, i) => {
    const own = members.get(story[i] as number) ?? [i];
    if (own.length > 1) {
      const k = own.indexOf(i);
      const earlier: StoryItem[] = own.slice(Math.max(0, k - STORY_SHOWN), k).map((j) => {
        const e = articles[j] as Article;
        return { slug: e.slug, lang: e.lang, headline: e.headline, publishedAt: e.publishedAt };
      });
      a.story = { size: own.length, earlier };
    }
    const facts = factsFor(a.topics, stats);
    if (facts.length > 0) a.facts = facts;
    a.related = storyRelated(a, i, own, story, at, articles, time);
  });
}

/**
 * The related cards, the same story's first: the editor's picks, then the
 * links to the same story (named as such), then the story's other articles
 * nearest in time (own language first), then the other links.
 */
function storyRelated(a: Article, i: number, own: readonly number[], story: Int32Array, at: ReadonlyMap<string, number>, articles: readonly Article[], time: readonly number[]): RelatedArticle[] {
  if (own.length < 2) return a.related;
  const translations = new Set(Object.values(a.translations));
  const same = (r: RelatedArticle): boolean => story[at.get(r.id) ?? -1] === story[i];
  const picks = a.related.filter((r) => r.reason.type === 'editorial');
  const inStory = a.related.filter((r) => r.reason.type !== 'editorial' && same(r)).map((r): RelatedArticle => ({ ...r, reason: { type: 'story' } }));
  const others = a.related.filter((r) => r.reason.type !== 'editorial' && !same(r));
  const related = [...picks, ...inStory];
  const listed = new Set(a.related.map((r) => r.id));
  const nearest = own
    .filter((j) => j !== i && !listed.has((articles[j] as Article).id) && !translations.has((articles[j] as Article).slug))
    .sort(
      (x, y) =>
        Number((articles[y] as Article).lang === a.lang) - Number((articles[x] as Article).lang === a.lang) ||
        Math.abs((time[x] as number) - (time[i] as number)) - Math.abs((time[y] as number) - (time[i] as number)) ||
        x - y,
    );
  for (const j of nearest) {
    if (related.length >= MAX_RELATED) break;
    related.push(relatedCard(articles[j] as Article, { type: 'story' }));
  }
  for (const r of others) {
    if (related.length >= MAX_RELATED) break;
    related.push(r);
  }
  return related;
}
