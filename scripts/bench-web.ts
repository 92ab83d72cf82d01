/**
 * npm run bench:web — Lighthouse 12 (mobile) on the built site at two CPU slowdowns, 4× (Lighthouse's
 * default, a mid-range phone) and 8× (a low-end phone), on the seed article, the home page, a topic
 * page and the search page, each interleaved with its physical limit: the same page's prerendered HTML
 * with every script stripped (the search page is not prerendered: its limit is the home page's). Rounds
 * are interleaved (page, its limit, next page…, then the next CPU profile), so a busy machine slows
 * both sides of a comparison alike. Prints medians (perf, TBT, LCP and its ratio to the limit's, CLS)
 * and writes reports/bench-web.json.
 *
 *   npm run bench:web [-- --runs 5 --cpu 4,8 --no-build --only article,home --lhr]
 *
 * --only runs a subset of the pages; --lhr keeps every full Lighthouse report in reports/lhr/.
 * Targets (docs/adr/0012-islands.md): at 8× performance ≥ 98, TBT ≤ 100 ms, LCP ≤ 1.25× the limit,
 * CLS ≤ 0.01; at 4× TBT ≤ 50 ms; accessibility, best practices, SEO 100.
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
import { median } from './median.ts';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Number(opt('--runs')) || 5;
const ONLY = opt('--only')?.split(',') ?? null;
const CPUS = (opt('--cpu') ?? '4,8').split(',').map(Number);
const KEEP_LHR = args.includes('--lhr');
const PORT = Number(process.env.BENCH_PORT ?? 4190);
const DIST = 'dist';
const TARGETS = {
  8: { performance: 98, tbt: 100, lcpRatio: 1.25, cls: 0.01 },
  4: { tbt: 50, categories: 100 },
};

if (!args.includes('--no-build')) execSync('npm run -s build', { stdio: 'inherit' });

// ---- the pages and their limits ------------------------------------------------------------
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
const topic = seed.topics.find((t) => t.slug === 'nato')?.slug ?? seed.topics[0]!.slug;

/** The prerendered page with no script at all (the loader, the state block): what the HTML alone costs. */
function writeLimit(name: string, prerendered: string): string {
  const html = readFileSync(join(DIST, prerendered.replace(/^\//, ''), 'index.html'), 'utf8').replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/g, '');
  const path = `/__limit/${name}/`;
  mkdirSync(join(DIST, path), { recursive: true });
  writeFileSync(join(DIST, path, 'index.html'), html);
  return path;
}

const allPages: Record<string, { path: string; limit: string }> = {
  article: { path: `/uk/news/${seed.slug}`, limit: writeLimit('article', `/uk/news/${seed.slug}`) },
  home: { path: '/uk/', limit: writeLimit('home', '/uk/') },
  topic: { path: `/uk/topics/${topic}`, limit: writeLimit('topic', `/uk/topics/${topic}`) },
  // not prerendered (the SPA shell renders it): its limit is the home page's static HTML
  search: { path: `/uk/search?q=${encodeURIComponent('НАТО')}`, limit: '/__limit/home/' },
};
const pages = ONLY ? Object.fromEntries(Object.entries(allPages).filter(([name]) => ONLY.includes(name))) : allPages;
if (KEEP_LHR) mkdirSync('reports/lhr', { recursive: true });

// ---- Lighthouse --------------------------------------------------------------------------------
type Sample = { performance: number; accessibility: number; 'best-practices': number; seo: number; fcp: number; lcp: number; tbt: number; cls: number; js: number };
type Pair = { page: Sample; limit: Sample };
const server = await startStaticServer(DIST, PORT, { gzip: true });
const chromePath = findChromium();
if (!chromePath) throw new Error('no Chromium found: set CHROMIUM_PATH');
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', ...CHROMIUM_ARGS] });
const samples: Record<number, Record<string, Pair[]>> = Object.fromEntries(CPUS.map((cpu) => [cpu, Object.fromEntries(Object.keys(pages).map((k) => [k, []]))]));

async function measure(path: string, cpu: number, label: string): Promise<Sample> {
  const result = await lighthouse(`http://localhost:${PORT}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', throttling: { cpuSlowdownMultiplier: cpu } });
  const lhr = result!.lhr;
  if (KEEP_LHR) writeFileSync(`reports/lhr/${label}.json`, JSON.stringify(lhr));
  const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const items = (lhr.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  return {
    performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo'),
    fcp: num('first-contentful-paint'), lcp: num('largest-contentful-paint'), tbt: num('total-blocking-time'), cls: num('cumulative-layout-shift'),
    js: items.find((i) => i.resourceType === 'script')?.transferSize ?? 0,
  };
}

try {
  for (let round = 1; round <= RUNS; round++) {
    for (const cpu of CPUS) {
      for (const [name, { path, limit }] of Object.entries(pages)) {
        const page = await measure(path, cpu, `${name}-${cpu}x-${round}`);
        const lim = await measure(limit, cpu, `${name}-limit-${cpu}x-${round}`);
        samples[cpu]![name]!.push({ page, limit: lim });
        process.stdout.write(`round ${round}/${RUNS} ${cpu}× ${name}: perf ${page.performance}, TBT ${Math.round(page.tbt)} ms, LCP ${Math.round(page.lcp)} ms (limit ${Math.round(lim.lcp)} ms, TBT ${Math.round(lim.tbt)} ms)\n`);
      }
    }
  }
} finally {
  await chrome.kill();
  await server.close();
}

type Row = { performance: number; tbt: number; lcp: number; limitLcp: number; lcpRatio: number; cls: number; limitTbt: number; limitPerf: number; js: number; accessibility: number; 'best-practices': number; seo: number };
const medians: Record<number, Record<string, Row>> = {};
const misses: string[] = [];
console.log(`\nmedians of ${RUNS} interleaved runs (Lighthouse 12, mobile; the LCP ratio is the median of each run's page/limit ratio)`);
for (const cpu of CPUS) {
  medians[cpu] = {};
  console.log(`\nCPU ${cpu}×`);
  console.log(['page', 'perf', 'TBT ms', 'LCP ms', 'limit LCP', 'LCP ratio', 'CLS', 'limit perf', 'limit TBT', 'JS KB', 'a11y/bp/seo'].join('\t'));
  for (const [name, runs] of Object.entries(samples[cpu]!)) {
    const m = (f: (p: Pair) => number) => median(runs.map(f));
    const row: Row = {
      performance: m((p) => p.page.performance), tbt: m((p) => p.page.tbt), lcp: m((p) => p.page.lcp), limitLcp: m((p) => p.limit.lcp),
      lcpRatio: m((p) => p.page.lcp / p.limit.lcp), cls: m((p) => p.page.cls), limitTbt: m((p) => p.limit.tbt), limitPerf: m((p) => p.limit.performance),
      js: m((p) => p.page.js), accessibility: m((p) => p.page.accessibility), 'best-practices': m((p) => p.page['best-practices']), seo: m((p) => p.page.seo),
    };
    medians[cpu]![name] = row;
    console.log([name, row.performance, Math.round(row.tbt), Math.round(row.lcp), Math.round(row.limitLcp), row.lcpRatio.toFixed(2), row.cls.toFixed(3), row.limitPerf, Math.round(row.limitTbt), (row.js / 1000).toFixed(1), `${row.accessibility}/${row['best-practices']}/${row.seo}`].join('\t'));
    if (cpu === 8) {
      const t = TARGETS[8];
      if (row.performance < t.performance) misses.push(`8× ${name} perf ${row.performance}`);
      if (row.tbt > t.tbt) misses.push(`8× ${name} TBT ${Math.round(row.tbt)} ms`);
      if (!(row.lcpRatio <= t.lcpRatio)) misses.push(`8× ${name} LCP ratio ${row.lcpRatio.toFixed(2)}`);
      if (row.cls > t.cls) misses.push(`8× ${name} CLS ${row.cls.toFixed(3)}`);
    }
    if (cpu === 4) {
      if (row.tbt > TARGETS[4].tbt) misses.push(`4× ${name} TBT ${Math.round(row.tbt)} ms`);
      for (const cat of ['accessibility', 'best-practices', 'seo'] as const) if (row[cat] < TARGETS[4].categories) misses.push(`4× ${name} ${cat} ${row[cat]}`);
    }
  }
}
console.log(`\n${misses.length ? `targets missed: ${misses.join('; ')}` : 'all targets met'}`);
console.log('(timings from a shared machine are noisy: compare interleaved runs, not single figures)');

mkdirSync('reports', { recursive: true });
writeFileSync('reports/bench-web.json', JSON.stringify({ runs: RUNS, cpus: CPUS, pages, targets: TARGETS, medians, misses, samples }, null, 2));
console.log('report: reports/bench-web.json');
