/**
 * The page's side of search: starts the worker the first time search is used
 * (this module is itself loaded on demand) and turns its messages into promises.
 */
import type { Lang } from '../../core/model/article.ts';
import type { SearchAnswer, SearchErrorKind } from './engine.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

export class SearchFailure extends Error {
  readonly kind: SearchErrorKind | 'unknown';
  constructor(kind: SearchErrorKind | 'unknown', detail: string) {
    super(detail);
    this.name = 'SearchFailure';
    this.kind = kind;
  }
}

type Pending = { resolve: (a: SearchAnswer | null) => void; reject: (e: unknown) => void };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'search' });
  w.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const res = event.data;
    const p = pending.get(res.id);
    if (!p) return;
    pending.delete(res.id);
    if (res.ok) p.resolve(res.answer);
    else p.reject(new SearchFailure(res.error, res.detail));
  };
  w.onerror = (event) => {
    event.preventDefault();
    // Offline, a worker script that was never cached cannot load: say so as a network problem.
    const kind = navigator.onLine === false ? 'network' : 'unknown';
    for (const p of pending.values()) p.reject(new SearchFailure(kind, event.message || 'search worker failed'));
    pending.clear();
    w.terminate();
    worker = null;
  };
  worker = w;
  return w;
}

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

function ask(req: Request): Promise<SearchAnswer | null> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ ...req, id } as WorkerRequest);
  });
}

/** Starts loading a language's index (when the reader focuses the search box). */
export function warm(lang: Lang): void {
  ask({ type: 'warm', lang }).catch(() => {
    /* the search itself reports the problem */
  });
}

/** The best `limit` matches in the whole archive (docs: engine.ts). */
export async function search(lang: Lang, query: string, limit: number): Promise<SearchAnswer> {
  const answer = await ask({ type: 'search', lang, query, limit });
  if (!answer) throw new SearchFailure('unknown', 'no answer');
  return answer;
}
