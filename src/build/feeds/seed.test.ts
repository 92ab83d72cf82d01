import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inlineText } from '../../core/model/article.ts';
import { formatError } from '../errors.ts';
import { parseSeed } from './seed.ts';

const SEED_NAME = '000_cb2fd77c0b4dd6b1.txt';
const seedPath = [
  new URL(`../../../shared/seed/${SEED_NAME}`, import.meta.url),
  new URL(`../../content/${SEED_NAME}`, import.meta.url),
]
  .map((u) => fileURLToPath(u))
  .find((p) => existsSync(p));

describe('parseSeed on the real seed article', () => {
  const run = seedPath ? it : it.skip;
  run(`reads ${SEED_NAME}${seedPath ? '' : ' (skipped: the seed file is not in ../shared/seed or content/)'}`, () => {
    const text = readFileSync(seedPath ?? '', 'utf8');
    const { draft, errors } = parseSeed(text, `content/${SEED_NAME}`);
    expect(errors).toEqual([]);
    expect(draft).toBeDefined();
    if (!draft) return;
    expect(draft.headline).toMatch(/^У Кремлі прокоментували участь Казахстану та Вірменії у програмах НАТО/);
    expect(draft.headline).toMatch(/щодо Альянсу$/);
    expect(draft.publishedAt).toBe('2021-12-21T16:00:00+02:00');
    expect(draft.lang).toBe('uk');
    // 5 paragraphs: the lead and 4 in the body
    expect(draft.lead).toMatch(/^Росія обговорювала з союзниками/);
    expect(draft.body).toHaveLength(4);
    expect(draft.body.every((b) => b.type === 'paragraph')).toBe(true);
    // quotes and apostrophes untouched
    const body = draft.body.map((b) => (b.type === 'paragraph' ? inlineText(b.content) : '')).join('\n');
    expect(body).toContain('«потрібно розділяти»');
    expect(body).toContain('пов’язують');
    expect(draft.context).toHaveLength(1);
    const context = draft.context[0];
    expect(context?.type === 'paragraph' && inlineText(context.content)).toMatch(/^Російський МЗС оприлюднило проекти договорів.*необхідність діалогу\.$/);
    expect(draft.topics).toEqual([]);
    expect(draft.picks).toEqual([]);
    expect(draft.ref).toBe('000_cb2fd77c0b4dd6b1');
    expect(draft.idSource).toBe('seed:000_cb2fd77c0b4dd6b1');
  });
});

const good = ['Заголовок новини', '', '09:05 01.06.2021', '', 'Лід.', '', 'Абзац один.', ''].join('\n');

function errorsOf(text: string, sidecar?: string): string[] {
  const result = parseSeed(text, 'content/x.txt', sidecar === undefined ? undefined : { file: 'content/x.json', text: sidecar });
  return result.errors.map(formatError);
}

describe('parseSeed: the format', () => {
  it('reads a minimal article (summer time → +03:00)', () => {
    const { draft, errors } = parseSeed(good, 'content/x.txt');
    expect(errors).toEqual([]);
    expect(draft?.publishedAt).toBe('2021-06-01T09:05:00+03:00');
    expect(draft?.lead).toBe('Лід.');
    expect(draft?.body).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'Абзац один.' }] }]);
  });

  it('handles a BOM, CRLF line ends and trailing spaces', () => {
    const text = `\uFEFF${good.split('\n').map((l) => `${l}  `).join('\r\n')}`;
    const { draft, errors } = parseSeed(text, 'content/x.txt');
    expect(errors).toEqual([]);
    expect(draft?.headline).toBe('Заголовок новини');
    expect(draft?.lead).toBe('Лід.');
  });

  it('joins the lines of one paragraph', () => {
    const { draft } = parseSeed('H\n16:00 21.12.2021\n\nLead line one\nline two.\n', 'x.txt');
    expect(draft?.lead).toBe('Lead line one line two.');
    expect(draft?.body).toEqual([]);
  });

  it('makes "> " paragraphs quotes, with an optional "— Name" cite', () => {
    const { draft } = parseSeed('H\n16:00 21.12.2021\n\nLead.\n\n> «Слова»\n> ще слова\n> — Дмитро Пєсков\n\n> Just a quote.', 'x.txt');
    expect(draft?.body).toEqual([
      { type: 'quote', content: [{ type: 'text', text: '«Слова» ще слова' }], cite: 'Дмитро Пєсков' },
      { type: 'quote', content: [{ type: 'text', text: 'Just a quote.' }] },
    ]);
  });

  it('reads topics on the title line or below, comma- or line-separated', () => {
    const a = parseSeed('H\n16:00 21.12.2021\n\nLead.\n\nТеми: НАТО, Росія', 'x.txt');
    expect(a.draft?.topics.map((t) => t.value)).toEqual(['НАТО', 'Росія']);
    expect(a.draft?.topics[0]?.line).toBe(6);
    const b = parseSeed('H\n16:00 21.12.2021\n\nLead.\n\nTopics:\n\nNATO, Russia\nKremlin\n', 'x.txt');
    expect(b.draft?.topics.map((t) => t.value)).toEqual(['NATO', 'Russia', 'Kremlin']);
  });

  it('reads editorial picks one headline per line, and context paragraphs', () => {
    const text = 'Headline\n16:00 21.12.2021\n\nLead.\n\nContext\n\nBackground one.\n\nBackground two.\n\nMore on this topic\nFirst other story\nSecond: other story\n';
    const { draft, errors } = parseSeed(text, 'x.txt');
    expect(errors).toEqual([]);
    expect(draft?.lang).toBe('en');
    expect(draft?.context).toHaveLength(2);
    expect(draft?.picks.map((p) => [p.value, p.line])).toEqual([
      ['First other story', 13],
      ['Second: other story', 14],
    ]);
  });
});

describe('parseSeed: broken input', () => {
  it('an empty file has no headline', () => {
    expect(errorsOf('')).toEqual(['content/x.txt:1: missing headline: the file is empty']);
    expect(errorsOf('\n\n  \n')).toEqual(['content/x.txt:1: missing headline: the file is empty']);
  });

  it('a file that starts with the timestamp has no headline', () => {
    expect(errorsOf('16:00 21.12.2021\n\nLead.')).toEqual([
      'content/x.txt:1: missing headline: expected a headline before the timestamp, found "16:00 21.12.2021"',
    ]);
  });

  it('a missing timestamp names the line and what was found', () => {
    expect(errorsOf('Headline\n\nJust text here.\n\nMore.')).toEqual([
      'content/x.txt:3: expected a timestamp "HH:MM DD.MM.YYYY", found "Just text here."',
    ]);
    expect(errorsOf('Headline')).toEqual([
      'content/x.txt:2: expected a timestamp "HH:MM DD.MM.YYYY" after the headline, found the end of the file',
    ]);
    expect(errorsOf('Headline\n21.12.2021 16:00\n\nLead.')).toEqual([
      'content/x.txt:2: expected a timestamp "HH:MM DD.MM.YYYY", found "21.12.2021 16:00" (the time comes first, then the date)',
    ]);
  });

  it('an impossible timestamp says what is wrong', () => {
    expect(errorsOf('Headline\n16:00 32.13.2021\n\nLead.')).toEqual([
      'content/x.txt:2: impossible timestamp "16:00 32.13.2021": month 13 does not exist (01–12)',
    ]);
    expect(errorsOf('Headline\n25:00 21.12.2021\n\nLead.')).toEqual([
      'content/x.txt:2: impossible timestamp "25:00 21.12.2021": hour 25 does not exist (00–23)',
    ]);
    expect(errorsOf('Headline\n12:00 29.02.2021\n\nLead.')).toEqual([
      'content/x.txt:2: impossible timestamp "12:00 29.02.2021": day 29 does not exist in 02.2021',
    ]);
  });

  it('an article without paragraphs has an empty body', () => {
    expect(errorsOf('Headline\n16:00 21.12.2021\n')).toEqual([
      'content/x.txt:3: empty body: expected at least one paragraph after the timestamp, found the end of the file',
    ]);
    expect(errorsOf('Headline\n16:00 21.12.2021\n\nТеми: НАТО')).toEqual([
      'content/x.txt:4: empty body: expected at least one paragraph after the timestamp, found a section title',
    ]);
  });

  it('a short line ending in ":" alone is an unknown section', () => {
    expect(errorsOf('Headline\n16:00 21.12.2021\n\nLead.\n\nФото:\nІван Іваненко')).toEqual([
      'content/x.txt:6: unknown section "Фото:": expected one of Контекст, Теми:, Ще на цю тему (or Context, Topics:, More on this topic)',
    ]);
  });

  it('a section twice is an error at the second', () => {
    expect(errorsOf('Headline\n16:00 21.12.2021\n\nLead.\n\nТеми: А\n\nTopics: B')).toEqual([
      'content/x.txt:8: duplicate section "Topics: B": it already began on line 6',
    ]);
  });
});

describe('parseSeed: the sidecar', () => {
  it('applies its fields', () => {
    const sidecar = JSON.stringify({
      lang: 'en',
      slug: 'my-slug',
      id: 'abc-1',
      topics: ['nato'],
      translationOf: '000_x.txt',
      source: { name: 'UNN', url: 'https://www.unn.com.ua/' },
      author: 'Editor',
      updatedAt: '17:30 21.12.2021',
    });
    const { draft, errors } = parseSeed(good, 'content/x.txt', { file: 'content/x.json', text: sidecar });
    expect(errors).toEqual([]);
    expect(draft).toMatchObject({
      lang: 'en',
      slug: 'my-slug',
      id: 'abc-1',
      source: { name: 'UNN', url: 'https://www.unn.com.ua/' },
      author: 'Editor',
      updatedAt: '2021-12-21T17:30:00+02:00',
      translationOf: { value: '000_x', file: 'content/x.json' },
    });
    expect(draft?.topics.map((t) => t.value)).toEqual(['nato']);
  });

  it('names the file, line and field of wrong fields', () => {
    const sidecar = '{\n  "lang": "de",\n  "topics": ["a", 3],\n  "colour": "red"\n}';
    expect(errorsOf(good, sidecar)).toEqual([
      'content/x.json:2: field "lang": expected one of "uk", "en", found "de"',
      'content/x.json:3: field "topics[1]": expected string, found 3',
      'content/x.json:4: unknown field "colour"',
    ]);
  });

  it('rejects a bad slug, a bad link and a bad date', () => {
    const sidecar = JSON.stringify({ slug: 'Not A Slug', source: { name: 'X', url: 'javascript:alert(1)' }, updatedAt: 'yesterday' }, null, 1);
    const errors = errorsOf(good, sidecar);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^content\/x\.json:2: field "slug": a slug is lower-case/);
    expect(errors[1]).toMatch(/^content\/x\.json:5: field "source\.url": a link must be http\(s\) or mailto/);
    expect(errors[2]).toMatch(/^content\/x\.json:7: field "updatedAt": expected ISO 8601/);
  });

  it('reports JSON that does not parse', () => {
    const errors = errorsOf(good, '{ "lang": "uk", }');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^content\/x\.json:1: not valid JSON/);
  });

  it('a sidecar that is not an object is an error', () => {
    expect(errorsOf(good, '[]')).toEqual(['content/x.json:1: the file: expected object, found a list']);
  });
});
