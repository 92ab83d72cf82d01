/**
 * npm run bench:web — Lighthouse 12 (default mobile settings) on the built site,
 * five interleaved rounds over the seed article, the home page, a topic page and
 * the physical limit: a plain static HTML page of the seed article (no JavaScript,
 * inline CSS) that this bench writes itself. Prints medians and writes
 * reports/bench-web.json.
 *
 *   npm run bench:web [-- --runs 5 --no-build --only article,limit --lhr]
 *
 * --only runs a subset of the pages; --lhr keeps every full Lighthouse report in
 * reports/lhr/ (for reading the long tasks, the request chain and the Lantern graph).
 */
import * as v from 'valibot';
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { startStaticServer } from './static-server.ts';
import { Article } from '../src/core/model/article.ts';
import { ListPage, OlderPage } from '../src/core/model/dataset.ts';
import { formatDateTime } from '../src/core/time/dates.ts';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1]!.split(',') : null;
const KEEP_LHR = args.includes('--lhr');
const PORT = Number(process.env.BENCH_PORT ?? 4190);
const DIST = 'dist';
const TARGETS = { lcpRatio: 1.25, performance: 100, accessibility: 100, 'best-practices': 100, seo: 100, tbt: 50, cls: 0.01 };

if (!args.includes('--no-build')) execSync('npm run -s build', { stdio: 'inherit' });

// ---- the pages ---------------------------------------------------------------
const seedHeadline = readFileSync('content/000_cb2fd77c0b4dd6b1.txt', 'utf8').split('\n')[0]!.trim();
const listDir = join(DIST, 'data/latest/all');
// the head (1.json) and the older pages (older/<n>.json)
const olderDir = join(listDir, 'older');
const summaries = [
  ...v.parse(ListPage, JSON.parse(readFileSync(join(listDir, '1.json'), 'utf8'))).items,
  ...(existsSync(olderDir) ? readdirSync(olderDir) : []).flatMap((f) => v.parse(OlderPage, JSON.parse(readFileSync(join(olderDir, f), 'utf8'))).items),
];
const seedSummary = summaries.find((s) => s.headline === seedHeadline);
if (!seedSummary) throw new Error('the seed article is not in the dataset');
const seed = v.parse(Article, JSON.parse(readFileSync(join(DIST, 'data/articles', `${seedSummary.slug}.json`), 'utf8')));

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const text = (blocks: typeof seed.body) =>
  blocks.map((b) => (b.type === 'paragraph' ? `<p>${esc(b.content.map((r) => r.text).join(''))}</p>` : '')).join('\n');
const css = readdirSync(join(DIST, 'assets'))
  .filter((f) => f.endsWith('.css'))
  .map((f) => readFileSync(join(DIST, 'assets', f), 'utf8'))
  .join('\n');
const limitHtml = `<!doctype html>
<html lang="uk"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(seed.headline)} — Kontekst</title><meta name="description" content="${esc(seed.lead.slice(0, 160))}">
<style>${css}</style></head>
<body><div id="root"><header class="site-header"><div class="wrap header-row"><a class="brand" href="/uk/"><span class="brand-name">Kontekst</span></a></div></header>
<main id="main" class="wrap"><article class="article"><header class="article-header"><h1>${esc(seed.headline)}</h1>
<p class="meta"><time datetime="${seed.publishedAt}">${formatDateTime(seed.publishedAt, 'uk')}</time></p></header>
<div class="article-grid"><div class="article-body"><p class="lead">${esc(seed.lead)}</p>${text(seed.body)}</div>
<aside class="context"><h2>Контекст</h2>${text(seed.context)}</aside></div>
<section class="topics"><h2>Теми</h2><ul>${seed.topics.map((t) => `<li><a href="/uk/topics/${t.slug}">${esc(t.labels.uk ?? t.slug)}</a></li>`).join('')}</ul></section>
</article></main></div></body></html>`;
mkdirSync(join(DIST, '__limit'), { recursive: true });
writeFileSync(join(DIST, '__limit', 'index.html'), limitHtml);

const topic = seed.topics[0]!.slug;
const allPages: Record<string, string> = {
  article: `/uk/news/${seed.slug}`,
  home: '/uk/',
  topic: `/uk/topics/${topic}`,
  limit: '/__limit/',
};
const pages = ONLY ? Object.fromEntries(Object.entries(allPages).filter(([name]) => ONLY.includes(name))) : allPages;
if (KEEP_LHR) mkdirSync('reports/lhr', { recursive: true });

// ---- Lighthouse ----------------------------------------------------------------
type Sample = { performance: number; accessibility: number; 'best-practices': number; seo: number; fcp: number; lcp: number; tbt: number; cls: number; js: number; css: number; html: number };
const server = await startStaticServer(DIST, PORT, { gzip: true });
const chromePath = findChromium();
if (!chromePath) throw new Error('no Chromium found: set CHROMIUM_PATH');
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', ...CHROMIUM_ARGS] });
const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));

try {
  for (let round = 1; round <= RUNS; round++) {
    for (const [name, path] of Object.entries(pages)) {
      const result = await lighthouse(`http://localhost:${PORT}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
      const lhr = result!.lhr;
      if (KEEP_LHR) writeFileSync(`reports/lhr/${name}-${round}.json`, JSON.stringify(lhr));
      const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      const items = (lhr.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
      const bytes = (type: string) => items.find((i) => i.resourceType === type)?.transferSize ?? 0;
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      samples[name]!.push({
        performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo'),
        fcp: num('first-contentful-paint'), lcp: num('largest-contentful-paint'), tbt: num('total-blocking-time'), cls: num('cumulative-layout-shift'),
        js: bytes('script'), css: bytes('stylesheet'), html: bytes('document'),
      });
      process.stdout.write(`round ${round}/${RUNS} ${name}: LCP ${Math.round(num('largest-contentful-paint'))} ms\n`);
    }
  }
} finally {
  await chrome.kill();
  await server.close();
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const medians = Object.fromEntries(
  Object.entries(samples).map(([name, runs]) => [name, Object.fromEntries(Object.keys(runs[0]!).map((k) => [k, median(runs.map((r) => r[k as keyof Sample]))]))]),
) as Record<string, Sample>;

console.log('\nmedians of', RUNS, 'runs (Lighthouse 12, mobile):');
console.log(['page', 'perf', 'a11y', 'bp', 'seo', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'JS KB', 'CSS KB', 'HTML KB'].join('\t'));
for (const [name, m] of Object.entries(medians)) {
  console.log([name, m.performance, m.accessibility, m['best-practices'], m.seo, Math.round(m.fcp), Math.round(m.lcp), Math.round(m.tbt), m.cls.toFixed(3), (m.js / 1000).toFixed(1), (m.css / 1000).toFixed(1), (m.html / 1000).toFixed(1)].join('\t'));
}
const ratio = medians.article && medians.limit ? medians.article.lcp / medians.limit.lcp : NaN;
console.log(`\narticle LCP / static-HTML limit LCP: ${ratio.toFixed(2)} (target ≤ ${TARGETS.lcpRatio})`);

const misses: string[] = [];
if (!(ratio <= TARGETS.lcpRatio)) misses.push(`LCP ratio ${ratio.toFixed(2)}`);
for (const name of ['article', 'home', 'topic'].filter((n) => medians[n])) {
  const m = medians[name]!;
  for (const cat of ['performance', 'accessibility', 'best-practices', 'seo'] as const) if (m[cat] < TARGETS[cat]) misses.push(`${name} ${cat} ${m[cat]}`);
  if (m.tbt > TARGETS.tbt) misses.push(`${name} TBT ${Math.round(m.tbt)} ms`);
  if (m.cls > TARGETS.cls) misses.push(`${name} CLS ${m.cls.toFixed(3)}`);
}
console.log(misses.length ? `targets missed: ${misses.join('; ')}` : 'all targets met');

mkdirSync('reports', { recursive: true });
writeFileSync('reports/bench-web.json', JSON.stringify({ runs: RUNS, pages, targets: TARGETS, medians, lcpRatio: ratio, misses, samples }, null, 2));
console.log('report: reports/bench-web.json');
