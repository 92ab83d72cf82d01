/**
 * Feed files parsed on a worker thread (parseInWorkers.ts sends them): each
 * request is a FeedFile, each answer its feedToDrafts() result, each draft with
 * its facts (Draft.facts) worked out here rather than on the main thread.
 */
import { serve } from '../lib/workers.ts';
import { draftFacts } from '../enrich/enrich.ts';
import type { FeedFile } from '../sources/sources.ts';
import { parseFeed } from './parseFeed.ts';
import { type FeedDrafts, feedToDrafts } from './toDraft.ts';

serve((feed: FeedFile): FeedDrafts => {
  const parsed = feedToDrafts(parseFeed(feed));
  for (const d of parsed.drafts) d.facts = draftFacts(d);
  return parsed;
});
