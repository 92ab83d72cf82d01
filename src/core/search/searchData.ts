/**
 * The search files of the dataset and the MiniSearch options they are built
 * and read with. Shared by the pipeline (buildIndex.ts) and the worker, so the
 * index and the queries can never disagree.
 *
 *   data/search/<lang>/manifest.json           SearchManifest (small: shards, topic labels)
 *   data/search/<lang>/<n>-<hash>.json         a shard: MiniSearch's JSON over ≤ SHARD_DOCS
 *                                              articles, newest first (shard 0 = newest)
 *
 * Shard names carry a hash of their content, so a cached manifest and the
 * shards it names always belong together.
 */
import * as v from 'valibot';
import type { Options } from 'minisearch';
import { Lang, TopicLabels } from '../model/article.ts';
import { DATA_BASE } from '../model/dataset.ts';
import { term, words } from '../text/words.ts';

export const SEARCH_VERSION = 1;

/** Articles per shard: a shard of real news is well under 1 MB gzipped (npm run bench:search). */
export const SHARD_DOCS = 5000;

/** A shard bigger than this (gzipped) is split in two, so one shard always fits the first search. */
export const MAX_SHARD_BYTES = 2_500_000;

/** Body text indexed per article: the top of a news story says what it is about, and the index stays small. */
export const BODY_CHARS = 1500;

/** Lead text stored per article for the result snippet. */
export const SNIPPET_CHARS = 220;

/** The first search downloads shards, newest first, while their gzipped total stays within this. */
export const FIRST_SEARCH_BYTES = 3_000_000;

/** What the index holds of one article. */
export interface SearchDoc {
  /** the article's slug: results link to /:lang/news/<slug> */
  id: string;
  headline: string;
  lead: string;
  /** topic labels in both languages, for matching */
  topics: string;
  body: string;
  publishedAt: string;
  /** topic slugs, for display */
  tags: string[];
}

export const SEARCH_FIELDS = ['headline', 'lead', 'topics', 'body'] as const;
export const STORED_FIELDS = ['headline', 'lead', 'publishedAt', 'tags'] as const;
export const FIELD_BOOST = { headline: 3, topics: 2, lead: 1.5, body: 1 };

/** The options both sides use; `processTerm` is the normaliser (normalise.ts). */
export const indexOptions: Options<SearchDoc> = {
  idField: 'id',
  fields: [...SEARCH_FIELDS],
  storeFields: [...STORED_FIELDS],
  tokenize: (text) => words(text),
  processTerm: (word) => term(word) ?? false,
};

export const ShardInfo = v.object({
  /** file name beside the manifest */
  file: v.pipe(v.string(), v.regex(/^[0-9]+-[0-9a-f]{8}\.json$/)),
  docs: v.number(),
  /** JSON bytes, and gzipped bytes (what a reader downloads) */
  bytes: v.number(),
  gzip: v.number(),
  newest: v.string(),
  oldest: v.string(),
});
export type ShardInfo = v.InferOutput<typeof ShardInfo>;

/** A shard is MiniSearch's own JSON; this checks its outline before MiniSearch reads it. */
export const SearchShard = v.looseObject({
  documentCount: v.number(),
  documentIds: v.record(v.string(), v.string()),
  storedFields: v.record(v.string(), v.unknown()),
  index: v.array(v.tuple([v.string(), v.record(v.string(), v.unknown())])),
  serializationVersion: v.number(),
});

export const SearchManifest = v.object({
  version: v.literal(SEARCH_VERSION),
  lang: Lang,
  docs: v.number(),
  bodyChars: v.number(),
  shards: v.array(ShardInfo),
  /** topic slug → labels, for the result cards */
  topics: v.record(v.string(), TopicLabels),
});
export type SearchManifest = v.InferOutput<typeof SearchManifest>;

export const searchPaths = {
  manifest: (lang: Lang) => `${DATA_BASE}/search/${lang}/manifest.json`,
  shard: (lang: Lang, file: string) => `${DATA_BASE}/search/${lang}/${file}`,
};
