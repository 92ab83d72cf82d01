/**
 * Feed files parsed in a worker thread (parseInWorkers.ts sends them): each
 * message is a FeedFile, each answer its feedToDrafts() result, each draft with
 * its facts (Draft.facts) worked out here rather than on the main thread.
 */
import { parentPort } from 'node:worker_threads';
import { parseFeed } from '../pipeline.ts';
import type { FeedFile } from '../sources/sources.ts';
import { draftFacts } from '../enrich/enrich.ts';
import { feedToDrafts } from './toDraft.ts';

parentPort?.on('message', (feed: FeedFile) => {
  const parsed = feedToDrafts(parseFeed(feed));
  for (const d of parsed.drafts) d.facts = draftFacts(d);
  parentPort?.postMessage(parsed);
});
