import { describe, expect, it } from 'vitest';
import { isValidLocalDateTime, kyivLocalToIso, kyivOffsetMinutes } from './kyivTime.ts';

describe('kyivLocalToIso', () => {
  it('uses +02:00 in winter', () => {
    expect(kyivLocalToIso(2021, 12, 21, 16, 0)).toBe('2021-12-21T16:00:00+02:00');
    expect(kyivLocalToIso(2022, 1, 1, 0, 5)).toBe('2022-01-01T00:05:00+02:00');
  });

  it('uses +03:00 in summer', () => {
    expect(kyivLocalToIso(2021, 7, 15, 9, 30)).toBe('2021-07-15T09:30:00+03:00');
  });

  it('the ISO result is the same instant as the Kyiv wall time', () => {
    const iso = kyivLocalToIso(2021, 12, 21, 16, 0);
    expect(new Date(iso).toISOString()).toBe('2021-12-21T14:00:00.000Z');
  });

  describe('spring change (last Sunday of March, 03:00 → 04:00)', () => {
    it('is winter time just before and summer time just after', () => {
      expect(kyivLocalToIso(2021, 3, 28, 2, 59)).toBe('2021-03-28T02:59:00+02:00');
      expect(kyivLocalToIso(2021, 3, 28, 4, 0)).toBe('2021-03-28T04:00:00+03:00');
    });
    it('moves a time inside the gap forward by an hour', () => {
      expect(kyivLocalToIso(2021, 3, 28, 3, 0)).toBe('2021-03-28T04:00:00+03:00');
      expect(kyivLocalToIso(2021, 3, 28, 3, 30)).toBe('2021-03-28T04:30:00+03:00');
    });
  });

  describe('autumn change (last Sunday of October, 04:00 → 03:00)', () => {
    it('reads a repeated time as the earlier instant (summer time)', () => {
      expect(kyivLocalToIso(2021, 10, 31, 3, 30)).toBe('2021-10-31T03:30:00+03:00');
    });
    it('is summer time before and winter time after the overlap', () => {
      expect(kyivLocalToIso(2021, 10, 31, 2, 59)).toBe('2021-10-31T02:59:00+03:00');
      expect(kyivLocalToIso(2021, 10, 31, 4, 0)).toBe('2021-10-31T04:00:00+02:00');
    });
  });

  it('rejects dates and times that do not exist in any calendar', () => {
    expect(() => kyivLocalToIso(2021, 13, 32, 16, 0)).toThrow(RangeError);
    expect(() => kyivLocalToIso(2021, 12, 21, 25, 0)).toThrow(RangeError);
    expect(() => kyivLocalToIso(2021, 2, 29, 12, 0)).toThrow(RangeError);
  });
});

describe('isValidLocalDateTime', () => {
  it('knows leap years and month lengths', () => {
    expect(isValidLocalDateTime(2024, 2, 29, 0, 0)).toBe(true);
    expect(isValidLocalDateTime(2023, 2, 29, 0, 0)).toBe(false);
    expect(isValidLocalDateTime(2021, 4, 31, 0, 0)).toBe(false);
    expect(isValidLocalDateTime(2021, 12, 31, 23, 59)).toBe(true);
    expect(isValidLocalDateTime(2021, 12, 31, 23, 60)).toBe(false);
  });
});

describe('kyivOffsetMinutes', () => {
  it('gives the offset at an instant', () => {
    expect(kyivOffsetMinutes(Date.UTC(2021, 0, 1))).toBe(120);
    expect(kyivOffsetMinutes(Date.UTC(2021, 6, 1))).toBe(180);
  });
});
