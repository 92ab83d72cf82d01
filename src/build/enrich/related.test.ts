import { describe, expect, it } from 'vitest';
import type { Lang } from '../../core/model/article.ts';
import { type RelatedInput, type RelatedLink, findRelated } from './related.ts';

let clock = 0;
/** An article; later calls are newer unless `day` is given. */
function art(id: string, topics: string[], extra: Partial<RelatedInput> & { day?: number } = {}): RelatedInput {
  const day = extra.day ?? ++clock;
  const { day: _day, ...rest } = extra;
  return {
    id,
    slug: id,
    lang: 'uk',
    headline: `Headline ${id}`,
    publishedAt: new Date(Date.UTC(2021, 0, 1) + day * 86_400_000).toISOString(),
    topics,
    group: id,
    ...rest,
  };
}

const ids = (links: RelatedLink[] | undefined): string[] => (links ?? []).map((l) => l.id);

/** Filler articles that only make some topics common. */
function fillers(n: number, topics: string[]): RelatedInput[] {
  return Array.from({ length: n }, (_, k) => art(`filler-${k}`, topics, { day: 0, lang: 'en' }));
}

describe('findRelated', () => {
  it('weighs rare topics above common ones (idf, not a count of shared topics)', () => {
    // "common-a" and "common-b" are on many articles, "rare" on two.
    const items = [
      art('a', ['rare', 'common-a', 'common-b']),
      art('shares-rare', ['rare'], { day: 1 }),
      art('shares-two-common', ['common-a', 'common-b'], { day: 5 }),
      ...fillers(6, ['common-a', 'common-b']),
    ];
    const { links } = findRelated(items, 2);
    expect(ids(links.get('a'))).toEqual(['shares-rare', 'shares-two-common']);
    expect(links.get('a')?.[0]?.reason).toEqual({ type: 'topics', topics: ['rare'] });
    // rarest shared topic first in the reason
    const reason = findRelated(items).links.get('shares-two-common')?.find((l) => l.id === 'a')?.reason;
    expect(reason).toEqual({ type: 'topics', topics: ['common-a', 'common-b'] });
  });

  it('sums over shared topics: two fairly rare topics beat one a bit rarer', () => {
    // N = 12. "r" df 3 → ln 4 ≈ 1.39; "m1", "m2" df 4 → ln 3 ≈ 1.10 each, 2.20 together.
    const items = [
      art('a', ['r', 'm1', 'm2']),
      art('one-rarer', ['r'], { day: 9 }),
      art('two-medium', ['m1', 'm2'], { day: 1 }),
      art('r-only', ['r'], { day: 0 }),
      art('m-only', ['m1', 'm2'], { day: 0 }),
      art('m-only-2', ['m1', 'm2'], { day: 0 }),
      ...Array.from({ length: 6 }, (_, k) => art(`other-${k}`, ['x'])),
    ];
    const { links } = findRelated(items);
    expect(ids(links.get('a')).slice(0, 2)).toEqual(['two-medium', 'm-only']);
    expect(ids(links.get('a'))).toContain('one-rarer');
  });

  it('never links an article to itself', () => {
    const items = [art('a', ['t']), art('b', ['t']), art('c', ['u'])];
    const { links } = findRelated(items);
    for (const [id, list] of links) expect(ids(list)).not.toContain(id);
    expect(ids(links.get('a'))).toEqual(['b']);
    expect(ids(links.get('c'))).toEqual([]);
  });

  it('never lists a translation of the article', () => {
    const items = [
      art('a-uk', ['t', 'u'], { group: 'a' }),
      art('a-en', ['t', 'u'], { group: 'a', lang: 'en' }),
      art('b', ['t']),
    ];
    const { links } = findRelated(items);
    expect(ids(links.get('a-uk'))).toEqual(['b']);
    expect(ids(links.get('a-en'))).toEqual(['b']);
  });

  it('never lists two language versions of one story, and prefers the reader’s language', () => {
    const items = [
      art('a', ['t'], { lang: 'uk' }),
      art('e', ['t'], { lang: 'en' }),
      art('s-en', ['t'], { group: 's', lang: 'en', day: 50 }),
      art('s-uk', ['t'], { group: 's', lang: 'uk', day: 1 }),
    ];
    const { links } = findRelated(items);
    expect(ids(links.get('a'))).toEqual(['s-uk', 'e']);
    expect(ids(links.get('e'))).toEqual(['s-en', 'a']);
  });

  it('still fills from other languages when the best of them is a version of a story already listed', () => {
    const items = [
      art('a', ['rare', 'common'], { lang: 'uk' }),
      art('s-uk', ['common'], { group: 's', lang: 'uk', day: 0 }),
      art('s-en', ['rare', 'common'], { group: 's', lang: 'en' }),
      art('o-en', ['common'], { lang: 'en', day: 0 }),
      ...fillers(2, ['x']),
    ];
    expect(ids(findRelated(items, 2).links.get('a'))).toEqual(['s-uk', 'o-en']);
  });

  it('ranks the same language first and fills with others only when short', () => {
    const items = [
      art('a', ['rare', 'common']),
      art('en-best', ['rare', 'common'], { lang: 'en' }),
      art('uk-weak', ['common'], { day: 0 }),
      ...fillers(3, ['common']),
    ];
    const { links } = findRelated(items, 3);
    expect(ids(links.get('a'))).toEqual(['uk-weak', 'en-best', 'filler-0']);

    const many = [art('b', ['t']), ...Array.from({ length: 6 }, (_, k) => art(`uk-${k}`, ['t'])), art('en-newest', ['t', 'x'], { lang: 'en' })];
    expect(findRelated(many).links.get('b')?.every((l) => l.id.startsWith('uk-'))).toBe(true);
  });

  it('breaks ties by recency (newer first), then slug', () => {
    const items = [
      art('a', ['t'], { day: 1 }),
      art('old', ['t'], { day: 2 }),
      art('new', ['t'], { day: 9 }),
      art('same-day-b', ['t'], { day: 5, slug: 'b-slug' }),
      art('same-day-a', ['t'], { day: 5, slug: 'a-slug' }),
    ];
    expect(ids(findRelated(items).links.get('a'))).toEqual(['new', 'same-day-a', 'same-day-b', 'old']);
  });

  it('compares times as instants, whatever the offset', () => {
    const items = [
      { ...art('a', ['t']), publishedAt: '2021-12-21T10:00:00+02:00' },
      { ...art('kyiv', ['t']), publishedAt: '2021-12-21T16:00:00+02:00' }, // 14:00Z
      { ...art('utc', ['t']), publishedAt: '2021-12-21T15:00:00Z' }, // newer
    ];
    expect(ids(findRelated(items).links.get('a'))).toEqual(['utc', 'kyiv']);
  });

  it('puts the editor’s picks first, in order, then fills by topics; at most 5', () => {
    const items = [
      art('a', ['t'], { picks: ['Headline p2', 'Headline p1', 'Nowhere to be found', 'Headline a'] }),
      art('p1', ['zzz']),
      art('p2', ['t']),
      ...Array.from({ length: 6 }, (_, k) => art(`t-${k}`, ['t'])),
    ];
    const { links, unresolved } = findRelated(items);
    const list = links.get('a') ?? [];
    expect(ids(list).slice(0, 2)).toEqual(['p2', 'p1']);
    expect(list[0]?.reason).toEqual({ type: 'editorial' });
    expect(list).toHaveLength(5);
    expect(new Set(ids(list)).size).toBe(5); // p2 is not listed again for its topic
    expect(ids(list).slice(2)).toEqual(['t-5', 't-4', 't-3']);
    expect(unresolved).toEqual([
      { id: 'a', index: 2, headline: 'Nowhere to be found', why: 'not-found' },
      { id: 'a', index: 3, headline: 'Headline a', why: 'itself' },
    ]);
  });

  it('resolves a pick to the version in the reader’s language', () => {
    const items = [
      art('a', [], { lang: 'en', picks: ['Same headline'] }),
      art('s-uk', [], { group: 's', headline: 'Same headline' }),
      art('s-en', [], { group: 's', lang: 'en', headline: 'Same headline' }),
    ];
    expect(ids(findRelated(items).links.get('a'))).toEqual(['s-en']);
  });

  it.each([
    { size: 'small', rounds: 30, least: 20, spread: 60 },
    // enough articles that the common topics are also kept as bits (Index.bits: 64 articles and more)
    { size: 'bigger', rounds: 6, least: 150, spread: 250 },
  ])('gives the same answer as a plain all-pairs ranking ($size random datasets)', ({ rounds, least, spread }) => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < rounds; round++) {
      const n = least + Math.floor(random() * spread);
      const topicCount = 3 + Math.floor(random() * 12);
      const items: RelatedInput[] = Array.from({ length: n }, (_, k) => {
        const topics = Array.from({ length: topicCount }, (_, t) => `t${t}`).filter((_, t) => random() < 0.6 / (t + 1) + 0.05);
        const lang: Lang = random() < 0.6 ? 'uk' : 'en';
        // about a third of the stories have a second language version
        const group = k > 0 && k % 3 === 1 && random() < 0.9 ? `g${k - 1}` : `g${k}`;
        return art(`x${k}`, topics, { lang, day: Math.floor(random() * 10), group });
      });
      // some articles carry editorial picks (which take places and exclude their stories)
      for (const item of items) {
        if (random() < 0.2) item.picks = [0, 1].filter(() => random() < 0.7).map(() => `Headline x${Math.floor(random() * n)}`);
      }
      const { links } = findRelated(items);
      for (const a of items) {
        expect(ids(links.get(a.id)), `round ${round}, ${a.id}`).toEqual(naive(items, a));
        for (const link of links.get(a.id) ?? []) {
          if (link.reason.type !== 'topics') continue;
          const other = items.find((x) => x.id === link.id);
          expect(link.reason.topics, `round ${round}, ${a.id} → ${link.id}`).toEqual(sharedTopics(items, a, other));
        }
      }
    }
  });
});

/** The topics two articles share, rarest first (then by name). */
function sharedTopics(items: RelatedInput[], a: RelatedInput, c: RelatedInput | undefined): string[] {
  const df = (t: string): number => items.filter((x) => x.topics.includes(t)).length;
  return [...new Set(a.topics)].filter((t) => c?.topics.includes(t)).sort((x, y) => df(x) - df(y) || (x < y ? -1 : x > y ? 1 : 0));
}

/** The ranking spelled out directly: score every other article, sort, filter. */
function naive(items: RelatedInput[], a: RelatedInput): string[] {
  const out: string[] = [];
  const groups = new Set<string>([a.group]);
  for (const headline of a.picks ?? []) {
    const usable = items.filter((x) => x.headline === headline && !groups.has(x.group));
    usable.sort((x, y) => Date.parse(y.publishedAt) - Date.parse(x.publishedAt) || (x.slug < y.slug ? -1 : 1));
    const pick = usable.find((x) => x.lang === a.lang) ?? usable[0];
    if (!pick || out.length >= 5) continue;
    groups.add(pick.group);
    out.push(pick.id);
  }
  const df = new Map<string, number>();
  for (const x of items) for (const t of new Set(x.topics)) df.set(t, (df.get(t) ?? 0) + 1);
  const scored = items
    .filter((c) => c.group !== a.group && c.topics.some((t) => a.topics.includes(t)))
    .map((c) => {
      const shared = [...new Set(a.topics)].filter((t) => c.topics.includes(t)).sort((x, y) => (df.get(x) ?? 0) - (df.get(y) ?? 0) || (x < y ? -1 : 1));
      return { c, score: shared.reduce((s, t) => s + Math.log(items.length / (df.get(t) ?? 1)), 0) };
    });
  const time = (x: RelatedInput): number => Date.parse(x.publishedAt);
  scored.sort(
    (x, y) =>
      Number(y.c.lang === a.lang) - Number(x.c.lang === a.lang) ||
      y.score - x.score ||
      time(y.c) - time(x.c) ||
      (x.c.slug < y.c.slug ? -1 : x.c.slug > y.c.slug ? 1 : 0),
  );
  for (const { c } of scored) {
    if (out.length >= 5 || groups.has(c.group)) continue;
    groups.add(c.group);
    out.push(c.id);
  }
  return out;
}
