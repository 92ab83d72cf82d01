import { describe, expect, it } from 'vitest';
import { formatError } from '../errors.ts';
import { TopicRegistry, foldLabel, mergeGlossaries, parseGlossary } from './topics.ts';

describe('foldLabel', () => {
  it('ignores case, spacing, quotes and apostrophes', () => {
    expect(foldLabel('  «Північний   Потік» ')).toBe('північний потік');
    expect(foldLabel('"Nord Stream"')).toBe('nord stream');
    expect(foldLabel('Мар’їнка')).toBe(foldLabel("мар'їнка"));
  });
});

describe('parseGlossary', () => {
  it('reads slug → labels', () => {
    const { glossary, errors } = parseGlossary('{"nato": {"uk": "НАТО", "en": "NATO"}}', 'content/topics.json');
    expect(errors).toEqual([]);
    expect(glossary.get('nato')).toEqual({ uk: 'НАТО', en: 'NATO' });
  });

  it('reports bad slugs, unknown languages and wrong types with file and line', () => {
    const text = '{\n  "Bad Slug": {"uk": "x"},\n  "ok": {"de": "y"},\n  "num": {"en": 3}\n}';
    const errors = parseGlossary(text, 'content/topics.json').errors.map(formatError);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^content\/topics\.json:2: /);
    expect(errors[1]).toBe('content/topics.json:3: unknown field "ok.de"');
    expect(errors[2]).toBe('content/topics.json:4: field "num.en": expected string, found 3');
  });

  it('merging two glossaries that disagree is an error', () => {
    const a = parseGlossary('{"nato": {"uk": "НАТО"}}', 'a/topics.json').glossary;
    const b = parseGlossary('{"nato": {"uk": "Альянс"}}', 'b/topics.json').glossary;
    expect(mergeGlossaries([{ file: 'a/topics.json', glossary: a }, { file: 'b/topics.json', glossary: b }]).errors.map(formatError)).toEqual([
      'b/topics.json: topic "nato" is also defined, differently, in a/topics.json',
    ]);
  });
});

describe('TopicRegistry', () => {
  const glossary = new Map([['rosiia', { uk: 'Росія', en: 'Russia' }]]);

  it('resolves a slug or a label in either language to the glossary topic', () => {
    const r = new TopicRegistry(glossary);
    expect(r.resolve('rosiia', 'uk')).toBe('rosiia');
    expect(r.resolve('РОСІЯ', 'uk')).toBe('rosiia');
    expect(r.resolve('russia', 'en')).toBe('rosiia');
    expect(r.ref('rosiia')).toEqual({ slug: 'rosiia', labels: { uk: 'Росія', en: 'Russia' } });
  });

  it('makes unknown names topics with a slug and the label of their language', () => {
    const r = new TopicRegistry(glossary);
    expect(r.resolve('Санкції', 'uk')).toBe('sanktsii');
    expect(r.ref('sanktsii')).toEqual({ slug: 'sanktsii', labels: { uk: 'Санкції' } });
    expect(r.resolve('санкції', 'uk')).toBe('sanktsii');
    expect(r.resolve('  ', 'uk')).toBeUndefined();
  });

  it('joins names in two languages that slugify alike', () => {
    const r = new TopicRegistry(new Map());
    expect(r.resolve('НАТО', 'uk')).toBe('nato');
    expect(r.resolve('NATO', 'en')).toBe('nato');
    expect(r.ref('nato').labels).toEqual({ uk: 'НАТО', en: 'NATO' });
  });

  it('hands out a ref that later labels do not change, and a new one with them', () => {
    const r = new TopicRegistry(new Map());
    r.resolve('НАТО', 'uk');
    const first = r.ref('nato');
    expect(r.ref('nato')).toBe(first);
    r.resolve('NATO ', 'en');
    r.resolve(' NATO', 'en');
    expect(first.labels).toEqual({ uk: 'НАТО' });
    expect(r.ref('nato').labels).toEqual({ uk: 'НАТО', en: 'NATO' });
  });
});

describe('category labels', () => {
  it('never show a slug raw: known sections in both languages, other slugs as words', async () => {
    const { categoryLabels } = await import('./topics.ts');
    expect(categoryLabels('world', 'uk')).toEqual({ uk: 'Світ', en: 'World' });
    expect(categoryLabels('el-salvador', 'en')).toEqual({ en: 'El Salvador' });
    expect(categoryLabels('usa', 'en')).toEqual({ uk: 'США', en: 'USA' });
    expect(categoryLabels('eec', 'en')).toEqual({ en: 'EEC' });
    expect(categoryLabels('money-fx', 'en')).toEqual({ en: 'Money Fx' });
    expect(categoryLabels('Тереза Мей', 'uk')).toEqual({ uk: 'Тереза Мей' });
  });
});
