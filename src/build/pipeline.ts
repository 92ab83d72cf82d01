/**
 * The import composed: parse → normalise/enrich → lay out. Pure over the source
 * texts (reading and writing files is sources.ts and write.ts). Seed texts are
 * parsed by seed.ts, feeds by feeds/ (RSS, Atom, JSON Feed); both give Drafts,
 * and everything after that is shared.
 */
import type { Article } from '../core/model/article.ts';
import { buildSearchIndex } from './index/buildIndex.ts';
import { type SearchWorker, startSearchWorker } from './index/buildIndexInWorker.ts';
import { layoutDataset } from './write/layout.ts';
import type { Draft } from './feeds/draft.ts';
import { type EnrichResult, buildArticles } from './enrich/enrich.ts';
import type { ImportError } from './errors.ts';
import type { ParsedFeed } from './feeds/entry.ts';
import { parseJsonFeed } from './feeds/jsonfeed.ts';
import { type FeedDrafts, parseInWorkers } from './feeds/parseInWorkers.ts';
import { mergeDuplicates } from './feeds/merge.ts';
import { feedToDrafts } from './feeds/toDraft.ts';
import { parseXmlFeed } from './feeds/xml.ts';
import type { findRelated } from './enrich/related.ts';
import { findRelatedInParallel } from './enrich/relatedInParallel.ts';
import { parseSeed } from './feeds/seed.ts';
import { type FeedFile, type SeedSource, type TextFile, feedText, releaseFeed } from './sources/sources.ts';
import { type Glossary, mergeGlossaries, parseGlossary } from './enrich/topics.ts';

export interface BuildInput {
  seeds: readonly SeedSource[];
  /** consumed: each feed's text is emptied once it has been read */
  feeds?: readonly FeedFile[];
  glossaries?: readonly TextFile[];
}

/** Where the build is: a phase, and how far through it (done of total), for a progress bar. */
export type Progress = (phase: string, done: number, total: number) => void;

export interface BuildOutput {
  articles: Article[];
  /** relative path → JSON value; undefined when the build cannot go on (a broken glossary) */
  files?: Map<string, unknown>;
  errors: ImportError[];
  imported: number;
  /** sources and feed items that gave no article (duplicates merged into another are not counted) */
  skipped: number;
  /** feed items merged into another with the same guid or link */
  merged: number;
  /** more files, still being made (the search index, on a worker thread): write them too */
  later?: Promise<Map<string, unknown>>;
}

export function loadGlossary(files: readonly TextFile[]): { glossary: Glossary; errors: ImportError[] } {
  const parsed = files.map((f) => ({ file: f.file, ...parseGlossary(f.text, f.file) }));
  const merged = mergeGlossaries(parsed);
  return { glossary: merged.glossary, errors: [...parsed.flatMap((p) => p.errors), ...merged.errors] };
}

/** One feed file → its items as drafts. */
export function parseFeed(feed: FeedFile): ParsedFeed {
  const text = feedText(feed);
  const parsed =
    feed.format === 'jsonfeed1.1' || feed.format === 'jsonfeed1.0'
      ? parseJsonFeed(text, feed.file, feed.format)
      : parseXmlFeed(text, feed.file, feed.format);
  return feed.modified !== undefined ? { ...parsed, fileDate: feed.modified } : parsed;
}

/** Starts what builds the search files elsewhere (startSearchWorker), while the pipeline goes on. */
export type SearchStarter = () => SearchWorker;

interface Enriched {
  built: EnrichResult;
  errors: ImportError[];
  sources: number;
  merged: number;
}

/** Parse, merge duplicates, enrich: everything before the layout. */
function enrich(
  { seeds, feeds = [] }: BuildInput,
  glossary: Glossary,
  errors: ImportError[],
  progress: Progress,
  beforeRelated?: (articles: readonly Article[]) => void,
  /** feeds parsed already (parseInWorkers), by position; the others are parsed here (consumed: each let go once read) */
  parsedFeeds: Array<FeedDrafts | undefined> = [],
  related?: typeof findRelated,
): Enriched {
  const drafts: Draft[] = [];
  let sources = seeds.length;
  for (const seed of seeds) {
    const parsed = parseSeed(seed.text, seed.file, seed.sidecar);
    errors.push(...parsed.errors);
    if (parsed.draft) drafts.push(parsed.draft);
  }
  const feedDrafts: Draft[] = [];
  feeds.forEach((feed, k) => {
    progress('reading feeds', k, feeds.length);
    const parsed = parsedFeeds[k] ?? feedToDrafts(parseFeed(feed));
    parsedFeeds[k] = undefined;
    // A feed's text is not needed once it is drafts: let it go (hundreds of MB at 100 000 articles).
    releaseFeed(feed);
    errors.push(...parsed.errors);
    sources += parsed.items;
    for (const d of parsed.drafts) feedDrafts.push(d);
  });
  progress('reading feeds', feeds.length, feeds.length);
  const deduped = mergeDuplicates(feedDrafts);
  errors.push(...deduped.errors);
  for (const d of deduped.drafts) drafts.push(d);

  const built = buildArticles(drafts, glossary, progress, beforeRelated, related);
  errors.push(...built.errors);
  return { built, errors, sources, merged: deduped.merged };
}

function output({ built, errors, sources, merged }: Enriched, files: Map<string, unknown>): BuildOutput {
  return {
    articles: built.articles,
    files,
    errors,
    imported: built.articles.length,
    skipped: sources - merged - built.articles.length,
    merged,
  };
}

export function buildDataset(input: BuildInput, builtAt: string, progress: Progress = () => {}): BuildOutput {
  const { glossary, errors } = loadGlossary(input.glossaries ?? []);
  if (errors.length > 0) return { articles: [], errors, imported: 0, skipped: input.seeds.length + (input.feeds?.length ?? 0), merged: 0 };
  const enriched = enrich(input, glossary, errors, progress);
  progress('laying out', 0, 1);
  const files = layoutDataset(enriched.built.articles, { builtAt, validated: true });
  progress('laying out', 1, 1);
  return output(enriched, files);
}

/** Feeds smaller than this in all (characters, or bytes of those not decoded yet) are parsed in line: starting workers would cost more. */
export const PARALLEL_FEED_CHARS = 4_000_000;
/** Fewer articles than this get their search index in line. */
export const PARALLEL_SEARCH_ARTICLES = 2000;

/**
 * buildDataset on more than one core: feed files parsed by `parse` (worker
 * threads, several files at once), and the search index built by `startSearch` (a
 * worker thread, started early for a big import) while related articles are found. The files are the same; a
 * feed whose worker failed is parsed in line, and if the search worker fails, or
 * the articles changed after it started (an article skipped at the related
 * step), the index is built in line.
 */
export async function buildDatasetInParallel(
  input: BuildInput,
  builtAt: string,
  progress: Progress = () => {},
  startSearch: SearchStarter = startSearchWorker,
  parse: typeof parseInWorkers = parseInWorkers,
): Promise<BuildOutput> {
  const { glossary, errors } = loadGlossary(input.glossaries ?? []);
  if (errors.length > 0) return { articles: [], errors, imported: 0, skipped: input.seeds.length + (input.feeds?.length ?? 0), merged: 0 };
  const feeds = input.feeds ?? [];
  let parsed = 0;
  progress('reading feeds', 0, feeds.length);
  const feedChars = feeds.reduce((n, f) => n + f.text.length + (f.utf8?.length ?? 0), 0);
  // A big import will want the search worker: start it now, so it is ready when the articles are.
  let early: SearchWorker | undefined = feedChars >= PARALLEL_FEED_CHARS ? startSearch() : undefined;
  let pending: { count: number; files: Promise<Map<string, unknown> | undefined> } | undefined;
  let enriched: Enriched;
  try {
    const parsedFeeds =
      feeds.length > 1 && feedChars >= PARALLEL_FEED_CHARS ? await parse(feeds, () => progress('reading feeds', ++parsed, feeds.length)) : [];
    enriched = enrich(
      input,
      glossary,
      errors,
      progress,
      (articles) => {
        if (articles.length < PARALLEL_SEARCH_ARTICLES) return;
        const worker = early ?? startSearch();
        early = undefined;
        pending = { count: articles.length, files: worker.build(articles).catch(() => undefined) };
        return () => worker.pump();
      },
      parsedFeeds,
      findRelatedInParallel,
    );
  } finally {
    early?.cancel();
  }
  const { articles } = enriched.built;
  if (!pending || pending.count !== articles.length) {
    progress('laying out', 0, 1);
    const files = layoutDataset(articles, { builtAt, validated: true, hashWhenWritten: true });
    progress('laying out', 1, 1);
    return output(enriched, files);
  }
  // Everything but the search files now, so it can be written while the worker finishes.
  progress('laying out', 0, 1);
  const files = layoutDataset(articles, { builtAt, validated: true, search: new Map(), hashWhenWritten: true });
  progress('laying out', 1, 1);
  const later = pending.files.then((built) => built ?? buildSearchIndex(articles));
  return { ...output(enriched, files), later };
}
