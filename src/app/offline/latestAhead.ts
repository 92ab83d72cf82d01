/**
 * Latest news ahead of time: once the home page has shown on a good connection, the newest
 * articles' data files (at least AHEAD) go into the service worker's article cache in idle time,
 * so a reader who loses the network can still open them. The worker fetches them through its
 * own routes (workbox-routing's CACHE_URLS message), so the article cache's bounds apply.
 *
 * No React and no React Query here: the app's home page calls it from a hook (latestAheadHook.ts),
 * a prerendered home page from its islands runtime (src/app/shell/islands.tsx).
 */
import type { ArticleSummary } from '../../core/model/article.ts';
import { paths, type ListPage, type ListScope } from '../../core/model/dataset.ts';
import type { CacheUrlsMessage } from './caches.ts';

export const AHEAD = 20;

type Connection = { saveData?: boolean; effectiveType?: string };

/** Not with Save-Data, not on 2G. Unknown connections (most browsers but Chromium) count as good. */
export function goodConnection(connection: Connection | undefined): boolean {
  if (!connection) return true;
  return !connection.saveData && !/2g$/.test(connection.effectiveType ?? '');
}

/**
 * Starts caching ahead in idle time, for a home page showing `items` of `scope` (page `page`);
 * `latestAll` gives the newest articles in every language (to fill up a short list). Returns a cancel.
 */
export function latestAhead(scope: ListScope, page: number, items: readonly ArticleSummary[], latestAll: () => Promise<ListPage>): () => void {
  if (page !== 1 || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return () => undefined;
  if (!goodConnection((navigator as Navigator & { connection?: Connection }).connection)) return () => undefined;
  let cancelled = false;
  const idle = (fn: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 10_000 }) : setTimeout(fn, 2_000));
  idle(() => {
    void cacheAhead(latestAll, scope, items, () => cancelled).catch(() => undefined);
  });
  return () => {
    cancelled = true;
  };
}

async function cacheAhead(latestAll: () => Promise<ListPage>, scope: ListScope, items: readonly ArticleSummary[], cancelled: () => boolean) {
  const registration = await navigator.serviceWorker.ready;
  if (cancelled() || !registration.active) return;
  let newest = [...items];
  // Fewer than AHEAD in the reader's language: fill up with the newest in any language.
  if (newest.length < AHEAD && scope !== 'all') {
    const all = await latestAll();
    const have = new Set(newest.map((i) => i.slug));
    newest = newest.concat(all.items.filter((i) => !have.has(i.slug)));
  }
  const urls = [paths.latest(scope, 1), ...newest.slice(0, Math.max(AHEAD, items.length)).map((i) => paths.article(i.slug))];
  // Only what no cache has yet: the article cache revalidates what it has when it is read.
  const missing: string[] = [];
  for (const url of urls) if (!(await caches.match(url))) missing.push(url);
  if (cancelled() || missing.length === 0) return;
  const message: CacheUrlsMessage = { type: 'CACHE_URLS', payload: { urlsToCache: missing.map((url) => [url, { priority: 'low' }]) } };
  registration.active.postMessage(message);
}
