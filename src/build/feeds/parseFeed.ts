/** One feed file → its items (RSS and Atom by xml.ts, JSON Feed by jsonfeed.ts). */
import type { ParsedFeed } from './entry.ts';
import { parseJsonFeed } from './jsonfeed.ts';
import { parseXmlFeed } from './xml.ts';
import { type FeedFile, feedText } from '../sources/sources.ts';

export function parseFeed(feed: FeedFile): ParsedFeed {
  const text = feedText(feed);
  const parsed =
    feed.format === 'jsonfeed1.1' || feed.format === 'jsonfeed1.0'
      ? parseJsonFeed(text, feed.file, feed.format)
      : parseXmlFeed(text, feed.file, feed.format);
  return feed.modified !== undefined ? { ...parsed, fileDate: feed.modified } : parsed;
}
