/**
 * The state a prerendered page carries for hydration: the React Query cache
 * and the router's loader data. It travels in a non-executable
 * <script type="application/json"> block (allowed by a strict CSP), never as
 * inline JavaScript.
 */
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { HydrationState as RouterHydrationState } from 'react-router';
import { STATE_ELEMENT_ID } from '../../core/page/state.ts';

/** The successful queries of a render: key and data (smaller than react-query's dehydrate format, and no hydrate() code in the client). */
export type QuerySnapshot = { key: QueryKey; data: unknown };

export type HydrationState = {
  /** the path the page was rendered for (no query string) */
  path: string;
  queries: QuerySnapshot[];
  /** the dates the page shows, formatted (src/core/time/dates.ts primes them before hydration) */
  dates?: [string, string][];
  router: Partial<RouterHydrationState>;
};

const samePath = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/**
 * The state block of a prerendered page, when it was rendered for this URL;
 * else null (the SPA fallback, or a host answering /en/?page=2 with the
 * prerendered /en/): the client then renders the URL itself. Only `page`
 * changes what a prerendered route shows (and ?page=N is never prerendered),
 * so a link that arrives with tracking parameters (?utm_source=…) still hydrates.
 */
export function readHydrationState(doc: Document, loc: { pathname: string; search: string }): HydrationState | null {
  const text = doc.getElementById(STATE_ELEMENT_ID)?.textContent;
  if (!text) return null;
  try {
    const state = JSON.parse(text) as HydrationState;
    const page = new URLSearchParams(loc.search).get('page');
    return page === null && samePath(state.path, loc.pathname) ? state : null;
  } catch {
    return null;
  }
}

export function snapshotQueries(client: QueryClient): QuerySnapshot[] {
  return client
    .getQueryCache()
    .getAll()
    .filter((q) => q.state.status === 'success')
    .map((q) => ({ key: q.queryKey, data: q.state.data }));
}

/** Fills the cache from a prerendered page's snapshot: the data is as fresh as the page that carries it. */
export function restoreQueries(client: QueryClient, queries: QuerySnapshot[]): void {
  for (const q of queries) client.setQueryData(q.key, q.data);
}
