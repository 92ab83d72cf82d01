import { describe, expect, it } from 'vitest';
import { findRelated } from './related.ts';
import { prng } from '../lib/prng.ts';
import { TextIndex, recency, textTerms } from './textSimilarity.ts';

const day = (d: number): number => Date.UTC(2021, 0, 1) + d * 86_400_000;

describe('terms', () => {
  it('lower-cases, drops short and stop words and numbers, cuts to 7 characters', () => {
    expect(textTerms('The Пакистану and Пакистані, 2021 in cocoa')).toEqual(['пакиста', 'пакиста', 'cocoa']);
  });
});

describe('TextIndex', () => {
  const texts = [
    'Cocoa harvest in Bahia improves after rain',
    'Bahia cocoa harvest prospects improve',
    'Bank raises interest rates',
    'Central bank interest rates unchanged',
    'Cocoa prices fall in London',
  ];
  const ix = new TextIndex(texts, Float64Array.from([0, 1, 2, 3, 4].map(day)));

  it('finds the most similar texts, never the article itself', () => {
    const similar = ix.similar(0, 2, () => true);
    expect(similar.map((s) => s.idx)).toEqual([1, 4]);
    expect(ix.similar(2, 5, () => true).map((s) => s.idx)[0]).toBe(3);
    expect(ix.similar(0, 5, () => true).map((s) => s.idx)).not.toContain(0);
  });
  it('scores are cosine × recency, between 0 and 1', () => {
    expect(ix.cosine(0, 0)).toBeCloseTo(1, 5);
    expect(ix.cosine(0, 2)).toBe(0);
    expect(recency(day(0), day(0))).toBe(1);
    expect(recency(day(0), day(30))).toBeCloseTo(0.75, 5);
    expect(recency(day(0), day(3000))).toBeCloseTo(0.5, 5);
  });
  it('a filter keeps candidates out', () => {
    expect(ix.similar(0, 5, (j) => j !== 1).map((s) => s.idx)).not.toContain(1);
  });
  it('texts made as they are read give the same index, each read once, and out-of-range articles score 0', () => {
    const reads: number[] = [];
    const lazy = new TextIndex(
      { length: texts.length, text: (i) => (reads.push(i), texts[i] ?? '') },
      Float64Array.from([0, 1, 2, 3, 4].map(day)),
    );
    expect(reads).toEqual([0, 1, 2, 3, 4]);
    for (let i = 0; i < texts.length; i++) {
      expect(lazy.similar(i, 5, () => true)).toEqual(ix.similar(i, 5, () => true));
      for (let j = 0; j < texts.length; j++) expect(lazy.score(i, j)).toBe(ix.score(i, j));
    }
    expect(lazy.cosine(0, 99)).toBe(0);
    expect(lazy.similar(99, 5, () => true)).toEqual([]);
  });
});

describe('TextIndex.similar, pruned', () => {
  // similar() skips the power in recency() for articles that a table shows cannot
  // enter the list: it must give exactly what scoring every article met gives.
  const rnd = prng(7);
  const words = Array.from({ length: 600 }, (_, k) => `w${k.toString(36).padStart(3, 'x')}`);
  const n = 500;
  const texts = Array.from({ length: n }, () =>
    Array.from({ length: 4 + Math.floor(rnd() * 8) }, () => words[Math.floor(words.length * rnd() ** 2)]).join(' '),
  );
  // same days, near days, far apart (recency exactly ½), and unreadable dates
  const times = Float64Array.from({ length: n }, (_, k) =>
    k % 17 === 0 ? -Infinity : day(k % 5 === 0 ? Math.floor(rnd() * 3) : k % 7 === 0 ? 2000 + rnd() * 4000 : rnd() * 400),
  );
  const ix = new TextIndex(texts, times);

  /** every article met scored in full, kept by score, then first met (the index's walk, written plainly) */
  const plain = (i: number, k: number, accept: (j: number) => boolean): Array<{ idx: number; score: number }> => {
    const x = ix as unknown as {
      queryLen: Uint8Array;
      queryPos: Int32Array;
      vecTerm: Int32Array;
      vecWeight: Float32Array;
      postStart: Int32Array;
      postDoc: Int32Array;
      postWeight: Float32Array;
    };
    const sum = new Map<number, number>();
    for (let s = 0; s < (x.queryLen[i] as number); s++) {
      const slot = x.queryPos[i * 8 + s] as number;
      const id = x.vecTerm[slot] as number;
      for (let p = x.postStart[id] as number; p < (x.postStart[id + 1] as number); p++) {
        const j = x.postDoc[p] as number;
        sum.set(j, (sum.get(j) ?? 0) + (x.vecWeight[slot] as number) * (x.postWeight[p] as number));
      }
    }
    const all = [...sum]
      .filter(([j]) => j !== i && accept(j))
      .map(([j, s], met) => ({ idx: j, score: s * recency(times[i] ?? NaN, times[j] ?? NaN), met }));
    all.sort((a, b) => b.score - a.score || a.met - b.met);
    return all.slice(0, k).map(({ idx, score }) => ({ idx, score }));
  };

  it('gives the best k of the articles met, exactly', () => {
    let compared = 0;
    for (let i = 0; i < n; i++) {
      for (const k of [1, 5, 10]) {
        const accept = (j: number): boolean => (j + i) % 11 !== 0;
        const want = plain(i, k, accept);
        expect(ix.similar(i, k, accept)).toEqual(want);
        compared += want.length;
      }
    }
    expect(compared).toBeGreaterThan(n * 10);
  });
});

describe('findRelated with texts', () => {
  const art = (id: string, text: string, topics: string[], d: number) => ({
    id,
    slug: id,
    lang: 'en' as const,
    headline: text,
    publishedAt: new Date(day(d)).toISOString(),
    topics,
    group: id,
    text,
  });

  it('similar text ranks among equal topics, and stands alone as reason "text"', () => {
    const items = [
      art('a', 'Cocoa harvest in Bahia improves after rain', ['commodities'], 10),
      art('b', 'Bahia cocoa harvest prospects improve', ['commodities'], 1),
      art('c', 'Copper output rises in Chile', ['commodities'], 9),
      art('d', 'Bahia cocoa harvest improves again', [], 8),
      art('e', 'Wheat tender in Egypt', ['grain'], 7),
    ];
    const { links } = findRelated(items, 3);
    const a = links.get('a') ?? [];
    // b is older than c, but its text is close: it comes first; d shares no topic, only its text,
    // so it comes after every article with all of a's topics
    expect(a.map((l) => l.id)).toEqual(['b', 'c', 'd']);
    expect(a[0]?.reason).toEqual({ type: 'topics', topics: ['commodities'] });
    expect(a[2]?.reason).toEqual({ type: 'text' });
    expect(a.map((l) => l.id)).not.toContain('e');
  });

  it('without texts the ranking is the topic ranking alone', () => {
    const items = [art('a', 'x one', ['t'], 3), art('b', 'x one', ['t'], 1), art('c', 'zzz', ['t'], 2)].map(({ text: _t, ...r }) => r);
    expect(findRelated(items, 2).links.get('a')?.map((l) => l.id)).toEqual(['c', 'b']);
  });
});
