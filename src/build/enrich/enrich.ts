/**
 * Drafts → Articles: everything that needs the whole dataset at once. Pure.
 *
 *   ids          sidecar id, or the first 16 hex of sha-256("seed:<base name>")
 *   topics       names resolved through the glossary (topics.ts)
 *   slugs        sidecar slug, or slugify(headline); on a clash the oldest article
 *                keeps the plain slug and the others get "-<6 chars of id>"
 *   validation   each article against the model's Article schema
 *   translations both ways, from translationOf
 *   related      related.ts
 *
 * A problem with one draft skips that draft and is reported; the others go on.
 */
import * as v from 'valibot';
import { createHash } from 'node:crypto';
import { Article, type ArticleSummary, type RelatedArticle, blockText, relatedCard, summarise } from '../../core/model/article.ts';
import { slugify } from '../../core/text/slug.ts';
import { LETTER_CLASS, OTHER_CLASS, SPACE_CLASS, charClass, letterAt } from '../../core/text/letters.ts';
import type { Draft, DraftFacts } from '../feeds/draft.ts';
import { type ImportError, importError, importWarning, quote } from '../errors.ts';
import { MAX_RELATED, findRelated } from './related.ts';
import { schemaErrors } from '../schemaIssues.ts';
import { type Glossary, TopicRegistry } from './topics.ts';

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

/**
 * Words in a text: runs of non-space (\s) containing a letter or digit (\p{L},
 * \p{N}). Read character by character (lib/letters.ts): this runs over every
 * article's whole text.
 */
export function countWords(text: string): number {
  let n = 0;
  let inRun = false;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // a surrogate pair is one character: a letter or not as a whole, never white space
    const kind = c < 0xd800 || c > 0xdfff ? charClass(c) : letterAt(text, i) > 0 ? LETTER_CLASS : OTHER_CLASS;
    if (kind === SPACE_CLASS) {
      inRun = false;
      continue;
    }
    if (!inRun) {
      inRun = true;
      counted = false;
    }
    if (kind === LETTER_CLASS) {
      if (!counted) n++;
      counted = true;
      if (c >= 0xd800 && c <= 0xdbff && letterAt(text, i) === 2) i++;
    }
  }
  return n;
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
  return { ...summarise(a), lead: truncateText(a.lead) };
}

const time = (iso: string): number => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
};

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

export function buildArticles(
  input: readonly Draft[],
  glossary: Glossary = new Map(),
  progress: (phase: string, done: number, total: number) => void = () => {},
  /**
   * called with the articles (all but related settled) before related articles
   * are found; what it returns is called now and then while they are found
   */
  beforeRelated: (articles: readonly Article[]) => void | (() => void) = () => {},
  /** finds the related links (findRelated, or the same on more threads: relatedInParallel.ts) */
  related: typeof findRelated = findRelated,
): EnrichResult {
  const errors: ImportError[] = [];
  const skipped = new Set<string>();
  const drafts = [...input].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const skip = (d: Draft, e: ImportError | ImportError[]): void => {
    for (const x of Array.isArray(e) ? e : [e]) {
      // a feed item is named by its number and line
      errors.push(d.item !== undefined && x.file === d.file ? { ...x, line: x.line || (d.line ?? 0), message: `item ${d.item}: ${x.message}` } : x);
    }
    skipped.add(d.file);
  };

  // ---- ids --------------------------------------------------------------------
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

  // ---- topics -----------------------------------------------------------------
  const registry = new TopicRegistry(glossary);
  const topicSlugs = withIds.map(({ draft }) => {
    const slugs: string[] = [];
    for (const name of draft.topics) {
      const slug = registry.resolve(name.value, draft.lang);
      if (slug !== undefined && !slugs.includes(slug)) slugs.push(slug);
    }
    return slugs;
  });

  // ---- slugs ------------------------------------------------------------------
  const slugOf = new Map<string, string>(); // id → slug
  const taken = new Map<string, string>(); // slug → file
  for (const { draft, id } of withIds) {
    if (draft.slug === undefined) continue;
    const other = taken.get(draft.slug);
    if (other) skip(draft, importError(draft.file, 0, `slug ${quote(draft.slug)} is already used by ${other}`));
    else {
      taken.set(draft.slug, draft.file);
      slugOf.set(id, draft.slug);
    }
  }
  const facts = new Map(withIds.map(({ draft, id }) => [id, draft.facts ?? draftFacts(draft)]));
  const auto = withIds
    .filter(({ draft }) => draft.slug === undefined)
    .map(({ draft, id }) => ({ draft, id, base: facts.get(id)?.slugBase ?? '', t: time(draft.publishedAt) }))
    .sort((a, b) => a.t - b.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const { draft, id, base } of auto) {
    let slug = base;
    for (let len = 6; taken.has(slug); len += 2) {
      slug = `${base}-${len === 6 ? shortId(id) : sha256Hex(id).slice(0, len)}`;
    }
    taken.set(slug, draft.file);
    slugOf.set(id, slug);
  }

  // ---- articles without links, validated ----------------------------------------
  const working: Working[] = [];
  withIds.forEach(({ draft, id }, k) => {
    const slug = slugOf.get(id);
    if (slug === undefined) return; // skipped above
    const topics = topicSlugs[k] ?? [];
    const own = facts.get(id);
    const article: Article = {
      id,
      slug,
      ...draftContent(draft),
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

  // ---- translations -------------------------------------------------------------
  // Union-find over translationOf links; a link that would give a story two
  // versions in one language, or points nowhere, skips the article that made it.
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

  // ---- related ------------------------------------------------------------------
  const tick = beforeRelated(kept.map((w) => w.article)) ?? undefined;
  progress('related articles', 0, 1);
  const { links, unresolved } = related(
    kept.map((w) => ({
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
    })),
    MAX_RELATED,
    tick,
  );
  const byIdKept = new Map(kept.map((w) => [w.id, w]));
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
  progress('related articles', 1, 1);
  const articles: Article[] = [];
  for (const w of kept) {
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
  return { articles, errors, skipped: [...skipped] };
}
