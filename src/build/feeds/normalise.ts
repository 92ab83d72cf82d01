/**
 * Normalising what feeds give: whitespace, Ukrainian apostrophes, links
 * (http/https/mailto only, tracking parameters stripped) and dates. Pure.
 */
import type { Lang } from '../../core/model/article.ts';
import { SAFE_URL } from '../../core/model/article.ts';

/** Runs of whitespace (including no-break and zero-width spaces) become one space. */
export function cleanSpace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\u2028\u2029\ufeff]+/g, ' ').trim();
}

/** The apostrophe Ukrainian text is written with here: U+2019, the typographic one. */
export const UK_APOSTROPHE = '\u2019';
/** ' ` ‘ ’ ʼ between two Cyrillic letters (прем'єр, м`ясо) → ’. */
const APOSTROPHE_IN_WORD = /(?<=\p{Script=Cyrillic})['`\u2018\u2019\u02bc](?=\p{Script=Cyrillic})/gu;

const APOSTROPHE = /['`\u2018\u2019\u02bc]/;

export function unifyApostrophes(text: string): string {
  // the look-behind pattern is slow to run over text that has no apostrophe at all
  return APOSTROPHE.test(text) ? text.replace(APOSTROPHE_IN_WORD, UK_APOSTROPHE) : text;
}

/** A piece of text as an article shows it: NFC, single spaces, apostrophes unified in Ukrainian. */
export function normaliseText(text: string, lang: Lang): string {
  const t = text.normalize('NFC');
  return lang === 'uk' ? unifyApostrophes(t) : t;
}

const TRACKING = /^(utm_.*|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|_ga|igshid)$/i;

/**
 * A link safe to publish: resolved against `base`, http(s) or mailto only,
 * tracking parameters removed; undefined for anything else (javascript:, data:, …).
 */
export function safeLink(href: string | undefined, base?: string): string | undefined {
  if (href === undefined) return undefined;
  const raw = href.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (raw === '') return undefined;
  if (/^mailto:/i.test(raw)) return SAFE_URL.test(raw) ? raw : undefined;
  let url: URL;
  try {
    url = base !== undefined ? new URL(raw, base) : new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  const out = url.href;
  return SAFE_URL.test(out) ? out : undefined;
}

// ---- dates ------------------------------------------------------------------

export type FeedDate = { iso: string } | { problem: string };

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const ZONES: Readonly<Record<string, number>> = {
  gmt: 0, ut: 0, utc: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function validDay(y: number, mo: number, d: number): boolean {
  if (y < 1000 || y > 9999 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

function dateTime(y: number, mo: number, d: number, h: number, mi: number, s: number, offset: number, raw: string): FeedDate {
  if (!validDay(y, mo, d)) return { problem: `unreadable date ${JSON.stringify(raw)}: the day does not exist` };
  if (h > 23 || mi > 59 || s > 60) return { problem: `unreadable date ${JSON.stringify(raw)}: the time does not exist` };
  if (Math.abs(offset) > 14 * 60) return { problem: `unreadable date ${JSON.stringify(raw)}: the time zone does not exist` };
  return { iso: `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(Math.min(s, 59))}${offsetText(offset)}` };
}

const ISO_DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const RFC_822 = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,5})?$/;

function zoneMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === '') return 0; // a time without a zone is read as UTC
  if (/^[zZ]$/.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  return ZONES[zone.toLowerCase()];
}

/**
 * A feed date: ISO 8601 / RFC 3339 (Atom, JSON Feed, dc:date) or RFC 822 (RSS pubDate).
 * A date without a time stays a date ("2018-11-04"); a time keeps its offset.
 */
export function parseFeedDate(input: string): FeedDate {
  const raw = cleanSpace(input);
  if (raw === '') return { problem: 'empty date' };
  let m = ISO_DATE_ONLY.exec(raw);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDay(y, mo, d) ? { iso: raw } : { problem: `unreadable date ${JSON.stringify(raw)}: the day does not exist` };
  }
  m = ISO_DATE_TIME.exec(raw);
  if (m) {
    const offset = zoneMinutes(m[7]);
    if (offset === undefined) return { problem: `unreadable date ${JSON.stringify(raw)}: unknown time zone` };
    return dateTime(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), offset, raw);
  }
  m = RFC_822.exec(raw);
  if (m) {
    const month = MONTHS[(m[2] ?? '').slice(0, 3).toLowerCase()];
    const offset = zoneMinutes(m[7]);
    if (month === undefined) return { problem: `unreadable date ${JSON.stringify(raw)}: unknown month` };
    if (offset === undefined) return { problem: `unreadable date ${JSON.stringify(raw)}: unknown time zone ${JSON.stringify(m[7])}` };
    let year = Number(m[3]);
    if ((m[3] ?? '').length === 2) year += year < 50 ? 2000 : 1900;
    return dateTime(year, month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), offset, raw);
  }
  return { problem: `unreadable date ${JSON.stringify(raw.length > 40 ? `${raw.slice(0, 39)}…` : raw)}: expected RFC 822 or ISO 8601` };
}
