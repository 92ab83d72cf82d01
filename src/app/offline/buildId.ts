/**
 * This build's id (footer, update test). In the browser bundle it is the
 * `__BUILD_ID__` constant of vite.config.ts; the prerender (Node) sets the same
 * value from dist/build.json, so prerendered pages and hydration agree.
 */
export function buildId(): string {
  if (typeof __BUILD_ID__ === 'string') return __BUILD_ID__;
  return (globalThis as { __KONTEKST_BUILD_ID__?: string }).__KONTEKST_BUILD_ID__ ?? 'dev';
}
