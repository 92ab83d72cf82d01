import { describe, expect, it } from 'vitest';
import type { Block } from '../../core/model/article.ts';
import { blockText } from '../../core/model/article.ts';
import { HEADLINE_MAX, LEAD_MAX, LONG_PARAGRAPH, headlineFrom, headlineFromText, leadAndBody, leadFrom, readableParagraphs, sentences, sliceRuns } from './paragraphs.ts';

const para = (text: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const texts = (blocks: readonly Block[]): string[] => blocks.map(blockText);

describe('sentences', () => {
  it('splits Ukrainian text at sentence ends, not at abbreviations, initials or decimals', () => {
    expect(
      sentences(
        'Згідно зі ст. 5 Закону, у м. Києві діє порядок. Д. Трамп заявив, що ВВП зріс на 3.5 відсотка! Чи це так? ' +
          'Про це повідомив проф. Іваненко на вул. Хрещатик, 1. Далі буде…',
      ),
    ).toEqual([
      'Згідно зі ст. 5 Закону, у м. Києві діє порядок.',
      'Д. Трамп заявив, що ВВП зріс на 3.5 відсотка!',
      'Чи це так?',
      'Про це повідомив проф. Іваненко на вул. Хрещатик, 1.',
      'Далі буде…',
    ]);
  });

  it('splits English text, not at Mr., U.S., initials, months or lower-case continuations', () => {
    expect(sentences('Mr. Smith met J. R. Jones in the U.S. Senate on Feb. 26. Prices rose 1.5 pct. the dealers said no more.')).toEqual([
      'Mr. Smith met J. R. Jones in the U.S. Senate on Feb. 26.',
      'Prices rose 1.5 pct. the dealers said no more.',
    ]);
  });

  it('does not split inside a quotation, and splits after one that ends a sentence', () => {
    expect(sentences('Він сказав: «Ми в біді. Допоможіть нам.» Потім пішов. "Please help. Now," she said. Then left.')).toEqual([
      'Він сказав: «Ми в біді. Допоможіть нам.»',
      'Потім пішов.',
      '"Please help. Now," she said.',
      'Then left.',
    ]);
    // direct speech after a dash starts a sentence
    expect(sentences('Він замовк. – Ні, – відповів він.')).toEqual(['Він замовк.', '– Ні, – відповів він.']);
  });
});

describe('readableParagraphs', () => {
  const sentence = (n: number) => `Речення номер ${n} розповідає про події в м. Києві та їхні наслідки для громади.`;
  const wall = Array.from({ length: 30 }, (_, k) => sentence(k + 1)).join(' ');

  it('splits one long block into paragraphs of readable length at sentence ends, losing no text', () => {
    const out = readableParagraphs([para(wall)]);
    expect(out.length).toBeGreaterThan(4);
    for (const t of texts(out)) {
      expect(t.length).toBeLessThanOrEqual(LONG_PARAGRAPH);
      expect(t).toMatch(/^Речення номер \d+ .*громади\.$/);
    }
    expect(texts(out).join(' ')).toBe(wall);
  });

  it('leaves short paragraphs, other blocks and an unsplittable sentence as they are', () => {
    const list: Block = { type: 'list', ordered: false, items: [[{ type: 'text', text: wall }]] };
    const oneSentence = `${'слово '.repeat(150)}кінець.`;
    expect(readableParagraphs([para('Коротко.'), list, para(oneSentence)])).toEqual([para('Коротко.'), list, para(oneSentence)]);
  });

  it('keeps links and emphasis across a cut', () => {
    const runs = sliceRuns(
      [
        { type: 'text', text: 'One two. ' },
        { type: 'link', text: 'Three', href: 'https://x.example/' },
        { type: 'emphasis', text: ' four.' },
      ],
      [8],
    );
    expect(runs).toEqual([
      [{ type: 'text', text: 'One two.' }],
      [
        { type: 'link', text: 'Three', href: 'https://x.example/' },
        { type: 'emphasis', text: ' four.' },
      ],
    ]);
  });
});

describe('the lead', () => {
  const first = 'Мер Лондона Садік Кан оголосив надзвичайну ситуацію в місті через загрозу переповнення лікарень.';
  const second = 'За його словами, кількість пацієнтів на апаратах ШВЛ за тиждень зросла на 42 %, із 640 до 908 осіб.';
  const rest = 'Всього в лікарнях Лондона зараз 7 034 пацієнти з COVID-19, на 35 % більше, ніж під час піку першої хвилі.';
  const whole = `${first} ${second} ${rest} ${rest}`;

  it('is the first sentence or two of a long first paragraph, and the rest stays in the body', () => {
    const { lead, body } = leadAndBody('', [para(whole)]);
    expect(lead).toBe(`${first} ${second}`);
    expect(lead.length).toBeLessThanOrEqual(LEAD_MAX);
    expect(texts(body)).toEqual([`${rest} ${rest}`]);
  });

  it('a feed summary cut from the text (no "…", as SlavNER gives it) is not the lead, and the text is not repeated', () => {
    const { lead, body } = leadAndBody(whole.slice(0, 250), [para(whole)]);
    expect(lead).toBe(`${first} ${second}`);
    expect(texts(body).join(' ')).toBe(`${rest} ${rest}`);
    // a summary that runs over the first paragraph into the second
    const two = leadAndBody(`${first} ${second.slice(0, 40)}…`, [para(first), para(second)]);
    expect(two).toEqual({ lead: first, body: [para(second)] });
  });

  it('a short first paragraph is the lead whole; a summary of its own stays the lead', () => {
    expect(leadAndBody('', [para(first), para(second)])).toEqual({ lead: first, body: [para(second)] });
    expect(leadAndBody('Своє резюме.', [para(first)])).toEqual({ lead: 'Своє резюме.', body: [para(first)] });
    // a long one of its own: its first sentences lead, the whole of it opens the body
    const own = leadAndBody(`${second} ${rest} ${rest}`, [para(first)]);
    expect(own.lead).toBe(`${second} ${rest}`);
    expect(texts(own.body)).toEqual([rest, first]);
  });

  it('a first sentence too long for a lead is cut at a word, and the paragraph stays whole in the body', () => {
    const long = `${'дуже '.repeat(80)}довге речення.`;
    const { lead, rest: kept } = leadFrom([{ type: 'text', text: long }]);
    expect(lead.length).toBeLessThanOrEqual(LEAD_MAX);
    expect(lead).toMatch(/дуже…$/);
    expect(kept).toEqual([{ type: 'text', text: long }]);
  });
});

describe('headlineFrom', () => {
  it('is the first sentence without its full stop, cut at a word when long', () => {
    expect(headlineFrom('Уряд ухвалив рішення. Друге речення.')).toBe('Уряд ухвалив рішення');
    expect(headlineFrom('Is it over? Yes.')).toBe('Is it over?');
    const h = headlineFrom(`${'word '.repeat(50)}end.`);
    expect(h.length).toBeLessThanOrEqual(HEADLINE_MAX);
    expect(h).toMatch(/ word…$/);
  });
  it('skips the punctuation a text opens with (". HEADLINES AT 0800" in Reuters)', () => {
    expect(headlineFrom('. HEADLINES AT 0800\n\n--BAKER HOLDS TALKS')).toBe('HEADLINES AT 0800 --BAKER HOLDS TALKS');
    expect(headlineFrom('— ... Уряд ухвалив рішення. Друге.')).toBe('Уряд ухвалив рішення');
    expect(headlineFrom('... — …')).toBe('');
  });
});

describe('headlineFromText', () => {
  const para = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });
  it('takes the text when the first line has no word in it, and gives up only when nothing has', () => {
    expect(headlineFromText([para('... Уряд ухвалив рішення. Далі.')], '...')?.headline).toBe('Уряд ухвалив рішення');
    expect(headlineFromText([para('— …')], '— …')).toBeUndefined();
  });
});
