/**
 * Articles → the search files of the dataset (searchData.ts describes them;
 * docs/DATA.md, "Search index"): the index partitioned by term
 * (termIndex.ts) and, for offline use, the newest articles as one MiniSearch
 * index (shardBytes). Pure over its input: the same articles give the same
 * files. Node only: the pipeline and `npm run bench:search` call it, the app
 * never does.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { withRoom } from '../lib/growable.ts';
import { Utf8Writer, writeInt } from '../lib/utf8Writer.ts';
import { WordTable } from './wordTable.ts';
import { type IndexInput, LanguageIndex, type TermIndexOptions, cut } from './termIndex.ts';
import { type Article, type Block, LANGS, type Lang, blockText } from '../../core/model/article.ts';
import { timeOf } from '../../core/time/dates.ts';
import { BODY_CHARS, SNIPPET_CHARS, type SearchDoc, indexOptions } from '../../core/search/searchData.ts';

export { cut, LanguageIndex, type IndexInput };

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

/** Growable columns of (term, field, document, count) postings. */
class Postings {
  size = 0;
  term = new Int32Array(1 << 16);
  field = new Uint8Array(1 << 16);
  doc = new Int32Array(1 << 16);
  count = new Int32Array(1 << 16);

  push(term: number, field: number, doc: number, count: number): void {
    if (this.size === this.term.length) {
      this.term = withRoom(this.term, this.size + 1);
      this.field = withRoom(this.field, this.size + 1);
      this.doc = withRoom(this.doc, this.size + 1);
      this.count = withRoom(this.count, this.size + 1);
    }
    const k = this.size++;
    this.term[k] = term;
    this.field[k] = field;
    this.doc[k] = doc;
    this.count[k] = count;
  }
}

/**
 * MiniSearch's radix tree (its public `minisearch/SearchableMap`): a shard lists
 * its terms in this tree's iteration order, as MiniSearch's own toJSON() does.
 *
 * The shard JSON is written here in MiniSearch's serialisation format (version
 * 2), which the app reads with MiniSearch.loadJSON: package.json pins minisearch
 * to exactly 7.2.0 for that reason, and buildIndex.test.ts checks the bytes
 * against MiniSearch's own toJSON() — update both together.
 */

/**
 * The JSON text MiniSearch gives for `docs` (`JSON.stringify(index.toJSON())`
 * after `addAll(docs)`), with each stored lead cut to `snippetChars`, written
 * directly rather than through MiniSearch, as UTF-8 bytes (with a final
 * newline when asked: the shard file) — the postings, most of a shard, go
 * straight into the bytes, with no string made for them.
 *
 * Why: MiniSearch keeps a Map of Maps per term and walks its radix tree once
 * per word added; at 100 000 articles that was most of the import's time and
 * garbage. Here a word is looked up in a hash map and its postings go to typed
 * columns; the radix tree is built once, from the distinct terms in the order
 * they were first met, because its shape — and so the order of `index` in the
 * JSON — depends only on the order in which new keys arrive. Object keys that
 * are integers (document and field ids) come out in ascending order, as
 * JSON.stringify gives them. buildIndex.test.ts checks the text against
 * MiniSearch's own on documents made to stress the tree.
 */
export function shardBytes(docs: readonly SearchDoc[], snippetChars = SNIPPET_CHARS, newline = false): Uint8Array<ArrayBuffer> {
  const fields = indexOptions.fields ?? [];
  const nFields = fields.length;
  const processTerm = indexOptions.processTerm as (word: string) => string | false;
  const termIds = new Map<string, number>();
  const postings = new Postings();
  const average: number[] = [];
  const ids = new Set<string>();
  const documentIds: string[] = [];
  const fieldLength: string[] = [];
  const stored: string[] = [];
  // Each distinct word as written gets a number (WordTable: the words of
  // indexOptions.tokenize, found without a string each), with its term's number
  // (−1: none). Stamps (the field being read) count distinct words and each
  // term's occurrences without a Set or Map per field.
  const table = new WordTable();
  let known = 0;
  let wordTerm = new Int32Array(1024);
  let wordSeen = new Int32Array(1024);
  let termSeen = new Int32Array(1024);
  let termCount = new Int32Array(1024);
  const fieldTerms: number[] = [];
  let serial = 0;

  docs.forEach((doc, d) => {
    if (ids.has(doc.id)) throw new Error(`MiniSearch: duplicate ID ${doc.id}`);
    ids.add(doc.id);
    documentIds.push(`${d === 0 ? '' : ','}"${d}":${JSON.stringify(doc.id)}`);
    const lengths: number[] = [];
    for (let f = 0; f < nFields; f++) {
      const value = doc[fields[f] as keyof SearchDoc];
      if (value == null) continue;
      const count = table.scan(value.toString());
      // the words met for the first time, in order: their terms
      wordTerm = withRoom(wordTerm, table.size);
      wordSeen = withRoom(wordSeen, table.size);
      for (; known < table.size; known++) {
        const term = processTerm(table.words[known] as string);
        let t = -1;
        if (term) {
          t = termIds.get(term) ?? -1;
          if (t < 0) {
            t = termIds.size;
            termIds.set(term, t);
            termSeen = withRoom(termSeen, t + 1);
            termCount = withRoom(termCount, t + 1);
          }
        }
        wordTerm[known] = t;
      }
      serial++;
      let unique = 0;
      fieldTerms.length = 0;
      const textWords = table.ids;
      for (let k = 0; k < count; k++) {
        const w = textWords[k] as number;
        if (wordSeen[w] !== serial) {
          wordSeen[w] = serial;
          unique++;
        }
        const t = wordTerm[w] as number;
        if (t < 0) continue;
        if (termSeen[t] !== serial) {
          termSeen[t] = serial;
          termCount[t] = 1;
          fieldTerms.push(t);
        } else termCount[t] = (termCount[t] as number) + 1;
      }
      lengths[f] = unique;
      average[f] = ((average[f] || 0) * d + unique) / (d + 1);
      for (const t of fieldTerms) postings.push(t, f, d, termCount[t] as number);
    }
    fieldLength.push(`${d === 0 ? '' : ','}"${d}":${JSON.stringify(lengths)}`);
    const lead = doc.lead ? cut(doc.lead, snippetChars) : doc.lead;
    stored.push(
      `${d === 0 ? '' : ','}"${d}":${JSON.stringify({ headline: doc.headline, lead, publishedAt: doc.publishedAt, tags: doc.tags })}`,
    );
  });

  // Postings grouped by (term, field), each group in document order: a counting sort.
  const keys = termIds.size * nFields;
  const start = new Int32Array(keys + 1);
  for (let k = 0; k < postings.size; k++) {
    const key = (postings.term[k] as number) * nFields + (postings.field[k] as number) + 1;
    start[key] = (start[key] as number) + 1;
  }
  for (let key = 0; key < keys; key++) start[key + 1] = (start[key + 1] as number) + (start[key] as number);
  const order = new Int32Array(postings.size);
  const fill = start.slice(0, keys);
  for (let k = 0; k < postings.size; k++) {
    const key = (postings.term[k] as number) * nFields + (postings.field[k] as number);
    order[(fill[key] as number)++] = k;
  }

  const tree = new SearchableMap<number>();
  for (const [term, id] of termIds) tree.set(term, id);
  const fieldIds: Record<string, number> = {};
  fields.forEach((name, f) => (fieldIds[name] = f));

  const out = new Utf8Writer(1 << 20);
  out.text(
    `{"documentCount":${docs.length},"nextId":${docs.length},"documentIds":{${documentIds.join('')}},` +
      `"fieldIds":${JSON.stringify(fieldIds)},"fieldLength":{${fieldLength.join('')}},` +
      `"averageFieldLength":${JSON.stringify(average)},"storedFields":{${stored.join('')}},"dirtCount":0,"index":[`,
  );
  const COMMA = 44;
  const QUOTE = 34;
  const COLON = 58;
  let first = true;
  const { doc: postingDoc, count: postingCount } = postings;
  for (const [term, id] of tree) {
    if (!first) out.char(COMMA);
    first = false;
    out.text(`[${JSON.stringify(term)},{`);
    let firstField = true;
    for (let f = 0; f < nFields; f++) {
      const from = start[id * nFields + f] as number;
      const to = start[id * nFields + f + 1] as number;
      if (from === to) continue;
      if (!firstField) out.char(COMMA);
      firstField = false;
      out.char(QUOTE).int(f).char(QUOTE).char(COLON).char(123); // "f":{
      // "doc":count, each at most 2 × 10 digits and 4 more bytes
      const buf = out.reserve((to - from) * 24);
      let at = out.size;
      for (let p = from; p < to; p++) {
        const k = order[p] as number;
        if (p !== from) buf[at++] = COMMA;
        buf[at++] = QUOTE;
        at = writeInt(buf, at, postingDoc[k] as number);
        buf[at++] = QUOTE;
        buf[at++] = COLON;
        at = writeInt(buf, at, postingCount[k] as number);
      }
      out.size = at;
      out.char(125); // }
    }
    out.char(125).char(93); // }]
  }
  out.text('],"serializationVersion":2}');
  if (newline) out.char(10);
  return out.bytes();
}

/** shardBytes() as text. */
export function shardText(docs: readonly SearchDoc[], snippetChars = SNIPPET_CHARS): string {
  return new TextDecoder().decode(shardBytes(docs, snippetChars));
}

export type IndexOptions = Omit<TermIndexOptions, 'bodyChars'> & { bodyChars?: number };

export function indexInput(a: Article, bodyChars = BODY_CHARS): IndexInput {
  return { lang: a.lang, topics: a.topics, doc: toSearchDoc(a, bodyChars) };
}

/** What orders a language's articles in its index: newest first, then by slug. */
export interface OrderKey {
  publishedAt: string;
  slug: string;
}

/** Positions in `items` of the articles of `lang`, in index order (newest first, then slug). */
export function shardOrder(lang: Lang, items: ReadonlyArray<OrderKey & { lang: Lang }>): number[] {
  const own: Array<{ k: number; time: number; id: string }> = [];
  items.forEach((a, k) => {
    if (a.lang === lang) own.push({ k, time: timeOf(a.publishedAt), id: a.slug });
  });
  own.sort((a, b) => b.time - a.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return own.map((a) => a.k);
}

/** The offline index's file: MiniSearch's JSON over the newest articles, stored leads cut to the snippet. */
export function recentBytes(docs: readonly SearchDoc[]): Uint8Array {
  return shardBytes(docs, SNIPPET_CHARS, true);
}

/** A language's index, articles added newest first. */
export function languageIndex(lang: Lang, opts: IndexOptions = {}): LanguageIndex {
  return new LanguageIndex(lang, recentBytes, opts);
}

/** One language's search files: relative path (under data/) → JSON value (a built file as JsonText). */
export function buildLanguageIndex(lang: Lang, inputs: readonly IndexInput[], opts: IndexOptions = {}): Map<string, unknown> {
  const order = shardOrder(
    lang,
    inputs.map((a) => ({ lang: a.lang, publishedAt: a.doc.publishedAt, slug: a.doc.id })),
  );
  const index = languageIndex(lang, opts);
  index.add(order.map((k) => inputs[k] as IndexInput));
  return index.finish();
}

/** The search files of every language (an empty language gets a manifest and no other file). */
export function searchFiles(inputs: readonly IndexInput[], opts: IndexOptions = {}): Map<string, unknown> {
  const files = new Map<string, unknown>();
  for (const lang of LANGS) for (const [path, value] of buildLanguageIndex(lang, inputs, opts)) files.set(path, value);
  return files;
}

/** The search files of these articles. */
export function buildSearchIndex(articles: readonly Article[], opts: IndexOptions = {}): Map<string, unknown> {
  return searchFiles(
    articles.map((a) => indexInput(a, opts.bodyChars)),
    opts,
  );
}
