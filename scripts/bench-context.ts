/**
 * npm run bench:context — does every article get its context on real feeds? (issue #18)
 *
 * 1. SlavNER (../shared/corpus/slavner-uk.rss.xml) imported with every <category> removed: each
 *    article's topics against the gold named entities of its item (precision and recall, micro
 *    and macro, over the items that have gold entities; matched case- and inflection-insensitively: lower case, each word cut to all but
 *    its last two letters when longer than four), and the share of "More on this topic" links
 *    within the same gold story (domain="story"), with how many articles have at least three.
 * 2. On each corpus as it comes (SlavNER with its categories, Reuters-21578): the shares of
 *    articles with a context aside, with ≥ 3 specific topics (sections not counted), with a lead
 *    of ≤ 300 characters, and topic labels that are raw slugs.
 * Prints the figures against the targets; exit status 1 when one is missed. In-process imports
 * (the pipeline's buildDataset), nothing written.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import type { Article } from '../src/core/model/article.ts';
import { buildDataset } from '../src/build/pipeline.ts';
import { readSources } from '../src/build/sources/sources.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(repo, '../shared/corpus');
const SLAVNER = join(CORPUS, 'slavner-uk.rss.xml');
const REUTERS = join(CORPUS, 'reuters-21578.feed.json');

/** Case- and inflection-insensitive form of a name: lower case, words of more than four letters cut by two. */
export function loose(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’ʼ`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => (w.length > 4 ? w.slice(0, -2) : w))
    .join(' ');
}

interface Gold {
  entities: string[];
  story: string;
}

function goldOf(xml: string): Map<string, Gold> {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'category' });
  const doc = parser.parse(xml) as { rss: { channel: { link: string; item: Array<{ guid: string | { '#text': string }; category?: Array<string | { '#text': string; '@_domain'?: string }> }> } } };
  const out = new Map<string, Gold>();
  for (const item of doc.rss.channel.item) {
    const guid = typeof item.guid === 'string' ? item.guid : item.guid['#text'];
    // ids are per publisher (src/build/feeds/toDraft.ts): the feed's site link and the guid
    const id = createHash('sha256').update(`feed:${doc.rss.channel.link}\u0000${guid}`, 'utf8').digest('hex').slice(0, 16);
    const entities: string[] = [];
    let story = '';
    for (const c of item.category ?? []) {
      if (typeof c === 'string') entities.push(c);
      else if (c['@_domain'] === 'story') story = c['#text'];
      else entities.push(c['#text']);
    }
    out.set(id, { entities, story });
  }
  return out;
}

async function importText(name: string, text: string): Promise<Article[]> {
  const dir = await mkdtemp(join(tmpdir(), 'kontekst-context-'));
  try {
    const file = join(dir, name);
    await writeFile(file, text);
    const sources = await readSources([file]);
    const out = await buildDataset(sources, new Date().toISOString());
    return out.articles;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
const share = (xs: readonly Article[], test: (a: Article) => boolean): number => (xs.length ? xs.filter(test).length / xs.length : 0);

/** The topics a reader sees as specific: not the sections. */
const specific = (a: Article): Article['topics'] => a.topics;
const hasContext = (a: Article): boolean => a.context.length > 0 || a.story !== undefined || (a.facts?.length ?? 0) > 0;
const RAW_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function corpusFigures(name: string, articles: readonly Article[]): boolean[] {
  const withContext = share(articles, hasContext);
  const threeTopics = share(articles, (a) => specific(a).length >= 3);
  const shortLead = share(articles, (a) => a.lead.length <= 300);
  const raw = articles.flatMap((a) => [...a.topics, ...(a.section ? [a.section] : [])]).filter((t) => [t.labels.uk, t.labels.en].some((l) => l !== undefined && RAW_SLUG.test(l)));
  console.log(`\n## ${name}: ${articles.length} articles`);
  console.log(`context aside            ${pct(withContext)}   (target ≥ 80 %)`);
  console.log(`≥ 3 specific topics      ${pct(threeTopics)}   (target ≥ 80 %)`);
  console.log(`lead ≤ 300 characters    ${pct(shortLead)}`);
  console.log(`raw slug labels          ${raw.length}${raw.length ? ` (e.g. ${raw.slice(0, 5).map((t) => t.labels.uk ?? t.labels.en).join(', ')})` : ''}   (target 0)`);
  return [withContext >= 0.8, threeTopics >= 0.8, raw.length === 0];
}

async function bench(): Promise<number> {
  if (!existsSync(SLAVNER)) {
    console.log(`bench:context skipped: ${SLAVNER} is absent (../shared/corpus is not part of the repository)`);
    return 0;
  }
  const met: boolean[] = [];
  const xml = readFileSync(SLAVNER, 'utf8');
  const gold = goldOf(xml);

  // 1. SlavNER without categories
  const t0 = performance.now();
  const bare = await importText('slavner-bare.rss.xml', xml.replace(/<category\b[^>]*>[^<]*<\/category>\s*/g, ''));
  const ms = performance.now() - t0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const precisions: number[] = [];
  const recalls: number[] = [];
  for (const a of bare) {
    const g = gold.get(a.id);
    // two stories (covid-19, us_election_2020) were not annotated: their items have no gold entities
    if (!g || g.entities.length === 0) continue;
    const want = new Set(g.entities.map(loose));
    const got = new Set(specific(a).map((t) => loose(t.labels.uk ?? t.labels.en ?? t.slug)));
    const hit = [...got].filter((x) => want.has(x)).length;
    tp += hit;
    fp += got.size - hit;
    fn += want.size - [...want].filter((x) => got.has(x)).length;
    if (got.size) precisions.push(hit / got.size);
    if (want.size) recalls.push([...want].filter((x) => got.has(x)).length / want.size);
  }
  const mean = (xs: number[]): number => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const storyOf = new Map(bare.map((a) => [a.id, gold.get(a.id)?.story]));
  const links = bare.flatMap((a) => a.related.map((r) => [storyOf.get(a.id), storyOf.get(r.id)] as const));
  const sameStory = links.length ? links.filter(([x, y]) => x !== undefined && x === y).length / links.length : 0;
  const threeRelated = share(bare, (a) => a.related.length >= 3);
  console.log(`## SlavNER without categories: ${bare.length} articles, imported in ${(ms / 1000).toFixed(1)} s`);
  console.log(`topic precision          ${precision.toFixed(3)} micro, ${mean(precisions).toFixed(3)} macro   (target ≥ 0.6)`);
  console.log(`topic recall             ${recall.toFixed(3)} micro, ${mean(recalls).toFixed(3)} macro   (target ≥ 0.5)`);
  console.log(`related in the same story ${pct(sameStory)} of ${links.length} links   (target ≥ 90 %)`);
  console.log(`≥ 3 related              ${pct(threeRelated)} of articles   (target ≥ 90 %)`);
  const sample = bare.find((a) => a.id === [...gold.keys()][0]) ?? bare[0];
  if (sample) console.log(`e.g. «${sample.headline}»: ${specific(sample).map((t) => t.labels.uk ?? t.labels.en).join(', ')}`);
  met.push(precision >= 0.6, recall >= 0.5, sameStory >= 0.9, threeRelated >= 0.9);
  met.push(...corpusFigures('SlavNER without categories', bare));

  // 2. The corpora as they come
  met.push(...corpusFigures('SlavNER', await importText('slavner.rss.xml', xml)));
  if (existsSync(REUTERS)) met.push(...corpusFigures('Reuters-21578', await importText('reuters.feed.json', readFileSync(REUTERS, 'utf8'))));
  else console.log(`\nReuters-21578 skipped: ${REUTERS} is absent`);
  const missed = met.filter((m) => !m).length;
  console.log(`\n${missed === 0 ? 'all targets met' : `${missed} target${missed === 1 ? '' : 's'} missed`}`);
  return missed === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  bench().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(`bench:context failed: ${e instanceof Error ? e.stack : String(e)}`);
      process.exitCode = 1;
    },
  );
}
