/**
 * findRelated on two threads: this one and a helper (relatedWorker.ts). This
 * thread builds the finder's data once (finderData), its typed columns in
 * shared memory, and sends it over; each thread has a RelatedFinder of its own
 * over that one copy, and the two take chunks of articles from a counter in
 * shared memory until none are left, so the work splits itself by how much CPU
 * each thread gets — the search worker still has a core at first, and the
 * helper takes more once it is done. Each article's links are worked out
 * alone, so the result is exactly findRelated's. Node only.
 *
 * This thread stays synchronous (the import's related step is): the helper's
 * answers come over a MessagePort read with receiveMessageOnPort, and this
 * thread sleeps on the shared counter while it waits for the last of them.
 * When the helper fails — or stops answering for STALL_MS —, this thread finds
 * the links of the chunks it had taken itself.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import { V8_YOUNG_GENERATION_MB, tsWorker } from '../lib/tsWorker.ts';
import { type FinderData, MAX_RELATED, RelatedFinder, type RelatedInput, type RelatedLink, type RelatedResult, type UnresolvedPick, finderData, findRelated } from './related.ts';

/** Articles taken at a time. */
export const CHUNK = 64;
/** Fewer articles than this are done on this thread alone: a helper would cost more than it saves. */
export const PARALLEL_RELATED_ARTICLES = 5000;
/** A helper that has not finished a chunk for this long is given up on. */
const STALL_MS = 60_000;

/** Shared counters: the next article to take; the chunks the helper has answered (−1: it failed). */
const NEXT = 0;
export const ANSWERED = 1;

/** What the helper sends for each chunk it has done. */
export interface ChunkAnswer {
  first: number;
  links: RelatedLink[][];
  unresolved: UnresolvedPick[][];
}

/** What relatedWorker.ts gets as workerData; the finder's data comes over `port` once it is built. */
export interface HelperData {
  max: number;
  state: SharedArrayBuffer;
  port: MessagePort;
}

/** The same data with each typed array copied to shared memory: a finder on another thread reads the same copy. */
export function inSharedMemory({ ix, text }: FinderData): FinderData {
  const share = <T extends object>(columns: T): T => {
    const out: Record<string, unknown> = { ...(columns as Record<string, unknown>) };
    for (const [key, value] of Object.entries(out)) {
      if (!ArrayBuffer.isView(value) || value instanceof DataView) continue;
      const Typed = value.constructor as new (buffer: SharedArrayBuffer) => Int32Array;
      const copy = new Typed(new SharedArrayBuffer(value.byteLength));
      copy.set(value as Int32Array);
      out[key] = copy;
    }
    return out as T;
  };
  return { ix: share(ix), ...(text && { text: share(text) }) };
}

/** Takes the next chunk from the shared counter: its first article, or −1 when none are left. */
export function claim(state: Int32Array, n: number): number {
  const first = Atomics.add(state, NEXT, CHUNK);
  return first < n ? first : -1;
}

/** The links of chunk `first` of `n` articles, found by `finder`. */
export function chunkAnswer(finder: RelatedFinder, first: number, n: number): ChunkAnswer {
  const links: RelatedLink[][] = [];
  const unresolved: UnresolvedPick[][] = [];
  for (let i = first; i < Math.min(n, first + CHUNK); i++) {
    const own: UnresolvedPick[] = [];
    links.push(finder.linksFor(i, own));
    unresolved.push(own);
  }
  return { first, links, unresolved };
}

export interface ParallelOptions {
  /** fewer articles are done on this thread alone (default PARALLEL_RELATED_ARTICLES) */
  minArticles?: number;
  /** the helper's module (default relatedWorker.ts; tests give a failing one) */
  helper?: URL;
}

/** findRelated, shared with a helper thread when there are enough articles. */
export function findRelatedInParallel(
  articles: readonly RelatedInput[],
  max = MAX_RELATED,
  tick?: () => void,
  { minArticles = PARALLEL_RELATED_ARTICLES, helper: helperEntry = new URL('./relatedWorker.ts', import.meta.url) }: ParallelOptions = {},
): RelatedResult & { helped: number; redone: number } {
  const n = articles.length;
  if (n < minArticles) return { ...findRelated(articles, max, tick), helped: 0, redone: 0 };
  const state = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  // Started first, so it boots while this thread builds the data.
  const data: HelperData = { max, state: state.buffer as SharedArrayBuffer, port: port2 };
  const helper = tsWorker(helperEntry, {
    workerData: data,
    transferList: [port2],
    resourceLimits: { maxYoungGenerationSizeMb: V8_YOUNG_GENERATION_MB },
  });
  helper.on('error', () => {}); // seen through the shared counter; its chunks are then done here

  const links: Array<RelatedLink[] | undefined> = new Array<undefined>(n).fill(undefined);
  const unresolved: Array<UnresolvedPick[] | undefined> = new Array<undefined>(n).fill(undefined);
  const take = (answer: ChunkAnswer): void => {
    answer.links.forEach((l, k) => {
      links[answer.first + k] = l;
      unresolved[answer.first + k] = answer.unresolved[k];
    });
  };
  /** articles whose links the helper gave; articles it took and did not give */
  let helped = 0;
  let redone = 0;
  const drain = (): void => {
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
      const answer = m.message as ChunkAnswer;
      if (links[answer.first] !== undefined) continue;
      take(answer);
      helped += answer.links.length;
    }
  };
  try {
    const shared = inSharedMemory(finderData(articles, tick));
    port1.postMessage(shared);
    const finder = new RelatedFinder(shared, max);
    for (let first = claim(state, n); first >= 0; first = claim(state, n)) {
      tick?.();
      take(chunkAnswer(finder, first, n));
    }
    // Every chunk is taken: wait for the helper's, as long as it keeps answering.
    drain();
    let missing = links.indexOf(undefined);
    let seen = Atomics.load(state, ANSWERED);
    while (missing >= 0 && seen >= 0) {
      tick?.();
      if (Atomics.wait(state, ANSWERED, seen, STALL_MS) === 'timed-out') break;
      seen = Atomics.load(state, ANSWERED);
      drain();
      missing = links.indexOf(undefined, missing);
    }
    // What the helper took and did not give (it failed or stalled) is done here.
    for (let first = missing; first >= 0; first = links.indexOf(undefined, first)) {
      const answer = chunkAnswer(finder, first - (first % CHUNK), n);
      take(answer);
      redone += answer.links.length;
    }
  } finally {
    port1.close();
    void helper.terminate();
  }
  const result = new Map<string, RelatedLink[]>();
  articles.forEach((a, i) => result.set(a.id, links[i] ?? []));
  return { links: result, unresolved: unresolved.flatMap((u) => u ?? []), helped, redone };
}
