/**
 * findRelated on two threads: this one and a helper (relatedWorker.ts). This
 * thread builds the finder's data once (finderData), its typed columns in
 * shared memory, and sends it over; each thread has a RelatedFinder of its own
 * over that one copy. Chunks of articles are dealt out here: the helper always
 * has AHEAD of them asked of it, this thread does the others, one at a time,
 * letting the event loop run between them (the helper's answers come in, and
 * other threads of the import — the search index — are fed), so the work
 * splits itself by how much CPU each thread gets. Each article's links are
 * worked out alone, so the result is exactly findRelated's. Node only.
 *
 * When the helper fails — or does not answer a chunk for STALL_MS —, this
 * thread finds the links of the chunks it had been given.
 */
import { V8_YOUNG_GENERATION_MB, startThread, turn } from '../lib/workers.ts';
import { type FinderData, MAX_RELATED, RelatedFinder, type RelatedInput, type RelatedLink, type RelatedResult, type UnresolvedPick, finderData, findRelated } from './related.ts';

/** Articles taken at a time. */
export const CHUNK = 64;
/** Fewer articles than this are done on this thread alone: a helper would cost more than it saves. */
export const PARALLEL_RELATED_ARTICLES = 5000;
/** A helper that has not finished a chunk for this long is given up on. */
const STALL_MS = 60_000;

/** Chunks asked of the helper before it has answered: one being done, one waiting. */
const AHEAD = 2;

/** What the helper sends for each chunk it has done. */
export interface ChunkAnswer {
  first: number;
  links: RelatedLink[][];
  unresolved: UnresolvedPick[][];
}

/** What the helper is asked: first the finder's data (answered with null), then chunks by their first article. */
export type HelperRequest = { data: FinderData; max: number } | { first: number };

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

/** A promise that rejects after `ms` when `p` has not settled by then. */
function within<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    timer.unref();
    p.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/** findRelated, shared with a helper thread when there are enough articles. */
export async function findRelatedInParallel(
  articles: readonly RelatedInput[],
  max = MAX_RELATED,
  { minArticles = PARALLEL_RELATED_ARTICLES, helper: helperEntry = new URL('./relatedWorker.ts', import.meta.url) }: ParallelOptions = {},
): Promise<RelatedResult & { helped: number; redone: number }> {
  const n = articles.length;
  if (n < minArticles) return { ...findRelated(articles, max), helped: 0, redone: 0 };
  // Started first, so it boots while this thread builds the data.
  const helper = startThread<HelperRequest, ChunkAnswer | null>(helperEntry, { resourceLimits: { maxYoungGenerationSizeMb: V8_YOUNG_GENERATION_MB } });
  const links: Array<RelatedLink[] | undefined> = new Array<undefined>(n).fill(undefined);
  const unresolved: Array<UnresolvedPick[] | undefined> = new Array<undefined>(n).fill(undefined);
  const take = (answer: ChunkAnswer): number => {
    answer.links.forEach((l, k) => {
      links[answer.first + k] = l;
      unresolved[answer.first + k] = answer.unresolved[k];
    });
    return answer.links.length;
  };
  let next = 0;
  const claim = (): number => {
    if (next >= n) return -1;
    const first = next;
    next += CHUNK;
    return first;
  };
  /** articles whose links the helper gave; articles it was given and did not give */
  let helped = 0;
  let redone = 0;
  try {
    const shared = inSharedMemory(finderData(articles));
    const ready = helper.request({ data: shared, max });
    ready.catch(() => {}); // a failure shows in the chunks' answers
    const finder = new RelatedFinder(shared, max);
    const helperShare = async (): Promise<void> => {
      const asked: Array<{ first: number; answer: Promise<ChunkAnswer | null> }> = [];
      const ask = (): void => {
        for (let first = asked.length < AHEAD ? claim() : -1; first >= 0; first = asked.length < AHEAD ? claim() : -1) {
          const answer = within(helper.request({ first }), STALL_MS);
          answer.catch(() => {}); // awaited below, or its chunk redone
          asked.push({ first, answer });
        }
      };
      ask();
      for (let current = asked.shift(); current; current = asked.shift()) {
        try {
          const answer = await current.answer;
          if (!answer) throw new Error('the helper answered a chunk with nothing');
          helped += take(answer);
          ask();
        } catch {
          // The helper failed or stalled: what it was given is done here.
          for (const { first } of [current, ...asked.splice(0)]) redone += take(chunkAnswer(finder, first, n));
          return;
        }
      }
    };
    const ownShare = async (): Promise<void> => {
      for (let first = claim(); first >= 0; first = claim()) {
        take(chunkAnswer(finder, first, n));
        await turn();
      }
    };
    await Promise.all([helperShare(), ownShare()]);
  } finally {
    void helper.close();
  }
  const result = new Map<string, RelatedLink[]>();
  articles.forEach((a, i) => result.set(a.id, links[i] ?? []));
  return { links: result, unresolved: unresolved.flatMap((u) => u ?? []), helped, redone };
}
