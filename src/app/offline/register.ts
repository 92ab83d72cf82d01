import { afterLoad } from '../lib/afterLoad.ts';

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

  // A chunk of a build the host no longer has (a tab older than a deploy, no worker in charge):
  // load the current build once rather than fail.
  window.addEventListener('vite:preloadError', (event) => {
    if (sessionStorage.getItem('kontekst.reloadedForChunk')) return;
    sessionStorage.setItem('kontekst.reloadedForChunk', '1');
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
