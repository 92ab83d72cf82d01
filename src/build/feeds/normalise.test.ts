import { describe, expect, it } from 'vitest';
import { cleanSpace, normaliseText, parseFeedDate, safeLink, unifyApostrophes } from './normalise.ts';

describe('parseFeedDate', () => {
  it('reads RFC 822 (RSS pubDate) with its offset or zone name', () => {
    expect(parseFeedDate('Tue, 21 Dec 2021 16:00:00 +0200')).toEqual({ iso: '2021-12-21T16:00:00+02:00' });
    expect(parseFeedDate('21 Dec 2021 14:00 GMT')).toEqual({ iso: '2021-12-21T14:00:00Z' });
    expect(parseFeedDate('Mon, 3 Jan 22 09:05:00 EST')).toEqual({ iso: '2022-01-03T09:05:00-05:00' });
  });

  it('reads ISO 8601 / RFC 3339 (Atom, JSON Feed, dc:date); a date without a time stays a date', () => {
    expect(parseFeedDate('2021-12-22T09:30:00+01:00')).toEqual({ iso: '2021-12-22T09:30:00+01:00' });
    expect(parseFeedDate('2021-12-22T09:30:00.123Z')).toEqual({ iso: '2021-12-22T09:30:00Z' });
    expect(parseFeedDate('2018-11-04')).toEqual({ iso: '2018-11-04' });
    expect(parseFeedDate(' 2021-12-22 09:30 ')).toEqual({ iso: '2021-12-22T09:30:00Z' });
  });

  it('says why a wrong date is unreadable', () => {
    expect(parseFeedDate('2021-02-30')).toEqual({ problem: 'unreadable date "2021-02-30": the day does not exist' });
    expect(parseFeedDate('Tue, 21 Dec 2021 25:00:00 GMT')).toMatchObject({ problem: expect.stringContaining('the time does not exist') });
    expect(parseFeedDate('21 Foo 2021 10:00 GMT')).toMatchObject({ problem: expect.stringContaining('unknown month') });
    expect(parseFeedDate('21 Dec 2021 10:00 XYZ')).toMatchObject({ problem: expect.stringContaining('unknown time zone') });
    expect(parseFeedDate('вчора')).toMatchObject({ problem: expect.stringContaining('expected RFC 822 or ISO 8601') });
    expect(parseFeedDate('')).toEqual({ problem: 'empty date' });
  });
});

describe('safeLink', () => {
  it('strips tracking parameters and keeps the others', () => {
    expect(safeLink('https://a.example/x?utm_source=rss&id=7&utm_campaign=c&fbclid=1&gclid=2')).toBe('https://a.example/x?id=7');
  });
  it('resolves relative links against the feed', () => {
    expect(safeLink('/story', 'https://a.example/feed')).toBe('https://a.example/story');
  });
  it('keeps mailto, drops javascript:, data:, vbscript: and credentials', () => {
    expect(safeLink('mailto:desk@a.example')).toBe('mailto:desk@a.example');
    expect(safeLink('javascript:alert(1)')).toBeUndefined();
    expect(safeLink(' JaVaScRiPt:alert(1)')).toBeUndefined();
    expect(safeLink('java\tscript:alert(1)')).toBeUndefined();
    expect(safeLink('data:text/html,<script>alert(1)</script>')).toBeUndefined();
    expect(safeLink('vbscript:x')).toBeUndefined();
    expect(safeLink('https://user:pw@a.example/')).toBeUndefined();
    expect(safeLink('')).toBeUndefined();
  });
});

describe('text', () => {
  it('unifies apostrophes inside Ukrainian words only', () => {
    expect(unifyApostrophes("прем'єр, м`ясо, сім‘я, пʼять")).toBe('прем’єр, м’ясо, сім’я, п’ять');
    expect(unifyApostrophes("it's 'quoted'")).toBe("it's 'quoted'");
    expect(normaliseText("прем'єр", 'en')).toBe("прем'єр");
    expect(normaliseText("прем'єр", 'uk')).toBe('прем’єр');
  });
  it('collapses whitespace, no-break and zero-width spaces', () => {
    expect(cleanSpace('  a \u00a0 b\u200b\n\tc  ')).toBe('a b c');
  });
});
