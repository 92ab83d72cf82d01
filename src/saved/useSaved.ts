import { useEffect, useSyncExternalStore } from 'react';
import { savedStore, type SavedArticle, type SavedStore } from './store.ts';

/** The saved articles (last saved first), kept current across the app and other tabs; null while loading. */
export function useSaved(store: SavedStore = savedStore): readonly SavedArticle[] | null {
  const entries = useSyncExternalStore(store.subscribe, store.snapshot, () => null);
  useEffect(() => {
    if (store.available) void store.load().catch((e: unknown) => console.warn('Kontekst: saved articles unreadable', e));
  }, [store]);
  return store.available ? entries : [];
}
