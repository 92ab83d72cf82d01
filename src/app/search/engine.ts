/**
 * The search itself, with no DOM and no worker API, so it is unit-tested in
 * Node and run in the Web Worker (search.worker.ts): loads a language's
 * manifest and shards through `fetchJson`, turns the reader's words into a
 * MiniSearch query (same normaliser as the index), merges the shards'
 * results and marks the matching words for the result cards.
 */
import * as v from 'valibot';
import MiniSearch, { type Query, type SearchOptions } from 'minisearch';
import type { Lang, TopicRef } from '../../core/model/article.ts';
import { fold, STOP_WORDS, stem, term, words } from '../../core/text/words.ts';
import { FIELD_BOOST, FIRST_SEARCH_BYTES, type SearchDoc, SearchManifest, SearchShard, indexOptions, searchPaths } from '../../core/search/searchData.ts';

/** A piece of text; `mark` when it is a word the query matched. */
export interface Segment {
  text: string;
  mark?: true;
}

export interface Hit {
  slug: string;
  headline: Segment[];
  lead: Segment[];
  publishedAt: string;
  topics: TopicRef[];
}

export interface SearchAnswer {
  hits: Hit[];
  /** matches among the articles searched so far */
  total: number;
  /** articles searched (the shards loaded), and in the language */
  searched: number;
  docs: number;
}

export type SearchErrorKind = 'network' | 'invalid';

export class SearchError extends Error {
  readonly kind: SearchErrorKind;
  constructor(kind: SearchErrorKind, detail: string) {
    super(`${kind}: ${detail}`);
    this.name = 'SearchError';
    this.kind = kind;
  }
}

/** Fetches a JSON file: rejects with SearchError('network') when unreachable, returns null on 404. */
export type FetchJson = (url: string) => Promise<unknown>;

/** A query term: its stem (with fuzzy for longer words) or, while typing, any word it begins. */
export function buildQuery(text: string): Query | null {
  const tokens: { folded: string; stem: string }[] = [];
  for (const w of words(text)) {
    const folded = fold(w);
    if (folded && !STOP_WORDS.has(folded)) tokens.push({ folded, stem: stem(folded) });
  }
  if (tokens.length === 0) return null;
  return {
    combineWith: 'AND',
    queries: tokens.map(({ folded, stem: s }, k) => {
      const prefix = k === tokens.length - 1;
      const fuzzy = s.length >= 8 ? 2 : s.length >= 5 ? 1 : false;
      const alternatives: Query[] = [{ queries: [s], prefix, fuzzy }];
      if (folded !== s) alternatives.push({ queries: [folded], prefix, fuzzy: false });
      return { combineWith: 'OR', queries: alternatives };
    }),
  };
}

/** Index terms of the words seen in result cards: stemming each word again is most of a query's time. */
const termCache = new Map<string, string | null>();
function cachedTerm(word: string): string | null {
  let t = termCache.get(word);
  if (t === undefined) {
    if (termCache.size > 50_000) termCache.clear();
    t = term(word);
    termCache.set(word, t);
  }
  return t;
}

/** The text split into segments, the words whose index term is in `matched` marked. */
export function highlight(text: string, matched: ReadonlySet<string>): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’ʼ`′ʹ‘][\p{L}\p{N}]+)*/gu)) {
    const t = cachedTerm(m[0]);
    if (t === null || !matched.has(t)) continue;
    const at = m.index ?? 0;
    if (at > last) out.push({ text: text.slice(last, at) });
    out.push({ text: m[0], mark: true });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

const SEARCH_OPTIONS: SearchOptions = {
  boost: FIELD_BOOST,
  combineWith: 'AND',
  // The query terms are already normalised by buildQuery.
  tokenize: (s) => [s],
  processTerm: (s) => s,
};

interface LangState {
  manifest: SearchManifest;
  shards: MiniSearch<SearchDoc>[];
  /** how many times shards were added (the first search is batch 1) */
  batches: number;
}

interface Stored {
  id: string;
  score: number;
  terms: string[];
  headline?: string;
  lead?: string;
  publishedAt?: string;
  tags?: string[];
}

export class SearchEngine {
  readonly #fetchJson: FetchJson;
  readonly #budget: number;
  readonly #langs = new Map<Lang, Promise<LangState>>();

  constructor(fetchJson: FetchJson, budget = FIRST_SEARCH_BYTES) {
    this.#fetchJson = fetchJson;
    this.#budget = budget;
  }

  async #manifest(lang: Lang, fresh = false): Promise<SearchManifest> {
    const url = searchPaths.manifest(lang) + (fresh ? `?fresh=${Date.now()}` : '');
    const json = await this.#fetchJson(url);
    if (json === null) throw new SearchError('invalid', `${url}: not found`);
    const parsed = v.safeParse(SearchManifest, json);
    if (!parsed.success) throw new SearchError('invalid', `${url}: not a search manifest`);
    return parsed.output;
  }

  async #shard(lang: Lang, file: string): Promise<MiniSearch<SearchDoc> | null> {
    const url = searchPaths.shard(lang, file);
    const json = await this.#fetchJson(url);
    if (json === null) return null;
    if (!v.safeParse(SearchShard, json).success) throw new SearchError('invalid', `${url}: not a search index`);
    try {
      return MiniSearch.loadJS(json as Parameters<typeof MiniSearch.loadJS>[0], indexOptions);
    } catch {
      throw new SearchError('invalid', `${url}: not a search index`);
    }
  }

  /** Loads the next shards, newest first, within the download budget (at least one). */
  async #grow(lang: Lang, state: LangState, fresh = false): Promise<LangState> {
    const { manifest } = state;
    const next: MiniSearch<SearchDoc>[] = [];
    let bytes = 0;
    for (let k = state.shards.length; k < manifest.shards.length; k++) {
      const info = manifest.shards[k]!;
      if (next.length > 0 && bytes + info.gzip > this.#budget) break;
      const shard = await this.#shard(lang, info.file);
      if (!shard) {
        // A manifest older than the files on the server: read it again, once.
        if (fresh) throw new SearchError('invalid', `${info.file}: not found`);
        return this.#grow(lang, { manifest: await this.#manifest(lang, true), shards: [], batches: 0 }, true);
      }
      next.push(shard);
      bytes += info.gzip;
    }
    return { manifest, shards: [...state.shards, ...next], batches: state.batches + 1 };
  }

  #state(lang: Lang): Promise<LangState> {
    let state = this.#langs.get(lang);
    if (!state) {
      state = this.#manifest(lang).then((manifest) => this.#grow(lang, { manifest, shards: [], batches: 0 }));
      this.#langs.set(lang, state);
      // A failed load is forgotten, so Retry (or coming back online) tries again.
      state.catch(() => this.#langs.delete(lang));
    }
    return state;
  }

  /** Loads the index of a language (the first shards) without searching. */
  async warm(lang: Lang): Promise<void> {
    await this.#state(lang);
  }

  /** Also searches the next, older shards (one more download within the budget). */
  async more(lang: Lang): Promise<void> {
    const state = await this.#state(lang);
    await this.#atLeast(lang, state.batches + 1);
  }

  async #atLeast(lang: Lang, batches: number): Promise<LangState> {
    let state = await this.#state(lang);
    while (state.batches < batches && state.shards.length < state.manifest.shards.length) {
      const before = state;
      const grown = this.#grow(lang, before);
      this.#langs.set(lang, grown);
      grown.catch(() => this.#langs.set(lang, Promise.resolve(before)));
      state = await grown;
    }
    return state;
  }

  /**
   * The best `limit` matches among the shards loaded; `batches` > 1 first
   * loads older shards until that many downloads have been made.
   */
  async search(lang: Lang, text: string, limit = 20, batches = 1): Promise<SearchAnswer> {
    const { manifest, shards } = await this.#atLeast(lang, batches);
    const searched = manifest.shards.slice(0, shards.length).reduce((n, s) => n + s.docs, 0);
    const query = buildQuery(text);
    if (!query) return { hits: [], total: 0, searched, docs: manifest.docs };
    const found: Stored[] = [];
    for (const shard of shards) found.push(...(shard.search(query, SEARCH_OPTIONS) as unknown as Stored[]));
    found.sort((a, b) => b.score - a.score || (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
    const hits = found.slice(0, limit).map((r): Hit => {
      const matched = new Set(r.terms);
      return {
        slug: r.id,
        headline: highlight(r.headline ?? '', matched),
        lead: highlight(r.lead ?? '', matched),
        publishedAt: r.publishedAt ?? '',
        topics: (r.tags ?? []).map((slug) => ({ slug, labels: manifest.topics[slug] ?? {} })),
      };
    });
    return { hits, total: found.length, searched, docs: manifest.docs };
  }
}
