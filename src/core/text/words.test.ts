import { describe, expect, it } from 'vitest';
import { fold, stem, term, terms, words } from './words.ts';
import { EN_GROUPS, UK_DISTINCT, UK_GROUPS } from './stemCases.ts';

const t = (w: string) => term(w);

describe('fold', () => {
  it('lower-cases Cyrillic and Latin', () => {
    expect(fold('КАЗАХСТАН')).toBe('казахстан');
    expect(fold('NATO')).toBe('nato');
    expect(fold('ЇЖАК Є ІНША')).toBe('їжак є інша');
  });

  it('treats the apostrophes \' ’ ʼ as one (and as none)', () => {
    const forms = ["п'ять", 'п’ять', 'пʼять', 'п`ять', 'пять'];
    expect(new Set(forms.map(fold))).toEqual(new Set(['пять']));
    expect(new Set(["прем'єр", 'прем’єр', 'премʼєр'].map(t))).toHaveProperty('size', 1);
  });

  it('makes ґ searchable with or without the letter', () => {
    expect(t('ґрунт')).toBe(t('грунт'));
    expect(t('Ґудзик')).toBe(t('ґудзик'));
    expect(t('ҐРУНТУ')).toBe(t('ґрунт'));
  });

  it('joins composed and decomposed й, ї', () => {
    expect(fold('Київ'.replace('ї', 'і\u0308'))).toBe('київ');
    expect(fold('Й'.normalize('NFD'))).toBe('й');
  });
});

describe('words', () => {
  it('keeps Latin words, numbers and apostrophes inside words', () => {
    expect(words('НАТО (NATO) у 2021 році: «п’ять» — O’Neill, COVID-19')).toEqual([
      'НАТО', 'NATO', 'у', '2021', 'році', 'п’ять', 'O’Neill', 'COVID', '19',
    ]);
  });

  it('finds no words in punctuation', () => {
    expect(words(' — «» !?… ')).toEqual([]);
  });
});

describe('Ukrainian stemming', () => {
  it('"Казахстан" and "Казахстану" give one term; "переговори" and "переговорів" too', () => {
    expect(t('Казахстан')).toBe(t('Казахстану'));
    expect(t('переговори')).toBe(t('переговорів'));
  });

  for (const group of UK_GROUPS) {
    it(`${group.join(', ')} → one term`, () => {
      expect(new Set(group.map(t)).size).toBe(1);
    });
  }

  for (const [a, b] of UK_DISTINCT) {
    it(`${a} and ${b} stay different`, () => {
      expect(t(a)).not.toBe(t(b));
    });
  }

  it('keeps Latin words and numbers in Ukrainian text', () => {
    expect(terms('Саміт NATO у 2021 році')).toEqual(['саміт', 'nato', '2021', t('році')]);
  });

  it('drops stop words only', () => {
    expect(terms('в Україні та в Казахстані')).toEqual([t('Україна'), t('Казахстан')]);
  });

  it('leaves words without a vowel to stem as they are', () => {
    expect(t('США')).toBe('сша');
    expect(t('ОДКБ')).toBe('одкб');
  });
});

describe('English stemming', () => {
  for (const group of EN_GROUPS) {
    it(`${group.join(', ')} → one term`, () => {
      expect(new Set(group.map(t)).size).toBe(1);
    });
  }

  it('keeps numbers and mixed tokens', () => {
    expect(t('2021')).toBe('2021');
    expect(t('G7')).toBe('g7');
  });

  it('drops English stop words', () => {
    expect(terms('The talks of the ministers')).toEqual([stem('talks'), stem('ministers')]);
  });
});
