/**
 * Runs `fn` once the page has loaded: features that are not needed to show
 * the page (service worker, share controls) stay off the critical path.
 */
export function afterLoad(fn: () => void): void {
  if (document.readyState === 'complete') setTimeout(fn, 0);
  else window.addEventListener('load', () => setTimeout(fn, 0), { once: true });
}
