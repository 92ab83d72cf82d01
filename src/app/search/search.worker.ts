/**
 * The search worker: keeps the loaded indexes and answers queries off the
 * main thread. A thin message adapter around SearchEngine (engine.ts).
 * Its fetches go through the service worker like the page's, so the parts
 * of the index a search loaded, and the newest articles' index fetched after
 * the first answer, are there offline.
 */
/// <reference lib="webworker" />
import { SearchEngine, SearchError, type FetchJson } from './engine.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

const fetchJson: FetchJson = async (url) => {
  let res: Response;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new SearchError('network', `${url}: ${String(e)}`);
  }
  if (res.status === 404 || res.status === 410) return null;
  if (!res.ok) throw new SearchError('network', `${url}: HTTP ${res.status}`);
  // A static host's SPA fallback may answer a missing file with index.html.
  if ((res.headers.get('content-type') ?? '').includes('text/html')) return null;
  try {
    return await res.json();
  } catch {
    throw new SearchError('invalid', `${url}: not JSON`);
  }
};

const engine = new SearchEngine(fetchJson);
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  let res: WorkerResponse;
  try {
    if (req.type === 'warm') {
      await engine.warm(req.lang);
      res = { id: req.id, ok: true, answer: null };
    } else {
      res = { id: req.id, ok: true, answer: await engine.search(req.lang, req.query, req.limit) };
    }
  } catch (e) {
    res = { id: req.id, ok: false, error: e instanceof SearchError ? e.kind : 'unknown', detail: String(e) };
  }
  scope.postMessage(res);
  // After an answer, the newest articles' index, so the service worker keeps it for offline searches.
  if (req.type === 'search' && res.ok && res.answer && res.answer.searched === res.answer.docs) {
    void engine.prefetchRecent(req.lang).catch(() => {});
  }
};
