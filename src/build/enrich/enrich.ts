/**
 * Drafts → Articles: everything that needs the whole dataset at once. Pure
 * (relate() may share its work with a thread: relatedInParallel.ts).
 *
 *   ids          sidecar id, or the first 16 hex of sha-256("seed:<base name>")
 *   topics       names resolved through the glossary (topics.ts)
 *   slugs        sidecar slug (an archived article's own: archive.ts), or slugify(headline);
 *                on a clash the oldest article keeps the plain slug and the others get
 *                "-<6 chars of id>"; a reserved (retired) slug is never given
 *   validation   each article against the model's Article schema
 *   translations both ways, from translationOf
 *   related      related.ts
 *
 * A problem with one draft skips that draft and is reported; the others go on.
 */
import * as v from 'valibot';
import { createHash } from 'node:crypto';
import { Article, type ArticleSummary, type RelatedArticle, type TopicLabels, blockText, relatedCard, summarise } from '../../core/model/article.ts';
import { slugify } from '../../core/text/slug.ts';
import { countWords } from '../../core/text/words.ts';
import type { Draft, DraftFacts } from '../feeds/draft.ts';
import { MAX_SUMMARY_TOPICS } from '../feeds/clean.ts';
import { type ImportError, importError, importWarning, quote } from '../errors.ts';
import { addContext } from './context.ts';
import { entityTopics, mentionsOf } from './entityTopics.ts';
import { MAX_RELATED, type RelatedInput, type RelatedResult, findRelated } from './related.ts';
import { schemaErrors } from '../schemaIssues.ts';
import { type Glossary, TopicRegistry } from './topics.ts';
import { timeOf } from '../../core/time/dates.ts';

export const LEAD_SUMMARY_LENGTH = 300;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The stable id of a draft: its explicit id, or a hash of where it came from. */
export function draftId(d: Pick<Draft, 'id' | 'idSource'>): string {
  return d.id ?? sha256Hex(d.idSource).slice(0, 16);
}

/** Six characters of an id, safe in a slug. */
export function shortId(id: string): string {
  return /^[a-z0-9]{6,}$/.test(id) ? id.slice(0, 6) : sha256Hex(id).slice(0, 6);
}

export { blockText };

/** The fields of an Article that a draft gives as they are, in the article's order. */
const DRAFT_FIELDS = ['lang', 'headline', 'publishedAt', 'updatedAt', 'source', 'author', 'url', 'lead', 'body', 'context'] as const;
/** Article's schema over those fields, and over the others (worked out here). An object passes Article when it passes both. */
const DraftPart = v.pick(Article, DRAFT_FIELDS);
const BuildPart = v.omit(Article, DRAFT_FIELDS);

type DraftContent = Pick<Article, (typeof DRAFT_FIELDS)[number]>;

/** The draft's part of its article (the optional fields only when it has them). */
function draftContent(d: Draft): DraftContent {
  return {
    lang: d.lang,
    headline: d.headline,
    publishedAt: d.publishedAt,
    ...(d.updatedAt !== undefined && { updatedAt: d.updatedAt }),
    source: d.source,
    ...(d.author !== undefined && { author: d.author }),
    ...(d.url !== undefined && { url: d.url }),
    lead: d.lead,
    body: d.body,
    context: d.context,
  };
}

/** What is worked out of a draft alone (Draft.facts). */
export function draftFacts(d: Draft): DraftFacts {
  return {
    slugBase: slugify(d.headline),
    // counted piece by piece: the same as over the pieces joined with spaces
    wordCount: d.body.reduce((n, b) => n + countWords(blockText(b)), countWords(d.lead)),
    checked: v.is(DraftPart, draftContent(d)),
    mentions: mentionsOf(d.headline, [d.lead, ...d.body.map(blockText)].join('\n'), d.lang),
  };
}

/** Shorten to at most `max` characters at a word boundary, ending with "…". */
export function truncateText(text: string, max = LEAD_SUMMARY_LENGTH): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max); // room for the ellipsis
  const space = cut.lastIndexOf(' ');
  const head = (space > max / 2 ? cut.slice(0, space) : cut.slice(0, max - 1)).replace(/[\s,;:–—-]+$/u, '');
  return `${head}…`;
}

/** What lists and "More on this topic" show of an article. */
export function toSummary(a: Article): ArticleSummary {
  const summary = summarise(a);
  return { ...summary, lead: truncateText(a.lead), ...(summary.topics && { topics: summary.topics.slice(0, MAX_SUMMARY_TOPICS) }) };
}

interface Working {
  draft: Draft;
  id: string;
  topics: string[];
  slug: string;
  article: Article;
  group: string;
}

export interface EnrichResult {
  articles: Article[];
  errors: ImportError[];
  /** files whose article was skipped */
  skipped: string[];
}

/** Articles made from drafts, all but their related links; what relate() takes. */
export interface Enriched {
  /** the articles (related still empty), with what made them */
  readonly working: readonly Working[];
  readonly articles: readonly Article[];
  errors: ImportError[];
  skipped: Set<string>;
}

/** Where a skipped draft's problems go: each named by its file (and feed item). */
type Skip = (d: Draft, e: ImportError | ImportError[]) => void;

/**
 * Drafts → articles: ids, topics, slugs, each article checked against the
 * schema, translations. Related links are relate()'s.
 */
export function enrich(input: readonly Draft[], glossary: Glossary = new Map(), reserved: ReadonlySet<string> = new Set()): Enriched {
  const errors: ImportError[] = [];
  const skipped = new Set<string>();
  const drafts = [...input].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const skip: Skip = (d, e) => {
    for (const x of Array.isArray(e) ? e : [e]) {
      // a feed item is named by its number and line
      errors.push(d.item !== undefined && x.file === d.file ? { ...x, line: x.line || (d.line ?? 0), message: `item ${d.item}: ${x.message}` } : x);
    }
    skipped.add(d.file);
  };
  const withIds = assignIds(drafts, skip);
  const facts = new Map(withIds.map(({ draft, id }) => [id, draft.facts ?? draftFacts(draft)]));
  const registry = new TopicRegistry(glossary);
  const entities = entityTopics(withIds.map(({ id }) => ({ id, mentions: facts.get(id)?.mentions ?? [] })));
  // the names and phrases are topics now: their mentions (100 MB at 100 000 articles) go
  for (const f of facts.values()) delete f.mentions;
  const topicSlugs = withIds.map(({ draft, id }) => resolveTopics(draft, registry, entities.get(id) ?? []));
  const sections = findSections(topicSlugs);
  const slugOf = assignSlugs(withIds, facts, skip, reserved);
  const working = toArticles(withIds, topicSlugs, sections, slugOf, facts, registry, skip);
  const kept = linkTranslations(working, skip);
  return { working: kept, articles: kept.map((w) => w.article), errors, skipped };
}

/** Each draft's id; a draft whose id is taken already is skipped. */
function assignIds(drafts: readonly Draft[], skip: Skip): Array<{ draft: Draft; id: string }> {
  const byId = new Map<string, Draft>();
  const withIds: Array<{ draft: Draft; id: string }> = [];
  for (const draft of drafts) {
    const id = draftId(draft);
    const other = byId.get(id);
    if (other) {
      skip(
        draft,
        importError(
          draft.file,
          0,
          draft.id !== undefined
            ? `id ${quote(id)} is already used by ${other.file}`
            : `the file name ${quote(draft.ref)} is already used by ${other.file}: names (or sidecar ids) must be unique`,
        ),
      );
      continue;
    }
    byId.set(id, draft);
    withIds.push({ draft, id });
  }
  return withIds;
}

/** A draft's topics as topic slugs, each once: its categories (through the glossary), then the names its text mentions. */
function resolveTopics(draft: Draft, registry: TopicRegistry, entities: ReadonlyArray<{ labels: TopicLabels }>): Topics {
  const slugs: string[] = [];
  for (const name of draft.topics) {
    const slug = registry.resolve(name.value, draft.lang);
    if (slug !== undefined && !slugs.includes(slug)) slugs.push(slug);
  }
  const categories = Math.min(slugs.length, draft.categories ?? slugs.length);
  for (const { labels } of entities) {
    const slug = registry.resolveNamed(labels);
    if (slug !== undefined && !slugs.includes(slug)) slugs.push(slug);
  }
  return { slugs, categories };
}

/** An article's topic slugs: its categories' first, then the names found in its text. */
interface Topics {
  slugs: string[];
  categories: number;
}

/** A category this share of the archive carries is a section ("Україна", "Світ", "usa"), not a topic two articles share… */
export const SECTION_SHARE = 0.1;
/** …in an archive of at least this many articles. */
export const SECTION_MIN_ARTICLES = 50;

/** The section categories of the archive: categories (not names found in the text) that a large share of the articles carry. */
function findSections(topics: readonly Topics[]): Set<string> {
  const n = topics.length;
  const sections = new Set<string>();
  if (n < SECTION_MIN_ARTICLES) return sections;
  const df = new Map<string, number>();
  for (const { slugs, categories } of topics) for (const slug of slugs.slice(0, categories)) df.set(slug, (df.get(slug) ?? 0) + 1);
  for (const [slug, count] of df) if (count >= SECTION_SHARE * n) sections.add(slug);
  return sections;
}

/**
 * Each article's slug (id → slug): its own (sidecar) slug, or one made from its
 * headline; on a clash the oldest article keeps the plain slug and the others
 * get "-<6 chars of id>".
 */
function assignSlugs(
  withIds: ReadonlyArray<{ draft: Draft; id: string }>,
  facts: ReadonlyMap<string, DraftFacts>,
  skip: Skip,
  /** slugs published once and given to no one now (archive.ts: retired): never given again */
  reserved: ReadonlySet<string>,
): Map<string, string> {
  const slugOf = new Map<string, string>(); // id → slug
  const taken = new Map<string, string>([...reserved].map((slug) => [slug, 'an article published earlier'])); // slug → file
  for (const { draft, id } of withIds) {
    if (draft.slug === undefined) continue;
    const other = taken.get(draft.slug);
    if (other) skip(draft, importError(draft.file, 0, `slug ${quote(draft.slug)} is already used by ${other}`));
    else {
      taken.set(draft.slug, draft.file);
      slugOf.set(id, draft.slug);
    }
  }
  const auto = withIds
    .filter(({ draft }) => draft.slug === undefined)
    .map(({ draft, id }) => ({ draft, id, base: facts.get(id)?.slugBase ?? '', t: timeOf(draft.publishedAt) }))
    .sort((a, b) => a.t - b.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const { draft, id, base } of auto) {
    let slug = base;
    for (let len = 6; taken.has(slug); len += 2) {
      slug = `${base}-${len === 6 ? shortId(id) : sha256Hex(id).slice(0, len)}`;
    }
    taken.set(slug, draft.file);
    slugOf.set(id, slug);
  }
  return slugOf;
}

/** The articles, without links, each checked against the schema (one that fails is skipped). */
function toArticles(
  withIds: ReadonlyArray<{ draft: Draft; id: string }>,
  topicSlugs: readonly Topics[],
  sections: ReadonlySet<string>,
  slugOf: ReadonlyMap<string, string>,
  facts: ReadonlyMap<string, DraftFacts>,
  registry: TopicRegistry,
  skip: Skip,
): Working[] {
  const working: Working[] = [];
  withIds.forEach(({ draft, id }, k) => {
    const slug = slugOf.get(id);
    if (slug === undefined) return; // skipped already
    const all = topicSlugs[k]?.slugs ?? [];
    const topics = sections.size > 0 ? all.filter((t) => !sections.has(t)) : all;
    const section = sections.size > 0 ? all.find((t) => sections.has(t)) : undefined;
    const own = facts.get(id);
    const article: Article = {
      id,
      slug,
      ...draftContent(draft),
      // the archive's context (context.ts) and the section, set later: their places kept in the schema's order
      story: undefined,
      facts: undefined,
      section: section !== undefined ? registry.ref(section) : undefined,
      topics: topics.map((t) => registry.ref(t)),
      related: [],
      translations: {},
      wordCount: own?.wordCount ?? 0,
    };
    // The draft's part was checked where the draft was made (most of the check: its blocks).
    if (!(own?.checked === true && v.is(BuildPart, article))) {
      const checked = v.safeParse(Article, article);
      if (!checked.success) {
        skip(draft, schemaErrors(draft.file, checked.issues, article, undefined, 1).map((e) => ({ ...e, message: `invalid article: ${e.message}` })));
        return;
      }
    }
    working.push({ draft, id, topics, slug, article, group: id });
  });
  return working;
}

/**
 * Translations both ways, from translationOf: union-find over the links. A
 * link that would give a story two versions in one language, or points
 * nowhere, skips the article that made it. Gives the articles kept.
 */
function linkTranslations(working: readonly Working[], skip: Skip): Working[] {
  const byRef = new Map(working.map((w) => [w.draft.ref, w]));
  const rejected = new Set<Working>();
  const unite = (pool: readonly Working[], check: boolean): Map<Working, Working[]> => {
    const parent = new Map<Working, Working>(pool.map((w) => [w, w]));
    const story = new Map<Working, Working[]>(pool.map((w) => [w, [w]]));
    const find = (w: Working): Working => {
      let root = w;
      for (let up = parent.get(root); up && up !== root; up = parent.get(root)) root = up;
      return root;
    };
    for (const w of pool) {
      const link = w.draft.translationOf;
      if (!link) continue;
      const target = byRef.get(link.value);
      const fail = (message: string): void => {
        skip(w.draft, importError(link.file, link.line, message));
        rejected.add(w);
      };
      if (!target || !parent.has(target)) {
        if (check) fail(`translationOf: no article comes from a file named ${quote(link.value)}`);
        continue;
      }
      if (target === w) {
        if (check) fail('translationOf names the article itself');
        continue;
      }
      const [a, b] = [find(w), find(target)];
      if (a === b) continue;
      const mine = story.get(a) ?? [];
      const theirs = story.get(b) ?? [];
      const clash = theirs.find((t) => mine.some((m) => m.draft.lang === t.draft.lang));
      if (clash) {
        if (check) fail(`translationOf ${quote(link.value)}: the story already has a ${clash.draft.lang} version, ${clash.draft.file}`);
        continue;
      }
      parent.set(a, b);
      story.set(b, [...theirs, ...mine]);
      story.delete(a);
    }
    return new Map(pool.map((w) => [w, story.get(find(w)) ?? [w]]));
  };
  // Without any translationOf (feeds have none) every article is a story of its own.
  const linked = working.some((w) => w.draft.translationOf !== undefined);
  if (linked) unite(working, true);
  // Rebuilt without the rejected articles: a subset of good links cannot clash.
  const kept = working.filter((w) => !rejected.has(w));
  if (linked) for (const [w, story] of unite(kept, false)) {
    w.group = story.map((m) => m.id).sort()[0] ?? w.id;
    for (const t of story) if (t !== w) w.article.translations[t.draft.lang] = t.slug;
  }
  return kept;
}

/** Finds related links: findRelated, or the same on more threads (relatedInParallel.ts). */
export type RelatedFinderFn = (articles: readonly RelatedInput[], max: number) => RelatedResult | Promise<RelatedResult>;

/** What related.ts reads of an article. */
function relatedInput(w: Working): RelatedInput {
  return {
    // made when read (once, by the text index), so 100 000 of them are never all kept at once
    get text() {
      return `${w.draft.headline} ${w.draft.lead}`;
    },
    id: w.id,
    slug: w.slug,
    lang: w.draft.lang,
    headline: w.draft.headline,
    publishedAt: w.draft.publishedAt,
    topics: w.topics,
    group: w.group,
    picks: w.draft.picks.map((p) => p.value),
  };
}

/** The related links of enriched articles ("Ще на цю тему"), and the warnings of editor's picks that name no article. */
export async function relate(enriched: Enriched, related: RelatedFinderFn = findRelated): Promise<EnrichResult> {
  const found = await related(enriched.working.map(relatedInput), MAX_RELATED);
  return withLinks(enriched, found);
}

function withLinks({ working, errors, skipped }: Enriched, { links, unresolved }: RelatedResult): EnrichResult {
  const byIdKept = new Map(working.map((w) => [w.id, w]));
  for (const u of unresolved) {
    const w = byIdKept.get(u.id);
    const pick = w?.draft.picks[u.index];
    if (!w || !pick) continue;
    errors.push(
      importWarning(
        pick.file,
        pick.line,
        u.why === 'itself'
          ? `"${pick.value}" is this article (or its translation), not a related one`
          : `no article has the headline ${quote(pick.value, 80)}; the link is left out`,
      ),
    );
  }
  const articles: Article[] = [];
  for (const w of working) {
    const cards: RelatedArticle[] = [];
    for (const link of links.get(w.id) ?? []) {
      const other = byIdKept.get(link.id);
      if (other) cards.push(relatedCard(other.article, link.reason));
    }
    w.article.related = cards;
    // The article passed its schema above; its related cards are parts of articles that
    // passed theirs, and a reason made here (enrich.test.ts checks whole articles).
    articles.push(w.article);
  }
  addContext(articles, links);
  return { articles, errors, skipped: [...skipped] };
}

/** enrich() then relate() on this thread: the whole step for a small import (and the tests). */
export function buildArticles(input: readonly Draft[], glossary: Glossary = new Map()): EnrichResult {
  const enriched = enrich(input, glossary);
  return withLinks(enriched, findRelated(enriched.working.map(relatedInput), MAX_RELATED));
}
