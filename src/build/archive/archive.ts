/**
 * The dataset is the archive (docs/adr/0010-archive-and-swap.md). Each run reads the
 * articles the dataset already holds back as drafts and merges what the
 * sources carry into them:
 *
 *   - an item the sources carry replaces the archived article with the same id
 *     (ids are per source: toDraft.ts), and keeps that article's slug;
 *   - every other archived article stays, whether its feed still carries it or not;
 *   - a slug once published is never given to another article: archived
 *     articles keep theirs (given to enrich as their own slug), and the slugs of
 *     articles dropped by the retention option stay reserved (`retired.json`);
 *   - the topics of archived articles keep their labels (they act as a glossary
 *     under the given one).
 *
 * `--fresh` ignores what the folder holds (a rebuild from the sources alone).
 */
import * as v from 'valibot';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article, TopicLabels } from '../../core/model/article.ts';
import { Retired } from '../../core/model/dataset.ts';
import { timeOf } from '../../core/time/dates.ts';
import { type Draft } from '../feeds/draft.ts';
import { draftId } from '../enrich/enrich.ts';
import { type ImportError, importWarning } from '../errors.ts';

export const RETIRED_FILE = 'retired.json';

export interface Archive {
  /** the archived articles, as drafts that keep their id and slug */
  drafts: Draft[];
  /** topic slug → labels, of the archived articles' topics */
  topics: Map<string, TopicLabels>;
  /** slugs of articles the retention option dropped: never given again */
  retired: Set<string>;
  /** archived article files that could not be read (kept out of this run, named) */
  errors: ImportError[];
  /** the archived articles as they were written, by id */
  articles: Map<string, Article>;
}

export const emptyArchive = (): Archive => ({ drafts: [], topics: new Map(), retired: new Set(), errors: [], articles: new Map() });

const ArchivedShape = v.looseObject({
  id: v.string(),
  slug: v.string(),
  topics: v.array(v.looseObject({ slug: v.string(), labels: v.looseObject({}) })),
  related: v.array(v.looseObject({ headline: v.string(), reason: v.looseObject({ type: v.string() }) })),
  translations: v.record(v.string(), v.string()),
});

/** Files read at once. */
const READS_AT_ONCE = 64;

/** The archive a dataset folder holds; empty when it holds no dataset (no manifest.json). */
export async function readArchive(outDir: string): Promise<Archive> {
  const archive = emptyArchive();
  let names: string[];
  try {
    await readFile(join(outDir, 'manifest.json'));
    names = (await readdir(join(outDir, 'articles'))).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return archive;
  }
  try {
    const retired = v.parse(Retired, JSON.parse(await readFile(join(outDir, RETIRED_FILE), 'utf8')));
    for (const slug of retired.slugs) archive.retired.add(slug);
  } catch {
    // none retired yet
  }
  const articles: Array<Article | undefined> = new Array(names.length);
  let next = 0;
  const reader = async (): Promise<void> => {
    while (next < names.length) {
      const k = next++;
      const file = join(outDir, 'articles', names[k] as string);
      try {
        const a: unknown = JSON.parse(await readFile(file, 'utf8'));
        // the shape read here; the content is checked again with the drafts (enrich.ts)
        if (!v.is(ArchivedShape, a)) throw new Error('not an article');
        articles[k] = a as Article;
      } catch (e) {
        archive.errors.push(importWarning(file, 0, `archived article unreadable (${e instanceof Error ? e.message : String(e)}); left out of this run`));
      }
    }
  };
  await Promise.all(Array.from({ length: READS_AT_ONCE }, reader));
  const refOf = (slug: string): string => `archive:${slug}`;
  const have = new Set(articles.map((a) => a?.slug));
  for (const [k, a] of articles.entries()) {
    if (!a) continue;
    archive.articles.set(a.id, a);
    const file = join(outDir, 'articles', names[k] as string);
    // the section is a topic the enrich step sets apart again (enrich.ts findSections); it alone
    // counts as a category there (the other topics may be names found in the text)
    const topics = a.section ? [a.section, ...a.topics] : a.topics;
    for (const t of topics) if (!archive.topics.has(t.slug)) archive.topics.set(t.slug, { ...t.labels });
    const partner = Object.values(a.translations).find((slug) => slug !== undefined && have.has(slug));
    archive.drafts.push({
      file,
      ref: refOf(a.slug),
      idSource: '',
      id: a.id,
      slug: a.slug,
      lang: a.lang,
      headline: a.headline,
      publishedAt: a.publishedAt,
      ...(a.updatedAt !== undefined && { updatedAt: a.updatedAt }),
      source: a.source,
      ...(a.author !== undefined && { author: a.author }),
      ...(a.url !== undefined && { url: a.url }),
      lead: a.lead,
      body: a.body,
      context: a.context,
      topics: topics.map((t) => ({ value: t.slug, file, line: 0 })),
      categories: a.section ? 1 : 0,
      picks: a.related.filter((r) => r.reason.type === 'editorial').map((r) => ({ value: r.headline, file, line: 0 })),
      ...(partner !== undefined && { translationOf: { value: refOf(partner), file, line: 0 } }),
    });
  }
  return archive;
}

export interface Retention {
  /** keep articles published within this many days of the run */
  days?: number;
  /** keep the newest this many articles */
  count?: number;
}

/**
 * The archive's drafts with the sources' drafts merged in: a fresh draft
 * replaces the archived one with its id and takes its slug. Then the retention
 * option, if any, drops the oldest; their slugs are retired.
 */
export function mergeIntoArchive(
  archive: Archive,
  fresh: readonly Draft[],
  builtAt: string,
  keep: Retention = {},
): { drafts: Draft[]; retired: Set<string>; dropped: number; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const archived = new Map(archive.drafts.map((d) => [draftId(d), d]));
  const published = new Map(archive.drafts.map((d) => [d.slug, draftId(d)]));
  const drafts: Draft[] = [];
  for (const d of fresh) {
    const id = draftId(d);
    const old = archived.get(id);
    if (old) {
      archived.delete(id);
      // the permalink stays; an explicit slug that differs cannot move a published article
      drafts.push(d.slug === old.slug ? d : { ...d, slug: old.slug as string });
    } else if (d.slug !== undefined && (published.has(d.slug) || archive.retired.has(d.slug))) {
      errors.push(importWarning(d.file, d.line ?? 0, `slug "${d.slug}" was published for another article and stays its; this one gets a slug of its own`));
      const { slug: _taken, ...rest } = d;
      drafts.push(rest);
    } else drafts.push(d);
  }
  drafts.push(...archived.values());
  const retired = new Set(archive.retired);
  if (keep.days === undefined && keep.count === undefined) return { drafts, retired, dropped: 0, errors };
  const cutoff = keep.days !== undefined ? timeOf(builtAt) - keep.days * 86_400_000 : -Infinity;
  const newest = [...drafts].sort((a, b) => timeOf(b.publishedAt) - timeOf(a.publishedAt));
  const kept = newest.filter((d, k) => timeOf(d.publishedAt) >= cutoff && k < (keep.count ?? Infinity));
  const keptSet = new Set(kept);
  for (const d of drafts) if (!keptSet.has(d) && d.slug !== undefined) retired.add(d.slug);
  return { drafts: drafts.filter((d) => keptSet.has(d)), retired, dropped: drafts.length - kept.length, errors };
}

/** An article without what the archive around it gives (related links, story, facts), as text: what decides whether it changed. */
const content = (a: Article): string => JSON.stringify({ ...a, related: [], story: undefined, facts: undefined });

/**
 * Bounds what a few new articles rewrite of a big archive (docs/adr/0013-incremental-update.md).
 * An archived article that did not change keeps what the archive around it gave it when it
 * was published, though the whole archive is related again (and rarer or commoner words
 * and topics move every score a little):
 *
 *   - its story and facts, as published; only an article that had none gains them, once: a
 *     story when a later article makes it the first of one ({size: 1, earlier: []}), facts
 *     when a later article first shares one of its topics (context.ts);
 *   - its "More on this topic", unless one of its related articles changed or is gone, or it
 *     is among the related of an article that changed or is new (each new article enters the
 *     lists of at most MAX_RELATED old ones, its best matches).
 *
 * So its file is not written again. Gives how many related lists were kept. Mutates `articles`.
 */
export function keepPublishedRelated(archive: Archive, articles: readonly Article[]): number {
  if (archive.articles.size === 0) return 0;
  const present = new Set(articles.map((a) => a.id));
  const changed = new Set<string>();
  for (const a of articles) {
    const old = archive.articles.get(a.id);
    if (!old || content(old) !== content(a)) changed.add(a.id);
  }
  for (const id of archive.articles.keys()) if (!present.has(id)) changed.add(id);
  const refresh = new Set(changed);
  for (const a of articles) if (changed.has(a.id)) for (const r of a.related) refresh.add(r.id);
  let kept = 0;
  for (const a of articles) {
    const old = archive.articles.get(a.id);
    if (!old || changed.has(a.id)) continue;
    keepContext(old, a);
    if (refresh.has(a.id) || old.related.some((r) => changed.has(r.id) || !present.has(r.id))) continue;
    a.related = old.related;
    kept++;
  }
  return kept;
}

/** An unchanged archived article's story and facts: as published, or gained once (see keepPublishedRelated). */
function keepContext(old: Article, a: Article): void {
  const story = old.story ?? (a.story?.size === 1 && a.story.earlier.length === 0 ? a.story : undefined);
  const facts = old.facts ?? a.facts;
  // their places are kept in the article (enrich.ts): an undefined one is left out of the file
  a.story = story;
  a.facts = facts;
}
