import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatRelative, formatTime, isDateOnly, primeFormattedDates, takeFormattedDates } from './dates.ts';

describe('formatDateTime', () => {
  it('shows the seed timestamp in Kyiv time in both languages', () => {
    expect(formatDateTime('2021-12-21T16:00:00+02:00', 'uk')).toBe('21 грудня 2021, 16:00');
    expect(formatDateTime('2021-12-21T16:00:00+02:00', 'en')).toBe('21 December 2021, 16:00');
  });

  it('converts other offsets to Kyiv time', () => {
    // 09:00 in New York (UTC-5) is 16:00 in Kyiv (UTC+2) in winter
    expect(formatDateTime('2021-12-21T09:00:00-05:00', 'uk')).toBe('21 грудня 2021, 16:00');
    expect(formatDateTime('2021-12-21T22:30:00Z', 'en')).toBe('22 December 2021, 00:30');
  });

  it('follows the DST change: +02:00 in winter, +03:00 in summer', () => {
    // Kyiv moved to summer time at 03:00 on 27 March 2022 (00:00 UTC -> 03:00 local)
    expect(formatTime('2022-03-27T00:59:00Z', 'uk')).toBe('02:59');
    expect(formatTime('2022-03-27T01:00:00Z', 'uk')).toBe('04:00');
    // and back at 04:00 on 30 October 2022 (01:00 UTC -> 03:00 local)
    expect(formatTime('2022-10-30T00:30:00Z', 'en')).toBe('03:30');
    expect(formatTime('2022-10-30T01:30:00Z', 'en')).toBe('03:30');
    expect(formatDateTime('2022-07-01T12:00:00Z', 'uk')).toBe('1 липня 2022, 15:00');
  });

  it('keeps a date without a time as a date', () => {
    expect(isDateOnly('2021-12-21')).toBe(true);
    expect(formatDateTime('2021-12-21', 'uk')).toBe('21 грудня 2021');
    expect(formatDateTime('2021-01-01', 'en')).toBe('1 January 2021');
    expect(formatTime('2021-12-21', 'en')).toBe('');
  });

  it('uses the genitive month in Ukrainian', () => {
    expect(formatDate('2022-01-10T10:00:00+02:00', 'uk')).toBe('10 січня 2022');
    expect(formatDate('2022-05-03T10:00:00+03:00', 'uk')).toBe('3 травня 2022');
  });
});

describe('formatRelative', () => {
  const published = '2021-12-21T16:00:00+02:00';
  const at = (hours: number) => Date.parse(published) + hours * 3_600_000;

  it('is relative under 10 hours, in both languages', () => {
    expect(formatRelative(published, 'uk', at(2), 'щойно')).toBe('2 години тому');
    expect(formatRelative(published, 'uk', at(5), 'щойно')).toBe('5 годин тому');
    expect(formatRelative(published, 'uk', at(1), 'щойно')).toBe('1 годину тому');
    expect(formatRelative(published, 'en', at(2), 'just now')).toBe('2 hours ago');
    expect(formatRelative(published, 'uk', at(0.5), 'щойно')).toBe('30 хвилин тому');
    expect(formatRelative(published, 'uk', at(0), 'щойно')).toBe('щойно');
  });

  it('is absolute from 10 hours on, for future times and for dates without time', () => {
    expect(formatRelative(published, 'uk', at(10), 'щойно')).toBeNull();
    expect(formatRelative(published, 'uk', at(-1), 'щойно')).toBeNull();
    expect(formatRelative('2021-12-21', 'uk', at(1), 'щойно')).toBeNull();
  });
});

describe('dates a prerendered page carries', () => {
  it('hands over the dates formatted so far, and primed ones are used as they are', () => {
    takeFormattedDates();
    formatDateTime('2021-12-21T16:00:00+02:00', 'uk');
    formatDateTime('2021-12-21', 'en');
    expect(takeFormattedDates()).toEqual([
      ['uk 2021-12-21T16:00:00+02:00', '21 грудня 2021, 16:00'],
      ['en 2021-12-21', '21 December 2021'],
    ]);
    expect(takeFormattedDates()).toEqual([]);
    // the client trusts the page's text (it came from the same formatter) and skips Intl
    primeFormattedDates([['uk 2030-01-01T00:00:00Z', 'from the page']]);
    expect(formatDateTime('2030-01-01T00:00:00Z', 'uk')).toBe('from the page');
    // not pairs of strings: ignored
    primeFormattedDates([[1, 2] as unknown as [string, string]]);
    expect(formatDateTime('2030-01-02T00:00:00Z', 'uk')).toBe('2 січня 2030, 02:00');
  });
});
