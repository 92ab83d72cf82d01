/**
 * The prerender's renderer: one unit of work (an article in both UI languages with its oEmbed
 * files, embed cards and share image; a home page; a topic page) rendered with the app's own
 * routes and written into dist. It runs on the prerender's worker threads (renderWorker.ts) or,
 * for a few units, in the calling thread. What it reads from the dataset is recorded, so the
 * next build knows which data files a unit's pages depend on (prerender.ts, docs/adr/0014).
 *
 * A file is written only when its bytes differ from what dist holds: a page rendered again
 * with the same result keeps its modification time, and a sync uploads nothing for it.
 */
import * as v from 'valibot';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { threadId } from 'node:worker_threads';
import { dirname, join, sep } from 'node:path';
import { cspHash } from './cspHash.ts';
import { STATE_ELEMENT_ID, jsonForScript } from '../../core/page/state.ts';
import type { AppServer, HeadStrings } from '../../core/page/appServer.ts';
import { Article, LANGS, type Lang } from '../../core/model/article.ts';
import { formatDateTime } from '../../core/time/dates.ts';
import { withContentFirstLoader, type AppChunks } from './contentFirst.ts';
import { articleHead, articleImage, listHead, oembedFor, summary } from '../../core/links/meta.ts';
import { escapeAttr, sitePaths } from '../../core/links/links.ts';
import { renderPng, shareImageSvg } from './shareImage.ts';

/**
 * The app's server entry: loaded when the prerender runs, by its URL, so the
 * build's typecheck (Node, no DOM) never reads the app's modules (DOM).
 */
const APP_SERVER = new URL('../../app/shell/entry-server.tsx', import.meta.url).href;

const ORIGIN = 'http://prerender.invalid';

export type Template = { before: string; after: string };

/** What every unit of one build shares (structured-clonable: it is sent to each worker). */
export type RenderContext = {
  dist: string;
  dataDir: string;
  base: string;
  buildId: string;
  /** the prerender's code (prerender.ts, codeHash): a share image is drawn again when it changes */
  codeHash: string;
  template: Template;
  chunks: Record<Lang, AppChunks>;
};

export type Unit =
  | { kind: 'home' }
  | { kind: 'topic'; slug: string; label: Record<Lang, string> }
  | { kind: 'article'; slug: string; /** the share image's SVG hash when the last build wrote it */ svg?: string };

export type OutputKind = 'page' | 'embed' | 'oembed' | 'image';

/** One file a unit gives: its path under dist, and whether this run wrote it. */
export type Output = { file: string; kind: OutputKind; written: boolean };

export type UnitResult = {
  outputs: Output[];
  /** dataset files read while rendering it, relative to the dataset folder */
  deps: string[];
  /** the share image's SVG hash (articles that have one) */
  svg?: string;
};

/** React renders <title> and <meta> where the page component is; they belong in <head>. */
const HOISTED = /^(?:<title>[\s\S]*?<\/title>|<meta\b[^>]*\/?>|<link\b[^>]*\/?>)*/;

export function page(t: Template, opts: { lang: Lang; head: string; root: string; state?: string; chunks: AppChunks }): string {
  const before = t.before
    .replace(/<html lang="[^"]*"/, `<html lang="${opts.lang}"`)
    .replace(/<title>[\s\S]*?<\/title>\s*/, '')
    // a function, not a string: the head holds feed text, where "$`", "$'" or "$&" would be patterns
    .replace('</head>', () => `${opts.head}\n</head>`);
  const after = t.after.replace(/\s*<noscript>[\s\S]*?<\/noscript>/, '');
  const state = opts.state ? `<script type="application/json" id="${STATE_ELEMENT_ID}">${opts.state}</script>` : '';
  return withContentFirstLoader(`${before}<div id="root">${opts.root}</div>${state}${after}`, opts.chunks);
}

/**
 * Writes `content` to `file` unless the file holds exactly these bytes already; true when written.
 * Written beside and renamed over: a build that is stopped leaves no half-written page, and a
 * file that is a hard link (dist's dataset files are) is replaced, never written through.
 */
export async function writeIfChanged(file: string, content: string | Buffer): Promise<boolean> {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const old = await stat(file).catch(() => null);
  if (old?.isFile() && old.size === bytes.length && (await readFile(file)).equals(bytes)) return false;
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${threadId}`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
  return true;
}

export const sha = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex').slice(0, 32);

/**
 * Starts a renderer for one build: loads the app's server entry and both UI languages' strings.
 * renderUnit may be called many times, one unit at a time.
 */
export async function createRenderer(ctx: RenderContext): Promise<{ renderUnit(unit: Unit): Promise<UnitResult> }> {
  (globalThis as { __KONTEKST_BUILD_ID__?: string }).__KONTEKST_BUILD_ID__ = ctx.buildId;
  const app = ((await import(APP_SERVER)) as { default: AppServer }).default;
  const strings = {} as Record<Lang, HeadStrings>;
  for (const ui of LANGS) strings[ui] = await app.headStrings(ui);
  const dataRoot = ctx.dataDir.endsWith(sep) ? ctx.dataDir : ctx.dataDir + sep;

  let reading = new Set<string>();
  const readData = async (rel: string): Promise<Buffer | null> => {
    const file = join(ctx.dataDir, rel);
    if (!file.startsWith(dataRoot)) return null;
    reading.add(rel);
    return existsSync(file) ? readFile(file) : null;
  };
  /** fetch('/data/…') answered from the dataset; anything else is a programming error. */
  const datasetFetch: typeof fetch = async (input) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, ORIGIN);
    if (url.origin !== ORIGIN || !url.pathname.startsWith('/data/')) throw new Error(`prerender: unexpected fetch ${url.href}`);
    const body = await readData(decodeURIComponent(url.pathname.slice('/data/'.length)));
    return body ? new Response(body, { headers: { 'content-type': 'application/json' } }) : new Response('not found', { status: 404 });
  };

  const render = async (ui: Lang, path: string, head: (hoisted: string) => string): Promise<string> => {
    const r = await app.renderUrl(ORIGIN + path);
    if (r.kind !== 'page' || r.status !== 200) throw new Error(`prerender: ${path} gave ${r.kind === 'page' ? r.status : `a redirect to ${r.location}`}`);
    const hoisted = HOISTED.exec(r.html)?.[0] ?? '';
    const root = r.html.slice(hoisted.length);
    return page(ctx.template, { lang: ui, head: head(hoisted), root, state: jsonForScript(r.state), chunks: ctx.chunks[ui] });
  };
  const withDescription = (hoisted: string, description: string) =>
    /<meta name="description"/.test(hoisted) ? hoisted : `${hoisted}<meta name="description" content="${escapeAttr(description)}">`;

  async function renderUnit(unit: Unit): Promise<UnitResult> {
    reading = new Set();
    const outputs: Output[] = [];
    const out = async (kind: OutputKind, path: string, content: string | Buffer) => {
      const file = join(ctx.dist, path);
      outputs.push({ file, kind, written: await writeIfChanged(file, content) });
    };
    const pagePath = (path: string) => join(path.replace(/^\//, ''), 'index.html');
    let svgHash: string | undefined;
    // fetch is global: swapped for this unit only (units run one at a time in a thread)
    const realFetch = globalThis.fetch;
    globalThis.fetch = datasetFetch;
    try {
      if (unit.kind === 'home') {
        for (const ui of LANGS) {
          const s = strings[ui];
          const html = await render(ui, sitePaths.home(ui), (hoisted) =>
            [withDescription(hoisted, s.siteDescription), listHead({ ui, base: ctx.base, pathFor: sitePaths.home, title: s.homeTitle, description: s.siteDescription })].join('\n'),
          );
          await out('page', pagePath(sitePaths.home(ui)), html);
        }
      } else if (unit.kind === 'topic') {
        for (const ui of LANGS) {
          const s = strings[ui];
          const html = await render(ui, sitePaths.topic(ui, unit.slug), (hoisted) =>
            [
              withDescription(hoisted, s.siteDescription),
              listHead({ ui, base: ctx.base, pathFor: (l) => sitePaths.topic(l, unit.slug), title: `${unit.label[ui]} — Kontekst`, description: s.siteDescription }),
            ].join('\n'),
          );
          await out('page', pagePath(sitePaths.topic(ui, unit.slug)), html);
        }
      } else {
        const bytes = await readData(`articles/${unit.slug}.json`);
        if (!bytes) throw new Error(`prerender: no data file for article ${unit.slug}`);
        const article = v.parse(Article, JSON.parse(bytes.toString('utf8')));
        for (const ui of LANGS) {
          const s = strings[ui];
          const html = await render(ui, sitePaths.article(ui, article.slug), (hoisted) =>
            [withDescription(hoisted, summary(article.lead || article.headline)), articleHead(article, ui, ctx.base, s)].join('\n'),
          );
          await out('page', pagePath(sitePaths.article(ui, article.slug)), html);
          await out('oembed', sitePaths.oembed(ui, article.slug).slice(1), JSON.stringify(oembedFor(article, ui, ctx.base, s)));
          await out('embed', pagePath(sitePaths.embed(ui, article.slug)), embedCardPage(app, article, ui, ctx.base));
          if (ui === article.lang && articleImage(article, ctx.base, '').url === ctx.base + sitePaths.shareImage(article.slug)) {
            const svg = shareImageSvg({ headline: article.headline, date: formatDateTime(article.publishedAt, ui), tagline: s.tagline });
            svgHash = sha(ctx.codeHash + svg);
            const path = sitePaths.shareImage(article.slug).slice(1);
            // The image is the costliest output: rasterised only when its picture changed (or the file is gone).
            if (unit.svg === svgHash && existsSync(join(ctx.dist, path))) outputs.push({ file: join(ctx.dist, path), kind: 'image', written: false });
            else await out('image', path, renderPng(svg));
          }
        }
      }
    } finally {
      globalThis.fetch = realFetch;
    }
    return { outputs, deps: [...reading].sort(), ...(svgHash && { svg: svgHash }) };
  }

  return { renderUnit };
}

/**
 * The card's own policy: nothing but its inline style (by hash) and its one script. It makes
 * "no network, no storage" a guarantee rather than a habit, and matches the strict CSP of the site.
 */
const embedCsp = (css: string): string => `default-src 'none'; style-src ${cspHash(css)}; script-src 'self'; base-uri 'none'; form-action 'none'`;

function embedCardPage(app: AppServer, article: Article, ui: Lang, base: string): string {
  const articleUrl = base + sitePaths.article(ui, article.slug);
  const { body, css } = app.embedCard(article, ui, articleUrl);
  return `<!doctype html>
<html lang="${ui}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="${embedCsp(css)}">
<meta name="robots" content="noindex">
<title>${escapeAttr(article.headline)} — Kontekst</title>
<link rel="canonical" href="${escapeAttr(articleUrl)}">
<style>${css}</style>
</head>
<body>
${body}
<script src="/embed/card.js" defer></script>
</body>
</html>
`;
}
