/**
 * What every feed parser (RSS, Atom, JSON Feed) produces for one item, before
 * it becomes a Draft (toDraft.ts): the fields as the feed wrote them.
 */
import type { ImportError } from '../errors.ts';
import type { FeedFormat } from './detect.ts';

export interface FeedText {
  value: string;
  /** HTML (RSS description, content:encoded, Atom type="html|xhtml", content_html) or plain text */
  html: boolean;
}

export interface FeedEntry {
  /** 1-based position in the feed */
  item: number;
  /** 1-based line where it starts; 0 when unknown (one-line JSON) */
  line: number;
  title?: FeedText;
  link?: string;
  guid?: string;
  published?: string;
  updated?: string;
  author?: string;
  categories: string[];
  summary?: FeedText;
  content?: FeedText;
  /** the item's language (xml:lang, JSON Feed language) */
  lang?: string;
  /** a picture for the item (JSON Feed image, media/enclosure) */
  image?: string;
}

export interface ParsedFeed {
  file: string;
  format: FeedFormat;
  title?: string;
  link?: string;
  lang?: string;
  /** the feed's own date (lastBuildDate, updated…), for items whose date is unreadable */
  updated?: string;
  /** the feed file's own date (its modification day), when the feed states none */
  fileDate?: string;
  entries: FeedEntry[];
  errors: ImportError[];
  /** items that could not be read at all (counted as skipped) */
  broken: number;
}

/** `item 7: …` — messages about one item name it. */
export function itemMessage(item: number, message: string): string {
  return `item ${item}: ${message}`;
}
