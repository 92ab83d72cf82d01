import { describe, expect, it } from 'vitest';
import uk from './locales/uk/index.ts';
import en from './locales/en/index.ts';
import { createI18n, loadLanguage } from './index.ts';
import { NAMESPACES } from './resources.ts';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? flatten(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('locale files', () => {
  it('have the same namespaces in both languages', () => {
    expect(Object.keys(uk).sort()).toEqual([...NAMESPACES].sort());
    expect(Object.keys(en).sort()).toEqual([...NAMESPACES].sort());
  });

  for (const ns of NAMESPACES) {
    it(`${ns}: every key exists in both languages`, () => {
      const base = (keys: string[]) => [...new Set(keys.map((k) => k.replace(PLURAL, '')))].sort();
      const ukKeys = base(flatten(uk[ns]));
      const enKeys = base(flatten(en[ns]));
      expect(ukKeys.filter((k) => !enKeys.includes(k)), 'only in uk').toEqual([]);
      expect(enKeys.filter((k) => !ukKeys.includes(k)), 'only in en').toEqual([]);
    });

    it(`${ns}: plural keys have every form each language needs`, () => {
      const check = (keys: string[], forms: string[]) => {
        const bases = new Set(keys.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
        for (const b of bases) for (const f of forms) expect(keys, `${b}_${f}`).toContain(`${b}_${f}`);
      };
      check(flatten(uk[ns]), ['one', 'few', 'many', 'other']);
      check(flatten(en[ns]), ['one', 'other']);
    });

    it(`${ns}: no empty strings`, () => {
      for (const [lang, res] of [['uk', uk], ['en', en]] as const) {
        const values = flatten(res[ns]).map((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], res[ns]));
        expect(values.filter((v) => typeof v !== 'string' || v.trim() === ''), lang).toEqual([]);
      }
    });
  }
});

describe('plural forms', () => {
  it('Ukrainian reading time: хвилина / хвилини / хвилин', async () => {
    const i18n = createI18n();
    await loadLanguage(i18n, 'uk');
    const t = i18n.getFixedT('uk', 'article');
    const forms = [0, 1, 2, 5, 11, 21, 22, 111, 1.5].map((count) => t('readingTime', { count }));
    expect(forms).toEqual([
      '0 хвилин читання',
      '1 хвилина читання',
      '2 хвилини читання',
      '5 хвилин читання',
      '11 хвилин читання',
      '21 хвилина читання',
      '22 хвилини читання',
      '111 хвилин читання',
      '1.5 хвилини читання',
    ]);
  });

  it('Ukrainian topic counts: стаття / статті / статей', async () => {
    const i18n = createI18n();
    await loadLanguage(i18n, 'uk');
    const t = i18n.getFixedT('uk', 'topics');
    expect([0, 1, 2, 5, 11, 21, 22].map((count) => t('count', { count }))).toEqual([
      '0 статей',
      '1 стаття',
      '2 статті',
      '5 статей',
      '11 статей',
      '21 стаття',
      '22 статті',
    ]);
  });

  it('English: one and other', async () => {
    const i18n = createI18n();
    await loadLanguage(i18n, 'en');
    const t = i18n.getFixedT('en', 'topics');
    expect([0, 1, 2, 21].map((count) => t('count', { count }))).toEqual(['0 articles', '1 article', '2 articles', '21 articles']);
  });
});
