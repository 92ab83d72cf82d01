/**
 * Loaded after the page's load event (register.ts): registers the service worker with
 * workbox-window and reports a waiting new version. Accepting it sends SKIP_WAITING; when the
 * new worker takes control the page reloads into the new build. (The "prompt" recipe of
 * workbox-window / vite-plugin-pwa's registerType 'prompt'.)
 */
import { Workbox } from 'workbox-window';

const HOUR = 60 * 60 * 1000;

export function registerServiceWorker(onNeedRefresh: () => void): () => void {
  const wb = new Workbox('/sw.js', { scope: '/', type: 'classic' });
  let reloading = false;
  let prompted = false;
  const prompt = () => {
    if (prompted) return;
    prompted = true;
    wb.addEventListener('controlling', () => {
      if (reloading) return;
      reloading = true;
      location.reload();
    });
    onNeedRefresh();
  };
  wb.addEventListener('waiting', prompt);
  // A new version another tab (or the browser's own check) installed while this page was loading.
  wb.addEventListener('installed', (event) => {
    if (event.isExternal && navigator.serviceWorker.controller) prompt();
  });

  void wb
    .register({ immediate: true })
    .then((registration) => {
      if (!registration) return;
      // Long-lived tabs and installed apps look for a new version now and then.
      const check = () => {
        if (navigator.onLine && document.visibilityState === 'visible') registration.update().catch(() => undefined);
      };
      setInterval(check, HOUR);
      document.addEventListener('visibilitychange', check);
    })
    .catch((e: unknown) => console.warn('Kontekst: offline reading unavailable', e));

  return () => wb.messageSkipWaiting();
}
