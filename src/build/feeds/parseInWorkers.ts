/**
 * Feed files → drafts on worker threads, several files at once (one per core
 * by default, each worker with its next file sent ahead so it never waits for
 * this thread), each file's result the same as feedToDrafts(parseFeed(feed)) on
 * the main thread. Results come back in the order of the files. Cloning the
 * drafts back also drops the feed's text: a draft's strings would otherwise
 * be slices that keep the whole file alive.
 */
import { availableParallelism } from 'node:os';
import { type Thread, startThread } from '../lib/workers.ts';
import type { Block, Inline } from '../../core/model/article.ts';
import type { Located } from './draft.ts';
import { type FeedFile, releaseFeed } from '../sources/sources.ts';
import type { FeedDrafts } from './toDraft.ts';

/**
 * One copy of each string that drafts repeat — block and run types, language,
 * file, source, topic names — kept in `seen`. Structured cloning gives every
 * draft from a worker copies of its own (a million "paragraph"s, ≈60 MB at
 * 100 000 articles, held to the end of the import). Gives `parsed`, changed in place.
 */
export function shareStrings(parsed: FeedDrafts, seen: Map<string, string>): FeedDrafts {
  const one = <T extends string | undefined>(text: T): T => {
    if (text === undefined) return text;
    const kept = seen.get(text);
    if (kept !== undefined) return kept as T;
    seen.set(text, text);
    return text;
  };
  const runs = (content: Inline[]): void => {
    for (const run of content) run.type = one(run.type);
  };
  const blocks = (list: Block[]): void => {
    for (const b of list) {
      b.type = one(b.type);
      if (b.type === 'paragraph' || b.type === 'quote') runs(b.content);
      else if (b.type === 'list') for (const item of b.items) runs(item);
    }
  };
  const located = (list: Located[]): void => {
    for (const l of list) {
      l.file = one(l.file);
      l.value = one(l.value);
    }
  };
  for (const d of parsed.drafts) {
    d.file = one(d.file);
    d.lang = one(d.lang);
    d.source.name = one(d.source.name);
    if (d.source.url !== undefined) d.source.url = one(d.source.url);
    blocks(d.body);
    blocks(d.context);
    located(d.topics);
    located(d.picks);
    if (d.translationOf) d.translationOf.file = one(d.translationOf.file);
  }
  return parsed;
}

/**
 * Parse `feeds` on up to `threads` workers; `done(k)` is called for each as it
 * finishes. When a worker fails, no more files go to workers: its file, the one
 * sent ahead to it and the files left are `undefined` in the result, for the
 * caller to parse in line. A feed's text is emptied once its drafts are back.
 */
export async function parseInWorkers(
  feeds: readonly FeedFile[],
  done: (k: number) => void = () => {},
  threads = Math.min(availableParallelism(), 4),
): Promise<Array<FeedDrafts | undefined>> {
  const results: Array<FeedDrafts | undefined> = new Array(feeds.length).fill(undefined);
  let next = 0;
  let failed = false;
  const workers: Array<Thread<FeedFile, FeedDrafts>> = [];
  const seen = new Map<string, string>();
  const run = async (): Promise<void> => {
    if (next >= feeds.length) return;
    const worker = startThread<FeedFile, FeedDrafts>(new URL('./parseWorker.ts', import.meta.url));
    workers.push(worker);
    const send = (): { k: number; answer: Promise<FeedDrafts> } | undefined => {
      if (failed || next >= feeds.length) return undefined;
      const k = next++;
      const answer = worker.request(feeds[k] as FeedFile);
      answer.catch(() => {}); // a file sent ahead may never be awaited (below)
      return { k, answer };
    };
    // One file sent ahead: the worker parses it while this thread takes in the drafts of the one before.
    for (let current = send(); current; ) {
      const ahead = send();
      try {
        results[current.k] = shareStrings(await current.answer, seen);
      } catch {
        failed = true;
        return;
      }
      releaseFeed(feeds[current.k] as FeedFile);
      done(current.k);
      current = ahead;
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(threads, feeds.length)) }, run));
    return results;
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
}
