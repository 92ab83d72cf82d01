/**
 * Text similarity for "More on this topic": TF-IDF over headline + lead, cosine,
 * times a recency factor. Pure.
 *
 * Words are lower-cased runs of letters and digits, at least 3 long, cut to
 * their first 7 characters (a crude stemmer that works for Ukrainian and English
 * inflection alike: "Пакистану", "Пакистані" → "пакиста"), minus a short stop list.
 * Weights are (1 + ln tf) · ln(N / df), L2-normalised.
 *
 * Candidates come from an inverted index word → articles, walked for the
 * article's 8 heaviest words only, skipping words in more than
 * min(400, 5 % of N) articles (they say little and would make the walk
 * quadratic): each article costs at most 3 200 postings, so the whole build is
 * linear in N. The best k are kept in a small sorted list, never a full sort.
 */

import { withRoom } from '../lib/growable.ts';
import { place } from '../lib/topList.ts';
import { wordParts } from '../../core/text/words.ts';

const STOP = new Set(
  (
    'the and for that with from this have has had was were are not but his her its they their them you your our who which what when where will would could should been being into than then there these those about after over also more most said says say one two new all any can may per mln pct ' +
    'який яка яке які якого якої яких щоб що так також але або від для при про під над між після через його її їх він вона вони воно ми ви це цей ця ці той та тих був була було були буде будуть бути має мають можна може сказав заявив зазначив році року роки понад ' +
    'как что это или его она они был была были для при про под над после через так также'
  ).split(' '),
);

export const STEM_LENGTH = 7;
export const QUERY_TERMS = 8;
export const MAX_POSTINGS = 400;
/** days after which the recency factor has fallen halfway to its floor */
export const HALF_LIFE_DAYS = 30;

/** The terms of a text for similarity: its word parts (core/text/words.ts), lower-cased, cut to STEM_LENGTH, minus stop words. */
export function textTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of wordParts(text.toLowerCase())) {
    if (w.length < 3 || STOP.has(w) || /^\d+$/.test(w)) continue;
    out.push(w.length > STEM_LENGTH ? w.slice(0, STEM_LENGTH) : w);
  }
  return out;
}

/** 1 for the same day, ½ + ½·2^(−days/30) apart: old stories still count, half as much at most. */
export function recency(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return 0.5;
  const days = Math.abs(a - b) / 86_400_000;
  return 0.5 + 0.5 * 2 ** (-days / HALF_LIFE_DAYS);
}

/**
 * Days apart from which recency() is exactly ½: ½·2^(−days/30) is then less than
 * half the spacing of doubles near ½ (2^−54), so adding it to ½ rounds to ½.
 */
const FAR_DAYS = 54 * HALF_LIFE_DAYS;
/** one step a day: the table is 13 KB and stays in cache */
const STEPS_PER_DAY = 1;
/** 2^(−d/30) at d = s / STEPS_PER_DAY: at d days it is at most POW_TABLE[⌊d · STEPS_PER_DAY⌋] */
const POW_TABLE = Float64Array.from({ length: FAR_DAYS * STEPS_PER_DAY + 1 }, (_, s) => 2 ** (-(s / STEPS_PER_DAY) / HALF_LIFE_DAYS));
/** room for rounding in the bound above (Math.pow may be off by an ulp or two) */
const SAFETY = 1 + 1e-9;

export interface Similar {
  idx: number;
  /** cosine × recency, 0–1 */
  score: number;
}

/** Texts by position, made when asked for (so they need not all exist at once). */
export interface Texts {
  readonly length: number;
  text(i: number): string;
}

/**
 * The text index in flat typed columns, not an object or a Map per article:
 * each article's vector is its terms (ascending) and weights in
 * vecTerm/vecWeight[vecStart[i] .. vecStart[i + 1]], each term's postings
 * (articles in order, their weights and publication times) in
 * postDoc/postWeight/postTime[postStart[t] .. postStart[t + 1]], and each
 * article's query terms (positions in its vector, heaviest first) in
 * queryPos[i · QUERY_TERMS ..] (queryLen[i] of them).
 * Plain typed arrays, so several threads can read one copy in shared memory.
 */
export interface TextColumns {
  vecStart: Int32Array;
  vecTerm: Int32Array;
  vecWeight: Float32Array;
  postStart: Int32Array;
  postDoc: Int32Array;
  postWeight: Float32Array;
  /** the times again in posting order, so similar() reads them in order rather than one article here, one there */
  postTime: Float64Array;
  queryPos: Int32Array;
  queryLen: Uint8Array;
  /** publication times, ms */
  times: Float64Array;
}

/** The columns of a text index over `input`. */
export function textColumns(
  input: readonly string[] | Texts,
  times: Float64Array,
): TextColumns {
  const texts: Texts = Array.isArray(input) ? { length: input.length, text: (i) => (input as readonly string[])[i] ?? '' } : (input as Texts);
  const n = texts.length;
  const ids = new Map<string, number>();
  const df: number[] = [];
  /** per term: the last article it was met in, and its count there */
  const lastDoc: number[] = [];
  const count: number[] = [];
  // Each article's distinct terms (ascending) and counts, in one column pair.
  const vecStart = new Int32Array(n + 1);
  let docTerm = new Int32Array(1 << 16);
  let docCount = new Int32Array(1 << 16);
  let size = 0;
  const own: number[] = [];
  for (let d = 0; d < n; d++) {
    own.length = 0;
    for (const w of textTerms(texts.text(d))) {
      let id = ids.get(w);
      if (id === undefined) {
        id = ids.size;
        ids.set(w, id);
        df.push(0);
        lastDoc.push(-1);
        count.push(0);
      }
      if (lastDoc[id] !== d) {
        lastDoc[id] = d;
        count[id] = 1;
        df[id] = (df[id] as number) + 1;
        own.push(id);
      } else count[id] = (count[id] as number) + 1;
    }
    own.sort((x, y) => x - y);
    docTerm = withRoom(docTerm, size + own.length);
    docCount = withRoom(docCount, size + own.length);
    for (const id of own) {
      docTerm[size] = id;
      docCount[size] = count[id] as number;
      size++;
    }
    vecStart[d + 1] = size;
  }
  const maxDf = Math.max(20, Math.min(MAX_POSTINGS, Math.ceil(n / 20)));
  const counts = new Int32Array(ids.size);
  // Weights, L2-normalised; terms of weight 0 dropped (the vectors are compacted in place).
  const vecWeight = new Float32Array(size);
  let to = 0;
  for (let d = 0; d < n; d++) {
    const from = vecStart[d] as number;
    const end = vecStart[d + 1] as number;
    vecStart[d] = to;
    let norm = 0;
    for (let p = from; p < end; p++) {
      const id = docTerm[p] as number;
      const w = (1 + Math.log(docCount[p] as number)) * Math.log(n / (df[id] ?? 1));
      if (w > 0) norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let p = from; p < end; p++) {
      const id = docTerm[p] as number;
      const w = (1 + Math.log(docCount[p] as number)) * Math.log(n / (df[id] ?? 1));
      if (!(w > 0)) continue;
      docTerm[to] = id;
      vecWeight[to] = w / norm;
      to++;
      const e = df[id] ?? 0;
      if (e >= 2 && e <= maxDf) counts[id] = (counts[id] ?? 0) + 1;
    }
  }
  vecStart[n] = to;
  const vecTerm = docTerm.slice(0, to);
  const weights = vecWeight.slice(0, to);
  docTerm = docCount = new Int32Array(0);

  const postStart = new Int32Array(ids.size + 1);
  for (let t = 0; t < ids.size; t++) postStart[t + 1] = (postStart[t] as number) + (counts[t] as number);
  ids.clear();
  const postDoc = new Int32Array(postStart[postStart.length - 1] as number);
  const postWeight = new Float32Array(postDoc.length);
  const postTime = new Float64Array(postDoc.length);
  const fill = postStart.slice(0, postStart.length - 1);
  const queryPos = new Int32Array(n * QUERY_TERMS);
  const queryLen = new Uint8Array(n);
  const usable: number[] = [];
  for (let d = 0; d < n; d++) {
    usable.length = 0;
    const end = vecStart[d + 1] as number;
    for (let p = vecStart[d] as number; p < end; p++) {
      const id = vecTerm[p] as number;
      if ((counts[id] ?? 0) === 0) continue;
      const at = fill[id] as number;
      fill[id] = at + 1;
      postDoc[at] = d;
      postWeight[at] = weights[p] as number;
      postTime[at] = times[d] as number;
      usable.push(p);
    }
    usable.sort((x, y) => (weights[y] as number) - (weights[x] as number));
    const q = Math.min(QUERY_TERMS, usable.length);
    for (let k = 0; k < q; k++) queryPos[d * QUERY_TERMS + k] = usable[k] as number;
    queryLen[d] = q;
  }
  return { vecStart, vecTerm, vecWeight: weights, postStart, postDoc, postWeight, postTime, queryPos, queryLen, times };
}

/** Similar texts, over the columns of a text index (each instance has its own scratch space). */
export class TextIndex {
  private readonly vecStart: Int32Array;
  private readonly vecTerm: Int32Array;
  private readonly vecWeight: Float32Array;
  private readonly postStart: Int32Array;
  private readonly postDoc: Int32Array;
  private readonly postWeight: Float32Array;
  private readonly postTime: Float64Array;
  private readonly queryPos: Int32Array;
  private readonly queryLen: Uint8Array;
  private readonly times: Float64Array;
  /**
   * per article: similar()'s running sum, 0 when the call has not met it (every
   * posting adds more than 0) — cleared again before the call returns, so the
   * only per-article array a call writes is 8 bytes an article
   */
  private readonly sum: Float64Array;
  /** scratch for similar(): the articles met and their times, and the best k so far */
  private readonly touched: Int32Array;
  private readonly touchedTime: Float64Array;
  private topIdx = new Int32Array(16);
  private topScore = new Float64Array(16);

  /** An index over `input` (texts by position, with their times), or over columns built already. */
  constructor(input: TextColumns);
  constructor(input: readonly string[] | Texts, times: Float64Array);
  constructor(input: TextColumns | readonly string[] | Texts, times?: Float64Array) {
    const c = 'vecStart' in input ? input : textColumns(input, times ?? new Float64Array(input.length));
    this.vecStart = c.vecStart;
    this.vecTerm = c.vecTerm;
    this.vecWeight = c.vecWeight;
    this.postStart = c.postStart;
    this.postDoc = c.postDoc;
    this.postWeight = c.postWeight;
    this.postTime = c.postTime;
    this.queryPos = c.queryPos;
    this.queryLen = c.queryLen;
    this.times = c.times;
    const n = c.queryLen.length;
    this.sum = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.touchedTime = new Float64Array(n);
  }

  /** Cosine similarity of two articles' texts. */
  cosine(i: number, j: number): number {
    const n = this.queryLen.length;
    if (!(i >= 0 && i < n && j >= 0 && j < n)) return 0;
    const { vecStart, vecTerm, vecWeight } = this;
    let x = vecStart[i] as number;
    const xEnd = vecStart[i + 1] as number;
    let y = vecStart[j] as number;
    const yEnd = vecStart[j + 1] as number;
    let dot = 0;
    while (x < xEnd && y < yEnd) {
      const s = vecTerm[x] as number;
      const t = vecTerm[y] as number;
      if (s === t) dot += (vecWeight[x++] as number) * (vecWeight[y++] as number);
      else if (s < t) x++;
      else y++;
    }
    return dot;
  }

  /** cosine × recency */
  score(i: number, j: number): number {
    return this.cosine(i, j) * recency(this.times[i] ?? NaN, this.times[j] ?? NaN);
  }

  /** The k articles most similar to article i (never i), best first; `accept` filters candidates. */
  similar(i: number, k: number, accept: (j: number) => boolean): Similar[] {
    if (!(i >= 0 && i < this.queryLen.length)) return [];
    const q = this.queryLen[i] as number;
    if (q === 0 || !(k > 0)) return [];
    const { sum, times, touched, touchedTime, vecTerm, vecWeight, postStart, postDoc, postWeight, postTime, queryPos } = this;
    // Candidates met, in the order met (scratch reused between calls: no array per call).
    let met = 0;
    for (let s = 0; s < q; s++) {
      const slot = queryPos[i * QUERY_TERMS + s] as number;
      const id = vecTerm[slot] as number;
      const w = vecWeight[slot] as number;
      const end = postStart[id + 1] as number;
      for (let p = postStart[id] as number; p < end; p++) {
        const d = postDoc[p] as number;
        const was = sum[d] as number;
        if (was === 0) {
          touched[met] = d;
          touchedTime[met++] = postTime[p] as number;
        }
        sum[d] = was + w * (postWeight[p] as number);
      }
    }
    // The best k so far, best first; among equal scores the one met first stays first.
    const topIdx = this.topIdx.length >= k ? this.topIdx : (this.topIdx = new Int32Array(k));
    const topScore = this.topScore.length >= k ? this.topScore : (this.topScore = new Float64Array(k));
    let size = 0;
    const ti = times[i] as number;
    const timed = Number.isFinite(ti);
    for (let m = 0; m < met; m++) {
      const j = touched[m] as number;
      const upper = sum[j] as number;
      sum[j] = 0;
      if (j === i) continue;
      if (size >= k && upper <= (topScore[k - 1] as number)) continue; // recency ≤ 1
      // score = upper × recency(ti, tj). The power in recency is most of the cost of
      // this loop, and most articles met cannot enter a full list: a table brackets
      // the factor first, and only those it cannot rule out get it exactly.
      const tj = touchedTime[m] as number;
      let score: number;
      if (!timed || !Number.isFinite(tj)) {
        if (!accept(j)) continue;
        score = upper * 0.5;
      } else {
        const days = Math.abs(ti - tj) / 86_400_000;
        if (size >= k && days < FAR_DAYS && upper * (0.5 + 0.5 * (POW_TABLE[Math.floor(days * STEPS_PER_DAY)] as number) * SAFETY) <= (topScore[k - 1] as number)) continue;
        if (!accept(j)) continue;
        score = upper * (days >= FAR_DAYS ? 0.5 : 0.5 + 0.5 * 2 ** (-days / HALF_LIFE_DAYS));
      }
      if (size >= k && score <= (topScore[k - 1] as number)) continue;
      place(topScore, topIdx, size < k ? size++ : k - 1, score, j);
    }
    const top: Similar[] = [];
    for (let r = 0; r < size; r++) top.push({ idx: topIdx[r] as number, score: topScore[r] as number });
    return top;
  }
}
