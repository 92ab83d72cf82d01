/**
 * Content first. A prerendered page reads without JavaScript, so it does not ask for the
 * app in its head: a small inline loader (allowed by its hash in the page's CSP) asks for
 * the app's chunks and the page language's strings only after the first contentful paint.
 * On a slow link the islands' ~97 KB (docs/adr/0012-islands.md) never compete with the article's own bytes, and the
 * text shows as soon as a plain static page's would (npm run bench:web measures that).
 * A tab opened in the background, or a browser that does not report paints, starts the
 * app at once; a paint that is never reported costs at most LOADER_TIMEOUT_MS.
 *
 * The SPA shell (dist/index.html, the answer for URLs that were not prerendered) keeps
 * the plain module script: it has nothing to show before the app runs.
 */
import type { Lang } from '../../core/model/article.ts';
import { cspHash } from './cspHash.ts';

/** The part of Vite's build manifest (dist/.vite/manifest.json) the loader needs. */
export type ViteManifest = Record<string, { file: string; isEntry?: boolean; imports?: string[] }>;

/**
 * app: the islands runtime's entry chunk (src/app/shell/islands.tsx, docs/adr/0012-islands.md); steps:
 * the chunks it imports, dependencies first (the order the loader evaluates them in, one per task);
 * preload: the steps and the page language's strings; shell: the SPA shell's entry (index.html's
 * module script), which a prerendered page does not load.
 */
export type AppChunks = { app: string; steps: string[]; preload: string[]; shell: string };

/** The islands runtime's module in Vite's manifest. */
export const ISLANDS_ENTRY = 'src/app/shell/islands.tsx';

const LOADER_TIMEOUT_MS = 3000;

/** The islands entry chunk, its static imports (dependencies first) and the language's strings, as absolute paths. */
export function appChunks(manifest: ViteManifest, lang: Lang): AppChunks {
  const shell = manifest['index.html'];
  if (!shell?.isEntry) throw new Error('prerender: the Vite manifest has no index.html entry');
  const entry = manifest[ISLANDS_ENTRY];
  if (!entry?.isEntry) throw new Error(`prerender: the Vite manifest has no ${ISLANDS_ENTRY} entry`);
  const seen = new Set<string>([ISLANDS_ENTRY]);
  const order: string[] = [];
  const walk = (key: string) => {
    for (const dep of manifest[key]?.imports ?? []) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      walk(dep);
      order.push(dep);
    }
  };
  walk(ISLANDS_ENTRY);
  const locale = manifest[`src/app/i18n/locales/${lang}/index.ts`];
  if (!locale) throw new Error(`prerender: the Vite manifest has no chunk for the ${lang} strings`);
  const path = (key: string) => `/${manifest[key]!.file}`;
  const steps = order.map(path);
  return { app: `/${entry.file}`, steps, preload: [...steps, `/${locale.file}`], shell: `/${shell.file}` };
}

/**
 * The loader's source: plain ES2020, no imports, run as a classic inline script at the end of <body>.
 * It asks for every chunk at once (modulepreload: fetched and compiled, not yet run), then runs
 * them one per task, dependencies first, the app last: evaluating React (react-dom) and the app
 * never adds up to one long task (vite.config.ts codeSplitting, src/app/shell/reactDom.ts).
 */
export function contentFirstLoader({ app, steps, preload }: AppChunks): string {
  return `(() => {
  const app = ${JSON.stringify(app)}, steps = ${JSON.stringify(steps)}, preload = ${JSON.stringify(preload)};
  let started = false;
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
  const start = async () => {
    if (started) return;
    started = true;
    for (const href of preload) {
      const link = document.createElement("link");
      link.rel = "modulepreload";
      link.href = href;
      document.head.append(link);
    }
    try {
      for (const step of steps) {
        await import(step);
        await nextTask();
      }
      await import(app);
    } catch {
      // the page stays readable as it is; its links still work
    }
  };
  // A tap on an island's button before the islands runtime is there is kept, and replayed by the
  // runtime once that island has hydrated (src/app/shell/islands.tsx): no tap is lost on a slow phone.
  const taps = (window.kontekstTaps = []);
  document.addEventListener("click", (e) => {
    if (taps.done) return;
    const button = e.target instanceof Element ? e.target.closest("[data-island] button") : null;
    if (!button) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (!taps.includes(button)) taps.push(button);
  }, true);
  const paints = typeof PerformanceObserver === "function" && (PerformanceObserver.supportedEntryTypes || []).includes("paint");
  if (!paints || document.visibilityState !== "visible") return void start();
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName("first-contentful-paint").length === 0) return;
    observer.disconnect();
    setTimeout(start, 0);
  }).observe({ type: "paint", buffered: true });
  setTimeout(start, ${LOADER_TIMEOUT_MS});
})();`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The page with the loader instead of the SPA shell's module script and Vite's modulepreload
 * links (the loader asks for the islands' chunks after the first paint), and the loader's hash
 * added to the CSP's script-src (no 'unsafe-inline').
 */
export function withContentFirstLoader(html: string, chunks: AppChunks): string {
  const tag = new RegExp(`\\s*<script type="module" crossorigin src="${escapeRegExp(chunks.shell)}"></script>`);
  if (!tag.test(html)) throw new Error(`prerender: the page has no module script for ${chunks.shell}`);
  if (!html.includes("script-src 'self'")) throw new Error("prerender: the page's CSP has no script-src 'self'");
  const loader = contentFirstLoader(chunks);
  return html
    .replace(/\s*<link rel="modulepreload" crossorigin href="\/assets\/[^"]+">/g, '')
    .replace(tag, '')
    .replace("script-src 'self'", () => `script-src 'self' ${cspHash(loader)}`)
    .replace(/<\/body>/, () => `<script>${loader}</script>\n</body>`);
}
