/**
 * The import, step by step (`npm run data`; cli.ts parses the arguments and
 * reports):
 *
 *   read sources → parse → normalise → enrich (ids, topics, related, search index) → lay out → write
 *
 * Each step is a function over plain data with its own tests, in its folder.
 * Where a step of a big import runs on more than one thread (feed parsing, the
 * search index, related links, writing), that is inside the step
 * (lib/workers.ts): nothing here waits on a message.
 */
import type { Article } from '../core/model/article.ts';
import { type Archive, type Retention, RETIRED_FILE, emptyArchive, keepPublishedRelated, mergeIntoArchive, readArchive } from './archive/archive.ts';
import { type ImportError, importWarning } from './errors.ts';
import { type Draft } from './feeds/draft.ts';
import { mergeDuplicates } from './feeds/merge.ts';
import { parseFeed } from './feeds/parseFeed.ts';
import { parseInWorkers } from './feeds/parseInWorkers.ts';
import { parseSeed } from './feeds/seed.ts';
import { type FeedDrafts, feedToDrafts } from './feeds/toDraft.ts';
import { draftId, enrich, relate } from './enrich/enrich.ts';
import { findRelatedInParallel } from './enrich/relatedInParallel.ts';
import { type Glossary, loadGlossary } from './enrich/topics.ts';
import { buildSearchIndex } from './index/buildIndex.ts';
import { type SearchWorker, startSearchWorker } from './index/buildIndexInWorker.ts';
import { type FeedFile, type SeedSource, type Sources, type TextFile, readSources, releaseFeed } from './sources/sources.ts';
import { type FetchOptions } from './sources/fetch.ts';
import { readState, writeState } from './sources/state.ts';
import { layoutDataset } from './write/layout.ts';
import { type WriteCounts } from './write/fileBatches.ts';
import { recoverDataset, writeDataset } from './write/write.ts';

/** Where the import is: a phase, and how far through it (done of total), for a progress bar. */
export type Progress = (phase: string, done: number, total: number) => void;

export interface BuildInput {
  /** what the dataset holds already (archive.ts): what the sources carry is merged into it */
  archive?: Archive;
  /** the retention option: how many days or articles the archive keeps */
  keep?: Retention;
  seeds: readonly SeedSource[];
  /** consumed: each feed's text is emptied once it has been read */
  feeds?: readonly FeedFile[];
  glossaries?: readonly TextFile[];
}

export interface BuildOutput {
  articles: Article[];
  /** relative path → JSON value; undefined when the build cannot go on (a broken glossary) */
  files?: Map<string, unknown>;
  errors: ImportError[];
  /** articles made from the sources this run */
  imported: number;
  /** articles kept from the archive as they were */
  archived: number;
  /** articles the retention option dropped */
  dropped: number;
  /** sources and feed items that gave no article (duplicates merged into another are not counted) */
  skipped: number;
  /** feed items merged into another with the same guid or link */
  merged: number;
  /** more files, still being made (the search index, on a worker thread): write them too */
  later?: Promise<Map<string, unknown>>;
}

export interface BuildOptions {
  progress?: Progress;
  /** time-out and size cap of URL sources (sources/fetch.ts) */
  fetch?: FetchOptions;
  /** a folder for the search worker's finished shards (made when it is called), so they wait on disk, not in memory */
  spill?: () => string;
  /** rebuild from the sources alone: ignore what the out folder holds, and what URL sources answered last time */
  fresh?: boolean;
  /** the retention option */
  keep?: Retention;
}

/** Feeds bigger than this in all (characters, or bytes of those not decoded yet) are parsed on worker threads. */
export const PARALLEL_FEED_CHARS = 4_000_000;
/** Fewer articles than this get their search index in line; more, on a worker thread. */
export const PARALLEL_SEARCH_ARTICLES = 2000;

/** Read, build and write: the whole import. Gives the build's output and the number of files written (0: nothing written). */
export async function runImport(
  paths: readonly string[],
  out: string,
  builtAt: string,
  options: BuildOptions = {},
): Promise<{ sources: Sources; output: BuildOutput; written: number; counts: WriteCounts }> {
  const counts: WriteCounts = { written: 0, kept: 0 };
  const progress = options.progress ?? (() => {});
  progress('reading sources', 0, 1);
  // a run stopped while swapping is mended before the archive is read (write.ts)
  const recovered = await recoverDataset(out);
  const state = options.fresh ? {} : await readState(out);
  const sources = await readSources(paths, { ...options.fetch, state });
  const archive = options.fresh ? emptyArchive() : await readArchive(out);
  sources.errors.push(...archive.errors, ...recovered.map((line) => importWarning(out, 0, line)));
  progress('reading sources', 1, 1);
  const output = await buildDataset({ ...sources, archive, ...(options.keep && { keep: options.keep }) }, builtAt, options);
  const skipped = output.skipped + sources.unreadable.length;
  // A build that imported nothing because of errors never replaces a dataset.
  if (!output.files || (output.imported === 0 && skipped > 0)) return { sources, output, written: 0, counts };
  const written = await writeDataset(out, output.files, (done, total) => progress('writing', done, total), output.later, { counts });
  // remembered only now that the dataset holds what they answered
  if (sources.fetched && Object.keys(sources.fetched).length > 0) await writeState(out, { ...state, ...sources.fetched });
  return { sources, output, written, counts };
}

/** Sources → the dataset's files (no file is read or written here). */
export async function buildDataset(input: BuildInput, builtAt: string, { progress = () => {}, spill }: BuildOptions = {}): Promise<BuildOutput> {
  const loaded = loadGlossary(input.glossaries ?? []);
  const { errors } = loaded;
  if (errors.length > 0) return { articles: [], errors, imported: 0, archived: 0, dropped: 0, skipped: input.seeds.length + (input.feeds?.length ?? 0), merged: 0 };
  const archive = input.archive ?? emptyArchive();
  // the archived articles' topics keep their labels; the given glossary has the last word
  const glossary = archive.topics.size > 0 ? new Map([...archive.topics, ...loaded.glossary]) : loaded.glossary;
  const search = searchIndexer(input.feeds ?? [], spill);
  try {
    const parsed = await parse(input, errors, progress);
    const normalised = normalise(parsed, errors);
    const fresh = new Set(normalised.drafts.map(draftId));
    const merged = mergeIntoArchive(archive, normalised.drafts, builtAt, input.keep);
    errors.push(...merged.errors);
    const droppedFresh = normalised.drafts.length - merged.drafts.filter((d) => fresh.has(draftId(d))).length;
    const { articles, sources } = await enrichAll({ ...normalised, drafts: merged.drafts }, glossary, merged.retired, parsed.sources, errors, progress, search);
    keepPublishedRelated(archive, articles);
    progress('laying out', 0, 1);
    const later = search.built(articles);
    // With the search files still being made, everything else is laid out (and written) first.
    const files = layoutDataset(articles, { builtAt, validated: true, hashWhenWritten: true, ...(later && { search: new Map() }) });
    if (merged.retired.size > 0) files.set(RETIRED_FILE, { slugs: [...merged.retired].sort() });
    progress('laying out', 1, 1);
    const imported = articles.filter((a) => fresh.has(a.id)).length;
    return {
      articles,
      files,
      errors,
      imported,
      archived: articles.length - imported,
      dropped: merged.dropped,
      skipped: sources - normalised.merged - imported - droppedFresh,
      merged: normalised.merged,
      ...(later && { later }),
    };
  } finally {
    search.cancel();
  }
}

interface Parsed {
  drafts: Draft[];
  feedDrafts: Draft[];
  /** seed files and feed items read */
  sources: number;
}

/** Parse: seed texts (seed.ts) and feeds (feeds/: RSS, Atom, JSON Feed) → drafts. A big import's feeds are parsed on worker threads. */
async function parse({ seeds, feeds = [] }: BuildInput, errors: ImportError[], progress: Progress): Promise<Parsed> {
  const drafts: Draft[] = [];
  for (const seed of seeds) {
    const parsed = parseSeed(seed.text, seed.file, seed.sidecar);
    errors.push(...parsed.errors);
    if (parsed.draft) drafts.push(parsed.draft);
  }
  let done = 0;
  progress('reading feeds', 0, feeds.length);
  const inWorkers: Array<FeedDrafts | undefined> =
    feeds.length > 1 && feedChars(feeds) >= PARALLEL_FEED_CHARS ? await parseInWorkers(feeds, () => progress('reading feeds', ++done, feeds.length)) : [];
  const feedDrafts: Draft[] = [];
  let sources = seeds.length;
  feeds.forEach((feed, k) => {
    progress('reading feeds', k, feeds.length);
    // a feed whose worker failed (or a small import's) is parsed here
    const parsed = inWorkers[k] ?? feedToDrafts(parseFeed(feed));
    inWorkers[k] = undefined;
    // A feed's text is not needed once it is drafts: let it go (hundreds of MB at 100 000 articles).
    releaseFeed(feed);
    // one at a time: a feed of 200 000 broken items has more errors than a call takes arguments
    for (const e of parsed.errors) errors.push(e);
    sources += parsed.items;
    for (const d of parsed.drafts) feedDrafts.push(d);
  });
  progress('reading feeds', feeds.length, feeds.length);
  return { drafts, feedDrafts, sources };
}

/** Normalise: feed items that are the same article (same guid or link) merged into one. */
function normalise(parsed: Parsed, errors: ImportError[]): { drafts: Draft[]; merged: number } {
  const deduped = mergeDuplicates(parsed.feedDrafts);
  for (const e of deduped.errors) errors.push(e);
  return { drafts: [...parsed.drafts, ...deduped.drafts], merged: deduped.merged };
}

/** Enrich: ids, topics, slugs, translations; then the search index (begun) and related links. */
async function enrichAll(
  { drafts, merged }: { drafts: Draft[]; merged: number },
  glossary: Glossary,
  retired: ReadonlySet<string>,
  sources: number,
  errors: ImportError[],
  progress: Progress,
  search: SearchIndexer,
): Promise<{ articles: Article[]; sources: number; merged: number }> {
  const enriched = enrich(drafts, glossary, retired);
  search.begin(enriched.articles);
  progress('related articles', 0, 1);
  const related = await relate(enriched, findRelatedInParallel);
  progress('related articles', 1, 1);
  errors.push(...related.errors);
  return { articles: related.articles, sources, merged };
}

const feedChars = (feeds: readonly FeedFile[]): number => feeds.reduce((n, f) => n + f.text.length + (f.utf8?.length ?? 0), 0);

/** The search index step: on a worker thread for a big import (begun while related links are found), else in line with the layout. */
interface SearchIndexer {
  begin(articles: readonly Article[]): void;
  /** the search files when the worker builds them; undefined: the layout builds them */
  built(articles: readonly Article[]): Promise<Map<string, unknown>> | undefined;
  cancel(): void;
}

function searchIndexer(feeds: readonly FeedFile[], spill: (() => string) | undefined): SearchIndexer {
  // A big import will want the worker: start it now, so it is ready when the articles are.
  let worker: SearchWorker | undefined = feedChars(feeds) >= PARALLEL_FEED_CHARS ? startSearchWorker({}, spill?.()) : undefined;
  let files: Promise<Map<string, unknown> | undefined> | undefined;
  return {
    begin(articles) {
      if (articles.length < PARALLEL_SEARCH_ARTICLES) return;
      worker ??= startSearchWorker({}, spill?.());
      files = worker.build(articles).catch(() => undefined);
      worker = undefined;
    },
    built(articles) {
      // if the worker fails, the index is built here
      return files?.then((built) => built ?? buildSearchIndex(articles));
    },
    cancel() {
      worker?.cancel();
    },
  };
}
