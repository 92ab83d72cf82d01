import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { words } from '../../core/text/words.ts';
import { WordTable } from './wordTable.ts';

/** The words scan() finds in `text`, as strings. */
function scanned(table: WordTable, text: string): string[] {
  const count = table.scan(text);
  return Array.from(table.ids.subarray(0, count), (id) => table.words[id] as string);
}

/** The seed article, as the sample data carries it. */
const SEED = new URL('../../../content/000_cb2fd77c0b4dd6b1.txt', import.meta.url);

describe('WordTable', () => {
  it('finds the words words() finds, apostrophes, digits and letters beyond the BMP included', () => {
    const table = new WordTable();
    const texts = [
      '',
      '   ,,, —',
      'п’ять пʼять п\'ять п`ять п‘ять п′ять пʹять',
      "O'Neill's 'quoted' word' 'word rock'n'roll ''double'' a'' ''b",
      'Зеленський: «Ми вистоїмо!» — 24.02.2022, 5:30; NATO/ЄС 2+2=4',
      '𝒜𝒷𝒸 word𝒳 😀emoji😀 text 🇺🇦',
      'e\u0301te\u0301 й (и\u0306) ґрунт Ґанок ё',
      'ﬁne ﬂow Ⅻ ½ ²³ ٣٤ 漢字 かな',
      '\ud800 lone \udc00 surrogates \ud83d',
      'tab\tnew\nline\u00a0nbsp\u200bzero',
    ];
    for (const text of texts) expect(scanned(table, text), text).toEqual(words(text));
  });

  it('finds the words of random text made of the characters that matter', () => {
    const alphabet = ['а', 'b', 'Ї', '7', "'", '’', 'ʼ', '`', ' ', '-', '.', '\u0301', '𝒜', '😀', '\ud800'];
    let seed = 12345;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const table = new WordTable();
    for (let k = 0; k < 2000; k++) {
      const text = Array.from({ length: Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(scanned(table, text), JSON.stringify(text)).toEqual(words(text));
    }
  });

  it('gives each distinct word one number, in the order first met, across texts and table growth', () => {
    const table = new WordTable();
    const many = Array.from({ length: 20_000 }, (_, k) => `w${k}`).join(' ');
    scanned(table, many);
    expect(table.size).toBe(20_000);
    const count = table.scan('w19999 w0 new w0 нове');
    expect(Array.from(table.ids.subarray(0, count))).toEqual([19_999, 0, 20_000, 0, 20_001]);
    expect(table.words.slice(20_000)).toEqual(['new', 'нове']);
  });

  (existsSync(SEED) ? it : it.skip)(`finds the words of the seed article as words() does${existsSync(SEED) ? '' : ' (skipped: no content/000_cb2fd77c0b4dd6b1.txt)'}`, () => {
    const text = readFileSync(SEED, 'utf8');
    expect(scanned(new WordTable(), text)).toEqual(words(text));
  });
});
