/**
 * Dates the way newsrooms show them: in the newsroom's zone (Europe/Kyiv)
 * whatever the reader's zone, through Intl only.
 *   uk: "21 грудня 2021, 16:00"   en: "21 December 2021, 16:00"
 * Fresh articles (under 10 hours) also get a relative time: "2 години тому".
 */
import type { Lang } from '../model/article.ts';

export const NEWSROOM_TIME_ZONE = 'Europe/Kyiv';
import { FRESH_FOR_MS } from './fresh.ts';

export { FRESH_FOR_MS };

const LOCALES: Record<Lang, string> = { uk: 'uk-UA', en: 'en-GB' };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A source gave only a day ("2021-12-21"): show it without a time. */
/** An ISO time in milliseconds; −Infinity when it cannot be read (it sorts as the oldest). */
export function timeOf(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
}

export function isDateOnly(iso: string): boolean {
  return DATE_ONLY.test(iso);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: Lang, kind: 'date' | 'time', timeZone: string): Intl.DateTimeFormat {
  const key = `${lang}|${kind}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      LOCALES[lang],
      kind === 'date'
        ? { timeZone, day: 'numeric', month: 'long', year: 'numeric' }
        : { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    );
    formatters.set(key, f);
  }
  return f;
}

/** "21 грудня 2021" / "21 December 2021" (no "р." suffix, month in the genitive). */
export function formatDate(iso: string, lang: Lang): string {
  const dateOnly = isDateOnly(iso);
  const instant = new Date(dateOnly ? `${iso}T12:00:00Z` : iso);
  const parts = formatter(lang, 'date', dateOnly ? 'UTC' : NEWSROOM_TIME_ZONE).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')}`;
}

/** "16:00" in Kyiv; empty for a date-only value. */
export function formatTime(iso: string, lang: Lang): string {
  if (isDateOnly(iso)) return '';
  return formatter(lang, 'time', NEWSROOM_TIME_ZONE).format(new Date(iso));
}

const formatted = new Map<string, string>();

/** "21 грудня 2021, 16:00", or just the date when the source gave no time. */
export function formatDateTime(iso: string, lang: Lang): string {
  const key = `${lang} ${iso}`;
  let text = formatted.get(key);
  if (text === undefined) {
    const time = formatTime(iso, lang);
    text = time ? `${formatDate(iso, lang)}, ${time}` : formatDate(iso, lang);
    formatted.set(key, text);
  }
  return text;
}

/**
 * The dates formatted so far, as [key, text] pairs, and a fresh start. A prerendered
 * page carries the ones it shows, and the client primes them before hydrating:
 * the first Intl.DateTimeFormat with a time zone costs about 50 ms of main thread
 * (200 ms on a throttled phone), which hydration then does not pay.
 */
export function takeFormattedDates(): [string, string][] {
  const entries = [...formatted];
  formatted.clear();
  return entries;
}

export function primeFormattedDates(entries: readonly (readonly [string, string])[]): void {
  for (const [key, text] of entries) if (typeof key === 'string' && typeof text === 'string') formatted.set(key, text);
}

/**
 * "2 години тому" for an article published less than 10 hours before `now`;
 * null otherwise (and for date-only values and future times).
 */
export function formatRelative(iso: string, lang: Lang, now: number, justNow: string): string | null {
  if (isDateOnly(iso)) return null;
  const age = now - Date.parse(iso);
  if (!(age >= 0 && age < FRESH_FOR_MS)) return null;
  const minutes = Math.floor(age / 60_000);
  if (minutes < 1) return justNow;
  const rtf = new Intl.RelativeTimeFormat(LOCALES[lang], { numeric: 'always' });
  return minutes < 60 ? rtf.format(-minutes, 'minute') : rtf.format(-Math.floor(minutes / 60), 'hour');
}

/** Newest first; date-only values count as midday Kyiv time. */
export function timeValue(iso: string): number {
  return Date.parse(isDateOnly(iso) ? `${iso}T12:00:00+02:00` : iso);
}
