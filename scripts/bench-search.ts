/**
 * npm run bench:search — the search index on real news and at 100 000 articles.
 *
 * Prints, per corpus: the index (files, sizes, build time); for 300 queries
 * (words, two words, prefixes while typing, typos) what a cold query
 * downloads and its time, and a warm query's time, as the worker runs them;
 * on the two real corpora, how the results compare with MiniSearch over the
 * whole archive (today's engine). Also how many inflection groups the
 * stemmers conflate. A summary table at the end.
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
import MiniSearch from 'minisearch';
import { buildSearchIndex, shardBytes, toSearchDoc } from '../src/build/index/buildIndex.ts';
import { jsonText } from '../src/build/lib/jsonText.ts';
import { SearchEngine, buildQuery } from '../src/app/search/engine.ts';
import { fold, stem, words } from '../src/core/text/words.ts';
import { FIELD_BOOST, type SearchDoc, SearchManifest, indexOptions } from '../src/core/search/searchData.ts';
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

/** The files as a host serves them: JSON text, and its gzipped size (level 1: an upper bound, see ADR 6). */
function serve(files: Map<string, unknown>) {
  const texts = new Map<string, string>();
  const gz = new Map<string, number>();
  for (const [path, value] of files) {
    const text = jsonText(value);
    texts.set(`/data/${path}`, text);
    gz.set(`/data/${path}`, gzipSync(text, { level: 1 }).length);
  }
  return { texts, gz };
}

/** An engine over served files that counts what it downloads (gzipped bytes). */
function client({ texts, gz }: ReturnType<typeof serve>) {
  const got = { bytes: 0, files: 0 };
  const engine = new SearchEngine(async (url) => {
    const path = url.replace(/\?.*$/, '');
    const text = texts.get(path);
    if (text === undefined) return null;
    got.bytes += gz.get(path) ?? 0;
    got.files++;
    return JSON.parse(text);
  });
  return { engine, got };
}

/** Today's engine for comparison: MiniSearch over every article at once (what "Search older articles" ended with). */
function wholeMiniSearch(articles: readonly Article[]): MiniSearch<SearchDoc> {
  const json = JSON.parse(new TextDecoder().decode(shardBytes(articles.map((a) => toSearchDoc(a)))));
  return MiniSearch.loadJS(json, indexOptions);
}

const RECENT_SEARCH = { boost: FIELD_BOOST, combineWith: 'AND', tokenize: (s: string) => [s], processTerm: (s: string) => s } as const;

interface Row {
  name: string;
  articles: number;
  build: number;
  files: number;
  raw: number;
  gz: number;
  largest: number;
  recentGz: number;
  coldKb: [number, number, number];
  cold: [number, number];
  warm: [number, number];
  found: number;
  overlap?: string;
}
const rows: Row[] = [];

async function bench(name: string, articles: Article[], lang: Lang, compare: boolean): Promise<void> {
  console.log(`\n## ${name}: ${articles.length} articles (${lang})`);
  let t = performance.now();
  const files = buildSearchIndex(articles);
  const buildMs = performance.now() - t;
  const manifest = v.parse(SearchManifest, files.get(`search/${lang}/manifest.json`));
  const served = serve(new Map([...files].filter(([p]) => p.startsWith(`search/${lang}/`))));
  const sizes = [...served.texts.values()].map((x) => Buffer.byteLength(x) + 1);
  const raw = sizes.reduce((n, x) => n + x, 0);
  const gz = [...served.gz.values()].reduce((n, x) => n + x, 0);
  const recentGz = served.gz.get(`/data/search/${lang}/${manifest.gen}/recent.json`) ?? 0;
  console.log(
    `index: ${served.texts.size} files, ${MB(raw)} JSON, ${MB(gz)} gzipped; ${manifest.parts.length} term parts, ` +
      `${Math.ceil(manifest.docs / manifest.docChunk)} doc chunks; largest file ${KB(Math.max(...sizes))}; ` +
      `offline index (newest ${manifest.recent}) ${KB(recentGz)} gzipped; build ${(buildMs / 1000).toFixed(1)} s`,
  );

  const qs = queries(articles);
  // Cold: a new engine per query (nothing loaded, no cache): what it downloads, and its time
  // (files parsed from text, as the worker does; the network's own time is not in it).
  const coldMs: number[] = [];
  const coldBytes: number[] = [];
  for (const q of qs) {
    const { engine, got } = client(served);
    const s = performance.now();
    await engine.search(lang, q);
    coldMs.push(performance.now() - s);
    coldBytes.push(got.bytes);
  }
  // Warm: one engine that has answered every query once; each query 3 times, its median kept
  // (the machine is shared, and one busy neighbour should not decide a percentile).
  const { engine } = client(served);
  let found = 0;
  for (const q of qs) if ((await engine.search(lang, q)).total > 0) found++;
  const warmMs: number[] = [];
  for (const q of qs) {
    const runs: number[] = [];
    for (let r = 0; r < 3; r++) {
      const s = performance.now();
      await engine.search(lang, q);
      runs.push(performance.now() - s);
    }
    warmMs.push(pct(runs, 50));
  }
  const row: Row = {
    name,
    articles: articles.length,
    build: buildMs / 1000,
    files: served.texts.size,
    raw,
    gz,
    largest: Math.max(...sizes),
    recentGz,
    coldKb: [pct(coldBytes, 50) / 1024, pct(coldBytes, 95) / 1024, Math.max(...coldBytes) / 1024],
    cold: [pct(coldMs, 50), pct(coldMs, 95)],
    warm: [pct(warmMs, 50), pct(warmMs, 95)],
    found,
  };
  console.log(
    `cold query (${qs.length}): downloads p50 ${row.coldKb[0].toFixed(0)} KB, p95 ${row.coldKb[1].toFixed(0)} KB, max ${row.coldKb[2].toFixed(0)} KB gzipped; ` +
      `time p50 ${row.cold[0].toFixed(1)} ms, p95 ${row.cold[1].toFixed(1)} ms`,
  );
  console.log(`warm query: p50 ${row.warm[0].toFixed(1)} ms, p95 ${row.warm[1].toFixed(1)} ms; ${found} of ${qs.length} queries with results`);

  if (compare) {
    // Quality against today's engine (MiniSearch over the whole archive, same normaliser and query).
    const mini = wholeMiniSearch(articles);
    let miniFound = 0;
    let same = 0;
    let top = 0;
    for (const q of qs) {
      const query = buildQuery(q);
      const theirs = query ? (mini.search(query, RECENT_SEARCH) as unknown as Array<{ id: string; score: number; publishedAt: string }>) : [];
      theirs.sort((a, b) => b.score - a.score || b.publishedAt.localeCompare(a.publishedAt));
      if (theirs.length > 0) miniFound++;
      const ours = (await engine.search(lang, q, 10)).hits.map((h) => h.slug);
      const want = new Set(theirs.slice(0, 10).map((r) => r.id));
      same += ours.filter((x) => want.has(x)).length;
      top += Math.min(10, theirs.length);
    }
    row.overlap = `${((100 * same) / Math.max(top, 1)).toFixed(0)} % of MiniSearch's top 10; MiniSearch finds ${miniFound}`;
    console.log(`against MiniSearch over the whole archive: ${row.overlap}`);
  }
  rows.push(row);
}

function table(): void {
  console.log('\n## Summary (gzip level 1; times on this machine)');
  console.log('| corpus | articles | files / largest | index gzipped | cold download p50 / p95 / max | cold p50 / p95 | warm p50 / p95 | with results | build |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.articles} | ${r.files} / ${KB(r.largest)} | ${MB(r.gz)} | ${r.coldKb.map((x) => x.toFixed(0)).join(' / ')} KB | ` +
        `${r.cold.map((x) => x.toFixed(1)).join(' / ')} ms | ${r.warm.map((x) => x.toFixed(1)).join(' / ')} ms | ${r.found}/300${r.overlap ? ` (${r.overlap})` : ''} | ${r.build.toFixed(1)} s |`,
    );
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
  await bench('slavner-uk.rss.xml', slavner, 'uk', true);
  await bench('reuters-21578.feed.json', reuters, 'en', true);
  // 100 000 articles: Reuters five times over, each copy a year apart (same vocabulary, 5× the postings).
  const big: Article[] = [];
  for (let copy = 0; big.length < 100_000; copy++) {
    for (const a of reuters) {
      if (big.length >= 100_000) break;
      const year = 1987 + copy;
      big.push({ ...a, id: `${a.id}-${copy}`, slug: `${a.slug}-${copy}`, publishedAt: a.publishedAt.replace(/^\d{4}/, String(year)) });
    }
  }
  await bench('synthetic 100 000 (Reuters ×5)', big, 'en', false);
  table();
}

await main();
