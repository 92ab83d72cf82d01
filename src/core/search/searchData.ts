/**
 * The search files of the dataset: their format and the options they are
 * built and read with. Shared by the build (src/build/index/) and the search
 * worker (src/app/search/), so the index and the queries can never disagree.
 * docs/DATA.md, "Search index", describes the files; docs/adr/0006-search.md
 * why they are so.
 *
 *   data/search/<lang>/manifest.json      SearchManifest: the index's generation, the first
 *                                         term of each term part, topic labels
 *   data/search/<lang>/<gen>/t<n>.json    TermPart n: index terms in order, each with its
 *                                         postings (postings.ts); a query loads only the
 *                                         parts of its words' terms
 *   data/search/<lang>/<gen>/d<n>.json    DocChunk n: articles n·DOC_CHUNK …, newest first,
 *                                         what a result card shows
 *   data/search/<lang>/<gen>/recent.json  the newest articles as one MiniSearch index, for
 *                                         searching offline words never looked up online
 *
 * `gen` is a hash of the whole index: a cached manifest and the files it names
 * always belong together, and every file under a generation never changes.
 */
import * as v from 'valibot';
import type { Options } from 'minisearch';
import { Lang, TopicLabels } from '../model/article.ts';
import { DATA_BASE } from '../model/dataset.ts';
import { term, words } from '../text/words.ts';

export const SEARCH_VERSION = 2;

/** No search file is bigger than this (UTF-8 bytes), like every file of the dataset. */
export const MAX_FILE_BYTES = 1_000_000;

/** A term part is closed once it passes this many bytes (a single term's postings may make it bigger, never over MAX_FILE_BYTES). */
export const TERM_PART_BYTES = 128 * 1024;

/** Articles per doc chunk: a result card costs a reader at most one chunk (~6 KB gzipped). */
export const DOC_CHUNK = 50;

/** Body text indexed per article: the top of a news story says what it is about, and the index stays small. */
export const BODY_CHARS = 1500;

/** Lead text stored per article for the result snippet. */
export const SNIPPET_CHARS = 220;

/** The offline index: at most this many of the newest articles, with this much body each, halved until it fits a file. */
export const RECENT_DOCS = 2000;
export const RECENT_BODY_CHARS = 300;

/** BM25F: term-frequency saturation and length normalisation (MiniSearch's defaults). */
export const BM25 = { k1: 1.2, b: 0.7 } as const;

/** The inverse document frequency of a term in `df` of `docs` articles (BM25's). */
export function idf(df: number, docs: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

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

/** The MiniSearch options of the offline index (recent.json); `processTerm` is the normaliser (words.ts). */
export const indexOptions: Options<SearchDoc> = {
  idField: 'id',
  fields: [...SEARCH_FIELDS],
  storeFields: [...STORED_FIELDS],
  tokenize: (text) => words(text),
  processTerm: (word) => term(word) ?? false,
};

/** A term part: `terms` ascending (code units), each with its number of articles and its postings. */
export const TermPart = v.object({
  terms: v.array(v.string()),
  df: v.array(v.number()),
  postings: v.array(v.string()),
});
export type TermPart = v.InferOutput<typeof TermPart>;

/** One article of a doc chunk: slug, headline, snippet, date, topic slugs. */
export const DocRow = v.tuple([v.string(), v.string(), v.string(), v.string(), v.array(v.string())]);
export type DocRow = v.InferOutput<typeof DocRow>;
export const DocChunk = v.array(DocRow);

/** The offline index is MiniSearch's own JSON; this checks its outline before MiniSearch reads it. */
export const RecentIndex = v.looseObject({
  documentCount: v.number(),
  documentIds: v.record(v.string(), v.string()),
  storedFields: v.record(v.string(), v.unknown()),
  index: v.array(v.tuple([v.string(), v.record(v.string(), v.unknown())])),
  serializationVersion: v.number(),
});

/** Any search file but the manifest. */
export const SearchShard = v.union([TermPart, DocChunk, RecentIndex]);

export const SearchManifest = v.object({
  version: v.literal(SEARCH_VERSION),
  lang: Lang,
  /** articles in the index */
  docs: v.number(),
  bodyChars: v.number(),
  /** the folder of this index's files: a hash of all of them */
  gen: v.pipe(v.string(), v.regex(/^[0-9a-f]{12}$/)),
  /** the first term of each term part (parts[0] starts at ''), ascending */
  parts: v.array(v.string()),
  docChunk: v.number(),
  /** the newest articles in recent.json (0: none) */
  recent: v.number(),
  /** topic slug → labels, for the result cards */
  topics: v.record(v.string(), TopicLabels),
});
export type SearchManifest = v.InferOutput<typeof SearchManifest>;

/** The term part that holds `term`, if the index has it: the last part whose first term is ≤ term. */
export function partOf(parts: readonly string[], term: string): number {
  let lo = 0;
  let hi = parts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((parts[mid] as string) <= term) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export const searchPaths = {
  manifest: (lang: Lang) => `${DATA_BASE}/search/${lang}/manifest.json`,
  part: (lang: Lang, gen: string, n: number) => `${DATA_BASE}/search/${lang}/${gen}/t${n}.json`,
  docs: (lang: Lang, gen: string, n: number) => `${DATA_BASE}/search/${lang}/${gen}/d${n}.json`,
  recent: (lang: Lang, gen: string) => `${DATA_BASE}/search/${lang}/${gen}/recent.json`,
};
