/**
 * Build-time test (no browser): prerenders the sample content and a hostile
 * fixture (headlines with </script>, quotes, tags) into temporary folders,
 * parses every page with an HTML parser and checks what link previews,
 * search engines and oEmbed consumers read.
 */
import * as v from 'valibot';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as buildData } from '../cli.ts';
import { Article } from '../../core/model/article.ts';
import { STATE_ELEMENT_ID } from '../../core/page/state.ts';
import { baseUrlFrom } from './baseUrl.ts';
import { prerender, prerenderStatePath, type PrerenderReport } from './prerender.ts';
import { El, parseDocument, parseHtmlFragment } from './html.test-helpers.ts';
import { TEMPLATE, VITE_MANIFEST } from './template.test-helpers.ts';

const BASE = 'https://news.example.org';
type Doc = El;
const parseHtml = parseDocument;

type Site = { dist: string; report: PrerenderReport; articles: Map<string, Article> };

async function site(sources: string): Promise<Site> {
  const dist = mkdtempSync(join(tmpdir(), 'kontekst-prerender-'));
  writeFileSync(join(dist, 'index.html'), TEMPLATE);
  mkdirSync(join(dist, '.vite'));
  writeFileSync(join(dist, '.vite', 'manifest.json'), JSON.stringify(VITE_MANIFEST));
  const quiet = { out: () => {}, err: (l: string) => console.error(l), now: () => new Date('2026-01-01T00:00:00Z') };
  expect(await buildData([sources, '--out', join(dist, 'data')], quiet)).toBe(0);
  const report = await prerender({ dist, base: BASE });
  const articles = new Map<string, Article>();
  for (const file of report.pages) {
    const m = /\/news\/([^/]+)\/index\.html$/.exec(file);
    if (m) articles.set(m[1]!, v.parse(Article, JSON.parse(readFileSync(join(dist, 'data', 'articles', `${m[1]}.json`), 'utf8'))));
  }
  return { dist, report, articles };
}

const pathOf = (s: Site, file: string) => `/${relative(s.dist, file).replace(/index\.html$/, '').replace(/\/$/, '')}`.replace(/^\/(uk|en)$/, '/$1/');
const meta = (d: Doc, key: string) => d.all(`meta[property="${key}"], meta[name="${key}"]`).map((m) => m.attr('content') ?? '');
const one = (d: Doc, key: string) => {
  const values = meta(d, key);
  expect(values, key).toHaveLength(1);
  return values[0]!;
};
const isAbsolute = (u: string) => u.startsWith(`${BASE}/`);
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$/;

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString()).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

let content: Site;
let hostile: Site;
let hostileFeed: Site;
let linkOut: Site;

beforeAll(async () => {
  content = await site('content/');
  hostile = await site('src/build/prerender/fixtures/hostile');
  hostileFeed = await site('src/build/prerender/fixtures/hostile-feed');
  linkOut = await site('src/build/prerender/fixtures/link-out');
}, 240_000);

afterAll(() => {
  for (const s of [content, hostile, hostileFeed, linkOut]) if (s) for (const p of [s.dist, prerenderStatePath(s.dist)]) rmSync(p, { recursive: true, force: true });
});

function checkPage(s: Site, file: string) {
  const html = readFileSync(file, 'utf8');
  const d = parseHtml(html);
  const path = pathOf(s, file);
  const ui = path.split('/')[1] as 'uk' | 'en';
  expect(d.first('html')!.attr('lang')).toBe(ui);
  expect(d.all('title')).toHaveLength(1);
  expect(meta(d, 'description')).toHaveLength(1);
  expect(meta(d, 'description')[0]!.length).toBeGreaterThan(10);
  expect(d.first('#root')!.children.length).toBeGreaterThan(0);
  expect(d.first('noscript')).toBeNull();
  // the shell's boot message is for a page the app must render; this one is rendered already
  expect(html).not.toContain('class="boot');

  // canonical and hreflang: absolute, self-referencing, reciprocal
  const canonical = d.all('link[rel="canonical"]').map((l) => l.attr('href'));
  expect(canonical).toEqual([BASE + path]);
  const alternates: Record<string, string> = Object.fromEntries(d.all('link[rel="alternate"][hreflang]').map((l) => [l.attr('hreflang') ?? '', l.attr('href') ?? '']));
  expect(Object.keys(alternates).sort()).toEqual(['en', 'uk', 'x-default']);
  expect(alternates[ui]).toBe(BASE + path);
  for (const href of Object.values(alternates)) {
    expect(isAbsolute(href)).toBe(true);
    const other = join(s.dist, new URL(href).pathname, 'index.html');
    expect(existsSync(other), href).toBe(true);
    const back = parseHtml(readFileSync(other, 'utf8'));
    const theirs = Object.fromEntries(back.all('link[rel="alternate"][hreflang]').map((l) => [l.attr('hreflang') ?? '', l.attr('href') ?? '']));
    expect(theirs).toEqual(alternates);
  }

  // Open Graph common to every page
  expect(one(d, 'og:url')).toBe(BASE + path);
  expect(one(d, 'og:site_name')).toBe('Kontekst');
  expect(one(d, 'og:locale')).toBe(ui === 'uk' ? 'uk_UA' : 'en_US');
  expect(one(d, 'og:locale:alternate')).toBe(ui === 'uk' ? 'en_US' : 'uk_UA');
  expect(one(d, 'og:title').length).toBeGreaterThan(0);

  // Scripts: the only inline executable one is the content-first loader, allowed by its hash in the
  // page's CSP (no 'unsafe-inline'); it loads the app; the state block parses
  expect(d.all('meta[http-equiv="Content-Security-Policy"]')).toHaveLength(1);
  const csp = d.first('meta[http-equiv="Content-Security-Policy"]')!.attr('content')!;
  const executable = d.all('script').filter((script) => !['application/json', 'application/ld+json'].includes(script.attr('type') ?? ''));
  expect(executable.map((script) => script.attr('src') ?? 'inline')).toEqual(['inline']);
  const loader = executable[0]!.text();
  expect(csp).toContain(`script-src 'self' 'sha256-${createHash('sha256').update(loader).digest('base64')}'`);
  expect(csp).not.toContain('unsafe-inline');
  expect(loader).toMatch(/import\(app\)/);
  expect(loader).toContain(`"/assets/`);
  // every "<script" and "</script" in the source is a real tag: no text broke out of its element
  expect(html.match(/<script\b/gi)?.length).toBe(d.all('script').length);
  expect(html.match(/<\/script/gi)?.length).toBe(d.all('script').length);
  const state = JSON.parse(d.first(`#${STATE_ELEMENT_ID}`)!.text()) as { queries: unknown[]; router: { loaderData: object } };
  expect(state.queries.length).toBeGreaterThan(0);
  expect(Object.keys(state.router.loaderData).length).toBeGreaterThan(0);
  return { d, html, path, ui };
}

function checkArticle(s: Site, file: string) {
  const { d, html, path, ui } = checkPage(s, file);
  const slug = path.split('/').pop()!;
  const article = s.articles.get(slug)!;
  expect(d.first('h1')!.text()).toBe(article.headline);
  expect(d.first('title')!.text()).toBe(`${article.headline} — Kontekst`);

  expect(one(d, 'og:type')).toBe('article');
  expect(one(d, 'og:title')).toBe(article.headline);
  expect(one(d, 'og:description').length).toBeGreaterThan(10);
  const image = one(d, 'og:image');
  expect(isAbsolute(image)).toBe(true);
  expect(pngSize(join(s.dist, new URL(image).pathname))).toEqual({ width: Number(one(d, 'og:image:width')), height: Number(one(d, 'og:image:height')) });
  expect(one(d, 'og:image:width')).toBe('1200');
  expect(one(d, 'og:image:height')).toBe('630');
  expect(one(d, 'og:image:alt')).toContain(article.headline);
  expect(one(d, 'article:published_time')).toBe(article.publishedAt);
  expect(one(d, 'article:published_time')).toMatch(WITH_OFFSET);
  expect(one(d, 'article:modified_time')).toMatch(WITH_OFFSET);
  expect(one(d, 'article:section').length).toBeGreaterThan(0);
  expect(meta(d, 'article:tag')).toHaveLength(article.topics.length);
  expect(one(d, 'twitter:card')).toBe('summary_large_image');
  expect(one(d, 'twitter:image')).toBe(image);

  // exactly one JSON-LD NewsArticle, parsed from the page as a crawler would
  const ld = d.all('script[type="application/ld+json"]');
  expect(ld).toHaveLength(1);
  const json = JSON.parse(ld[0]!.text());
  expect(json).toMatchObject({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt ?? article.publishedAt,
    inLanguage: article.lang,
    publisher: { '@type': 'Organization', name: 'Kontekst' },
    image: { url: image, width: 1200, height: 630 },
    mainEntityOfPage: { '@id': BASE + path },
  });
  expect(json.author.name.length).toBeGreaterThan(0);
  expect(json.about).toHaveLength(article.topics.length);

  // oEmbed: discovered from the page, a static file with every field
  const discovery = d.all('link[rel="alternate"][type="application/json+oembed"]');
  expect(discovery).toHaveLength(1);
  const oembedUrl = discovery[0]!.attr('href')!;
  expect(oembedUrl).toBe(`${BASE}/oembed/${ui}/${slug}.json`);
  const oembed = JSON.parse(readFileSync(join(s.dist, new URL(oembedUrl).pathname), 'utf8'));
  expect(oembed).toMatchObject({ version: '1.0', type: 'rich', title: article.headline, provider_name: 'Kontekst', provider_url: `${BASE}/`, thumbnail_url: image, thumbnail_width: 1200, thumbnail_height: 630 });
  expect(oembed.author_name).toBe(article.author ?? article.source.name);
  expect(Number.isInteger(oembed.width) && Number.isInteger(oembed.height)).toBe(true);
  const snippet = parseHtmlFragment(oembed.html);
  const frames = snippet.all('iframe');
  expect(frames).toHaveLength(1);
  expect(snippet.children).toHaveLength(1);
  const frame = frames[0]!;
  expect(frame.attr('src')).toBe(`${BASE}/embed/${ui}/news/${slug}`);
  expect(frame.attr('title')).toBe(article.headline);
  expect(frame.attr('width')).toBe(String(oembed.width));
  expect(frame.attr('height')).toBe(String(oembed.height));
  expect(frame.attr('loading')).toBe('lazy');
  expect(frame.attr('sandbox')!.split(' ')).toEqual(expect.arrayContaining(['allow-scripts', 'allow-popups']));
  expect(frame.attr('sandbox')).not.toContain('allow-same-origin');

  // the embed card: static, its content inline, one external script
  const cardHtml = readFileSync(join(s.dist, 'embed', ui, 'news', slug, 'index.html'), 'utf8');
  const card = parseHtml(cardHtml);
  expect(card.first('html')!.attr('lang')).toBe(ui);
  expect(card.first('h1')!.text()).toBe(article.headline);
  expect(card.first('time')!.attr('datetime')).toBe(article.publishedAt);
  const read = card.first('a[target="_blank"]')!;
  expect(read.attr('href')).toBe(BASE + path);
  expect(read.text()).toContain(ui === 'uk' ? 'Читати на Kontekst' : 'Read on Kontekst');
  expect(card.all('script').map((x) => x.attr('src'))).toEqual(['/embed/card.js']);
  expect(card.all('link[rel="stylesheet"], img, iframe')).toHaveLength(0);
  const style = card.first('style')!.text();
  expect(style).toContain('prefers-color-scheme:dark');
  // its own CSP: nothing but this style (by hash) and its script
  const csp = card.first('meta[http-equiv="Content-Security-Policy"]')!.attr('content')!;
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
  expect(csp).toContain("script-src 'self'");
}

describe('prerendered sample content', () => {
  it('writes every article in both UI languages, the home pages and every topic page', () => {
    const paths = content.report.pages.map((f) => pathOf(content, f));
    expect(content.articles.size).toBeGreaterThan(20);
    for (const slug of content.articles.keys()) {
      expect(paths).toContain(`/uk/news/${slug}`);
      expect(paths).toContain(`/en/news/${slug}`);
    }
    expect(paths).toEqual(expect.arrayContaining(['/uk/', '/en/', '/uk/topics/nato', '/en/topics/nato']));
    expect(readFileSync(join(content.dist, '404.html'), 'utf8')).toBe(TEMPLATE);
    expect(readFileSync(join(content.dist, 'index.html'), 'utf8')).toBe(TEMPLATE);
  });

  it('every article page has complete link-preview metadata, oEmbed and an embed card', { timeout: 60_000 }, () => {
    const pages = content.report.pages.filter((f) => f.includes('/news/'));
    expect(pages.length).toBe(content.articles.size * 2);
    for (const file of pages) checkArticle(content, file);
  });

  it('home and topic pages have canonical, reciprocal hreflang and Open Graph', { timeout: 60_000 }, () => {
    const pages = content.report.pages.filter((f) => !f.includes('/news/'));
    for (const file of pages) {
      const { d } = checkPage(content, file);
      expect(one(d, 'og:type')).toBe('website');
    }
  });

  it('the seed article page with its CSS stays within one round trip (14 KB gzip)', () => {
    const file = content.report.pages.find((f) => f.endsWith('/uk/news/u-kremli-prokomentuvaly-uchast-kazakhstanu-ta-virmenii-u-prohramakh-nato-na-foni/index.html'))!;
    const htmlGz = gzipSync(readFileSync(file)).length;
    const cssGz = gzipSync(readFileSync('src/app/shell/styles.css')).length; // unminified: an upper bound
    expect(htmlGz + cssGz).toBeLessThanOrEqual(14 * 1024);
  });
});

describe('a hostile feed (control characters, $-patterns, bidi and zero-width controls)', () => {
  it('imports, prerenders with a share image, and every head is well formed with the text as given', { timeout: 60_000 }, () => {
    const pages = hostileFeed.report.pages.filter((f) => f.includes('/news/'));
    expect(pages).toHaveLength(2);
    expect(hostileFeed.report.images).toHaveLength(1);
    for (const file of hostileFeed.report.pages) checkPage(hostileFeed, file);
    for (const file of pages) checkArticle(hostileFeed, file);
    const [article] = [...hostileFeed.articles.values()];
    expect(article!.headline).toBe("Bell here: $` then $' and $& and $$ gnp.exe xy");
    expect(article!.source.name).toBe('Hostile Feed');
    const clean = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufffe\uffff]/;
    for (const file of [...hostileFeed.report.pages, ...hostileFeed.report.embeds, ...hostileFeed.report.oembeds]) {
      expect(clean.test(readFileSync(file, 'utf8')), file).toBe(false);
    }
  });
});

describe('a hostile headline (</script>, quotes, tags)', () => {
  it('stays text everywhere: page, JSON-LD, Open Graph, oEmbed, embed card', { timeout: 60_000 }, () => {
    const pages = hostile.report.pages.filter((f) => f.includes('/news/'));
    expect(pages).toHaveLength(4);
    for (const file of pages) checkArticle(hostile, file);
    const uk = [...hostile.articles.values()].find((a) => a.lang === 'uk')!;
    expect(uk.headline).toContain('</script><script>alert("x")</script>');
    const html = readFileSync(pages.find((f) => f.includes(`/uk/news/${uk.slug}/`))!, 'utf8');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
  });

  it('the English article carries its author with quotes through JSON-LD and oEmbed', () => {
    const en = [...hostile.articles.values()].find((a) => a.lang === 'en')!;
    expect(en.author).toBe('O\'Brien "</script>"');
    const d = parseHtml(readFileSync(join(hostile.dist, 'en', 'news', en.slug, 'index.html'), 'utf8'));
    const json = JSON.parse(d.first('script[type="application/ld+json"]')!.text());
    expect(json.author).toEqual({ '@type': 'Person', name: en.author });
    expect(one(d, 'article:modified_time')).toBe('2022-03-30T12:00:00+03:00');
  });
});

describe('link-out articles (a feed item with no text)', () => {
  it('are complete pages: the way to the source in the first HTML, in both languages, and an embed card', { timeout: 60_000 }, () => {
    const pages = linkOut.report.pages.filter((f) => f.includes('/news/'));
    expect(pages).toHaveLength(4);
    for (const file of pages) {
      checkArticle(linkOut, file);
      const { d, path, ui } = checkPage(linkOut, file);
      const article = linkOut.articles.get(path.split('/').pop()!)!;
      const read = d.all('a[class="link-out-button"]');
      expect(read.map((a) => [a.text(), a.attr('href')])).toEqual([[ui === 'uk' ? 'Читати в джерелі' : 'Read at the source', article.url]]);
      expect(d.first('div[class="link-out"]')!.first('p')!.text()).toContain('Стрічка новин');
      // no "1 minute read" for a page with nothing to read, no empty lead
      expect(d.first('p[class="meta"]')!.text()).not.toMatch(/хвилин|minute/);
      expect(d.all('p[class="lead"]').map((p) => p.text())).toEqual(article.lead ? [article.lead] : []);
      const card = parseHtml(readFileSync(join(linkOut.dist, 'embed', ui, 'news', article.slug, 'index.html'), 'utf8'));
      expect(card.all('p[class="lead"]').map((p) => p.text())).toEqual(article.lead ? [article.lead] : []);
    }
    expect([...linkOut.articles.values()].map((a) => a.lead).sort()).toEqual(['', 'Місто отримало перші десять трамваїв за програмою оновлення транспорту.']);
  });
});

describe('KONTEKST_BASE_URL', () => {
  it('defaults to the local preview and accepts an origin', () => {
    expect(baseUrlFrom(undefined)).toBe('http://localhost:4173');
    expect(baseUrlFrom('https://news.example.org/')).toBe('https://news.example.org');
  });
  it('refuses what would make broken links', () => {
    expect(() => baseUrlFrom('news.example.org')).toThrow(/not a URL/);
    expect(() => baseUrlFrom('ftp://news.example.org')).toThrow(/http\(s\)/);
    expect(() => baseUrlFrom('https://example.org/news/')).toThrow(/without a path/);
  });
});
