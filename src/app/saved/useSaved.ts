import { useEffect, useSyncExternalStore } from 'react';
import { savedStore, type SavedArticle, type SavedStore } from './store.ts';

const never = () => () => undefined;

/**
 * The saved articles (last saved first), kept current across the app and other tabs; null while
 * loading. A prerender and the hydrating client both see "available, loading", so they agree.
 */
export function useSaved(store: SavedStore = savedStore): { available: boolean; entries: readonly SavedArticle[] | null; stale: number } {
  const available = useSyncExternalStore(never, () => store.available, () => true);
  const entries = useSyncExternalStore(store.subscribe, store.snapshot, () => null);
  const stale = useSyncExternalStore(store.subscribe, store.staleCount, () => 0);
  useEffect(() => {
    if (store.available) void store.load().catch((e: unknown) => console.warn('Kontekst: saved articles unreadable', e));
  }, [store]);
  return { available, entries: available ? entries : [], stale: available ? stale : 0 };
}
