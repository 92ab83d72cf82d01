import { afterLoad } from '../lib/afterLoad.ts';
import { buildId } from './buildId.ts';
import { reloadForChunk } from './chunkReload.ts';

const sessionStorageOrNone = (): Storage | undefined => {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
};

/**
 * Service-worker registration, kept off the critical path: main.tsx calls startServiceWorker() once
 * the first view is interactive; it waits for the page's load event too, and only then imports
 * swClient.ts (with workbox-window).
 * A new version waits (registerType 'prompt') until the reader accepts it in the UpdateBanner.
 */
let needRefresh = false;
let accept: (() => void) | undefined;
const listeners = new Set<() => void>();

export const updateReady = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  get: () => needRefresh,
};

/** The reader accepted: the waiting worker takes over and the page reloads into the new build. */
export function applyUpdate(): void {
  if (accept) accept();
  else location.reload();
}

let started = false;

export function startServiceWorker(): void {
  if (started || import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  started = true;

  // A chunk of a build the host no longer has: load the current build, once per build (chunkReload.ts).
  window.addEventListener('vite:preloadError', (event) => {
    if (!reloadForChunk(sessionStorageOrNone(), buildId())) return;
    event.preventDefault();
    location.reload();
  });

  const register = () =>
    void import('./swClient.ts')
      .then(({ registerServiceWorker }) => {
        accept = registerServiceWorker(() => {
          needRefresh = true;
          for (const l of listeners) l();
        });
      })
      .catch((e: unknown) => console.warn('Kontekst: offline reading unavailable', e));

  afterLoad(register);
}
