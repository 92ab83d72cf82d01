/**
 * The context the archive gives an article (the "Контекст" aside when the
 * source gives none, and beside the editor's when it does). Pure.
 *
 *   stories   articles joined by strong "More on this topic" links (similar
 *             text, or similar text and shared specific topics), at most STORY_DAYS
 *             apart, in the order they were published: each article joins the
 *             stories of earlier ones, strongest link first, and a story never
 *             grows past MAX_STORY articles (no chaining a whole archive into one
 *             story through common names)
 *   story     each article's story as it stood at its publication: the latest
 *             STORY_SHOWN earlier articles, oldest first, and how many it had;
 *             the first article of a story says so (once a later one joins it)
 *   related   the same story's articles are named as such ("Та сама історія"),
 *             and fill the places the links left free
 *   facts     the article's main topics with how many articles the archive had
 *             when it was published, and since when (topics no earlier article
 *             has are left out; an article with none then gets them once, when a
 *             later article first shares one of its topics)
 *
 * The story and the facts are "as of this article": articles published later
 * never change them, so an update that brings new articles leaves the old
 * articles' files as they were (docs/adr/0013-incremental-update.md).
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

/** Articles in story order: by time, then id (the order articles are published in, as far as the archive knows). */
const byTime = (time: readonly number[], ids: readonly string[]) => (a: number, b: number) => (time[a] as number) - (time[b] as number) || ((ids[a] as string) < (ids[b] as string) ? -1 : (ids[a] as string) > (ids[b] as string) ? 1 : 0);

/** The story of an article as it stood when the article was published: how many articles it had (this one included) and the latest earlier ones. */
export interface StorySoFar {
  size: number;
  /** positions of the latest STORY_SHOWN earlier articles, oldest first */
  earlier: number[];
}

/**
 * Stories, built in the order the articles were published: each article joins
 * the stories of the earlier articles it is strongly linked to (strongest link
 * first, at most STORY_DAYS apart, never past MAX_STORY), so what an article's
 * story was at its publication never changes when later articles arrive.
 * Gives each article's story as the position of a representative (articles
 * alone in theirs: themselves), and the story so far of each.
 */
export function findStories(
  articles: readonly Pick<Article, 'id' | 'publishedAt' | 'translations'>[],
  links: ReadonlyMap<string, readonly RelatedLink[]>,
): { story: Int32Array; soFar: StorySoFar[] } {
  const n = articles.length;
  const at = new Map(articles.map((a, i) => [a.id, i]));
  const time = articles.map((a) => timeOf(a.publishedAt));
  const ids = articles.map((a) => a.id);
  const order = Array.from({ length: n }, (_, i) => i).sort(byTime(time, ids));
  const rank = new Int32Array(n);
  order.forEach((i, k) => (rank[i] = k));
  // each link counts both ways: it joins the later article to the earlier one when the later arrives
  const edges: Array<Array<[number, number]>> = Array.from({ length: n }, () => []);
  articles.forEach((a, i) => {
    for (const link of links.get(a.id) ?? []) {
      const j = at.get(link.id);
      const strength = storyStrength(link);
      if (j === undefined || j === i || strength === 0) continue;
      const apart = Math.abs((time[i] as number) - (time[j] as number));
      if (!(apart <= STORY_DAYS * DAY_MS)) continue;
      const [later, earlier] = (rank[i] as number) > (rank[j] as number) ? [i, j] : [j, i];
      (edges[later] as Array<[number, number]>).push([earlier, strength]);
    }
  });
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const size = new Int32Array(n).fill(1);
  // the latest STORY_SHOWN + 1 members of each story (by rank), oldest first
  const latest: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    for (let x = i; parent[x] !== root; ) [x, parent[x]] = [parent[x] as number, root];
    return root;
  };
  const soFar: StorySoFar[] = new Array(n);
  for (const i of order) {
    const mine = (edges[i] as Array<[number, number]>).sort((x, y) => y[1] - x[1] || (rank[x[0]] as number) - (rank[y[0]] as number));
    for (const [j] of mine) {
      const a = find(i);
      const b = find(j);
      if (a === b || (size[a] as number) + (size[b] as number) > MAX_STORY) continue;
      parent[b] = a;
      size[a] = (size[a] as number) + (size[b] as number);
      latest[a] = [...(latest[a] as number[]), ...(latest[b] as number[])].sort((x, y) => (rank[x] as number) - (rank[y] as number)).slice(-(STORY_SHOWN + 1));
      latest[b] = [];
    }
    const root = find(i);
    soFar[i] = { size: size[root] as number, earlier: (latest[root] as number[]).filter((j) => j !== i).slice(-STORY_SHOWN) };
  }
  return { story: Int32Array.from({ length: n }, (_, i) => find(i)), soFar };
}

/**
 * The facts of each article as of its publication: its first MAX_FACTS topics
 * that earlier articles have too, with how many articles had the topic then
 * (this one included) and since when. An article that had none then (the
 * first with each of its topics) gets them once, when the first later article
 * shares one of its topics, as they stand then. Either way an article's facts
 * never change again when later articles arrive; each new article gives facts
 * to at most one waiting article per topic it has.
 */
export function factsAsOf(articles: readonly Pick<Article, 'id' | 'topics' | 'publishedAt'>[]): TopicFact[][] {
  const time = articles.map((a) => timeOf(a.publishedAt));
  const ids = articles.map((a) => a.id);
  const order = Array.from({ length: articles.length }, (_, i) => i).sort(byTime(time, ids));
  const stats = new Map<string, { count: number; since: string }>();
  const facts: TopicFact[][] = new Array(articles.length);
  // topic → the articles with no facts yet that have it
  const waiting = new Map<string, number[]>();
  const factsNow = (topics: readonly TopicRef[]): TopicFact[] => {
    const out: TopicFact[] = [];
    for (const topic of topics) {
      const s = stats.get(topic.slug);
      if (s && s.count >= 2) out.push({ topic, count: s.count, since: s.since });
      if (out.length >= MAX_FACTS) break;
    }
    return out;
  };
  for (const i of order) {
    const a = articles[i] as Pick<Article, 'topics' | 'publishedAt'>;
    for (const topic of a.topics) {
      const s = stats.get(topic.slug);
      if (!s) stats.set(topic.slug, { count: 1, since: a.publishedAt });
      else s.count++;
    }
    facts[i] = factsNow(a.topics);
    for (const topic of a.topics) {
      const list = waiting.get(topic.slug);
      if (!list) continue;
      waiting.delete(topic.slug);
      for (const j of list) if ((facts[j] as TopicFact[]).length === 0) facts[j] = factsNow((articles[j] as Pick<Article, 'topics'>).topics);
    }
    if ((facts[i] as TopicFact[]).length === 0) {
      for (const topic of a.topics) {
        const list = waiting.get(topic.slug);
        if (list) list.push(i);
        else waiting.set(topic.slug, [i]);
      }
    }
  }
  return facts;
}

/**
 * Gives each article its story so far and facts as of its publication, and
 * its related links their story reason (filled up with the story's nearest
 * articles), in place.
 */
export function addContext(articles: Article[], links: ReadonlyMap<string, readonly RelatedLink[]>): void {
  const { story, soFar } = findStories(articles, links);
  const time = articles.map((a) => timeOf(a.publishedAt));
  const ids = articles.map((a) => a.id);
  const members = new Map<number, number[]>();
  story.forEach((s, i) => {
    const list = members.get(s);
    if (list) list.push(i);
    else members.set(s, [i]);
  });
  for (const list of members.values()) list.sort(byTime(time, ids));
  const facts = factsAsOf(articles);
  const at = new Map(articles.map((a, i) => [a.id, i]));
  articles.forEach((a, i) => {
    const own = members.get(story[i] as number) ?? [i];
    const sf = soFar[i] as StorySoFar;
    // the first article of a story says so once a later one has joined it
    if (sf.earlier.length === 0 && own.length > 1) a.story = { size: 1, earlier: [] };
    else if (sf.earlier.length > 0) {
      const earlier: StoryItem[] = sf.earlier.map((j) => {
        const e = articles[j] as Article;
        return { slug: e.slug, lang: e.lang, headline: e.headline, publishedAt: e.publishedAt };
      });
      a.story = { size: sf.size, earlier };
    }
    const mine = facts[i] as TopicFact[];
    if (mine.length > 0) a.facts = mine;
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
