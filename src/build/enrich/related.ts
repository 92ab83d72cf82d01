/**
 * "More on this topic": up to 5 other articles for each article. Pure.
 *
 * 1. The editor's picks ("Ще на цю тему"), matched by exact headline, in order.
 * 2. Then articles sharing topics, scored Σ idf(topic) over the shared topics,
 *    idf = ln(N / df): a topic few articles have says more than one most have.
 *    Ties: newer first, then slug.
 * Never the article itself or one of its translations, never two language
 * versions of one story, and the article's own language first: other languages
 * only fill the places left.
 *
 * Candidates come from an inverted index topic → articles, walked rarest topic
 * first; once enough candidates score more than any newcomer still could, the
 * common topics only top up the scores already found (max-score pruning) — and
 * only of candidates that can still reach the best `want` of their language — and
 * the last topic is read newest first and only as far as needed. Articles with
 * the same topics and language share one ranking (feeds have thousands of
 * "earn, usa"). There is no all-pairs loop, and the result is exactly the
 * ranking above — related.test.ts checks it against the plain all-pairs one.
 */
import { LANGS, type Lang, type RelatedReason } from '../../core/model/article.ts';
import { place } from '../lib/topList.ts';
import { type TextColumns, TextIndex, recency, textColumns } from './textSimilarity.ts';
import { timeOf } from '../../core/time/dates.ts';

export const MAX_RELATED = 5;
/** Articles of one topic walked at most, newest first (see rank). */
export const MAX_WALK = 2000;

export interface RelatedInput {
  id: string;
  slug: string;
  lang: Lang;
  headline: string;
  publishedAt: string;
  /** topic slugs */
  topics: readonly string[];
  /** the same story in several languages shares a group (the translation group) */
  group: string;
  /** headlines the editor listed as related, in order */
  picks?: readonly string[];
  /** headline and lead, for text similarity (textSimilarity.ts); without it only topics count */
  text?: string;
}

export interface RelatedLink {
  id: string;
  reason: RelatedReason;
  /** the share of the article's topic weight the two share (0–1; none for an editor's pick): stories are made of strong links (context.ts) */
  topicShare?: number;
  /** their text similarity, cosine × recency (0–1; without texts, none) */
  textScore?: number;
}

export interface UnresolvedPick {
  /** the article whose pick it is */
  id: string;
  /** position in its picks */
  index: number;
  headline: string;
  why: 'not-found' | 'itself';
}

export interface RelatedResult {
  links: Map<string, RelatedLink[]>;
  unresolved: UnresolvedPick[];
}

/** Headlines match exactly, up to Unicode normalisation and spacing. */
export const headlineKey = (h: string): string => h.normalize('NFC').replace(/\s+/g, ' ').trim();

interface Ranked {
  idx: number;
  score: number;
}

/** A short list of the best candidates, at most one per group, best first. */
class TopList {
  readonly items: Ranked[] = [];
  constructor(
    private readonly cap: number,
    private readonly better: (a: Ranked, b: Ranked) => boolean,
    private readonly groupOf: (idx: number) => number,
    /** the tie-break of `better`: a ranks before b */
    private readonly before: (a: number, b: number) => boolean,
  ) {}

  offer(idx: number, score: number): void {
    // Not better than the last of a full list: it cannot enter, nor displace its own group.
    const last = this.items[this.items.length - 1];
    if (this.items.length >= this.cap && last && !(score > last.score || (score === last.score && this.before(idx, last.idx)))) return;
    const c = { idx, score };
    const g = this.groupOf(c.idx);
    const same = this.items.findIndex((x) => this.groupOf(x.idx) === g);
    if (same >= 0) {
      const existing = this.items[same];
      if (existing && !this.better(c, existing)) return;
      this.items.splice(same, 1);
    }
    let at = this.items.length;
    while (at > 0 && this.better(c, this.items[at - 1] as Ranked)) at--;
    this.items.splice(at, 0, c);
    if (this.items.length > this.cap) this.items.pop();
  }
}

/**
 * What finding related links reads, in columns — typed arrays a helper thread
 * can share (relatedInParallel.ts, inSharedMemory) — and a few short lists: no
 * object per article.
 */
export interface Index {
  n: number;
  ids: readonly string[];
  /** publication times, ms (−Infinity when unreadable) */
  time: Float64Array;
  /** position in "newest first, then slug" order: lower is better */
  rank: Int32Array;
  /** translation group, as a number */
  group: Int32Array;
  /** each article's language, as its index in LANGS */
  langCode: Uint8Array;
  /** topic slugs by number */
  topicNames: readonly string[];
  /** each article's topics as numbers (no repeats), in topicList[topicStart[i] .. topicStart[i + 1]] */
  topicStart: Int32Array;
  topicList: Int32Array;
  /** each topic's articles, best rank first, in postList[postStart[t] .. postStart[t + 1]] */
  postStart: Int32Array;
  postList: Int32Array;
  /**
   * the common topics' articles once more, as bits (hasTopic's quick answer): a
   * topic's n bits are bits[bitStart[t] .. +⌈n / 32⌉] when bitStart[t] ≥ 0
   */
  bitStart: Int32Array;
  bits: Uint32Array;
  /** the editor's picks (headlines) of the articles that have them */
  picks: ReadonlyMap<number, readonly string[]>;
  /** headline → articles, best rank first (only when some article has picks) */
  byHeadline: ReadonlyMap<string, readonly number[]>;
}

/** A language as a small number (255: not one of LANGS). */
const langCodeOf = (lang: Lang): number => {
  const k = LANGS.indexOf(lang);
  return k < 0 ? 255 : k;
};

function buildRelatedIndex(articles: readonly RelatedInput[]): Index {
  const n = articles.length;
  const time = articles.map((a) => timeOf(a.publishedAt));
  const order = articles.map((_, i) => i);
  order.sort((a, b) => {
    const ta = time[a] ?? 0;
    const tb = time[b] ?? 0;
    if (ta !== tb) return tb - ta;
    const sa = articles[a]?.slug ?? '';
    const sb = articles[b]?.slug ?? '';
    return sa < sb ? -1 : sa > sb ? 1 : a - b;
  });
  const rank = new Int32Array(n);
  order.forEach((idx, pos) => {
    rank[idx] = pos;
  });

  const groupIds = new Map<string, number>();
  const group = new Int32Array(n);
  articles.forEach((a, i) => {
    let g = groupIds.get(a.group);
    if (g === undefined) groupIds.set(a.group, (g = groupIds.size));
    group[i] = g;
  });

  // Topics as numbers, each article's without repeats.
  const topicIds = new Map<string, number>();
  const topicStart = new Int32Array(n + 1);
  const topicList: number[] = [];
  const df: number[] = [];
  articles.forEach((a, i) => {
    const from = topicList.length;
    for (const t of a.topics) {
      let id = topicIds.get(t);
      if (id === undefined) {
        topicIds.set(t, (id = topicIds.size));
        df.push(0);
      }
      if (topicList.indexOf(id, from) >= 0) continue;
      topicList.push(id);
      df[id] = (df[id] as number) + 1;
    }
    topicStart[i + 1] = topicList.length;
  });
  // Each topic's articles in rank order: a counting sort of the (topic, article) pairs.
  const postStart = new Int32Array(df.length + 1);
  df.forEach((d, t) => (postStart[t + 1] = (postStart[t] as number) + d));
  const postList = new Int32Array(topicList.length);
  const fill = postStart.slice(0, df.length);
  for (const i of order) {
    for (let p = topicStart[i] as number; p < (topicStart[i + 1] as number); p++) {
      const t = topicList[p] as number;
      postList[(fill[t] as number)++] = i;
    }
  }

  // The common topics as bits too: asking whether a candidate has one then reads
  // a few KB that stay in cache, not the candidate's topic list.
  const words = Math.ceil(n / 32);
  const common = bitsFrom(n);
  const bitStart = new Int32Array(df.length).fill(-1);
  let bitWords = 0;
  df.forEach((d, t) => {
    if (d >= common) {
      bitStart[t] = bitWords;
      bitWords += words;
    }
  });
  const bits = new Uint32Array(bitWords);
  df.forEach((_, t) => {
    const at = bitStart[t] as number;
    if (at < 0) return;
    for (let p = postStart[t] as number; p < (postStart[t + 1] as number); p++) {
      const c = postList[p] as number;
      bits[at + (c >>> 5)] = (bits[at + (c >>> 5)] as number) | (1 << (c & 31));
    }
  });

  const picks = new Map<number, readonly string[]>();
  articles.forEach((a, i) => {
    if ((a.picks?.length ?? 0) > 0) picks.set(i, a.picks ?? []);
  });
  const byHeadline = new Map<string, number[]>();
  if (picks.size > 0) {
    for (const i of order) {
      const key = headlineKey(articles[i]?.headline ?? '');
      const list = byHeadline.get(key);
      if (list) list.push(i);
      else byHeadline.set(key, [i]);
    }
  }
  return {
    n,
    ids: articles.map((a) => a.id),
    time: Float64Array.from(time),
    rank,
    group,
    langCode: Uint8Array.from(articles, (a) => langCodeOf(a.lang)),
    topicNames: [...topicIds.keys()],
    topicStart,
    topicList: Int32Array.from(topicList),
    postStart,
    postList,
    bitStart,
    bits,
    picks,
    byHeadline,
  };
}

/**
 * Topics of at least this many articles get bits (Index.bits): at most 32 bytes
 * for each article a topic has, and none for the rare topics that are most of them.
 */
const bitsFrom = (n: number): number => Math.max(64, n / 256);

/** Whether article `c` has the topic numbered `id`. */
function hasTopic(ix: Index, c: number, id: number): boolean {
  const at = ix.bitStart[id] as number;
  if (at >= 0) return ((ix.bits[at + (c >>> 5)] as number) & (1 << (c & 31))) !== 0;
  const end = ix.topicStart[c + 1] as number;
  for (let p = ix.topicStart[c] as number; p < end; p++) if (ix.topicList[p] === id) return true;
  return false;
}

/**
 * Ranks candidates by shared topics; holds the scratch space between calls.
 *
 * The articles a call meets are kept in a small table of their own, in the
 * order met — article, score, language, group — which the loops over them read
 * front to back; the only per-article array a call writes is `slot` (4 bytes an
 * article: its row + 1, 0 when not met), cleared again before the call returns.
 * The hot loops are memory-bound, so this is most of their speed.
 */
class Scorer {
  /** per article: its row in the table + 1, or 0 when this call has not met it */
  private readonly slot: Int32Array;
  /** the table: article, score, language code, group of each row */
  private readonly cand: Int32Array;
  private readonly score: Float64Array;
  private readonly lang: Uint8Array;
  private readonly grp: Int32Array;
  /** rows in use */
  private met = 0;

  constructor(private readonly ix: Index) {
    this.slot = new Int32Array(ix.n);
    this.cand = new Int32Array(ix.n);
    this.score = new Float64Array(ix.n);
    this.lang = new Uint8Array(ix.n);
    this.grp = new Int32Array(ix.n);
  }

  /** Adds `w` to article c's score, giving it a row (score 0) when first met. */
  private touch(c: number, w: number): void {
    let row = this.slot[c] as number;
    if (row === 0) {
      row = ++this.met;
      this.slot[c] = row;
      this.cand[row - 1] = c;
      this.score[row - 1] = 0;
      this.lang[row - 1] = this.ix.langCode[c] as number;
      this.grp[row - 1] = this.ix.group[c] as number;
    }
    this.score[row - 1] = (this.score[row - 1] as number) + w;
  }

  /** Adds `w` to the score of every article met that has topic `id`. */
  private topUp(id: number, w: number): void {
    const { ix } = this;
    const { postStart, postList } = ix;
    const { slot, cand, score, met } = this;
    const from = postStart[id] as number;
    const to = postStart[id + 1] as number;
    if (to - from < met) {
      // fewer articles have the topic than were met: find the met ones among them
      for (let p = from; p < to; p++) {
        const row = slot[postList[p] as number] as number;
        if (row > 0) score[row - 1] = (score[row - 1] as number) + w;
      }
      return;
    }
    for (let m = 0; m < met; m++) if (hasTopic(ix, cand[m] as number, id)) score[m] = (score[m] as number) + w;
  }

  /** Whether `want` stories in language `code` already score more than `limit`. */
  private settled(code: number, want: number, limit: number): boolean {
    const { score, lang, grp, met } = this;
    let over = 0;
    for (let m = 0; m < met; m++) if ((score[m] as number) > limit && lang[m] === code) over++;
    if (over < want) return false; // fewer articles than places, so fewer stories too
    const groups = new Set<number>();
    for (let m = 0; m < met; m++) {
      if ((score[m] as number) > limit && lang[m] === code) {
        groups.add(grp[m] as number);
        if (groups.size >= want) return true;
      }
    }
    return false;
  }

  /**
   * Keeps in the table only the candidates that can still enter a list: in
   * each language class, the `want`-th best score of distinct groups met so
   * far is a floor under the final `want`-th, and a candidate that cannot
   * reach it with all of `rest` added cannot enter. (Rows keep their order.)
   */
  private keepLive(code: number, want: number, rest: number): void {
    const { slot, cand, score, lang, grp, met } = this;
    const floors = [this.floor(code, true, want), this.floor(code, false, want)];
    const reach = rest * (1 + 1e-9) + 1e-12; // room for rounding in sums taken in another order
    let live = 0;
    for (let m = 0; m < met; m++) {
      const c = cand[m] as number;
      if ((score[m] as number) + reach >= (floors[lang[m] === code ? 0 : 1] as number)) {
        cand[live] = c;
        score[live] = score[m] as number;
        lang[live] = lang[m] as number;
        grp[live] = grp[m] as number;
        slot[c] = ++live;
      } else slot[c] = 0;
    }
    this.met = live;
  }

  /** the top scores of distinct groups, as floor() finds them (scratch) */
  private floorScore = new Float64Array(16);
  private floorGroup = new Int32Array(16);

  /**
   * The `want`-th best score among the rows of distinct groups, in `lang`
   * (same) or in the other languages (−∞ when fewer groups than that were met).
   */
  private floor(code: number, same: boolean, want: number): number {
    const { score: scores, lang, grp, met } = this;
    if (this.floorScore.length < want) {
      this.floorScore = new Float64Array(want);
      this.floorGroup = new Int32Array(want);
    }
    const score = this.floorScore;
    const group = this.floorGroup;
    let size = 0;
    for (let m = 0; m < met; m++) {
      if ((lang[m] === code) !== same) continue;
      const s = scores[m] as number;
      if (size === want && s <= (score[want - 1] as number)) continue;
      const g = grp[m] as number;
      let at = 0;
      while (at < size && group[at] !== g) at++;
      if (at < size) {
        if (s <= (score[at] as number)) continue;
      } else at = size < want ? size++ : want - 1; // a new group takes the last place
      place(score, group, at, s, g);
    }
    return size === want ? (score[want - 1] as number) : -Infinity;
  }

  /** how many articles have topic `t` */
  df(t: number): number {
    const { postStart } = this.ix;
    return (postStart[t + 1] as number) - (postStart[t] as number);
  }

  /** Topics rarest first (then by slug). */
  order(topics: Iterable<number>): number[] {
    const names = this.ix.topicNames;
    return [...topics].sort((x, y) => {
      const a = names[x] ?? '';
      const b = names[y] ?? '';
      return this.df(x) - this.df(y) || (a < b ? -1 : a > b ? 1 : 0);
    });
  }

  /**
   * The best `want` stories (at most one article per group) in `lang`, then the
   * best `want` in other languages, by Σ idf over shared topics, then rank.
   * `excluded` articles are never candidates.
   */
  rank(topics: readonly number[], code: number, want: number, excluded: (c: number) => boolean): number[] {
    const { n, rank, group, langCode, postStart, postList } = this.ix;
    const { slot } = this;
    this.met = 0;
    const weights = topics.map((t) => Math.log(n / this.df(t)));
    /** the most a candidate first met at topic k can still score */
    const bound = new Float64Array(topics.length + 1);
    for (let k = topics.length - 1; k >= 0; k--) bound[k] = (bound[k + 1] ?? 0) + (weights[k] ?? 0);

    for (let k = 0; k < topics.length; k++) {
      const t = topics[k] as number;
      const w = weights[k] ?? 0;
      if (this.met > 0 && this.settled(code, want, bound[k] ?? 0)) {
        // Enough stories in `lang` already beat anything a newcomer could score.
        this.keepLive(code, want, bound[k] ?? 0);
        for (let r = k; r < topics.length; r++) this.topUp(topics[r] as number, weights[r] ?? 0);
        break;
      }
      const from = postStart[t] as number;
      const to = postStart[t + 1] as number;
      if (k < topics.length - 1) {
        // A very common topic is walked over its newest MAX_WALK articles only: linear time at any size.
        const end = Math.min(to, from + MAX_WALK);
        for (let p = from; p < end; p++) {
          const c = postList[p] as number;
          if (!excluded(c)) this.touch(c, w);
        }
        continue;
      }
      // The last topic: newcomers all score exactly w and arrive best first, so
      // `want` new stories per language are all any of them can contribute, and
      // once `lang` has `want`, other languages are never reached.
      this.topUp(t, w);
      const sameLang = new Set<number>();
      const otherLang = new Set<number>();
      for (let p = from; p < to; p++) {
        if (sameLang.size >= want) break;
        const c = postList[p] as number;
        if (slot[c] !== 0 || excluded(c)) continue;
        const bucket = langCode[c] === code ? sameLang : otherLang;
        if (bucket.size >= want) continue;
        bucket.add(group[c] as number);
        this.touch(c, w);
      }
    }

    const better = (a: Ranked, b: Ranked): boolean =>
      a.score > b.score || (a.score === b.score && (rank[a.idx] ?? 0) < (rank[b.idx] ?? 0));
    const groupOf = (idx: number): number => group[idx] ?? -1;
    // m stories in `lang` leave want − m places; at most m of the best `want`
    // in other languages are versions of those, so `want` of each is enough.
    const before = (a: number, b: number): boolean => (rank[a] ?? 0) < (rank[b] ?? 0);
    const same = new TopList(want, better, groupOf, before);
    const other = new TopList(want, better, groupOf, before);
    const { cand, score, lang, met } = this;
    for (let m = 0; m < met; m++) {
      const c = cand[m] as number;
      (lang[m] === code ? same : other).offer(c, score[m] as number);
      slot[c] = 0;
    }
    this.met = 0;
    return [...same.items, ...other.items].map((r) => r.idx);
  }
}

interface Candidate {
  c: number;
  /** shared-topic weight as a share of the article's own, 0–1 */
  topic: number;
  /** cosine × recency, 0 under MIN_TEXT_SCORE */
  text: number;
  /** shares topics with the article */
  shares: boolean;
  score: number;
  /** in the article's language */
  same: boolean;
}

/** More candidates than places, so text similarity can reorder the topic ranking. */
const EXTRA_CANDIDATES = 5;
/** Text similarity below this (cosine × recency) is noise: one shared common word. */
export const MIN_TEXT_SCORE = 0.15;
/** How much shared topics count against similar text in the ranking (text similarity tells the same story best). */
export const TOPIC_WEIGHT = 1;

/** What a RelatedFinder works from: the index, and the text index when there are texts. */
export interface FinderData {
  ix: Index;
  text?: TextColumns;
}

/** The finder's data for `articles` (its typed arrays can go to shared memory: relatedInParallel.ts). */
export function finderData(articles: readonly RelatedInput[]): FinderData {
  const ix = buildRelatedIndex(articles);
  if (!articles.some((a) => a.text !== undefined)) return { ix };
  // each text made when the index reads it, never all at once
  const texts = { length: articles.length, text: (i: number) => articles[i]?.text ?? '' };
  return { ix, text: textColumns(texts, ix.time) };
}

/**
 * Finds the related links of one article at a time (linksFor) from the data
 * of all of them. Articles are independent of each other, so finders on
 * several threads can share the work (relatedInParallel.ts) and give exactly
 * what findRelated gives; each has its own scratch space, the data can be shared.
 */
export class RelatedFinder {
  private readonly ix: Index;
  private readonly scorer: Scorer;
  private readonly text: TextIndex | undefined;
  /** rankings shared by articles with the same language and topics (and no picks) */
  private readonly shared = new Map<string, number[]>();
  /** the article (position + 1) a candidate was last considered for */
  private readonly consideredFor: Int32Array;

  constructor(
    data: FinderData,
    private readonly max = MAX_RELATED,
  ) {
    this.ix = data.ix;
    this.scorer = new Scorer(this.ix);
    this.text = data.text ? new TextIndex(data.text) : undefined;
    this.consideredFor = new Int32Array(this.ix.n);
  }

  /** The links of article `i`; its picks that match no other article go to `unresolved`. */
  linksFor(i: number, unresolved: UnresolvedPick[]): RelatedLink[] {
    const { ix, scorer, text, shared, consideredFor, max } = this;
    const { ids, langCode } = ix;
    const id = ids[i] ?? '';
    const groupOf = (idx: number): number => ix.group[idx] ?? -1;
    const never = (): boolean => false;
    const out: RelatedLink[] = [];
    /** stories already listed, and the article's own */
    const used = new Set<number>([groupOf(i)]);

    // 1. editorial picks
    (ix.picks.get(i) ?? []).forEach((headline, index) => {
      const matches = ix.byHeadline.get(headlineKey(headline)) ?? [];
      if (matches.length === 0) {
        unresolved.push({ id, index, headline, why: 'not-found' });
        return;
      }
      const usable = matches.filter((m) => !used.has(groupOf(m)));
      const pick = usable.find((m) => langCode[m] === langCode[i]) ?? usable[0];
      if (pick === undefined) {
        if (matches.some((m) => groupOf(m) === groupOf(i))) unresolved.push({ id, index, headline, why: 'itself' });
        return; // an earlier pick already lists this story
      }
      if (out.length >= max) return;
      used.add(groupOf(pick));
      out.push({ id: ids[pick] ?? '', reason: { type: 'editorial' } });
    });

    // 2. shared topics (and, with texts, similar texts)
    const want = max - out.length;
    if (want <= 0) return out;
    const code = langCode[i] as number;
    const topics = scorer.order(ix.topicList.subarray(ix.topicStart[i] as number, ix.topicStart[i + 1] as number));
    const extra = text ? EXTRA_CANDIDATES : 0;
    let ranked: number[];
    if (out.length === 0) {
      // Nothing excluded but the article's own story, which takes at most one place.
      const key = `${code} ${[...topics].sort((x, y) => x - y).join(' ')}`;
      ranked = shared.get(key) ?? scorer.rank(topics, code, max + 1 + extra, never);
      shared.set(key, ranked);
    } else {
      ranked = scorer.rank(topics, code, want + extra, (c) => used.has(groupOf(c)));
    }
    const names = (c: number): string[] => {
      const out: string[] = [];
      for (const t of topics) if (hasTopic(ix, c, t)) out.push(ix.topicNames[t] ?? '');
      return out;
    };
    // score = shared-topic weight as a share of the article's own (0–1) + cosine × recency (0–1)
    const idf = topics.map((t) => Math.log(ix.n / Math.max(1, scorer.df(t))));
    let own = 0;
    for (const w of idf) own += w;
    if (!text) {
      for (const c of ranked) {
        if (out.length >= max) break;
        if (used.has(groupOf(c))) continue;
        used.add(groupOf(c));
        let weight = 0;
        topics.forEach((t, k) => {
          if (hasTopic(ix, c, t)) weight += idf[k] as number;
        });
        out.push({ id: ids[c] ?? '', reason: { type: 'topics', topics: names(c) }, topicShare: own > 0 ? weight / own : 0 });
      }
      return out;
    }
    const candidates: Candidate[] = [];
    const consider = (c: number): void => {
      if (c === i || consideredFor[c] === i + 1 || used.has(groupOf(c))) return;
      consideredFor[c] = i + 1;
      let shares = false;
      let weight = 0;
      topics.forEach((t, k) => {
        if (hasTopic(ix, c, t)) {
          shares = true;
          weight += idf[k] as number;
        }
      });
      const similarity = text.score(i, c);
      const textScore = similarity >= MIN_TEXT_SCORE ? similarity : 0;
      if (!shares && textScore === 0) return;
      const topic = own > 0 ? (weight / own) * recency(ix.time[i] as number, ix.time[c] as number) : 0;
      candidates.push({ c, topic, text: textScore, shares, score: TOPIC_WEIGHT * topic + textScore, same: langCode[c] === code });
    };
    for (const c of ranked) consider(c);
    for (const s of text.similar(i, want + extra, (c) => !used.has(groupOf(c)))) consider(s.idx);
    const order = candidates.sort(
      (x, y) => Number(y.same) - Number(x.same) || y.score - x.score || (ix.rank[x.c] ?? 0) - (ix.rank[y.c] ?? 0),
    );
    for (const x of order) {
      if (out.length >= max) break;
      if (used.has(groupOf(x.c))) continue;
      used.add(groupOf(x.c));
      const reason: RelatedReason = x.shares && x.topic >= x.text ? { type: 'topics', topics: names(x.c) } : { type: 'text' };
      out.push({ id: ids[x.c] ?? '', reason, topicShare: x.topic, textScore: x.text });
    }
    return out;
  }
}

export function findRelated(
  articles: readonly RelatedInput[],
  max = MAX_RELATED,
): RelatedResult {
  const finder = new RelatedFinder(finderData(articles), max);
  const links = new Map<string, RelatedLink[]>();
  const unresolved: UnresolvedPick[] = [];
  articles.forEach((a, i) => {
    links.set(a.id, finder.linksFor(i, unresolved));
  });
  return { links, unresolved };
}
