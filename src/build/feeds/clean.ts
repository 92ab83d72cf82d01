/**
 * What the importer never lets through from a source, whatever the field
 * (headline, lead, body, alt text, author, topic, source name): one cleaning
 * step, applied where drafts are made (toDraft.ts for feeds, seed.ts for seed
 * texts), and the limits that keep one hostile item from growing the dataset
 * without bound. Pure.
 */
import { safeLink } from './normalise.ts';

/**
 * Characters no article text needs and some readers of it choke on:
 * - C0 controls but tab, line feed and carriage return (U+0001–U+0008, U+000B, U+000C,
 *   U+000E–U+001F), NUL, DEL and the C1 controls (U+007F–U+009F): not XML characters
 *   (the share image's SVG) or invisible junk;
 * - U+FFFE and U+FFFF: noncharacters, not XML either;
 * - bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069): they
 *   reorder the rest of a headline or page title ("Trojan Source");
 * - zero-width and invisible format characters (U+200B–U+200D, U+2060–U+2064, U+FEFF, U+00AD
 *   is kept: a soft hyphen is a real hint): they hide text inside words.
 */
const UNWANTED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufffe\uffff]/g;
const ANY_UNWANTED = new RegExp(UNWANTED.source);
/** A UTF-16 surrogate without its pair (a JSON Feed's "\ud800"). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ANY_SURROGATE = /[\ud800-\udfff]/;

/**
 * Text as the importer keeps it: the characters above removed (a zero-width space
 * between two words becomes a space, so the words stay apart), a lone surrogate
 * replaced by U+FFFD. Line breaks and tabs stay (paragraphs are split on them).
 */
export function cleanText(text: string): string {
  let t = text;
  if (ANY_UNWANTED.test(t)) t = t.replace(/\u200b/g, ' ').replace(UNWANTED, '');
  if (ANY_SURROGATE.test(t)) t = t.replace(LONE_SURROGATE, '\ufffd');
  return t;
}

/**
 * The most topics one feed item keeps from its categories: every topic an
 * article has is a topic page that lists it (in both languages, prerendered), so
 * an item with 20 000 categories would otherwise write 20 000 pages for itself.
 */
export const MAX_ITEM_TOPICS = 20;

/** The longest topic name kept, in characters (a topic's label, and its slug, come from it). */
export const MAX_TOPIC_NAME = 100;

/**
 * The most topics a summary (an entry of a list page: home, topic pages) repeats.
 * A summary is on every topic page of its article: were it to list all the
 * article's topics, the topic pages of one article would grow with the square of
 * their number.
 */
export const MAX_SUMMARY_TOPICS = 8;

/** How far ahead of the clock a date may be (time zones, a publisher's clock) before it is "in the future". */
export const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

const isoNow = (now: number): string => new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A date more than a day ahead of the clock (9999-12-31 would keep an item at
 * the top of every list for ever): undefined when `iso` is not in the future,
 * else the date to use instead — `fallback` (the feed's own date) when that is
 * not in the future, or now.
 */
export function notInFuture(iso: string, fallback?: string, now = Date.now()): string | undefined {
  const ahead = (d: string): boolean => Date.parse(d) > now + FUTURE_SLACK_MS;
  if (!ahead(iso)) return undefined;
  return fallback !== undefined && !Number.isNaN(Date.parse(fallback)) && !ahead(fallback) ? fallback : isoNow(now);
}

/**
 * A picture's address: a safe link (normalise.ts), and https — the site's
 * policy (CSP img-src) loads no http: image, and browsers upgrade such
 * images themselves when they load them at all.
 */
export function imageLink(href: string | undefined, base?: string): string | undefined {
  const url = safeLink(href, base);
  if (url === undefined || /^mailto:/i.test(url)) return undefined;
  return url.startsWith('http:') ? `https:${url.slice(5)}` : url;
}
