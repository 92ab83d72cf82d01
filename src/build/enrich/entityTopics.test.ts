import { describe, expect, it } from 'vitest';
import type { Draft } from '../feeds/draft.ts';
import { buildArticles } from './enrich.ts';
import { MAX_PHRASES, entityTopics, mentionsOf } from './entityTopics.ts';
import { capsCompany } from './entities/extract.ts';

function draft(n: number, lang: 'uk' | 'en', headline: string, text: string, topics: string[] = []): Draft {
  return {
    file: 'feed.xml',
    item: n,
    ref: `feed.xml#${n}`,
    idSource: `feed:${n}`,
    lang,
    headline,
    publishedAt: new Date(Date.UTC(2021, 0, 1 + n)).toISOString(),
    source: { name: 'Test' },
    lead: text,
    body: [],
    context: [],
    topics: topics.map((value) => ({ value, file: 'feed.xml', line: n })),
    picks: [],
  };
}

describe('topics from the text', () => {
  it('one topic across inflections, labelled in the base form; a name only one article has is no topic', () => {
    const topics = entityTopics([
      { id: 'a', mentions: mentionsOf('Тереза Мей поїхала до Брюсселя', 'У середу прем’єрка Тереза Мей зустрілася з Мішелем Барньє.', 'uk') },
      { id: 'b', mentions: mentionsOf('Парламент не підтримав угоду', 'Депутати відхилили угоду Терези Мей, заявив Мішель Барньє.', 'uk') },
    ]);
    const labels = (id: string) => (topics.get(id) ?? []).map((t) => t.labels.uk);
    expect(labels('a')).toContain('Тереза Мей');
    expect(labels('b')).toContain('Тереза Мей');
    expect(labels('a')).toContain('Мішель Барньє');
    expect(labels('a')).not.toContain('Брюссель'); // only article a names it
  });

  it('an English name that starts a sentence is kept whole; the agency sign-off is no name', () => {
    const forms = mentionsOf('LOUISIANA PACIFIC TO BUY PLANT', 'Louisiana Pacific Corp said it will buy a plant in Seattle. Reuters', 'en').map((m) => m[2][0]?.[0]);
    expect(forms).toContain('Louisiana Pacific');
    expect(forms).toContain('Seattle');
    expect(forms).not.toContain('Pacific');
    expect(forms).not.toContain('Reuters');
  });

  it('every article gets them, one topic page per name in both languages, and a category of the same name is the same topic', () => {
    const { articles } = buildArticles([
      draft(1, 'uk', 'Казахстан і НАТО провели навчання', 'Військові Казахстану взяли участь у навчаннях НАТО.'),
      draft(2, 'en', 'Kazakhstan joins NATO drills', 'Troops from Kazakhstan took part in NATO exercises.'),
      draft(3, 'uk', 'Казахстан підвищив ціни', 'Уряд Казахстану підвищив ціни на пальне.', ['НАТО']),
    ]);
    const bySlug = new Map(articles.flatMap((a) => a.topics).map((t) => [t.slug, t.labels]));
    const kz = [...bySlug].filter(([, l]) => l.uk === 'Казахстан' || l.en === 'Kazakhstan');
    expect(kz).toHaveLength(1);
    expect(kz[0]?.[1]).toMatchObject({ uk: 'Казахстан', en: 'Kazakhstan' });
    const nato = [...bySlug].filter(([, l]) => l.uk === 'НАТО' || l.en === 'NATO');
    expect(nato).toHaveLength(1);
    for (const a of articles) expect(a.topics.length).toBeGreaterThan(0);
  });
});

describe('sections', () => {
  it('a category most of a big archive carries is the section, shown as such, not a topic shared', () => {
    const drafts = Array.from({ length: 60 }, (_, k) => draft(k, 'uk', `Новина номер ${k}`, `Текст новини ${k}.`, k % 20 === 0 ? ['ukraine', 'Київ'] : ['ukraine']));
    const { articles } = buildArticles(drafts);
    for (const a of articles) {
      expect(a.section).toEqual({ slug: 'ukraine', labels: { uk: 'Україна', en: 'Ukraine' } });
      expect(a.topics.map((t) => t.slug)).not.toContain('ukraine');
    }
    // Київ is on one in twenty: a category that says something, still a topic
    expect(articles.filter((a) => a.topics.some((t) => t.labels.uk === 'Київ'))).toHaveLength(3);
  });
});

describe('key phrases', () => {
  const oil = (n: number) => ({
    id: `oil${n}`,
    mentions: mentionsOf(`OIL OUTPUT TALKS ${n}`, `Crude oil prices rose as producers met.\nThe crude oil market and oil prices stayed tense, traders said on day ${n}.`, 'en'),
  });
  it('a term three articles repeat is a topic of those that name few people or places, once, in the case it is written', () => {
    const topics = entityTopics([oil(1), oil(2), oil(3), { id: 'x', mentions: mentionsOf('Bread is dear', 'Bread costs more.', 'en') }]);
    const labels = (id: string) => (topics.get(id) ?? []).map((t) => t.labels.en);
    expect(labels('oil1')).toContain('Crude oil');
    expect(labels('oil1')).toContain('Oil prices');
    // one of "crude oil" / "crude oil prices", not both
    expect(labels('oil1').filter((l) => l?.startsWith('Crude oil'))).toHaveLength(1);
    expect(labels('oil1').length).toBeLessThanOrEqual(MAX_PHRASES);
    expect(labels('x')).toEqual([]);
  });
  it('one phrase across inflections, labelled in the base form; no verbs, adverbs, numbers or units', () => {
    const uk = ['Воєнний стан продовжили.\nПарламент продовжив воєнний стан.', 'Про воєнний стан.\nВоєнного стану не скасують.', 'Умови воєнного стану.\nДія воєнного стану триває.'];
    const topics = entityTopics(uk.map((t, k) => ({ id: `u${k}`, mentions: mentionsOf('Новина', t, 'uk') })));
    for (const id of ['u0', 'u1', 'u2']) expect((topics.get(id) ?? []).map((t) => t.labels.uk)).toContain('Воєнний стан');
    const en = Array.from({ length: 3 }, (_, k) => ({
      id: `e${k}`,
      mentions: mentionsOf('Dividend', `The board declared a dividend of five cts, effective immediately.\nThe board declared five cts, payable ${k}.`, 'en'),
    }));
    const words = [...entityTopics(en).values()].flat().map((t) => t.labels.en ?? '');
    expect(words.filter((w) => /declared|immediately|five|cts/i.test(w))).toEqual([]);
  });
});

describe('a headline in capitals', () => {
  it('gives the company it opens with, in the case a reader writes it, and no other name', () => {
    expect(capsCompany('POTLATCH CORP 1ST QTR NET')).toBe('Potlatch Corp');
    expect(capsCompany('INTERNATIONAL BUSINESS MACHINES CORP SETS PAYOUT')).toBe('International Business Machines Corp');
    expect(capsCompany('OPEC OUTPUT CEILING TALKS')).toBeUndefined();
    expect(capsCompany('Potlatch Corp results')).toBeUndefined();
    const forms = mentionsOf('TRIBUNE CO 3RD QTR NET', 'Shr 42 cts vs 1.53 dlrs\nNet 63.2 mln vs 58.9 mln', 'en').map((m) => m[2][0]?.[0]);
    expect(forms).toContain('Tribune');
    expect(forms.filter((f) => /QTR|NET/.test(f ?? ''))).toEqual([]);
  });
});
