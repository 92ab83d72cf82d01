/**
 * One feed item → a Draft (the record every importer produces), normalised:
 * text (whitespace, NFC, Ukrainian apostrophes), HTML through the allow-list
 * (html.ts), links (http/https/mailto, no tracking parameters), dates, topics
 * from categories/tags. Pure.
 *
 * Skipped, with the reason: no title; no text (neither content nor summary);
 * an article too big for one file; no readable date when the feed has none
 * either. An unreadable or missing date is a warning: the item is dated by its
 * feed — the feed's own date (lastBuildDate, pubDate, updated), else the day
 * the feed file was last modified (docs/DATA.md).
 */
import type { Block, Inline, Lang, Source } from '../../core/model/article.ts';
import { type Draft, type Located } from './draft.ts';
import { type ImportError, importError, importWarning, quote } from '../errors.ts';
import type { FeedEntry, ParsedFeed } from './entry.ts';
import { itemMessage } from './entry.ts';
import { htmlToBlocks, htmlToText, textToBlocks } from './html.ts';
import { cleanSpace, normaliseText, parseFeedDate, safeLink } from './normalise.ts';
import { MAX_ITEM_TOPICS, MAX_TOPIC_NAME, cleanText, imageLink, notInFuture } from './clean.ts';
import { headlineFromText, leadAndBody } from './paragraphs.ts';

export { leadAndBody };

/** An article file must stay under 1 MB: its body may take this much JSON. */
export const MAX_BODY_JSON = 900_000;

/** The most characters JSON gives one UTF-16 unit (\u0001). */
const ESCAPED = 6;
/** More characters than a block, run or list item takes in JSON besides its strings (keys, numbers and all). */
const NODE_JSON = 200;

/**
 * At least as long as JSON.stringify(blocks): strings at their longest escaped,
 * each block, run and list item at NODE_JSON. Most bodies are far under the
 * limit by this count, so they need not be serialised to be measured.
 */
export function bodyJsonBound(blocks: readonly Block[]): number {
  let n = 2;
  const text = (s: string | undefined): void => {
    if (s !== undefined) n += ESCAPED * s.length + 2;
  };
  const runs = (content: readonly Inline[]): void => {
    n += NODE_JSON;
    for (const r of content) {
      n += NODE_JSON;
      text(r.text);
      if (r.type === 'link') text(r.href);
    }
  };
  for (const b of blocks) {
    n += NODE_JSON;
    switch (b.type) {
      case 'paragraph':
        runs(b.content);
        break;
      case 'quote':
        runs(b.content);
        text(b.cite);
        break;
      case 'heading':
        text(b.text);
        break;
      case 'list':
        for (const item of b.items) runs(item);
        break;
      case 'image':
        text(b.src);
        text(b.alt);
        text(b.caption);
        text(b.credit);
        break;
    }
  }
  return n;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

export function feedLang(declared: string | undefined, sample: string): Lang {
  const d = declared?.trim().toLowerCase();
  if (d?.startsWith('uk')) return 'uk';
  if (d?.startsWith('en')) return 'en';
  return CYRILLIC.test(sample) ? 'uk' : 'en';
}

/** A category as a topic label: "us_election_2020" → "us election 2020"; HTML and extra spaces gone. */
export function categoryLabel(raw: string): string {
  const t = cleanSpace(htmlToText(raw));
  return /^[\p{L}\p{N}]+(_[\p{L}\p{N}]+)+$/u.test(t) ? t.replace(/_/g, ' ') : t;
}

function blockText(b: Block): string {
  switch (b.type) {
    case 'paragraph':
    case 'quote':
      return b.content.map((r) => r.text).join('');
    case 'heading':
      return b.text;
    case 'list':
      return b.items.map((i) => i.map((r) => r.text).join('')).join(' ');
    case 'image':
      return b.alt;
  }
}

export interface ItemResult {
  draft?: Draft;
  errors: ImportError[];
}

export function entryToDraft(e: FeedEntry, feed: ParsedFeed): ItemResult {
  const { file } = feed;
  const errors: ImportError[] = [];
  const error = (message: string): ItemResult => ({ errors: [...errors, importError(file, e.line, itemMessage(e.item, message))] });
  const warn = (message: string): void => {
    errors.push(importWarning(file, e.line, itemMessage(e.item, message)));
  };

  const rawTitle = e.title ? (e.title.html || /<[a-z!/]/i.test(e.title.value) ? htmlToText(e.title.value) : e.title.value) : '';
  const lang = feedLang(e.lang ?? feed.lang, rawTitle || (e.content ?? e.summary)?.value.slice(0, 2000) || '');
  const fix = (s: string): string => normaliseText(cleanText(s), lang);
  let headline = cleanSpace(fix(rawTitle));

  const base = safeLink(feed.link) ?? undefined;
  const url = safeLink(e.link, base);
  if (e.link !== undefined && url === undefined) warn(`link ${quote(e.link)} is not an http(s) address; left out`);

  // text
  const fromHtml = (html: string): Block[] => htmlToBlocks(html, { base: url ?? base, text: fix });
  let blocks: Block[] = e.content ? (e.content.html ? fromHtml(e.content.value) : textToBlocks(e.content.value, fix)) : [];
  let summary = e.summary ? cleanSpace(fix(e.summary.html ? htmlToText(e.summary.value) : e.summary.value)) : '';
  if (blocks.length === 0 && e.summary) {
    // only a description: it is the text
    blocks = e.summary.html ? fromHtml(e.summary.value) : textToBlocks(e.summary.value, fix);
    summary = '';
  }
  const image = imageLink(e.image, base);
  if (image !== undefined && !blocks.some((b) => b.type === 'image')) blocks.unshift({ type: 'image', src: image, alt: '' });
  if (headline === '') {
    // no title: made from the text's first line or sentence (paragraphs.ts)
    const firstLine = e.content && !e.content.html ? cleanSpace(fix(e.content.value.trim().split('\n')[0] ?? '')) : '';
    const made = headlineFromText(blocks, firstLine);
    if (made === undefined) return error('no title and no text; skipped');
    ({ headline, blocks } = made);
    warn(`no title; the headline is made from the text: ${quote(headline)}`);
  }
  const { lead, body } = leadAndBody(summary, blocks);
  if (lead === '' && !body.some((b) => b.type !== 'image' && blockText(b).trim() !== '')) {
    if (url === undefined) return error('no text (neither content nor summary) and no link to it; skipped');
    warn('no text (neither content nor summary); kept as a link to the source');
  }
  const size = bodyJsonBound(body) <= MAX_BODY_JSON ? 0 : JSON.stringify(body).length;
  if (size > MAX_BODY_JSON) return error(`the text is ${Math.round(size / 1024)} KB: an article file must stay under 1 MB; skipped`);

  // dates
  const feedDate = feed.updated !== undefined ? parseFeedDate(feed.updated) : undefined;
  const feedIso = feedDate && 'iso' in feedDate ? feedDate.iso : feed.fileDate;
  let publishedAt: string;
  const given = e.published ?? e.updated;
  const parsed = given !== undefined ? parseFeedDate(given) : undefined;
  if (parsed && 'iso' in parsed) publishedAt = parsed.iso;
  else {
    const why = parsed && 'problem' in parsed ? parsed.problem : 'no date';
    if (feedIso === undefined) return error(`${why}, and the feed has no date of its own; skipped`);
    warn(`${why}; dated by the feed: ${feedIso}`);
    publishedAt = feedIso;
  }
  const present = notInFuture(publishedAt, feedIso);
  if (present !== undefined) {
    warn(`date ${publishedAt} is in the future; dated ${present}`);
    publishedAt = present;
  }
  let updatedAt: string | undefined;
  if (e.updated !== undefined && e.published !== undefined) {
    const u = parseFeedDate(e.updated);
    if ('iso' in u) {
      if (Date.parse(u.iso) > Date.parse(publishedAt) && notInFuture(u.iso) === undefined) updatedAt = u.iso;
    } else warn(`updated: ${u.problem}; left out`);
  }

  // who
  const author = e.author !== undefined ? cleanSpace(fix(htmlToText(e.author))) : '';
  const sourceUrl = safeLink(feed.link);
  let sourceName = feed.title !== undefined ? cleanSpace(cleanText(htmlToText(feed.title))) : '';
  if (sourceName === '' && sourceUrl !== undefined) sourceName = new URL(sourceUrl).hostname;
  const source: Source = { name: sourceName === '' ? 'Kontekst' : sourceName, ...(sourceUrl !== undefined && { url: sourceUrl }) };

  // topics
  const seen = new Set<string>();
  const topics: Located[] = [];
  for (const c of e.categories) {
    const label = fix(categoryLabel(c)).slice(0, MAX_TOPIC_NAME).trim();
    if (label === '' || seen.has(label)) continue;
    if (topics.length === MAX_ITEM_TOPICS) {
      warn(`${e.categories.length} categories: only the first ${MAX_ITEM_TOPICS} topics are kept`);
      break;
    }
    seen.add(label);
    topics.push({ value: label, file, line: e.line });
  }

  const guid = e.guid !== undefined ? cleanSpace(e.guid) : undefined;
  // A guid is unique only within its publisher's feed: it is keyed by the feed's site (else its title, else where it was read).
  const publisher = sourceUrl ?? (sourceName || file);
  const key = guid ? `${publisher}\u0000${guid}` : url || `${feed.link ?? ''}\u0000${headline}\u0000${publishedAt}`;
  const idSource = `feed:${key}`;
  const draft: Draft = {
    file,
    item: e.item,
    line: e.line,
    ...(guid ? { guid } : {}),
    ref: `${file}#${e.item}`,
    idSource,
    lang,
    headline,
    publishedAt,
    ...(updatedAt !== undefined && { updatedAt }),
    source,
    ...(author !== '' && { author }),
    ...(url !== undefined && { url }),
    lead,
    body,
    context: [],
    topics,
    picks: [],
  };
  return { draft, errors };
}

/** Every item of a parsed feed → drafts, with the feed's own problems. */
/** A feed's items as drafts, with what went wrong and how many items it had. */
export type FeedDrafts = { drafts: Draft[]; errors: ImportError[]; items: number; skipped: number };

export function feedToDrafts(feed: ParsedFeed): FeedDrafts {
  const drafts: Draft[] = [];
  const errors = [...feed.errors];
  for (const entry of feed.entries) {
    const r = itemToDraft(entry, feed);
    for (const e of r.errors) errors.push(e);
    if (r.draft) drafts.push(r.draft);
  }
  // A feed that could not be read at all (not JSON, no item to salvage) counts as one source skipped.
  const unreadable = feed.entries.length + feed.broken === 0 && feed.errors.some((e) => !e.warning);
  const items = unreadable ? 1 : feed.entries.length + feed.broken;
  return { drafts, errors, items, skipped: items - drafts.length };
}

/** entryToDraft, with anything it did not foresee an error of that item alone. */
function itemToDraft(entry: FeedEntry, feed: ParsedFeed): ItemResult {
  try {
    return entryToDraft(entry, feed);
  } catch (e) {
    return { errors: [importError(feed.file, entry.line, itemMessage(entry.item, `cannot read the item (${e instanceof Error ? e.message : String(e)}); skipped`))] };
  }
}
