/**
 * JSON Feed 1.1 and 1.0 (https://jsonfeed.org/version/1.1) → FeedEntry records.
 * Pure. A feed that is not JSON is reported with its line; an item that is not
 * an object is reported and skipped; wrong field types are left out with a warning.
 */
import { type ImportError, importError, importWarning } from '../errors.ts';
import { parseJson } from '../schemaIssues.ts';
import type { FeedFormat } from './detect.ts';
import { type FeedEntry, type ParsedFeed, itemMessage } from './entry.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() !== '' ? x : typeof x === 'number' ? String(x) : undefined);

function authorName(x: unknown): string | undefined {
  if (isObj(x)) return str(x.name);
  return undefined;
}

/** 1-based lines where each item starts, when the feed is laid out one item per line or more. */
function itemLines(text: string, count: number): number[] {
  const at = text.search(/"items"\s*:\s*\[/);
  if (at < 0 || !text.includes('\n')) return [];
  const lines: number[] = [];
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  let depth = 0;
  let inString = false;
  for (let i = text.indexOf('[', at) + 1; i < text.length && lines.length < count; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (depth === 0) lines.push(line);
      depth++;
    } else if (c === 125 || c === 93) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && c > 32 && c !== 44) lines.push(line); // a string or number item
  }
  return lines;
}

export function parseJsonFeed(text: string, file: string, format: FeedFormat): ParsedFeed {
  const json = parseJson(text, file);
  if (json.errors.length > 0) return { file, format, entries: [], errors: json.errors, broken: 0 };
  const feed = json.value;
  if (!isObj(feed)) return { file, format, entries: [], errors: [importError(file, 0, 'not a JSON Feed: expected an object')], broken: 0 };
  const errors: ImportError[] = [];
  if (!Array.isArray(feed.items)) {
    return { file, format, entries: [], errors: [importError(file, 0, 'not a JSON Feed: "items" must be an array')], broken: 0 };
  }
  const items: unknown[] = feed.items;
  const lines = itemLines(text, items.length);
  const feedAuthor = authorName(Array.isArray(feed.authors) ? feed.authors[0] : feed.author);
  const entries: FeedEntry[] = [];
  let broken = 0;
  items.forEach((item, k) => {
    const n = k + 1;
    const line = lines[k] ?? 0;
    if (!isObj(item)) {
      broken++;
      errors.push(importError(file, line, itemMessage(n, 'an item must be an object; skipped')));
      return;
    }
    const tags = Array.isArray(item.tags) ? item.tags : [];
    if (item.tags !== undefined && !Array.isArray(item.tags)) errors.push(importWarning(file, line, itemMessage(n, '"tags" is not an array; left out')));
    const html = str(item.content_html);
    const plain = str(item.content_text);
    entries.push({
      item: n,
      line,
      title: str(item.title) !== undefined ? { value: str(item.title) ?? '', html: false } : undefined,
      link: str(item.url) ?? str(item.external_url),
      guid: str(item.id),
      published: str(item.date_published),
      updated: str(item.date_modified),
      author: authorName(Array.isArray(item.authors) ? item.authors[0] : item.author) ?? feedAuthor,
      categories: tags.flatMap((t) => (typeof t === 'string' ? [t] : [])),
      summary: str(item.summary) !== undefined ? { value: str(item.summary) ?? '', html: false } : undefined,
      content: html !== undefined ? { value: html, html: true } : plain !== undefined ? { value: plain, html: false } : undefined,
      lang: str(item.language),
      image: str(item.image) ?? str(item.banner_image),
    });
  });
  return {
    file,
    format,
    title: str(feed.title),
    link: str(feed.home_page_url),
    lang: str(feed.language),
    entries,
    errors,
    broken,
  };
}
