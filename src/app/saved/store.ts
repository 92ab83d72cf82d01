/**
 * Saved articles: the reader's own copies for offline reading. Each one is the article's data
 * file, kept in its own Cache Storage cache (CACHES.saved) under the same URL the app fetches,
 * so the service worker answers from it when no other copy is at hand (src/app/offline/sw.ts). That
 * cache is never expired: an article stays until the reader removes it, across reloads, app
 * updates and restarts. The time of saving travels in a header of the stored response.
 */
import type { Article, ArticleSummary } from '../../core/model/article.ts';
import { paths } from '../../core/model/paths.ts';
import { CACHES } from '../offline/caches.ts';

export type SavedArticle = ArticleSummary & { savedAt: string };

/** The part of the Cache Storage API the store uses (a fake one in tests). */
export type CacheLike = {
  match(key: string): Promise<Response | undefined>;
  put(key: string, response: Response): Promise<void>;
  delete(key: string): Promise<boolean>;
  keys(): Promise<ReadonlyArray<{ url: string }>>;
};
export type CacheStorageLike = { open(name: string): Promise<CacheLike> };

export const SAVED_AT_HEADER = 'x-kontekst-saved-at';
const ARTICLE_PATH = /\/data\/articles\/([^/]+)\.json$/;

export type SavedStore = {
  /** false when the browser gives no Cache Storage (an insecure page, some private modes) */
  readonly available: boolean;
  /** the saved articles, last saved first; null until first loaded (`load`) */
  snapshot(): readonly SavedArticle[] | null;
  /** saved copies this version cannot show (damaged, or saved by an older version with another schema) */
  staleCount(): number;
  subscribe(listener: () => void): () => void;
  load(): Promise<readonly SavedArticle[]>;
  /** whether the article has a saved copy: one lookup, no reading of the list (the Save button's question) */
  has(slug: string): Promise<boolean>;
  save(article: Article): Promise<void>;
  remove(slug: string): Promise<void>;
  /** removes the copies staleCount counts */
  removeStale(): Promise<void>;
};

export function createSavedStore({
  storage,
  now = () => new Date(),
  persist = async () => undefined,
  channel,
}: {
  storage: CacheStorageLike | undefined;
  now?: () => Date;
  /** asks the browser to keep the site's storage under pressure (navigator.storage.persist) */
  persist?: () => Promise<unknown>;
  /** tells other tabs about changes, and hears theirs */
  channel?: Pick<BroadcastChannel, 'postMessage' | 'addEventListener'>;
}): SavedStore {
  const listeners = new Set<() => void>();
  let entries: readonly SavedArticle[] | null = null;
  let stale: readonly string[] = [];
  let loading: Promise<readonly SavedArticle[]> | null = null;

  const open = () => {
    if (!storage) throw new Error('Cache Storage is not available');
    return storage.open(CACHES.saved);
  };

  type Read = { list: readonly SavedArticle[]; staleUrls: readonly string[] };
  async function read(): Promise<Read> {
    if (!storage) return { list: [], staleUrls: [] };
    const [cache, { readSavedArticle }] = await Promise.all([open(), import('./readSaved.ts')]);
    const found: SavedArticle[] = [];
    const staleUrls: string[] = [];
    for (const key of await cache.keys()) {
      if (!ARTICLE_PATH.test(new URL(key.url, 'http://x').pathname)) continue;
      const res = await cache.match(key.url);
      if (!res) continue;
      // A damaged or outdated entry is left out of the list rather than breaking it; the page offers to remove it.
      const summary = readSavedArticle(await res.json().catch(() => null));
      if (!summary) {
        staleUrls.push(key.url);
        continue;
      }
      found.push({ ...summary, savedAt: res.headers.get(SAVED_AT_HEADER) ?? '' });
    }
    return { list: found.sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.slug.localeCompare(b.slug)), staleUrls };
  }

  async function refresh(): Promise<readonly SavedArticle[]> {
    // Unreadable storage lists nothing rather than leaving the page waiting.
    const next = read().catch((e: unknown): Read => {
      console.warn('Kontekst: saved articles unreadable', e);
      return { list: [], staleUrls: [] };
    });
    const mine = next.then((r) => r.list);
    loading = mine;
    const { list, staleUrls } = await next;
    if (loading === mine) {
      entries = list;
      stale = staleUrls;
      for (const l of listeners) l();
    }
    return list;
  }

  function changed(): Promise<unknown> {
    channel?.postMessage('changed');
    return refresh();
  }
  channel?.addEventListener('message', () => void refresh());

  return {
    available: Boolean(storage),
    snapshot: () => entries,
    staleCount: () => stale.length,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    load: () => (entries ? Promise.resolve(entries) : (loading ?? refresh())),
    async has(slug) {
      if (!storage) return false;
      const cache = await open();
      return (await cache.match(paths.article(slug))) !== undefined;
    },
    async save(article) {
      const cache = await open();
      const body = JSON.stringify(article);
      await cache.put(
        paths.article(article.slug),
        new Response(body, { headers: { 'content-type': 'application/json', [SAVED_AT_HEADER]: now().toISOString() } }),
      );
      await Promise.resolve(persist()).catch(() => undefined);
      await changed();
    },
    async removeStale() {
      const cache = await open();
      for (const url of stale) await cache.delete(url);
      await changed();
    },
    async remove(slug) {
      const cache = await open();
      await cache.delete(paths.article(slug));
      await changed();
    },
  };
}

/** The browser's store (none where Cache Storage is missing, e.g. in Node). */
export const savedStore: SavedStore = createSavedStore({
  storage: typeof caches === 'undefined' ? undefined : caches,
  persist: () => (typeof navigator !== 'undefined' && navigator.storage?.persist ? navigator.storage.persist() : Promise.resolve(false)),
  // browsers only: in Node (the prerender) an open channel would keep the process alive
  channel: typeof window === 'undefined' || typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('kontekst-saved'),
});
