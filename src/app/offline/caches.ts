/**
 * Cache Storage names shared by the app and the service worker (src/app/offline/sw.ts).
 * docs/adr/0004-offline.md explains what goes where.
 */
export const CACHES = {
  /** article files (/data/articles/*.json): stale-while-revalidate, bounded by count and age */
  articles: 'kontekst-articles',
  /** lists (latest, topics, manifest, everything else under /data/): network first, bounded */
  lists: 'kontekst-lists',
  /** search index files (/data/search/<lang>/<generation>/…): cache first, bounded by count and age */
  search: 'kontekst-search',
  /** articles the reader saved: never expired by the service worker, only removed by the reader */
  saved: 'kontekst-saved',
} as const;

/** The message the app sends to have the service worker cache data files ahead of time (workbox-routing). */
export type CacheUrlsMessage = { type: 'CACHE_URLS'; payload: { urlsToCache: Array<string | [string, RequestInit]> } };
