/**
 * The service worker (vite-plugin-pwa injectManifest; Workbox modules do the caching).
 * docs/adr/0004-offline.md gives the why; in short:
 *   - the app shell (index.html, JS, CSS, icons, locale chunks) is precached, and every app route
 *     (/, /uk/…, /en/…) is answered with the precached index.html: any page opens offline, and the
 *     shell always matches the precached assets (no mixed versions);
 *   - article files: stale-while-revalidate, bounded by count and age; a saved copy
 *     (CACHES.saved, which nothing here ever expires) answers when the bounded cache has none;
 *   - search index files (/data/search/<lang>/<generation>/…, never changed once written): cache
 *     first, in a cache of their own, so every word searched before is found offline;
 *   - lists (latest, topics): network first past the HTTP cache and with no timeout, so an online
 *     reader never gets a stale list; the cache only when the network fails;
 *   - every other data file: network first with a short timeout, then the cache;
 *   - a new version waits until the reader accepts it (registerType 'prompt': SKIP_WAITING).
 */
/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { CACHES } from './caches.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<string | { url: string; revision: string | null }> };

const DAY = 24 * 60 * 60;

// The reader accepts an update in the banner; only then does the waiting worker take over.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});
// A first install controls the open page at once, so what it fetches next is cached. (An update
// only activates after SKIP_WAITING, so claiming never mixes versions.)
clientsClaim();

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every app route opens the precached shell; the router renders the page from (cached) data.
// Files (anything with an extension), data, and embed pages go to the network as they are.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    allowlist: [/^\/$/, /^\/(uk|en)(\/|$)/],
    denylist: [/\/[^/]+\.[a-z0-9]+$/i, /\/embed(\/|$)/, /^\/data\//],
  }),
);

const okOnly = new CacheableResponsePlugin({ statuses: [200] });

/** A saved article answers when the bounded cache has no (fresh) copy, and is refreshed whenever the network gives a newer one. */
const savedCopy: WorkboxPlugin = {
  cachedResponseWillBeUsed: async ({ request, cachedResponse }) =>
    cachedResponse ?? (await caches.match(request, { cacheName: CACHES.saved })) ?? null,
  cacheDidUpdate: async ({ request, newResponse }) => {
    const saved = await caches.open(CACHES.saved);
    const old = await saved.match(request);
    if (!old) return;
    // Keep the time the reader saved it (the store's header), take the fresh body.
    const headers = new Headers(newResponse.headers);
    const savedAt = old.headers.get('x-kontekst-saved-at');
    if (savedAt) headers.set('x-kontekst-saved-at', savedAt);
    await saved.put(request, new Response(await newResponse.blob(), { status: 200, headers }));
  },
};

registerRoute(
  ({ url, sameOrigin }) => sameOrigin && /^\/data\/articles\/[^/]+\.json$/.test(url.pathname),
  new StaleWhileRevalidate({
    cacheName: CACHES.articles,
    plugins: [
      okOnly,
      new ExpirationPlugin({ maxEntries: __ARTICLE_CACHE_MAX__, maxAgeSeconds: 30 * DAY, purgeOnQuotaError: true }),
      savedCopy,
    ],
  }),
);

registerRoute(
  ({ url, sameOrigin }) => sameOrigin && /^\/data\/search\/[^/]+\/[0-9a-f]{12}\//.test(url.pathname),
  new CacheFirst({
    cacheName: CACHES.search,
    plugins: [okOnly, new ExpirationPlugin({ maxEntries: 600, maxAgeSeconds: 60 * DAY, purgeOnQuotaError: true })],
  }),
);

const listsExpiration = new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 30 * DAY, purgeOnQuotaError: true });

// Lists (latest, topics): online, always what the server has now. The request revalidates past
// the HTTP cache (which may keep /data/* for minutes: docs/DEPLOY.md) and is not cut short by a
// timeout; only when the network fails (offline) does the cached list answer.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && /^\/data\/(latest|topics)\//.test(url.pathname),
  new NetworkFirst({
    cacheName: CACHES.lists,
    fetchOptions: { cache: 'no-cache' },
    plugins: [okOnly, listsExpiration],
  }),
);

registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/data/'),
  new NetworkFirst({
    cacheName: CACHES.lists,
    networkTimeoutSeconds: 3,
    plugins: [okOnly, listsExpiration],
  }),
);
