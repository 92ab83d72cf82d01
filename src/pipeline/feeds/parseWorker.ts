/**
 * Feed files parsed in a worker thread (parseInWorkers.ts sends them): each
 * message is a FeedFile, each answer its feedToDrafts() result.
 */
import { parentPort } from 'node:worker_threads';
import { parseFeed } from '../build.ts';
import type { FeedFile } from '../sources.ts';
import { feedToDrafts } from './toDraft.ts';

parentPort?.on('message', (feed: FeedFile) => {
  parentPort?.postMessage(feedToDrafts(parseFeed(feed)));
});
