/**
 * npm run bench:search — the search index on real news and at 100 000 articles.
 *
 * Prints, per corpus: index size (JSON and gzipped), shards, what the first
 * search downloads, build time, time to load the first shards, and query
 * p50/p95 (words, phrases, prefixes while typing, typos) as the worker runs
 * them. Also how many inflection groups the stemmers conflate.
 *
 * Reads ../shared/corpus (not ours to publish; never committed) and skips
 * with a message when it is absent. The feeds are read here directly (title,
 * summary, content, tags), not by the feed importer.
 */
import * as v from 'valibot';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { stemmer as oramaUkrainian } from '@orama/stemmers/ukrainian';
import type { Article, Lang } from '../src/core/model/article.ts';
import { slugify } from '../src/core/text/slug.ts';
import { buildSearchIndex } from '../src/build/index/buildIndex.ts';
import { jsonText } from '../src/build/lib/jsonText.ts';
import { SearchEngine } from '../src/app/search/engine.ts';
import { fold, stem, words } from '../src/core/text/words.ts';
import { FIRST_SEARCH_BYTES, SearchManifest } from '../src/core/search/searchData.ts';
import { UK_GROUPS, UK_HARD_GROUPS } from '../src/core/text/stemCases.ts';

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const KB = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const MB = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;

function paragraphs(text: string): string[] {
  return text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
}

function makeArticle(n: number, lang: Lang, headline: string, text: string, date: string, tags: string[]): Article {
  const paras = paragraphs(text);
  const topics = [...new Set(tags)].map((tag) => ({ slug: slugify(tag) || 'topic', labels: { [lang]: tag } }));
  return {
    id: `b${n}`,
    slug: `${slugify(headline).slice(0, 60) || 'article'}-${n}`,
    lang,
    headline: headline || paras[0]?.slice(0, 80) || 'untitled',
    publishedAt: /^\d{4}-\d{2}-\d{2}/.test(date) ? date : '1987-01-01',
    source: { name: 'bench' },
    lead: paras[0] ?? '',
    body: paras.slice(1).map((p) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text: p }] })),
    context: [],
    topics,
    related: [],
    translations: {},
    wordCount: 0,
  };
}

function readReuters(): Article[] {
  const feed = JSON.parse(readFileSync(join(CORPUS, 'reuters-21578.feed.json'), 'utf8')) as {
    items: { title?: string; content_text?: string; summary?: string; date_published?: string; tags?: string[] }[];
  };
  return feed.items.map((it, k) => makeArticle(k, 'en', it.title ?? '', it.content_text ?? it.summary ?? '', it.date_published ?? '', it.tags ?? []));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
function decode(s: string): string {
  return s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(\w+);/g, (m, e: string) => ENTITIES[e] ?? m);
}
function htmlText(html: string): string {
  return decode(html).replace(/<\/(p|div|h\d|li)>|<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, ' ').replace(/[ \t]+/g, ' ');
}

function readSlavner(): Article[] {
  const xml = readFileSync(join(CORPUS, 'slavner-uk.rss.xml'), 'utf8');
  const items = xml.match(/<item>[\s\S]*?<\/item>/g) ?? [];
  const tag = (item: string, name: string) => item.match(new RegExp(`<${name}[^>]*>([\\s\\S]*?)</${name}>`))?.[1] ?? '';
  return items.map((item, k) => {
    const cats = [...item.matchAll(/<category(?![^>]*domain="story")[^>]*>([^<]*)<\/category>/g)].map((m) => decode(m[1] ?? ''));
    const content = htmlText(tag(item, 'content:encoded')) || htmlText(tag(item, 'description'));
    return makeArticle(k, 'uk', decode(tag(item, 'title')).trim(), content, tag(item, 'dc:date'), cats);
  });
}

/** Queries a reader would type, taken from the corpus itself (deterministic). */
function queries(articles: readonly Article[], count = 300): string[] {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: string[] = [];
  while (out.length < count) {
    const ws = words(pick(articles).headline).filter((w) => w.length >= 4 && !/^\d+$/.test(w));
    if (ws.length === 0) continue;
    const w = pick(ws);
    switch (out.length % 4) {
      case 0: out.push(w); break; // a word
      case 1: out.push(`${pick(ws)} ${w}`); break; // two words
      case 2: out.push(w.slice(0, Math.max(3, Math.ceil(w.length * 0.6)))); break; // typing
      default: {
        const k = 1 + Math.floor(rnd() * (w.length - 2));
        out.push(w.length >= 6 ? w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2) : w); // a typo (swap)
      }
    }
  }
  return out;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function bench(name: string, articles: Article[], lang: Lang): Promise<void> {
  console.log(`\n## ${name}: ${articles.length} articles (${lang})`);
  let t = performance.now();
  const files = buildSearchIndex(articles);
  const buildMs = performance.now() - t;
  const manifest = v.parse(SearchManifest, files.get(`search/${lang}/manifest.json`));
  const raw = manifest.shards.reduce((n, s) => n + s.bytes, 0);
  const gz = manifest.shards.reduce((n, s) => n + s.gzip, 0);
  let first = 0;
  let firstShards = 0;
  for (const s of manifest.shards) {
    if (firstShards > 0 && first + s.gzip > FIRST_SEARCH_BYTES) break;
    first += s.gzip;
    firstShards++;
  }
  const manifestGz = gzipSync(JSON.stringify(manifest)).length;
  console.log(`index: ${MB(raw)} JSON, ${MB(gz)} gzipped, ${manifest.shards.length} shard(s) (largest ${KB(Math.max(...manifest.shards.map((s) => s.gzip)))} gzipped); manifest ${KB(manifestGz)} gzipped`);
  console.log(`first search downloads: ${MB(first + manifestGz)} gzipped (${firstShards} shard(s), ${manifest.shards.slice(0, firstShards).reduce((n, s) => n + s.docs, 0)} newest articles)`);
  console.log(`build: ${(buildMs / 1000).toFixed(1)} s`);

  // The worker's view: JSON text parsed and loaded into MiniSearch.
  const texts = new Map([...files].map(([p, v]) => [`/data/${p}`, jsonText(v)]));
  const engine = new SearchEngine(async (url) => {
    const text = texts.get(url.replace(/\?.*$/, ''));
    return text === undefined ? null : JSON.parse(text);
  });
  t = performance.now();
  await engine.warm(lang);
  console.log(`load first shards (parse + MiniSearch.loadJS): ${(performance.now() - t).toFixed(0)} ms`);

  const qs = queries(articles);
  const run = async (label: string) => {
    for (const q of qs.slice(0, 30)) await engine.search(lang, q); // warm up the JIT
    // Each query 3 times, its median kept: the machine is shared, and one busy neighbour should not
    // decide a percentile.
    const times: number[] = [];
    let found = 0;
    for (const q of qs) {
      const runs: number[] = [];
      for (let r = 0; r < 3; r++) {
        const s = performance.now();
        const a = await engine.search(lang, q);
        runs.push(performance.now() - s);
        if (r === 0 && a.total > 0) found++;
      }
      times.push(pct(runs, 50));
    }
    console.log(`query (${label}, ${qs.length} queries × 3 runs, median per query; ${found} with results): p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
  };
  await run(`${firstShards} shard(s)`);
  if (firstShards < manifest.shards.length) {
    t = performance.now();
    while ((await engine.search(lang, 'x')).searched < manifest.docs) await engine.more(lang);
    console.log(`load all ${manifest.shards.length} shards: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await run(`all ${manifest.shards.length} shards`);
  }
}

function stemmerReport(): void {
  const groups = [...UK_GROUPS, ...UK_HARD_GROUPS];
  const score = (f: (w: string) => string) => groups.filter((g) => new Set(g.map(f)).size === 1).length;
  console.log('\n## Ukrainian stemming: inflection groups whose forms all give one term (src/core/text/stemCases.ts)');
  console.log(`@orama/stemmers ukrainian alone: ${score((w) => oramaUkrainian(fold(w)))}/${groups.length}`);
  console.log(`normalise.ts (Orama + the -ія rule): ${score((w) => stem(fold(w)))}/${groups.length}`);
}

async function main(): Promise<void> {
  stemmerReport();
  if (!existsSync(join(CORPUS, 'reuters-21578.feed.json')) || !existsSync(join(CORPUS, 'slavner-uk.rss.xml'))) {
    console.log(`\nskipped: the corpus is not at ${CORPUS} (it is not part of this repository)`);
    return;
  }
  const slavner = readSlavner();
  const reuters = readReuters();
  await bench('slavner-uk.rss.xml', slavner, 'uk');
  await bench('reuters-21578.feed.json', reuters, 'en');
  // 100 000 articles: Reuters five times over, each copy a year apart (same vocabulary, 5× the postings).
  const big: Article[] = [];
  for (let copy = 0; big.length < 100_000; copy++) {
    for (const a of reuters) {
      if (big.length >= 100_000) break;
      const year = 1987 + copy;
      big.push({ ...a, id: `${a.id}-${copy}`, slug: `${a.slug}-${copy}`, publishedAt: a.publishedAt.replace(/^\d{4}/, String(year)) });
    }
  }
  await bench('synthetic 100 000 (Reuters ×5)', big, 'en');
}

await main();
