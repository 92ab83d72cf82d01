import { fileURLToPath } from 'node:url';
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { escapeAttr } from './src/core/links/links.ts';
import { servePrerendered } from './src/build/prerender/servePrerendered.ts';

/**
 * This build's id (footer, update test): KONTEKST_BUILD_ID, else the git commit and a hash of what the
 * app is built from. The same sources give the same id, so a rebuild gives the same bundle and the
 * prerender re-renders nothing (docs/adr/0014-incremental-prerender.md); any change gives a new one.
 */
function buildId(): string {
  if (process.env.KONTEKST_BUILD_ID) return process.env.KONTEKST_BUILD_ID;
  let commit = 'dev';
  try {
    commit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    /* not a git checkout */
  }
  const root = fileURLToPath(new URL('.', import.meta.url));
  const hash = createHash('sha256');
  const inputs = ['src/app', 'src/core', 'public']
    .flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => relative(root, join(e.parentPath, e.name))),
    )
    .filter((f) => !f.startsWith(`public${sep}data${sep}`) && !/\.test\.tsx?$/.test(f))
    .concat(['index.html', 'vite.config.ts', 'package-lock.json'])
    .sort();
  for (const file of inputs) hash.update(`${file}\0`).update(readFileSync(join(root, file))).update('\0');
  return `${commit}-${hash.digest('hex').slice(0, 8)}`;
}

/**
 * public/ goes into the build as Vite would copy it, but the dataset (public/data, tens of
 * thousands of files) as hard links: no copying, and a file the import left as it was keeps its
 * inode, which the prerender's assembly of dist recognises (src/build/prerender/prerender.ts).
 * A copy where linking is not possible (another file system).
 */
function copyPublic(publicDir: string, outDir: string): void {
  for (const e of readdirSync(publicDir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const from = join(e.parentPath, e.name);
    const rel = relative(publicDir, from);
    const to = join(outDir, rel);
    if (existsSync(to)) continue; // the bundle's own file wins, as with Vite's copy
    mkdirSync(dirname(to), { recursive: true });
    if (rel.startsWith(`data${sep}`)) {
      try {
        linkSync(from, to);
        continue;
      } catch {
        /* another file system: copied below */
      }
    }
    copyFileSync(from, to);
  }
}

/** Article files the service worker keeps besides saved ones (KONTEKST_ARTICLE_CACHE_MAX; tests use a small one). */
const articleCacheMax = Number(process.env.KONTEKST_ARTICLE_CACHE_MAX ?? 80);
if (!Number.isInteger(articleCacheMax) || articleCacheMax < 1) throw new Error('KONTEKST_ARTICLE_CACHE_MAX must be a positive integer');

const BUILD_ID = buildId();

/**
 * index.html's own strings (the boot message and noscript, shown before the app runs) come from the
 * locale files like every other string: `{{uk:shell.failed}}` is that key of
 * src/app/i18n/locales/uk/common.json, HTML-escaped; `<reload>…</reload>` in it becomes a reload link.
 */
function shellStrings(html: string): string {
  const common = (lang: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`./src/app/i18n/locales/${lang}/common.json`, import.meta.url)), 'utf8')) as unknown;
  const strings: Record<string, unknown> = { uk: common('uk'), en: common('en') };
  return html.replace(/\{\{(uk|en):([\w.]+)\}\}/g, (_, lang: string, key: string) => {
    const text = key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], strings[lang]);
    if (typeof text !== 'string') throw new Error(`index.html: no string ${key} in src/app/i18n/locales/${lang}/common.json`);
    return escapeAttr(text).replace(/&lt;reload&gt;(.*?)&lt;\/reload&gt;/g, '<a href="">$1</a>');
  });
}

export default defineConfig(({ command }) => ({
  define: {
    __BUILD_ID__: JSON.stringify(BUILD_ID),
    __ARTICLE_CACHE_MAX__: String(articleCacheMax),
  },
  resolve: {
    alias: [
      // React 19 has useSyncExternalStore: no shim for react-i18next in the bundle
      { find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: fileURLToPath(new URL('./src/app/lib/useSyncExternalStore.ts', import.meta.url)) },
      // react-router 7's package exports name only its development build (remix-run/react-router#14102):
      // the build takes the production one it also ships (no dev warnings or checks at run time).
      ...(command === 'build' ? [{ find: /^react-router$/, replacement: fileURLToPath(new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url)) }] : []),
    ],
  },
  plugins: [
    react(),
    servePrerendered(),
    // V8's explicit compile hint (Chrome 136+): the first view's functions (the entry and the chunks it
    // imports) nearly all run at start-up, so they are compiled eagerly on a background thread while
    // the file streams in, not one by one on the main thread when first called. The comment must be
    // the file's first line, so it is added last (Vite puts its own preload map at the top).
    {
      name: 'kontekst-compile-hints',
      enforce: 'post',
      writeBundle(options, bundle) {
        const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const firstView = new Set(chunks.filter((c) => c.isEntry).flatMap((c) => [c.fileName, ...c.imports]));
        for (const chunk of chunks) {
          if (!firstView.has(chunk.fileName)) continue;
          const file = join(options.dir ?? 'dist', chunk.fileName);
          writeFileSync(file, `//# allFunctionsCalledOnLoad\n${readFileSync(file, 'utf8')}`);
          // a source map (vite build --sourcemap) moves down one line with the code
          if (existsSync(`${file}.map`)) {
            const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { mappings: string };
            writeFileSync(`${file}.map`, JSON.stringify({ ...map, mappings: `;${map.mappings}` }));
          }
        }
      },
    },
    {
      name: 'kontekst-index-html',
      transformIndexHtml(html) {
        // The favicon travels inside each page (a data: URL, ~250 bytes): no request of its own competing
        // with the page's first paint on a slow link. public/favicon.svg stays for the JSON-LD logo and icons.
        const svg = readFileSync(fileURLToPath(new URL('./public/favicon.svg', import.meta.url)), 'utf8').trim();
        return shellStrings(html).replace('href="/favicon.svg"', () => `href="data:image/svg+xml,${encodeURIComponent(svg)}"`);
      },
    },
    // public/ into the build, the dataset linked (copyPublic above); before the service worker's build (closeBundle)
    {
      name: 'kontekst-public',
      apply: 'build',
      writeBundle(options) {
        copyPublic(fileURLToPath(new URL('./public', import.meta.url)), options.dir ?? 'dist');
      },
    },
    // dist/build.json: the build id, for the prerender step (and for anyone asking a host what it serves)
    { name: 'kontekst-build-json', generateBundle() { this.emitFile({ type: 'asset', fileName: 'build.json', source: JSON.stringify({ buildId: BUILD_ID }) }); } },
    // Offline reading: docs/adr/0004-offline.md, the worker is src/app/offline/sw.ts.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/app/offline',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      injectManifest: {
        // The shell only: per-article pages and data (dist/data, prerendered pages) are cached at run time.
        globPatterns: ['index.html', 'assets/**/*.{js,css,woff2}', 'favicon.svg', 'icons/*.png'],
      },
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Kontekst — новини з контекстом',
        short_name: 'Kontekst',
        description: 'Новини з контекстом українською та англійською. Збережене й останнє читається і без мережі.',
        lang: 'uk',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#0b4f8a',
        background_color: '#ffffff',
        categories: ['news'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  build: {
    target: 'es2022',
    // every browser the app supports has modulepreload: no polyfill in the entry
    modulePreload: { polyfill: false },
    // dist/.vite/manifest.json: the prerender finds the app's chunks there (src/build/prerender/contentFirst.ts)
    manifest: true,
    rolldownOptions: {
      // Two entries: the SPA shell (index.html → src/app/shell/main.tsx, the full app) and the islands
      // runtime a prerendered page loads after its first paint (src/app/shell/islands.tsx, docs/adr/0012-islands.md).
      input: { index: fileURLToPath(new URL('./index.html', import.meta.url)), islands: fileURLToPath(new URL('./src/app/shell/islands.tsx', import.meta.url)) },
      output: {
        // The first view's code in two chunks: React (react-dom's evaluation is the single biggest piece of
        // start-up work) and the app with the rest. A prerendered page's loader evaluates them one per task
        // (src/build/prerender/contentFirst.ts), so start-up has no task as long as both together. One split, not
        // one per library: each split costs compression (~0.5 KB gzip), and the others evaluate quickly.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]|src[\\/]app[\\/]reactDom\.ts$/ },
          ],
        },
      },
    },

    sourcemap: false,
    // public/ is copied by the kontekst-public plugin (the dataset linked, not copied)
    copyPublicDir: false,
  },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.{ts,mjs}'],
    environment: 'node',
  },
}));
