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

const WORD = /[\p{L}\p{N}]+/gu;

export function terms(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) {
    const w = m[0];
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

interface Vector {
  terms: Int32Array;
  weights: Float32Array;
}

export interface Similar {
  idx: number;
  /** cosine × recency, 0–1 */
  score: number;
}

export class TextIndex {
  private readonly vectors: Vector[];
  private readonly postDocs: Int32Array[];
  private readonly postWeights: Float32Array[];
  private readonly queries: Int32Array[];
  private readonly acc: Float64Array;
  private readonly seen: Int32Array;
  private round = 0;

  constructor(
    texts: readonly string[],
    private readonly times: Float64Array,
    /** called now and then while the index is built */
    tick?: () => void,
  ) {
    const n = texts.length;
    const ids = new Map<string, number>();
    const df: number[] = [];
    const docs = texts.map((t, k) => {
      if (tick && k % 256 === 0) tick();
      const tf = new Map<number, number>();
      for (const w of terms(t)) {
        let id = ids.get(w);
        if (id === undefined) {
          id = ids.size;
          ids.set(w, id);
          df.push(0);
        }
        tf.set(id, (tf.get(id) ?? 0) + 1);
      }
      for (const id of tf.keys()) df[id] = (df[id] ?? 0) + 1;
      return tf;
    });
    const maxDf = Math.max(20, Math.min(MAX_POSTINGS, Math.ceil(n / 20)));
    const counts = new Int32Array(ids.size);
    this.vectors = docs.map((tf) => {
      const entries = [...tf].map(([id, f]) => [id, (1 + Math.log(f)) * Math.log(n / (df[id] ?? 1))] as const).filter(([, w]) => w > 0);
      entries.sort((x, y) => x[0] - y[0]);
      let norm = 0;
      for (const [, w] of entries) norm += w * w;
      norm = Math.sqrt(norm) || 1;
      for (const [id] of entries) {
        const d = df[id] ?? 0;
        if (d >= 2 && d <= maxDf) counts[id] = (counts[id] ?? 0) + 1;
      }
      return { terms: Int32Array.from(entries, ([id]) => id), weights: Float32Array.from(entries, ([, w]) => w / norm) };
    });
    this.postDocs = Array.from(counts, (c) => new Int32Array(c));
    this.postWeights = Array.from(counts, (c) => new Float32Array(c));
    const fill = new Int32Array(ids.size);
    this.queries = this.vectors.map((v, doc) => {
      const usable: number[] = [];
      for (let k = 0; k < v.terms.length; k++) {
        const id = v.terms[k] as number;
        if ((counts[id] ?? 0) === 0) continue;
        const at = fill[id] ?? 0;
        fill[id] = at + 1;
        (this.postDocs[id] as Int32Array)[at] = doc;
        (this.postWeights[id] as Float32Array)[at] = v.weights[k] as number;
        usable.push(k);
      }
      usable.sort((x, y) => (v.weights[y] as number) - (v.weights[x] as number));
      return Int32Array.from(usable.slice(0, QUERY_TERMS));
    });
    this.acc = new Float64Array(n);
    this.seen = new Int32Array(n).fill(-1);
  }

  /** Cosine similarity of two articles' texts. */
  cosine(i: number, j: number): number {
    const a = this.vectors[i];
    const b = this.vectors[j];
    if (!a || !b) return 0;
    let x = 0;
    let y = 0;
    let dot = 0;
    while (x < a.terms.length && y < b.terms.length) {
      const s = a.terms[x] as number;
      const t = b.terms[y] as number;
      if (s === t) dot += (a.weights[x++] as number) * (b.weights[y++] as number);
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
    const v = this.vectors[i];
    const q = this.queries[i];
    if (!v || !q || q.length === 0) return [];
    const round = ++this.round;
    const { acc, seen } = this;
    const touched: number[] = [];
    for (const slot of q) {
      const id = v.terms[slot] as number;
      const w = v.weights[slot] as number;
      const docs = this.postDocs[id] as Int32Array;
      const weights = this.postWeights[id] as Float32Array;
      for (let p = 0; p < docs.length; p++) {
        const j = docs[p] as number;
        if (seen[j] !== round) {
          seen[j] = round;
          acc[j] = 0;
          touched.push(j);
        }
        acc[j] = (acc[j] as number) + w * (weights[p] as number);
      }
    }
    const top: Similar[] = [];
    const ti = this.times[i] ?? NaN;
    for (const j of touched) {
      if (j === i) continue;
      const upper = acc[j] as number;
      if (top.length >= k && upper <= (top[top.length - 1] as Similar).score) continue; // recency ≤ 1
      if (!accept(j)) continue;
      const score = upper * recency(ti, this.times[j] ?? NaN);
      if (top.length >= k && score <= (top[top.length - 1] as Similar).score) continue;
      let at = top.length;
      while (at > 0 && (top[at - 1] as Similar).score < score) at--;
      top.splice(at, 0, { idx: j, score });
      if (top.length > k) top.pop();
    }
    return top;
  }
}
