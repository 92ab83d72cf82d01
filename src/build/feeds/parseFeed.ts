/** One feed file → its items (RSS and Atom by xml.ts, JSON Feed by jsonfeed.ts). */
import { importError } from '../errors.ts';
import type { ParsedFeed } from './entry.ts';
import { parseJsonFeed } from './jsonfeed.ts';
import { parseXmlFeed } from './xml.ts';
import { type FeedFile, feedText } from '../sources/sources.ts';

/** Never throws for what a feed holds: what the parsers did not foresee is an error of this file alone, and the other files are read. */
export function parseFeed(feed: FeedFile): ParsedFeed {
  // a caller's mistake, not the feed's: that still throws
  if (typeof feed.text !== 'string') throw new TypeError(`parseFeed: ${feed.file} has no text`);
  let parsed: ParsedFeed;
  try {
    const text = feedText(feed);
    parsed =
      feed.format === 'jsonfeed1.1' || feed.format === 'jsonfeed1.0'
        ? parseJsonFeed(text, feed.file, feed.format)
        : parseXmlFeed(text, feed.file, feed.format);
  } catch (e) {
    const message = `cannot read the feed: ${e instanceof Error ? e.message : String(e)}`;
    parsed = { file: feed.file, format: feed.format, entries: [], errors: [importError(feed.file, 0, message)], broken: 0 };
  }
  return feed.modified !== undefined ? { ...parsed, fileDate: feed.modified } : parsed;
}
