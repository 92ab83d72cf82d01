/**
 * Articles → the search files of the dataset (searchData.ts describes them;
 * docs/DATA.md, "Search index"). Pure over its input: the same articles give
 * the same files. Node only (hashing and gzip sizes): the pipeline and
 * `npm run bench:search` call it, the app never does.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import { JsonText } from '../lib/jsonText.ts';
import { type Article, type Block, LANGS, type Lang, type TopicLabels, blockText } from '../model/article.ts';
import {
  BODY_CHARS,
  MAX_SHARD_BYTES,
  SEARCH_VERSION,
  SHARD_DOCS,
  SNIPPET_CHARS,
  type SearchDoc,
  type SearchManifest,
  type ShardInfo,
  indexOptions,
} from './searchData.ts';

/** Text cut to at most `max` characters at a word boundary, with "…" when cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const space = head.lastIndexOf(' ');
  return `${(space > max * 0.6 ? head.slice(0, space) : head).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** The plain text of blocks, up to `max` characters. */
export function plainText(blocks: readonly Block[], max: number): string {
  let out = '';
  for (const b of blocks) {
    if (out.length >= max) break;
    const text = blockText(b);
    if (text) out += (out ? '\n' : '') + text;
  }
  return out.length > max ? cut(out, max) : out;
}

export function toSearchDoc(a: Article, bodyChars = BODY_CHARS): SearchDoc {
  return {
    id: a.slug,
    headline: a.headline,
    lead: cut(a.lead, Math.max(SNIPPET_CHARS, bodyChars)),
    topics: a.topics.map((t) => [t.labels.uk, t.labels.en].filter(Boolean).join(' ')).join(' · '),
    body: plainText(a.body, bodyChars),
    publishedAt: a.publishedAt,
    tags: a.topics.map((t) => t.slug),
  };
}

/** What MiniSearch keeps its terms in: only `fetch` is used while documents are added. */
interface TermStore {
  fetch(term: string, initial: () => unknown): unknown;
}

/**
 * MiniSearch's JSON (`toJSON()`) over `docs`, built faster than `addAll` alone.
 * MiniSearch keeps its terms in a radix tree, and adding a document walks it
 * once per word; here the words go to a hash map while the documents are
 * added, and the tree is built at the end from the distinct terms, inserted in
 * the order they were first met. A radix tree's shape (and so the order of
 * `index` in the JSON) depends only on the order in which new keys arrive, so
 * the JSON is exactly the one `addAll` gives (buildIndex.test.ts checks it).
 * Everything else (document ids, field lengths, stored fields) is MiniSearch's
 * own code.
 */
export function indexJson(docs: readonly SearchDoc[]): ReturnType<MiniSearch['toJSON']> {
  const index = new MiniSearch<SearchDoc>(indexOptions);
  const internal = index as unknown as { _index: TermStore & { set?: (term: string, value: unknown) => unknown; size?: number } };
  const Tree = internal._index.constructor as new () => TermStore & { set(term: string, value: unknown): unknown };
  if (typeof internal._index.set !== 'function' || internal._index.size !== 0) {
    throw new Error('MiniSearch keeps its terms differently: update indexJson');
  }
  const terms = new Map<string, unknown>();
  internal._index = {
    fetch(term: string, initial: () => unknown): unknown {
      let value = terms.get(term);
      if (value === undefined) {
        value = initial();
        terms.set(term, value);
      }
      return value;
    },
  };
  index.addAll(docs);
  const tree = new Tree();
  for (const [term, value] of terms) tree.set(term, value);
  internal._index = tree;
  return index.toJSON();
}

const time = (iso: string): number => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
};

export interface IndexOptions {
  shardDocs?: number;
  bodyChars?: number;
  /** gzipped bytes above which a shard is split */
  maxShardBytes?: number;
}

/** One language's manifest and shards: relative path (under data/) → JSON value (a shard as JsonText). */
export function buildLanguageIndex(lang: Lang, articles: readonly Article[], opts: IndexOptions = {}): Map<string, unknown> {
  const shardDocs = opts.shardDocs ?? SHARD_DOCS;
  const bodyChars = opts.bodyChars ?? BODY_CHARS;
  const maxShardBytes = opts.maxShardBytes ?? MAX_SHARD_BYTES;
  const own = articles
    .filter((a) => a.lang === lang)
    .sort((a, b) => time(b.publishedAt) - time(a.publishedAt) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const files = new Map<string, unknown>();
  const shards: ShardInfo[] = [];
  const topics: Record<string, TopicLabels> = {};
  for (const a of own) for (const t of a.topics) topics[t.slug] ??= t.labels;

  /** One shard over `part`, or several when it would be too big to download at once. */
  const addShard = (part: readonly Article[]): void => {
    const json = indexJson(part.map((a) => toSearchDoc(a, bodyChars)));
    // The snippet stored for display is shorter than the lead that is indexed.
    for (const stored of Object.values(json.storedFields) as { lead?: string }[]) {
      if (stored.lead) stored.lead = cut(stored.lead, SNIPPET_CHARS);
    }
    const text = JSON.stringify(json);
    const gzip = gzipSync(`${text}\n`).length;
    if (gzip > maxShardBytes && part.length > 1) {
      const half = Math.ceil(part.length / 2);
      addShard(part.slice(0, half));
      addShard(part.slice(half));
      return;
    }
    const file = `${shards.length}-${createHash('sha256').update(text).digest('hex').slice(0, 8)}.json`;
    files.set(`search/${lang}/${file}`, new JsonText(text));
    shards.push({
      file,
      docs: part.length,
      bytes: Buffer.byteLength(text) + 1,
      gzip,
      newest: part[0]?.publishedAt ?? '',
      oldest: part[part.length - 1]?.publishedAt ?? '',
    });
  };
  for (let k = 0; k * shardDocs < own.length; k++) addShard(own.slice(k * shardDocs, (k + 1) * shardDocs));
  const manifest: SearchManifest = { version: SEARCH_VERSION, lang, docs: own.length, bodyChars, shards, topics };
  files.set(`search/${lang}/manifest.json`, manifest);
  return files;
}

/** The search files of every language (an empty language gets a manifest with no shards). */
export function buildSearchIndex(articles: readonly Article[], opts: IndexOptions = {}): Map<string, unknown> {
  const files = new Map<string, unknown>();
  for (const lang of LANGS) for (const [path, value] of buildLanguageIndex(lang, articles, opts)) files.set(path, value);
  return files;
}
