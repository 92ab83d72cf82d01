import { describe, expect, it } from 'vitest';
import { formatError } from '../errors.ts';
import type { FeedEntry, ParsedFeed } from './entry.ts';
import type { Block } from '../../core/model/article.ts';
import { bodyJsonBound, categoryLabel, entryToDraft, feedToDrafts, leadAndBody } from './toDraft.ts';

const feed = (entries: FeedEntry[], extra: Partial<ParsedFeed> = {}): ParsedFeed => ({
  file: 'f.xml',
  format: 'rss2',
  title: 'Desk',
  link: 'https://desk.example/',
  entries,
  errors: [],
  broken: 0,
  ...extra,
});

const entry = (extra: Partial<FeedEntry> = {}): FeedEntry => ({
  item: 1,
  line: 5,
  title: { value: 'A headline', html: false },
  link: 'https://desk.example/a?utm_source=x&utm_campaign=y',
  guid: 'g-1',
  published: 'Tue, 21 Dec 2021 16:00:00 +0200',
  categories: ['Topic One'],
  content: { value: '<p>First paragraph of the text.</p><p>Second.</p>', html: true },
  ...extra,
});

describe('entryToDraft', () => {
  it('makes a normalised draft: link without tracking, lead from the text, topics, source', () => {
    const { draft, errors } = entryToDraft(entry({ author: ' Jane  Roe ' }), feed([]));
    expect(errors).toEqual([]);
    expect(draft).toMatchObject({
      file: 'f.xml',
      item: 1,
      line: 5,
      idSource: 'feed:https://desk.example/\u0000g-1',
      lang: 'en',
      headline: 'A headline',
      publishedAt: '2021-12-21T16:00:00+02:00',
      url: 'https://desk.example/a',
      author: 'Jane Roe',
      source: { name: 'Desk', url: 'https://desk.example/' },
      lead: 'First paragraph of the text.',
      body: [{ type: 'paragraph', content: [{ type: 'text', text: 'Second.' }] }],
      topics: [{ value: 'Topic One', file: 'f.xml', line: 5 }],
    });
  });

  it('Ukrainian text: apostrophes unified in every field', () => {
    const { draft } = entryToDraft(
      entry({ title: { value: "Прем'єр у Києві", html: false }, categories: ["прем'єр"], content: { value: "<p>Пам'ять і м`ясо.</p>", html: true } }),
      feed([], { lang: 'uk' }),
    );
    expect(draft).toMatchObject({ lang: 'uk', headline: 'Прем’єр у Києві', lead: 'Пам’ять і м’ясо.', topics: [{ value: 'прем’єр' }] });
  });

  it('XSS payloads in every field come out as inert text or not at all', () => {
    const xss = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    const { draft } = entryToDraft(
      {
        item: 1,
        line: 1,
        title: { value: `Title ${xss}<a href="javascript:alert(1)">x</a>`, html: true },
        link: 'javascript:alert(1)',
        guid: `<script>alert(1)</script>`,
        published: '2021-12-21',
        author: `Eve ${xss}`,
        categories: [`Cat ${xss}`, 'javascript:alert(1)'],
        summary: { value: `<p onclick="alert(1)">Sum</p>${xss}`, html: true },
        content: {
          value: `<p>Body <a href="javascript:alert(1)">a</a> <a href="data:text/html,x">b</a></p>${xss}<iframe src="https://evil.example"></iframe><style>x</style><img src="data:image/png;base64,AA" alt="d">`,
          html: true,
        },
        image: 'javascript:alert(1)',
      },
      feed([], { title: `Feed ${xss}`, link: 'javascript:alert(1)' }),
    );
    expect(draft).toBeDefined();
    const json = JSON.stringify({ ...draft, idSource: '', guid: '', ref: '', topics: [] });
    expect(json).not.toMatch(/<script|onerror|onclick|<img|<iframe|javascript:|data:|evil/i);
    expect(draft).toMatchObject({ headline: 'Title x', author: 'Eve', source: { name: 'Feed' } });
    expect(draft?.url).toBeUndefined();
    expect(draft?.topics.map((t) => t.value)).toEqual(['Cat', 'javascript:alert(1)']); // a topic label is text, shown as text
  });

  it('skips an item with neither title nor text, or with no text and no link, naming file, item, line and reason', () => {
    const none = { title: undefined, content: undefined };
    expect(entryToDraft(entry(none), feed([])).errors.map(formatError)).toEqual(['f.xml:5: item 1: no title and no text; skipped']);
    expect(entryToDraft(entry({ ...none, title: { value: '<b> </b>', html: true }, summary: { value: ' ', html: false } }), feed([])).draft).toBeUndefined();
    expect(entryToDraft(entry({ content: undefined, link: undefined }), feed([])).errors.map(formatError)).toEqual([
      'f.xml:5: item 1: no text (neither content nor summary) and no link to it; skipped',
    ]);
    expect(entryToDraft(entry({ content: { value: '<script>only()</script>', html: true }, link: undefined }), feed([])).draft).toBeUndefined();
  });

  it('keeps an item with a title and a link but no text as a link-out article, with a warning', () => {
    const { draft, errors } = entryToDraft(entry({ content: { value: '', html: true } }), feed([]));
    expect(errors.map(formatError)).toEqual(['f.xml:5: warning: item 1: no text (neither content nor summary); kept as a link to the source']);
    expect(draft).toMatchObject({ headline: 'A headline', url: 'https://desk.example/a', lead: '', body: [] });
    // a summary alone is the text: no warning, the summary is the lead
    const teaser = entryToDraft(entry({ content: undefined, summary: { value: 'Only a teaser.', html: false } }), feed([]));
    expect(teaser.errors).toEqual([]);
    expect(teaser.draft).toMatchObject({ lead: 'Only a teaser.', body: [] });
  });

  it('makes a headline from the text of an item without a title, with a warning', () => {
    const text = 'Уряд ухвалив рішення щодо ст. 5 Закону про м. Київ у середу. Друге речення. Третє.';
    const { draft, errors } = entryToDraft(entry({ title: undefined, content: { value: text, html: false } }), feed([]));
    expect(errors.map(formatError)).toEqual(['f.xml:5: warning: item 1: no title; the headline is made from the text: "Уряд ухвалив рішення щодо ст. 5 Закону про м. Київ у середу"']);
    expect(draft).toMatchObject({ lang: 'uk', headline: 'Уряд ухвалив рішення щодо ст. 5 Закону про м. Київ у середу', lead: text });
    // a long first sentence is cut at a word; a first line that was the title line leaves the body
    const long = `${'word '.repeat(40)}end.`;
    expect(entryToDraft(entry({ title: undefined, content: { value: long, html: false } }), feed([])).draft?.headline).toMatch(/^(word ){20,}word…$/);
    const titled = entryToDraft(entry({ title: undefined, content: { value: 'GOLD PRICES - APR 7\nPrices rose. They did.', html: false } }), feed([]));
    expect(titled.draft).toMatchObject({ headline: 'GOLD PRICES - APR 7', lead: 'Prices rose. They did.', body: [] });
    // the title line of a paragraph (blank lines part the paragraphs, so its lines are joined)
    const reuters = entryToDraft(entry({ title: undefined, content: { value: 'FED REPORT - FEB 26\nTwo weeks ended Feb 25.\n\nMore.', html: false } }), feed([]));
    expect(reuters.draft).toMatchObject({ headline: 'FED REPORT - FEB 26', lead: 'Two weeks ended Feb 25.', body: [{ type: 'paragraph', content: [{ type: 'text', text: 'More.' }] }] });
  });

  it('wrong or missing dates: dated by the feed with a warning, or skipped when the feed has no date', () => {
    const withFeedDate = feed([], { updated: 'Wed, 22 Dec 2021 10:00:00 GMT' });
    const wrong = entryToDraft(entry({ published: '31 Feb 2021 10:00 GMT' }), withFeedDate);
    expect(wrong.draft?.publishedAt).toBe('2021-12-22T10:00:00Z');
    expect(wrong.errors.map(formatError)).toEqual([
      'f.xml:5: warning: item 1: unreadable date "31 Feb 2021 10:00 GMT": the day does not exist; dated by the feed: 2021-12-22T10:00:00Z',
    ]);
    const missing = entryToDraft(entry({ published: undefined }), feed([], { fileDate: '2024-05-06' }));
    expect(missing.draft?.publishedAt).toBe('2024-05-06');
    expect(missing.errors.map(formatError)).toEqual(['f.xml:5: warning: item 1: no date; dated by the feed: 2024-05-06']);
    const none = entryToDraft(entry({ published: 'yesterday' }), feed([]));
    expect(none.draft).toBeUndefined();
    expect(none.errors.map(formatError)).toEqual([
      'f.xml:5: item 1: unreadable date "yesterday": expected RFC 822 or ISO 8601, and the feed has no date of its own; skipped',
    ]);
  });

  it('keeps a date without a time as a date, and a later update', () => {
    const { draft } = entryToDraft(entry({ published: '2018-11-04', updated: '2018-11-05T10:00:00Z' }), feed([]));
    expect(draft).toMatchObject({ publishedAt: '2018-11-04', updatedAt: '2018-11-05T10:00:00Z' });
  });

  it('measures a body by a bound never under its JSON length (so only a body near the limit is serialised)', () => {
    const worst = '\u0001"\\\ud800\n</script>Слово ';
    const runs = [
      { type: 'text' as const, text: worst },
      { type: 'emphasis' as const, text: '', strong: true },
      { type: 'link' as const, text: worst, href: `https://example.org/?q=${worst}` },
    ];
    const bodies: Block[][] = [
      [],
      [{ type: 'paragraph', content: [] }],
      [{ type: 'heading', level: 2, text: '\u0001'.repeat(1000) }],
      [
        { type: 'paragraph', content: runs },
        { type: 'quote', content: runs, cite: worst },
        { type: 'heading', level: 3, text: worst },
        { type: 'list', ordered: true, items: [runs, [], runs] },
        { type: 'image', src: 'https://example.org/i.jpg', alt: worst, caption: worst, credit: worst, width: 123456789, height: 1e21 },
      ],
      Array.from({ length: 50 }, () => ({ type: 'image' as const, src: '/i', alt: '', width: -0.000001234, height: 9007199254740991 })),
    ];
    for (const body of bodies) expect(bodyJsonBound(body)).toBeGreaterThanOrEqual(JSON.stringify(body).length);
  });

  it('imports an item of several hundred KB, and skips one too big for a file', () => {
    const para = `<p>${'Слово '.repeat(80)}</p>`;
    const big = entryToDraft(entry({ content: { value: para.repeat(600), html: true } }), feed([]));
    expect(big.errors).toEqual([]);
    expect(JSON.stringify(big.draft?.body).length).toBeGreaterThan(300_000);
    const huge = entryToDraft(entry({ content: { value: para.repeat(2000), html: true } }), feed([]));
    expect(huge.draft).toBeUndefined();
    expect(huge.errors.map(formatError)[0]).toMatch(/^f\.xml:5: item 1: the text is \d+ KB: an article file must stay under 1 MB; skipped$/);
  });

  it('ids are stable: from the guid, else the link, else feed + headline + date', () => {
    expect(entryToDraft(entry(), feed([])).draft?.idSource).toBe('feed:https://desk.example/\u0000g-1');
    expect(entryToDraft(entry({ guid: undefined }), feed([])).draft?.idSource).toBe('feed:https://desk.example/a');
    expect(entryToDraft(entry({ guid: undefined, link: undefined }), feed([])).draft?.idSource).toBe(
      'feed:https://desk.example/\u0000A headline\u00002021-12-21T16:00:00+02:00',
    );
  });
});

describe('helpers', () => {
  it('leadAndBody: a summary cut from the first paragraph is that paragraph', () => {
    const body = [
      { type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'The whole first paragraph, longer.' }] },
      { type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'Second.' }] },
    ];
    expect(leadAndBody('The whole first…', body)).toEqual({ lead: 'The whole first paragraph, longer.', body: [body[1]] });
    expect(leadAndBody('A separate summary.', body)).toEqual({ lead: 'A separate summary.', body });
    expect(leadAndBody('', body)).toEqual({ lead: 'The whole first paragraph, longer.', body: [body[1]] });
  });
  it('categoryLabel: identifiers read as words', () => {
    expect(categoryLabel('us_election_2020')).toBe('us election 2020');
    expect(categoryLabel('  Тереза   Мей ')).toBe('Тереза Мей');
  });
  it('feedToDrafts counts items and skipped ones', () => {
    const r = feedToDrafts(feed([entry(), entry({ item: 2, title: undefined, content: undefined })], { broken: 1 }));
    expect(r).toMatchObject({ items: 3, skipped: 2 });
    expect(r.drafts).toHaveLength(1);
  });
});
