/**
 * The search itself, with no DOM and no worker API, so it is unit-tested in
 * Node and run in the Web Worker (search.worker.ts). The index is partitioned
 * by term (src/core/search/searchData.ts): a query loads the language's small
 * manifest, then only the term parts that hold its words' terms (and, for the
 * last word, the terms it begins), scores the articles that have every word
 * (BM25F weights from the build, summed), and loads the doc chunks of the best
 * ones for their cards, the matching words marked. Everything loaded stays,
 * so a word searched before costs nothing, online or (through the service
 * worker's cache) offline. When a part cannot be fetched — offline, a word
 * never searched before — the newest articles are searched instead
 * (recent.json, one MiniSearch index) and the answer says so.
 */
import * as v from 'valibot';
import MiniSearch, { type Query, type SearchOptions } from 'minisearch';
import type { Lang, TopicRef } from '../../core/model/article.ts';
import { fold, STOP_WORDS, stem, term, words } from '../../core/text/words.ts';
import { decodePostings, type Postings, WEIGHT_MAX } from '../../core/search/postings.ts';
import {
  BM25,
  DocChunk,
  type DocRow,
  FIELD_BOOST,
  RecentIndex,
  type SearchDoc,
  SearchManifest,
  TermPart,
  idf,
  indexOptions,
  partOf,
  searchPaths,
} from '../../core/search/searchData.ts';

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
  /** matches among the articles searched */
  total: number;
  /** articles searched (all of them, or offline the newest only), and in the language */
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

/** A file named by a manifest is gone: the manifest is older than the files on the server. */
class Stale extends Error {}

/** Fetches a JSON file: rejects with SearchError('network') when unreachable, returns null on 404. */
export type FetchJson = (url: string) => Promise<unknown>;

/** The last word also finds the terms it begins, from at most this many term parts (results while typing). */
export const PREFIX_PARTS = 2;
/** …and at most this many of those terms, the most common first. */
export const PREFIX_TERMS = 50;
/** A typo: terms of the word's own part within 1 edit (from 5 letters) or 2 (from 8), at most this many. */
export const FUZZY_TERMS = 20;
/** A typo among a word's first letters: at most this many more parts are searched for near matches. */
export const TYPO_PARTS = 2;
/** How much a prefix or a near match counts against the word itself (MiniSearch's weights). */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

interface Token {
  folded: string;
  stem: string;
  /** the last word: also matched as a prefix */
  last: boolean;
}

/** The reader's words, folded and stemmed by the index's own normaliser, stop words dropped. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const w of words(text)) {
    const folded = fold(w);
    if (folded && !STOP_WORDS.has(folded)) out.push({ folded, stem: stem(folded), last: false });
  }
  if (out.length > 0) out[out.length - 1]!.last = true;
  return out;
}

const maxEdits = (s: string) => (s.length >= 8 ? 2 : s.length >= 5 ? 1 : 0);

/** Levenshtein distance of a and b, or max + 1 once it is over `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length] as number;
}

/** The offline index's query: every word its stem (fuzzy from 5 letters) or its folded form; the last word also as a prefix. */
export function buildQuery(text: string): Query | null {
  const ts = tokens(text);
  if (ts.length === 0) return null;
  return {
    combineWith: 'AND',
    queries: ts.map(({ folded, stem: s, last }) => {
      const fuzzy = maxEdits(s) || false;
      const alternatives: Query[] = [{ queries: [s], prefix: last, fuzzy }];
      if (folded !== s) alternatives.push({ queries: [folded], prefix: last, fuzzy: false });
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

interface LoadedPart {
  part: TermPart;
  /** postings decoded, by the term's place in the part */
  decoded: Array<Postings | undefined>;
}

interface LangState {
  manifest: SearchManifest;
  parts: Map<number, Promise<LoadedPart>>;
  docs: Map<number, Promise<DocRow[]>>;
  recent?: Promise<MiniSearch<SearchDoc>>;
}

const RECENT_OPTIONS: SearchOptions = {
  boost: FIELD_BOOST,
  combineWith: 'AND',
  // The query terms are already normalised by buildQuery.
  tokenize: (s) => [s],
  processTerm: (s) => s,
};

/** What one word found: the articles, their scores (by article number; 0: not found), and the index terms that matched. */
interface Found {
  docs: number[];
  scores: Float64Array;
  terms: Set<string>;
}

export class SearchEngine {
  readonly #fetchJson: FetchJson;
  readonly #langs = new Map<Lang, Promise<LangState>>();
  readonly #prefetched = new Set<string>();

  constructor(fetchJson: FetchJson) {
    this.#fetchJson = fetchJson;
  }

  async #manifest(lang: Lang, fresh = false): Promise<SearchManifest> {
    const url = searchPaths.manifest(lang) + (fresh ? `?fresh=${Date.now()}` : '');
    const json = await this.#fetchJson(url);
    if (json === null) throw new SearchError('invalid', `${url}: not found`);
    const parsed = v.safeParse(SearchManifest, json);
    if (!parsed.success) throw new SearchError('invalid', `${url}: not a search manifest`);
    return parsed.output;
  }

  #state(lang: Lang, fresh = false): Promise<LangState> {
    let state = this.#langs.get(lang);
    if (!state || fresh) {
      state = this.#manifest(lang, fresh).then((manifest) => ({ manifest, parts: new Map(), docs: new Map() }));
      this.#langs.set(lang, state);
      // A failed load is forgotten, so Retry (or coming back online) tries again.
      state.catch(() => this.#langs.delete(lang));
    }
    return state;
  }

  /** A file the manifest names, checked against its schema; remembered once loaded, forgotten if it fails. */
  #file<T>(cache: Map<number, Promise<T>>, n: number, url: string, read: (json: unknown) => T): Promise<T> {
    let file = cache.get(n);
    if (!file) {
      file = this.#fetchJson(url).then((json) => {
        if (json === null) throw new Stale(url);
        return read(json);
      });
      cache.set(n, file);
      file.catch(() => cache.delete(n));
    }
    return file;
  }

  #part(lang: Lang, state: LangState, n: number): Promise<LoadedPart> {
    const url = searchPaths.part(lang, state.manifest.gen, n);
    return this.#file(state.parts, n, url, (json) => {
      const parsed = v.safeParse(TermPart, json);
      if (!parsed.success) throw new SearchError('invalid', `${url}: not a term part`);
      return { part: parsed.output, decoded: [] };
    });
  }

  #docs(lang: Lang, state: LangState, n: number): Promise<DocRow[]> {
    const url = searchPaths.docs(lang, state.manifest.gen, n);
    return this.#file(state.docs, n, url, (json) => {
      const parsed = v.safeParse(DocChunk, json);
      if (!parsed.success) throw new SearchError('invalid', `${url}: not a doc chunk`);
      return parsed.output;
    });
  }

  /** Loads a language's manifest (when the reader focuses the search box). */
  async warm(lang: Lang): Promise<void> {
    await this.#state(lang);
  }

  /**
   * Fetches the offline index once, without reading it, so the service
   * worker keeps it: after a first search online, any word can be searched
   * offline among the newest articles.
   */
  async prefetchRecent(lang: Lang): Promise<void> {
    const { manifest } = await this.#state(lang);
    const url = searchPaths.recent(lang, manifest.gen);
    if (manifest.recent === 0 || this.#prefetched.has(url)) return;
    this.#prefetched.add(url);
    await this.#fetchJson(url).catch(() => this.#prefetched.delete(url));
  }

  /** The best `limit` matches in the whole archive (offline, among the newest articles when a part cannot be loaded). */
  async search(lang: Lang, text: string, limit = 20): Promise<SearchAnswer> {
    let state = await this.#state(lang);
    try {
      return await this.#search(lang, state, text, limit);
    } catch (e) {
      if (e instanceof Stale) {
        // A manifest older than the files on the server: read it again, once.
        state = await this.#state(lang, true);
        try {
          return await this.#search(lang, state, text, limit);
        } catch (again) {
          if (again instanceof Stale) throw new SearchError('invalid', `${again.message}: not found`);
          throw again;
        }
      }
      if (e instanceof SearchError && e.kind === 'network' && state.manifest.recent > 0) {
        const recent = await this.#searchRecent(lang, state, text, limit).catch(() => null);
        if (recent) return recent;
      }
      throw e;
    }
  }

  async #search(lang: Lang, state: LangState, text: string, wanted: number): Promise<SearchAnswer> {
    const { manifest } = state;
    const limit = Math.max(1, wanted);
    const ts = tokens(text);
    if (ts.length === 0 || manifest.docs === 0) return { hits: [], total: 0, searched: manifest.docs, docs: manifest.docs };
    const found = await Promise.all(ts.map((t) => this.#token(lang, state, t)));
    // AND: the articles every word found, from the word that found fewest
    found.sort((a, b) => a.docs.length - b.docs.length);
    const [first, ...rest] = found as [Found, ...Found[]];
    // the best `limit`, by relevance; on a tie the newer article (a lower number) first
    const before = (a: [number, number], b: [number, number]) => b[1] - a[1] || a[0] - b[0];
    const best: Array<[number, number]> = [];
    let total = 0;
    for (const doc of first.docs) {
      let sum = first.scores[doc] as number;
      for (const f of rest) {
        const s = f.scores[doc] as number;
        if (s === 0) {
          sum = -1;
          break;
        }
        sum += s;
      }
      if (sum < 0) continue;
      total++;
      const entry: [number, number] = [doc, sum];
      if (best.length === limit && before(entry, best[limit - 1]!) >= 0) continue;
      let at = best.length;
      while (at > 0 && before(entry, best[at - 1]!) < 0) at--;
      best.splice(at, 0, entry);
      if (best.length > limit) best.pop();
    }
    const chunk = manifest.docChunk;
    const chunks = new Map<number, DocRow[]>();
    await Promise.all(
      [...new Set(best.map(([doc]) => Math.floor(doc / chunk)))].map(async (n) => chunks.set(n, await this.#docs(lang, state, n))),
    );
    const matched = new Set<string>();
    for (const f of found) for (const t of f.terms) matched.add(t);
    const hits = best.map(([doc]): Hit => {
      const row = chunks.get(Math.floor(doc / chunk))?.[doc % chunk];
      if (!row) throw new SearchError('invalid', `article ${doc}: not in its doc chunk`);
      const [slug, headline, lead, publishedAt, tags] = row;
      return {
        slug,
        headline: highlight(headline, matched),
        lead: highlight(lead, matched),
        publishedAt,
        topics: tags.map((s) => ({ slug: s, labels: manifest.topics[s] ?? {} })),
      };
    });
    return { hits, total, searched: manifest.docs, docs: manifest.docs };
  }

  /** The articles one word finds: its stem, its folded form, near matches and (the last word) the terms it begins. */
  async #token(lang: Lang, state: LangState, token: Token): Promise<Found> {
    const { parts: firsts, docs } = state.manifest;
    const own = partOf(firsts, token.stem);
    const wanted = new Set([own, partOf(firsts, token.folded)]);
    // the last word: the terms its stem or its folded form begin («riy» stems to «rii» but begins «riyal»)
    const prefixes = token.last ? [...new Set([token.stem, token.folded])] : [];
    for (const p of prefixes) {
      const from = partOf(firsts, p);
      const end = partOf(firsts, `${p}\uffff`);
      for (let n = from; n <= Math.min(end, from + PREFIX_PARTS - 1); n++) wanted.add(n);
    }
    // a typo among the first letters moves the word to another part: look there too
    const edits = maxEdits(token.stem);
    const nearParts = edits > 0 ? typoParts(firsts, token.stem).filter((n) => !wanted.has(n)).slice(0, TYPO_PARTS) : [];
    for (const n of nearParts) wanted.add(n);
    const loaded = new Map<number, LoadedPart>();
    await Promise.all([...wanted].map(async (n) => loaded.set(n, await this.#part(lang, state, n))));

    /** term → its weight in this word's score, and where it is */
    const alternatives = new Map<string, { weight: number; part: LoadedPart; at: number }>();
    const consider = (t: string, weight: number, part: LoadedPart, at: number) => {
      const had = alternatives.get(t);
      if (!had || had.weight < weight) alternatives.set(t, { weight, part, at });
    };
    for (const exact of new Set([token.stem, token.folded])) {
      const part = loaded.get(partOf(firsts, exact))!;
      const at = indexOf(part.part.terms, exact);
      if (at >= 0) consider(exact, 1, part, at);
    }
    const expansions: Array<{ t: string; n: number; df: number; part: LoadedPart; at: number }> = [];
    for (const p of prefixes) {
      for (const part of loaded.values()) {
        const { terms, df } = part.part;
        for (let at = lowerBound(terms, p); at < terms.length && terms[at]!.startsWith(p); at++) {
          if (terms[at] !== token.stem && terms[at] !== token.folded) expansions.push({ t: terms[at]!, n: p.length, df: df[at]!, part, at });
        }
      }
    }
    expansions.sort((a, b) => b.df - a.df);
    for (const x of expansions.slice(0, PREFIX_TERMS)) consider(x.t, (PREFIX_WEIGHT * x.n) / (x.n + 0.3 * (x.t.length - x.n)), x.part, x.at);
    if (edits > 0) {
      const near: Array<{ t: string; d: number; df: number; part: LoadedPart; at: number }> = [];
      for (const n of [own, ...nearParts]) {
        const part = loaded.get(n)!;
        part.part.terms.forEach((t, at) => {
          if (t === token.stem || Math.abs(t.length - token.stem.length) > edits) return;
          const d = editDistance(token.stem, t, edits);
          if (d <= edits) near.push({ t, d, df: part.part.df[at]!, part, at });
        });
      }
      near.sort((a, b) => a.d - b.d || b.df - a.df);
      const n = token.stem.length;
      for (const x of near.slice(0, FUZZY_TERMS)) consider(x.t, (FUZZY_WEIGHT * n) / (n + x.d), x.part, x.at);
    }

    const scores = new Float64Array(docs);
    const found: number[] = [];
    const terms = new Set<string>();
    const scale = (BM25.k1 + 1) / WEIGHT_MAX;
    for (const [t, { weight, part, at }] of alternatives) {
      terms.add(t);
      const postings = (part.decoded[at] ??= decodePostings(part.part.postings[at]!));
      const w = weight * idf(part.part.df[at]!, docs) * scale;
      const { docs: ds, weights } = postings;
      for (let k = 0; k < ds.length; k++) {
        const doc = ds[k]!;
        if (scores[doc] === 0) found.push(doc);
        // a weight is at least 1, so a found article's score is above 0
        scores[doc] = (scores[doc] as number) + w * weights[k]!;
      }
    }
    return { docs: found, scores, terms };
  }

  /** The newest articles' index (recent.json, MiniSearch): what can be searched offline for a word never searched online. */
  async #searchRecent(lang: Lang, state: LangState, text: string, limit: number): Promise<SearchAnswer> {
    const { manifest } = state;
    state.recent ??= (async () => {
      const url = searchPaths.recent(lang, manifest.gen);
      const json = await this.#fetchJson(url);
      if (json === null || !v.safeParse(RecentIndex, json).success) throw new SearchError('invalid', `${url}: not a search index`);
      return MiniSearch.loadJS(json as Parameters<typeof MiniSearch.loadJS>[0], indexOptions);
    })();
    state.recent.catch(() => (state.recent = undefined));
    const index = await state.recent;
    const query = buildQuery(text);
    const searched = manifest.recent;
    if (!query) return { hits: [], total: 0, searched, docs: manifest.docs };
    const found = index.search(query, RECENT_OPTIONS) as unknown as Array<{
      id: string;
      score: number;
      terms: string[];
      headline?: string;
      lead?: string;
      publishedAt?: string;
      tags?: string[];
    }>;
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

/**
 * The parts where a word would be with a typo among its first letters undone
 * (two letters swapped, a letter left out, among the first four), other than
 * its own: a typo later in a word leaves it in its own part.
 */
export function typoParts(firsts: readonly string[], s: string): number[] {
  const own = partOf(firsts, s);
  const out: number[] = [];
  const add = (variant: string) => {
    const n = partOf(firsts, variant);
    if (n !== own && !out.includes(n)) out.push(n);
  };
  for (let i = 0; i < Math.min(3, s.length - 1); i++) add(s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2));
  for (let i = 0; i < Math.min(3, s.length); i++) add(s.slice(0, i) + s.slice(i + 1));
  return out;
}

/** The first place in sorted `terms` whose term is ≥ t. */
function lowerBound(terms: readonly string[], t: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((terms[mid] as string) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The place of `t` in sorted `terms`, or −1. */
function indexOf(terms: readonly string[], t: string): number {
  const at = lowerBound(terms, t);
  return terms[at] === t ? at : -1;
}
