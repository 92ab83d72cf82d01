/**
 * The prerender step of `npm run build` (Node only, after `vite build`):
 * renders every article (in both UI languages), the home pages and the topic
 * pages with the app's own routes into static HTML with link-preview
 * metadata, and writes each article's oEmbed JSON, embed card and share image.
 *
 *   dist/<lang>/index.html                    home
 *   dist/<lang>/topics/<topic>/index.html     topic, first page
 *   dist/<lang>/news/<slug>/index.html        article
 *   dist/embed/<lang>/news/<slug>/index.html  embed card
 *   dist/oembed/<lang>/<slug>.json            oEmbed
 *   dist/share/<slug>.png                     share image (when the article has no image)
 *   dist/404.html                             the SPA shell, for static hosts' not-found answer
 *
 * The routes' loaders fetch `/data/…` as in the browser; here fetch answers
 * those requests from dist/data, so the client code has no server branch.
 */
import * as v from 'valibot';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { cspHash } from './cspHash.ts';
import { STATE_ELEMENT_ID, jsonForScript } from '../../core/page/state.ts';
import type { AppServer } from '../../core/page/appServer.ts';
import { Article, LANGS, type Lang } from '../../core/model/article.ts';
import { TopicIndex } from '../../core/model/dataset.ts';
import { formatDateTime } from '../../core/time/dates.ts';
import { appChunks, withContentFirstLoader, type AppChunks, type ViteManifest } from './contentFirst.ts';
import { articleHead, articleImage, listHead, oembedFor, summary } from '../../core/links/meta.ts';
import { escapeAttr, sitePaths } from '../../core/links/links.ts';
import { renderPng, shareImageSvg } from './shareImage.ts';

/**
 * The app's server entry: loaded when the prerender runs, by its URL, so the
 * build's typecheck (Node, no DOM) never reads the app's modules (DOM).
 */
const APP_SERVER = new URL('../../app/shell/entry-server.tsx', import.meta.url).href;

export type PrerenderOptions = { dist: string; base: string; log?: (line: string) => void };
export type PrerenderReport = { pages: string[]; embeds: string[]; oembeds: string[]; images: string[] };

const ORIGIN = 'http://prerender.invalid';

/** fetch('/data/…') answered from the built dataset; anything else is a programming error. */
function datasetFetch(dataDir: string): typeof fetch {
  return async (input) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, ORIGIN);
    if (url.origin !== ORIGIN || !url.pathname.startsWith('/data/')) throw new Error(`prerender: unexpected fetch ${url.href}`);
    const file = join(dataDir, decodeURIComponent(url.pathname.slice('/data/'.length)));
    if (!file.startsWith(dataDir) || !existsSync(file)) return new Response('not found', { status: 404 });
    return new Response(await readFile(file), { headers: { 'content-type': 'application/json' } });
  };
}

/** React renders <title> and <meta> where the page component is; they belong in <head>. */
const HOISTED = /^(?:<title>[\s\S]*?<\/title>|<meta\b[^>]*\/?>|<link\b[^>]*\/?>)*/;

export type Template = { before: string; after: string };

/** The shell's #root, empty or holding its boot message (index.html), which a prerendered page does not need. */
const ROOT = /<div id="root">(?:<!-- boot -->[\s\S]*?<!-- \/boot -->)?<\/div>/;

export function splitTemplate(html: string): Template {
  const root = ROOT.exec(html);
  if (!root) throw new Error('prerender: dist/index.html has no <div id="root"></div>');
  return { before: html.slice(0, root.index), after: html.slice(root.index + root[0].length) };
}

/**
 * The app's stylesheet (a few KB) goes inline into prerendered pages: the first paint needs no
 * second request. The CSP keeps `style-src 'self'` and allows exactly this style by its hash.
 * (The SPA shell, index.html, keeps the <link>: the service worker precaches it.)
 */
async function inlineStylesheet(t: Template, dist: string): Promise<Template> {
  const link = /<link rel="stylesheet"[^>]*href="(\/assets\/[^"]+\.css)"[^>]*>/.exec(t.before);
  if (!link?.[1]) return t;
  const css = await readFile(join(dist, link[1].slice(1)), 'utf8');
  if (css.includes('</style')) return t;
  const before = t.before
    .replace(link[0], () => `<style>${css}</style>`)
    .replace("style-src 'self'", () => `style-src 'self' ${cspHash(css)}`);
  return { before, after: t.after };
}

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

async function write(file: string, content: string | Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
}

export async function prerender({ dist, base, log = () => {} }: PrerenderOptions): Promise<PrerenderReport> {
  const dataDir = join(dist, 'data');
  const template = await inlineStylesheet(splitTemplate(await readFile(join(dist, 'index.html'), 'utf8')), dist);
  const manifest = JSON.parse(await readFile(join(dist, '.vite', 'manifest.json'), 'utf8')) as ViteManifest;
  const chunks = Object.fromEntries(LANGS.map((lang) => [lang, appChunks(manifest, lang)])) as Record<Lang, AppChunks>;
  const report: PrerenderReport = { pages: [], embeds: [], oembeds: [], images: [] };
  const app = ((await import(APP_SERVER)) as { default: AppServer }).default;
  const realFetch = globalThis.fetch;
  globalThis.fetch = datasetFetch(dataDir);
  try {
    const articles: Article[] = [];
    for (const name of (await readdir(join(dataDir, 'articles'))).filter((n) => n.endsWith('.json')).sort()) {
      articles.push(v.parse(Article, JSON.parse(await readFile(join(dataDir, 'articles', name), 'utf8'))));
    }
    const topicFile = join(dataDir, 'topics', 'index.json');
    const topics = existsSync(topicFile) ? v.parse(TopicIndex, JSON.parse(await readFile(topicFile, 'utf8'))).topics : [];

    for (const ui of LANGS) {
      const s = await app.headStrings(ui);

      const render = async (path: string, head: (hoisted: string) => string) => {
        const r = await app.renderUrl(ORIGIN + path);
        if (r.kind !== 'page' || r.status !== 200) throw new Error(`prerender: ${path} gave ${r.kind === 'page' ? r.status : `a redirect to ${r.location}`}`);
        const hoisted = HOISTED.exec(r.html)?.[0] ?? '';
        const root = r.html.slice(hoisted.length);
        const html = page(template, { lang: ui, head: head(hoisted), root, state: jsonForScript(r.state), chunks: chunks[ui] });
        const file = join(dist, path.replace(/^\//, ''), 'index.html');
        await write(file, html);
        report.pages.push(file);
      };
      const withDescription = (hoisted: string, description: string) =>
        /<meta name="description"/.test(hoisted) ? hoisted : `${hoisted}<meta name="description" content="${escapeAttr(description)}">`;

      await render(sitePaths.home(ui), (hoisted) =>
        [withDescription(hoisted, s.siteDescription), listHead({ ui, base, pathFor: sitePaths.home, title: s.homeTitle, description: s.siteDescription })].join('\n'),
      );
      for (const topic of topics) {
        const label = s.topicLabel(topic);
        await render(sitePaths.topic(ui, topic.slug), (hoisted) =>
          [withDescription(hoisted, s.siteDescription), listHead({ ui, base, pathFor: (l) => sitePaths.topic(l, topic.slug), title: `${label} — Kontekst`, description: s.siteDescription })].join('\n'),
        );
      }
      for (const article of articles) {
        await render(sitePaths.article(ui, article.slug), (hoisted) => [withDescription(hoisted, summary(article.lead || article.headline)), articleHead(article, ui, base, s)].join('\n'));

        const oembedFile = join(dist, sitePaths.oembed(ui, article.slug).slice(1));
        await write(oembedFile, JSON.stringify(oembedFor(article, ui, base, s)));
        report.oembeds.push(oembedFile);

        const embedFile = join(dist, sitePaths.embed(ui, article.slug).slice(1), 'index.html');
        await write(embedFile, embedCardPage(app, article, ui, base));
        report.embeds.push(embedFile);

        if (ui === article.lang && articleImage(article, base, '').url === base + sitePaths.shareImage(article.slug)) {
          const png = join(dist, sitePaths.shareImage(article.slug).slice(1));
          await write(png, renderPng(shareImageSvg({ headline: article.headline, date: formatDateTime(article.publishedAt, ui), tagline: s.tagline })));
          report.images.push(png);
        }
      }
    }
    // Static hosts answer unknown paths with 404.html: the SPA shell, which renders the route (or "not found").
    await copyFile(join(dist, 'index.html'), join(dist, '404.html'));
    log(`prerendered ${report.pages.length} pages, ${report.embeds.length} embed cards, ${report.oembeds.length} oEmbed files, ${report.images.length} share images (base ${base})`);
    return report;
  } finally {
    globalThis.fetch = realFetch;
  }
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
