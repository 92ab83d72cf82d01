/**
 * One language's search index partitioned by term (searchData.ts, docs/DATA.md
 * "Search index"): articles come in newest first, a batch at a time (add());
 * finish() gives the files. Node only (hashing).
 *
 * Articles are numbered in the order they come, so a lower number is a newer
 * article. Their words are read once, as they come (WordTable: each distinct
 * word as written gets a number, and its index term is found once), into
 * typed columns of (term, term frequency per field), in article order — the articles
 * themselves can go once add() returns (at 100 000 articles the columns are
 * about 20 million postings, 6 bytes each). finish() knows the average field
 * lengths, so it turns each posting into its BM25F weight, 1–63, sorts the
 * terms and cuts them into parts of about TERM_PART_BYTES: a query downloads
 * only the parts of its words' terms, a few per query at any archive size.
 */
import { createHash } from 'node:crypto';
import { withRoom } from '../lib/growable.ts';
import { JsonText } from '../lib/jsonText.ts';
import { WordTable } from './wordTable.ts';
import { encodePostings, WEIGHT_MAX } from '../../core/search/postings.ts';
import {
  BM25,
  BODY_CHARS,
  DOC_CHUNK,
  FIELD_BOOST,
  MAX_FILE_BYTES,
  RECENT_BODY_CHARS,
  RECENT_DOCS,
  SEARCH_FIELDS,
  SEARCH_VERSION,
  SNIPPET_CHARS,
  type DocRow,
  type SearchDoc,
  type SearchManifest,
  TERM_PART_BYTES,
} from '../../core/search/searchData.ts';
import type { Lang, TopicLabels, TopicRef } from '../../core/model/article.ts';
import { term as termOf } from '../../core/text/words.ts';

/** What the search index needs of one article (plain data: it can go to a worker thread). */
export interface IndexInput {
  lang: Lang;
  topics: readonly TopicRef[];
  doc: SearchDoc;
}

export interface TermIndexOptions {
  /**
   * what is kept of a built file (its JSON text and a newline, UTF-8) in the
   * files (default: a JsonText of it); the search worker writes it to disk instead
   */
  keep?: (bytes: Uint8Array) => unknown;
  bodyChars?: number;
  /** bytes after which a term part is closed */
  partBytes?: number;
  /** articles per doc chunk */
  docChunk?: number;
  /** at most this many articles in the offline index */
  recentDocs?: number;
}

const FIELDS = SEARCH_FIELDS.length;
const BOOSTS = SEARCH_FIELDS.map((f) => FIELD_BOOST[f]);
const encoder = new TextEncoder();

/** JSON text and a newline, as UTF-8. */
function fileBytes(value: unknown): Uint8Array<ArrayBuffer> {
  return encoder.encode(`${JSON.stringify(value)}\n`);
}

/** Text cut to at most `max` characters at a word boundary, with "…" when cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const space = head.lastIndexOf(' ');
  return `${(space > max * 0.6 ? head.slice(0, space) : head).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** The offline index's JSON (MiniSearch's format) over the newest `docs`, as a file's bytes. */
export type RecentBuilder = (docs: readonly SearchDoc[]) => Uint8Array;

export class LanguageIndex {
  private readonly keep: (bytes: Uint8Array) => unknown;
  private readonly bodyChars: number;
  private readonly partBytes: number;
  private readonly docChunk: number;
  private readonly recentDocs: number;
  private readonly hash = createHash('sha256');
  private readonly topics: Record<string, TopicLabels> = {};
  /** built files, by name under the generation's folder */
  private readonly files: Array<[name: string, kept: unknown]> = [];
  private rows: DocRow[] = [];
  private readonly recent: SearchDoc[] = [];
  private docs = 0;

  // words and terms
  private readonly table = new WordTable();
  private known = 0;
  private wordTerm = new Int32Array(1024);
  private wordSeen = new Int32Array(1024);
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  /** per term: the article it was last met in, and its place in that article's list */
  private termDocSlot = new Int32Array(1024);
  private termDoc = new Int32Array(1024);
  private serial = 0;

  // postings, in article order: term, term frequency per field (4 bits each, packed);
  // the postings of article d are docStart[d] … docStart[d + 1] − 1
  private size = 0;
  private pTerm = new Int32Array(1 << 16);
  private pTf = new Uint16Array(1 << 16);
  private docStart = new Int32Array(1 << 12);
  /** distinct words per field, FIELDS per article */
  private lengths = new Int32Array(1 << 12);
  private readonly lengthSum = new Float64Array(FIELDS);

  constructor(
    readonly lang: Lang,
    private readonly recentBytes: RecentBuilder,
    opts: TermIndexOptions = {},
  ) {
    this.keep = opts.keep ?? ((bytes) => new JsonText(bytes.subarray(0, bytes.length - 1)));
    this.bodyChars = opts.bodyChars ?? BODY_CHARS;
    this.partBytes = opts.partBytes ?? TERM_PART_BYTES;
    this.docChunk = opts.docChunk ?? DOC_CHUNK;
    this.recentDocs = opts.recentDocs ?? RECENT_DOCS;
    this.termDoc.fill(-1);
  }

  /** The next articles, newest first (after those added before). */
  add(batch: readonly IndexInput[]): void {
    for (const a of batch) this.addOne(a);
  }

  private addOne({ topics, doc }: IndexInput): void {
    for (const t of topics) this.topics[t.slug] ??= t.labels;
    const d = this.docs++;
    if (this.recent.length < this.recentDocs) this.recent.push({ ...doc, body: cut(doc.body, RECENT_BODY_CHARS) });
    this.rows.push([doc.id, doc.headline, doc.lead ? cut(doc.lead, SNIPPET_CHARS) : '', doc.publishedAt, doc.tags]);
    if (this.rows.length === this.docChunk) this.flushRows();

    this.lengths = withRoom(this.lengths, (d + 1) * FIELDS);
    const docTerms: number[] = [];
    const tfs: number[] = [];
    for (let f = 0; f < FIELDS; f++) {
      const value = doc[SEARCH_FIELDS[f] as keyof SearchDoc];
      if (value == null) continue;
      const count = this.table.scan(value.toString());
      this.newWords();
      const serial = ++this.serial;
      let unique = 0;
      const ids = this.table.ids;
      for (let k = 0; k < count; k++) {
        const w = ids[k] as number;
        if (this.wordSeen[w] !== serial) {
          this.wordSeen[w] = serial;
          unique++;
        }
        const t = this.wordTerm[w] as number;
        if (t < 0) continue;
        let slot: number;
        if (this.termDoc[t] !== d) {
          this.termDoc[t] = d;
          slot = docTerms.length;
          this.termDocSlot[t] = slot;
          docTerms.push(t);
          tfs.push(0);
        } else slot = this.termDocSlot[t] as number;
        const tf = tfs[slot] as number;
        // four bits per field: a term met more than 15 times in a field counts 15 (BM25 has long saturated)
        if (((tf >>> (4 * f)) & 15) < 15) tfs[slot] = tf + (1 << (4 * f));
      }
      this.lengths[d * FIELDS + f] = unique;
      this.lengthSum[f] = (this.lengthSum[f] as number) + unique;
    }
    const n = this.size + docTerms.length;
    this.pTerm = withRoom(this.pTerm, n);
    this.pTf = withRoom(this.pTf, n);
    for (let k = 0; k < docTerms.length; k++) {
      this.pTerm[this.size] = docTerms[k] as number;
      this.pTf[this.size++] = tfs[k] as number;
    }
    this.docStart = withRoom(this.docStart, d + 2);
    this.docStart[d + 1] = this.size;
  }

  /** The index terms of the words met for the first time. */
  private newWords(): void {
    const { table } = this;
    this.wordTerm = withRoom(this.wordTerm, table.size);
    this.wordSeen = withRoom(this.wordSeen, table.size);
    for (; this.known < table.size; this.known++) {
      const term = termOf(table.words[this.known] as string);
      let t = -1;
      if (term) {
        t = this.termIds.get(term) ?? -1;
        if (t < 0) {
          t = this.terms.length;
          this.termIds.set(term, t);
          this.terms.push(term);
          this.termDocSlot = withRoom(this.termDocSlot, t + 1);
          const before = this.termDoc.length;
          this.termDoc = withRoom(this.termDoc, t + 1);
          this.termDoc.fill(-1, before);
        }
      }
      this.wordTerm[this.known] = t;
    }
  }

  private flushRows(): void {
    if (this.rows.length === 0) return;
    const n = Math.floor((this.docs - 1) / this.docChunk);
    this.put(`d${n}.json`, fileBytes(this.rows));
    this.rows = [];
  }

  private put(name: string, bytes: Uint8Array): void {
    if (bytes.length > MAX_FILE_BYTES) throw new Error(`search/${this.lang}: ${name} would be ${bytes.length} bytes, over ${MAX_FILE_BYTES}`);
    this.hash.update(name).update(bytes);
    this.files.push([name, this.keep(bytes)]);
  }

  /** The term parts: terms in order, each with its postings as BM25F weights. */
  private writeParts(): string[] {
    const { size, pTerm, pTf, docStart, lengths, docs } = this;
    const nTerms = this.terms.length;
    // postings grouped by term, each group in article order: a counting sort into new columns,
    // the old ones let go (the biggest memory of a big import's index)
    const start = new Int32Array(nTerms + 1);
    for (let k = 0; k < size; k++) start[(pTerm[k] as number) + 1] = (start[(pTerm[k] as number) + 1] as number) + 1;
    for (let t = 0; t < nTerms; t++) start[t + 1] = (start[t + 1] as number) + (start[t] as number);
    const gDoc = new Int32Array(size);
    const gTf = new Uint16Array(size);
    const fill = start.slice(0, nTerms);
    for (let d = 0; d < docs; d++) {
      for (let k = docStart[d] as number; k < (docStart[d + 1] as number); k++) {
        const t = pTerm[k] as number;
        const at = fill[t] as number;
        gDoc[at] = d;
        gTf[at] = pTf[k] as number;
        fill[t] = at + 1;
      }
    }
    this.pTerm = new Int32Array(0);
    this.pTf = new Uint16Array(0);
    this.docStart = new Int32Array(0);
    const average = Array.from(this.lengthSum, (sum) => Math.max(sum / Math.max(docs, 1), 1e-9));
    const { k1, b } = BM25;
    const sorted = Array.from({ length: nTerms }, (_, t) => t).sort((x, y) => {
      const a = this.terms[x] as string;
      const c = this.terms[y] as string;
      return a < c ? -1 : a > c ? 1 : 0;
    });
    const firsts: string[] = [];
    let part = { terms: [] as string[], df: [] as number[], postings: [] as string[] };
    let bytes = 0;
    const close = (): void => {
      if (part.terms.length === 0) return;
      this.put(`t${firsts.length}.json`, fileBytes(part));
      firsts.push(firsts.length === 0 ? '' : (part.terms[0] as string));
      part = { terms: [], df: [], postings: [] };
      bytes = 0;
    };
    let docsOf = new Int32Array(1024);
    let weights = new Uint8Array(1024);
    for (const t of sorted) {
      const from = start[t] as number;
      const n = (start[t + 1] as number) - from;
      docsOf = withRoom(docsOf, n);
      weights = withRoom(weights, n);
      for (let i = 0; i < n; i++) {
        const d = gDoc[from + i] as number;
        const tf = gTf[from + i] as number;
        let sum = 0;
        for (let f = 0; f < FIELDS; f++) {
          const count = (tf >>> (4 * f)) & 15;
          if (count === 0) continue;
          const norm = 1 - b + (b * (lengths[d * FIELDS + f] as number)) / (average[f] as number);
          sum += ((BOOSTS[f] as number) * count) / norm;
        }
        docsOf[i] = d;
        weights[i] = Math.max(1, Math.round((WEIGHT_MAX * sum) / (sum + k1)));
      }
      const postings = encodePostings(docsOf.subarray(0, n), weights.subarray(0, n));
      const term = this.terms[t] as string;
      const cost = postings.length + term.length * 2 + 16;
      if (bytes > 0 && bytes + cost > this.partBytes) close();
      part.terms.push(term);
      part.df.push(n);
      part.postings.push(postings);
      bytes += cost;
    }
    close();
    return firsts;
  }

  /** The files: relative path (under data/) → JSON value (a built file as JsonText, or as the keep function gave it). */
  finish(): Map<string, unknown> {
    this.flushRows();
    const parts = this.writeParts();
    // the offline index: the newest articles, halved until it fits a file
    let recent = this.recent.length;
    if (recent > 0) {
      for (;;) {
        const bytes = this.recentBytes(this.recent.slice(0, recent));
        if (bytes.length <= MAX_FILE_BYTES || recent === 1) {
          this.put('recent.json', bytes);
          break;
        }
        recent = Math.ceil(recent / 2);
      }
    }
    const gen = this.hash.digest('hex').slice(0, 12);
    const manifest: SearchManifest = {
      version: SEARCH_VERSION,
      lang: this.lang,
      docs: this.docs,
      bodyChars: this.bodyChars,
      gen,
      parts,
      docChunk: this.docChunk,
      recent,
      topics: this.topics,
    };
    const out = new Map<string, unknown>();
    for (const [name, kept] of this.files) out.set(`search/${this.lang}/${gen}/${name}`, kept);
    out.set(`search/${this.lang}/manifest.json`, manifest);
    return out;
  }
}
