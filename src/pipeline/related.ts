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
import { LANGS, type Lang, type RelatedReason } from '../model/article.ts';
import { place } from '../lib/topList.ts';
import { TextIndex } from './textSimilarity.ts';

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

interface Index {
  n: number;
  /** publication times, ms (−Infinity when unreadable) */
  time: Float64Array;
  articles: readonly RelatedInput[];
  /** position in "newest first, then slug" order: lower is better */
  rank: Int32Array;
  /** translation group, as a number */
  group: Int32Array;
  topicSets: ReadonlyArray<ReadonlySet<string>>;
  /** each article's language, as its index in LANGS (typed, so hot loops never touch the article objects) */
  langCode: Uint8Array;
  /** topic slug → number; each article's topics as numbers, in topicList[topicStart[i] .. topicStart[i + 1]] */
  topicIds: ReadonlyMap<string, number>;
  topicStart: Int32Array;
  topicList: Int32Array;
  /** topic → articles, best rank first */
  postings: ReadonlyMap<string, readonly number[]>;
  /** headline → articles, best rank first */
  byHeadline: ReadonlyMap<string, readonly number[]>;
}

/** A language as a small number (255: not one of LANGS). */
const langCodeOf = (lang: Lang): number => {
  const k = LANGS.indexOf(lang);
  return k < 0 ? 255 : k;
};

function buildIndex(articles: readonly RelatedInput[]): Index {
  const n = articles.length;
  const time = articles.map((a) => {
    const t = Date.parse(a.publishedAt);
    return Number.isNaN(t) ? -Infinity : t;
  });
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
  const topicSets = articles.map((a) => new Set(a.topics));

  const postings = new Map<string, number[]>();
  const byHeadline = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, i: number): void => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  for (const i of order) {
    for (const t of topicSets[i] ?? []) push(postings, t, i);
    push(byHeadline, headlineKey(articles[i]?.headline ?? ''), i);
  }
  const langCode = Uint8Array.from(articles, (a) => langCodeOf(a.lang));
  const topicIds = new Map<string, number>();
  const topicStart = new Int32Array(n + 1);
  const topicList: number[] = [];
  articles.forEach((_, i) => {
    for (const t of topicSets[i] ?? []) {
      let id = topicIds.get(t);
      if (id === undefined) topicIds.set(t, (id = topicIds.size));
      topicList.push(id);
    }
    topicStart[i + 1] = topicList.length;
  });
  return {
    n,
    time: Float64Array.from(time),
    articles,
    rank,
    group,
    topicSets,
    langCode,
    topicIds,
    topicStart,
    topicList: Int32Array.from(topicList),
    postings,
    byHeadline,
  };
}

/** Width of Scorer's per-article scratch: score, the call that last met it. */
const SCRATCH = 2;
/** Width of Scorer's per-article facts: language code, group, first and end of its topics in topicList. */
const FACTS = 4;

/** Ranks candidates by shared topics; holds the scratch space between calls. */
class Scorer {
  /**
   * What the hot loops read of an article, side by side (one cache line per
   * article met rather than one per array): scratch[c · SCRATCH ..] is its score
   * and stamp, facts[c · FACTS ..] its language, group and topic range.
   */
  private readonly scratch: Float64Array;
  private readonly facts: Int32Array;
  /** the articles met by this call, in the order met */
  private readonly touched: Int32Array;
  private round = 0;

  constructor(private readonly ix: Index) {
    this.scratch = new Float64Array(ix.n * SCRATCH);
    this.facts = new Int32Array(ix.n * FACTS);
    this.touched = new Int32Array(ix.n);
    for (let c = 0; c < ix.n; c++) {
      this.scratch[c * SCRATCH + 1] = -1;
      this.facts[c * FACTS] = ix.langCode[c] as number;
      this.facts[c * FACTS + 1] = ix.group[c] as number;
      this.facts[c * FACTS + 2] = ix.topicStart[c] as number;
      this.facts[c * FACTS + 3] = ix.topicStart[c + 1] as number;
    }
  }

  /** the top scores of distinct groups, as floor() finds them (scratch) */
  private floorScore = new Float64Array(16);
  private floorGroup = new Int32Array(16);

  /**
   * The `want`-th best score among the first `met` touched articles of
   * distinct groups, in `lang` (same) or in the other languages (−∞ when
   * fewer groups than that were met).
   */
  floor(code: number, same: boolean, want: number, met: number): number {
    const { scratch, facts, touched } = this;
    if (this.floorScore.length < want) {
      this.floorScore = new Float64Array(want);
      this.floorGroup = new Int32Array(want);
    }
    const score = this.floorScore;
    const group = this.floorGroup;
    let size = 0;
    for (let m = 0; m < met; m++) {
      const c = touched[m] as number;
      if ((facts[c * FACTS] === code) !== same) continue;
      const s = scratch[c * SCRATCH] as number;
      if (size === want && s <= (score[want - 1] as number)) continue;
      const g = facts[c * FACTS + 1] as number;
      let at = 0;
      while (at < size && group[at] !== g) at++;
      if (at < size) {
        if (s <= (score[at] as number)) continue;
      } else at = size < want ? size++ : want - 1; // a new group takes the last place
      place(score, group, at, s, g);
    }
    return size === want ? (score[want - 1] as number) : -Infinity;
  }

  df(t: string): number {
    return this.ix.postings.get(t)?.length ?? 0;
  }

  /** Topics rarest first (then by slug). */
  order(topics: Iterable<string>): string[] {
    return [...new Set(topics)].sort((x, y) => this.df(x) - this.df(y) || (x < y ? -1 : x > y ? 1 : 0));
  }

  /**
   * The best `want` stories (at most one article per group) in `lang`, then the
   * best `want` in other languages, by Σ idf over shared topics, then rank.
   * `excluded` articles are never candidates.
   */
  rank(topics: readonly string[], lang: Lang, want: number, excluded: (c: number) => boolean): number[] {
    const { n, rank, group, topicIds, topicList, postings } = this.ix;
    const code = langCodeOf(lang);
    const { scratch, facts, touched } = this;
    const round = ++this.round;
    const weights = topics.map((t) => Math.log(n / this.df(t)));
    /** the most a candidate first met at topic k can still score */
    const bound = new Float64Array(topics.length + 1);
    for (let k = topics.length - 1; k >= 0; k--) bound[k] = (bound[k + 1] ?? 0) + (weights[k] ?? 0);
    let met = 0;
    const touch = (c: number, w: number): void => {
      const at = c * SCRATCH;
      if (scratch[at + 1] !== round) {
        scratch[at + 1] = round;
        scratch[at] = 0;
        touched[met++] = c;
      }
      scratch[at] = (scratch[at] as number) + w;
    };
    const topUp = (t: string, w: number): void => {
      const list = postings.get(t) ?? [];
      if (list.length < met) {
        // fewer articles have the topic than were met: find the met ones among them
        for (const c of list) if (scratch[c * SCRATCH + 1] === round) scratch[c * SCRATCH] = (scratch[c * SCRATCH] as number) + w;
        return;
      }
      const id = topicIds.get(t) ?? -1;
      for (let m = 0; m < met; m++) {
        const c = touched[m] as number;
        const end = facts[c * FACTS + 3] as number;
        for (let p = facts[c * FACTS + 2] as number; p < end; p++) {
          if (topicList[p] === id) {
            scratch[c * SCRATCH] = (scratch[c * SCRATCH] as number) + w;
            break;
          }
        }
      }
    };
    /** enough stories in `lang` already beat anything a newcomer could score */
    const settled = (limit: number): boolean => {
      let over = 0;
      for (let m = 0; m < met; m++) {
        const c = touched[m] as number;
        if ((scratch[c * SCRATCH] as number) > limit && facts[c * FACTS] === code) over++;
      }
      if (over < want) return false; // fewer articles than places, so fewer stories too
      const groups = new Set<number>();
      for (let m = 0; m < met; m++) {
        const c = touched[m] as number;
        if ((scratch[c * SCRATCH] as number) > limit && facts[c * FACTS] === code) {
          groups.add(facts[c * FACTS + 1] as number);
          if (groups.size >= want) return true;
        }
      }
      return false;
    };

    /**
     * Keeps in `touched` only the candidates that can still enter a list: in
     * each language class, the `want`-th best score of distinct groups met so
     * far is a floor under the final `want`-th, and a candidate that cannot
     * reach it with all of `rest` added cannot enter.
     */
    const keepLive = (rest: number): void => {
      const floors = [this.floor(code, true, want, met), this.floor(code, false, want, met)];
      const reach = rest * (1 + 1e-9) + 1e-12; // room for rounding in sums taken in another order
      let live = 0;
      for (let m = 0; m < met; m++) {
        const c = touched[m] as number;
        if ((scratch[c * SCRATCH] as number) + reach >= (floors[facts[c * FACTS] === code ? 0 : 1] as number)) touched[live++] = c;
      }
      met = live;
    };

    for (let k = 0; k < topics.length; k++) {
      const t = topics[k] ?? '';
      const w = weights[k] ?? 0;
      if (met > 0 && settled(bound[k] ?? 0)) {
        keepLive(bound[k] ?? 0);
        for (let r = k; r < topics.length; r++) topUp(topics[r] ?? '', weights[r] ?? 0);
        break;
      }
      const list = postings.get(t) ?? [];
      if (k < topics.length - 1) {
        // A very common topic is walked over its newest MAX_WALK articles only: linear time at any size.
        const end = Math.min(list.length, MAX_WALK);
        for (let p = 0; p < end; p++) {
          const c = list[p] as number;
          if (!excluded(c)) touch(c, w);
        }
        continue;
      }
      // The last topic: newcomers all score exactly w and arrive best first, so
      // `want` new stories per language are all any of them can contribute, and
      // once `lang` has `want`, other languages are never reached.
      topUp(t, w);
      const sameLang = new Set<number>();
      const otherLang = new Set<number>();
      for (const c of list) {
        if (sameLang.size >= want) break;
        if (scratch[c * SCRATCH + 1] === round || excluded(c)) continue;
        const bucket = facts[c * FACTS] === code ? sameLang : otherLang;
        if (bucket.size >= want) continue;
        bucket.add(facts[c * FACTS + 1] as number);
        touch(c, w);
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
    for (let m = 0; m < met; m++) {
      const c = touched[m] as number;
      (facts[c * FACTS] === code ? same : other).offer(c, scratch[c * SCRATCH] as number);
    }
    return [...same.items, ...other.items].map((r) => r.idx);
  }
}

interface Candidate {
  c: number;
  /** shared-topic weight as a share of the article's own, 0–1 */
  topic: number;
  /** cosine × recency, 0 under MIN_TEXT_SCORE */
  text: number;
  shared: string[];
  score: number;
  /** in the article's language */
  same: boolean;
}

/** More candidates than places, so text similarity can reorder the topic ranking. */
const EXTRA_CANDIDATES = 5;
/** Text similarity below this (cosine × recency) is noise: one shared common word. */
export const MIN_TEXT_SCORE = 0.15;

/** Articles between two calls of findRelated's `tick`. */
const TICK_EVERY = 64;

export function findRelated(
  articles: readonly RelatedInput[],
  max = MAX_RELATED,
  /** called now and then (another thread's work can be fed while this one is busy) */
  tick?: () => void,
): RelatedResult {
  const ix = buildIndex(articles);
  tick?.();
  const scorer = new Scorer(ix);
  const text = articles.some((a) => a.text !== undefined)
    ? new TextIndex(
        // each text made when the index reads it, never all at once
        { length: articles.length, text: (i) => articles[i]?.text ?? '' },
        ix.time,
        tick,
      )
    : undefined;
  const links = new Map<string, RelatedLink[]>();
  const unresolved: UnresolvedPick[] = [];
  const groupOf = (idx: number): number => ix.group[idx] ?? -1;
  /** rankings shared by articles with the same language and topics (and no picks) */
  const shared = new Map<string, number[]>();
  const never = (): boolean => false;
  /** the article (position + 1) a candidate was last considered for */
  const consideredFor = new Int32Array(articles.length);

  articles.forEach((a, i) => {
    if (tick && i % TICK_EVERY === 0) tick();
    const out: RelatedLink[] = [];
    /** stories already listed, and the article's own */
    const used = new Set<number>([groupOf(i)]);

    // 1. editorial picks
    (a.picks ?? []).forEach((headline, index) => {
      const matches = ix.byHeadline.get(headlineKey(headline)) ?? [];
      if (matches.length === 0) {
        unresolved.push({ id: a.id, index, headline, why: 'not-found' });
        return;
      }
      const usable = matches.filter((m) => !used.has(groupOf(m)));
      const pick = usable.find((m) => articles[m]?.lang === a.lang) ?? usable[0];
      if (pick === undefined) {
        if (matches.some((m) => groupOf(m) === groupOf(i))) unresolved.push({ id: a.id, index, headline, why: 'itself' });
        return; // an earlier pick already lists this story
      }
      if (out.length >= max) return;
      used.add(groupOf(pick));
      out.push({ id: articles[pick]?.id ?? '', reason: { type: 'editorial' } });
    });

    // 2. shared topics (and, with texts, similar texts)
    const want = max - out.length;
    if (want > 0) {
      const topics = scorer.order(a.topics);
      const extra = text ? EXTRA_CANDIDATES : 0;
      let ranked: number[];
      if (out.length === 0) {
        // Nothing excluded but the article's own story, which takes at most one place.
        const key = `${a.lang}\u0000${[...topics].sort().join('\u0000')}`;
        ranked = shared.get(key) ?? scorer.rank(topics, a.lang, max + 1 + extra, never);
        shared.set(key, ranked);
      } else {
        ranked = scorer.rank(topics, a.lang, want + extra, (c) => used.has(groupOf(c)));
      }
      const sharedTopics = (c: number): string[] => topics.filter((t) => ix.topicSets[c]?.has(t));
      if (!text) {
        for (const c of ranked) {
          if (out.length >= max) break;
          if (used.has(groupOf(c))) continue;
          used.add(groupOf(c));
          out.push({ id: articles[c]?.id ?? '', reason: { type: 'topics', topics: sharedTopics(c) } });
        }
      } else {
        // score = shared-topic weight as a share of the article's own (0–1) + cosine × recency (0–1)
        const idf = topics.map((t) => Math.log(ix.n / Math.max(1, scorer.df(t))));
        let own = 0;
        for (const w of idf) own += w;
        const candidates: Candidate[] = [];
        const consider = (c: number): void => {
          if (c === i || consideredFor[c] === i + 1 || used.has(groupOf(c))) return;
          consideredFor[c] = i + 1;
          const theirs = ix.topicSets[c];
          const common: string[] = [];
          let weight = 0;
          topics.forEach((t, k) => {
            if (theirs?.has(t)) {
              common.push(t);
              weight += idf[k] as number;
            }
          });
          const similarity = text.score(i, c);
          const textScore = similarity >= MIN_TEXT_SCORE ? similarity : 0;
          if (common.length === 0 && textScore === 0) return;
          const topic = own > 0 ? weight / own : 0;
          candidates.push({ c, topic, text: textScore, shared: common, score: topic + textScore, same: articles[c]?.lang === a.lang });
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
          const reason: RelatedReason =
            x.shared.length > 0 && x.topic >= x.text ? { type: 'topics', topics: x.shared } : { type: 'text' };
          out.push({ id: articles[x.c]?.id ?? '', reason });
        }
      }
    }
    links.set(a.id, out);
  });
  return { links, unresolved };
}
