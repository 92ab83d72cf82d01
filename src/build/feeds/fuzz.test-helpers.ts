/**
 * The importer's fuzz property (fast-check), shared by fuzz.test.ts (a short
 * run inside `npm test`) and scripts/bench-fuzz.ts (a long one): real corpus
 * items (../shared/corpus) put together into small feeds, one item of each feed
 * mutated — truncated (the file cut short inside it), random bytes, deep
 * nesting, huge runs of inline elements, control characters, `$` patterns,
 * thousands of categories, duplicate and missing fields — and asserted:
 *
 *   - parsing and the whole build never throw (problems are errors naming the file);
 *   - every item left as the corpus gave it is still imported;
 *   - every prerendered head is well formed: one CSP meta, one parseable JSON-LD, one script;
 *   - the dataset's size is linear in the feed's.
 */
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../core/model/article.ts';
import type { AppServer } from '../../core/page/appServer.ts';
import { articleHead } from '../../core/links/meta.ts';
import { buildDataset } from '../pipeline.ts';
import { type AppChunks, appChunks } from '../prerender/contentFirst.ts';
import { page, splitTemplate } from '../prerender/prerender.ts';
import { parseDocument } from '../prerender/html.test-helpers.ts';
import { TEMPLATE, VITE_MANIFEST } from '../prerender/template.test-helpers.ts';
import type { FeedFile } from '../sources/sources.ts';
import { parseFeed } from './parseFeed.ts';
import { feedToDrafts } from './toDraft.ts';

export const CORPUS = join(import.meta.dirname, '../../../../shared/corpus');
const RSS_FILE = join(CORPUS, 'slavner-uk.rss.xml');
const JSON_FILE = join(CORPUS, 'reuters-21578.feed.json');

export interface Corpus {
  /** `<item>…</item>` texts of the SlavNER feed, with their guids */
  rss: Array<{ text: string; guid: string }>;
  /** JSON Feed items of the Reuters feed (those of the first 400 that import as they are) */
  json: Array<Record<string, unknown>>;
}

/** The corpus items, or why there are none. */
export function loadCorpus(): Corpus | string {
  if (!existsSync(RSS_FILE) || !existsSync(JSON_FILE)) return `no corpus at ${CORPUS}`;
  const xml = readFileSync(RSS_FILE, 'utf8');
  const rss = [...xml.matchAll(/<item>[\s\S]*?<\/item>/g)].map((m) => ({ text: m[0], guid: /<guid[^>]*>([^<]*)<\/guid>/.exec(m[0])?.[1] ?? '' }));
  const all = (JSON.parse(readFileSync(JSON_FILE, 'utf8')) as { items: Array<Record<string, unknown>> }).items.slice(0, 400);
  // the well-formed items: those the importer takes as they are (Reuters has items with no title)
  const kept = new Set(
    feedToDrafts(parseFeed({ file: 'all.json', text: JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'All', items: all }), format: 'jsonfeed1.1' })).drafts.map((d) => d.guid),
  );
  return { rss, json: all.filter((i) => kept.has(String(i.id))) };
}

const RSS_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">\n' +
  '<channel><title>Fuzz</title><link>https://example.org/fuzz</link><language>uk</language><lastBuildDate>Mon, 30 Nov 2026 10:00:00 +0000</lastBuildDate>\n';
const RSS_TAIL = '</channel>\n</rss>\n';

/**
 * What a mutation may insert. No "<![CDATA[" or "<!--": a section opened and
 * never closed in one item runs, for any XML reader, into the next item's.
 */
const TOKENS = ['<', '>', '&', '&amp;', '&#0;', '&#7;', '"', "'", ']]>', '-->', '</item>', '<item>', '<x>', '</x>', '\u0000', '\u0007', '\u001f', '\ufffe', '\ud800', '\u202e', '\u200d', '$`', "$'", '$&', '$$', 'Ї', '😀'];

const CONTROLS = ['\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001f', '\ufffe', '\uffff', '\ud800', '\u202e', '\u200d', '\u2060'];

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'bytes'; at: number[]; tokens: string[] }
  | { kind: 'nest'; depth: number }
  | { kind: 'runs'; count: number; tag: string }
  | { kind: 'control'; chars: string[] }
  | { kind: 'dollar'; pattern: string }
  | { kind: 'categories'; count: number }
  | { kind: 'duplicate'; field: 'title' | 'link' | 'guid' | 'description' | 'item' }
  | { kind: 'missing'; field: 'title' | 'link' | 'guid' | 'dc:date' | 'content:encoded' | 'description' };

export interface Case {
  json: boolean;
  /** corpus item numbers; the last is the one mutated */
  picks: number[];
  mutation: Mutation;
}

/** Sizes for the test; the bench may ask for bigger. */
export interface Scale {
  maxDepth: number;
  maxRuns: number;
  maxCategories: number;
}

export const TEST_SCALE: Scale = { maxDepth: 400, maxRuns: 20_000, maxCategories: 3000 };

export function caseArbitrary(corpus: Corpus, scale: Scale = TEST_SCALE): fc.Arbitrary<Case> {
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('bytes' as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), tokens: fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 8 }) }),
    fc.record({ kind: fc.constant('nest' as const), depth: fc.integer({ min: 1, max: scale.maxDepth }) }),
    fc.record({ kind: fc.constant('runs' as const), count: fc.integer({ min: 1, max: scale.maxRuns }), tag: fc.constantFrom('b', 'i', 'a href="https://example.org/x"', 'li', 'p', 'blockquote') }),
    fc.record({ kind: fc.constant('control' as const), chars: fc.array(fc.constantFrom(...CONTROLS), { minLength: 1, maxLength: 5 }) }),
    fc.record({ kind: fc.constant('dollar' as const), pattern: fc.constantFrom('$`', "$'", '$&', '$$', '$1', "$`$'$&") }),
    fc.record({ kind: fc.constant('categories' as const), count: fc.integer({ min: 1, max: scale.maxCategories }) }),
    fc.record({ kind: fc.constant('duplicate' as const), field: fc.constantFrom('title' as const, 'link' as const, 'guid' as const, 'description' as const, 'item' as const) }),
    fc.record({ kind: fc.constant('missing' as const), field: fc.constantFrom('title' as const, 'link' as const, 'guid' as const, 'dc:date' as const, 'content:encoded' as const, 'description' as const) }),
  );
  const size = (json: boolean) => (json ? corpus.json.length : corpus.rss.length);
  return fc.boolean().chain((json) =>
    fc.record({ json: fc.constant(json), picks: fc.uniqueArray(fc.nat({ max: size(json) - 1 }), { minLength: 1, maxLength: 4 }), mutation }),
  );
}

const escXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Characters inserted at places given as any natural numbers (taken modulo the length). */
function insert(text: string, at: readonly number[], tokens: readonly string[]): string {
  let out = text;
  tokens.forEach((t, k) => {
    const i = (at[k % at.length] ?? 0) % (out.length + 1);
    out = out.slice(0, i) + t + out.slice(i);
  });
  return out;
}

function mutateRss(item: string, m: Mutation): string {
  const inTitle = (f: (title: string) => string) => item.replace(/<title>([\s\S]*?)<\/title>/, (_, t: string) => `<title>${f(t)}</title>`);
  switch (m.kind) {
    case 'truncate':
      return item.slice(0, m.at % item.length);
    case 'bytes':
      return insert(item, m.at, m.tokens);
    case 'nest':
      return item.replace('</item>', `<description>${'<x>'.repeat(m.depth)}deep${'</x>'.repeat(m.depth)}</description></item>`);
    case 'runs': {
      const close = m.tag.split(' ')[0];
      return item.replace(/<content:encoded>/, `<content:encoded>${escXml(`<blockquote>${`<${m.tag}>w</${close}>`.repeat(m.count)}</blockquote>`)}`);
    }
    case 'control':
      return inTitle((t) => insert(t, [1, 5, 9], m.chars.map(escXml)));
    case 'dollar':
      return inTitle((t) => `${t} ${escXml(m.pattern)} ${escXml(m.pattern)}`);
    case 'categories':
      return item.replace('</item>', `${Array.from({ length: m.count }, (_, k) => `<category>Тема ${k}</category>`).join('')}</item>`);
    case 'duplicate': {
      if (m.field === 'item') return `${item}\n${item}`;
      const field = new RegExp(`<${m.field}\\b[^>]*>[\\s\\S]*?</${m.field}>`).exec(item)?.[0] ?? '';
      return item.replace('</item>', `${field}</item>`);
    }
    case 'missing':
      return item.replace(new RegExp(`<${m.field}\\b[^>]*>[\\s\\S]*?</${m.field}>`), '');
  }
}

function mutateJson(item: Record<string, unknown>, m: Mutation): Record<string, unknown> | string {
  const title = String(item.title ?? '');
  switch (m.kind) {
    case 'truncate': {
      const text = JSON.stringify(item);
      return text.slice(0, m.at % text.length);
    }
    case 'bytes':
      return { ...item, title: insert(title, m.at, m.tokens), content_text: insert(String(item.content_text ?? ''), m.at, m.tokens) };
    case 'nest':
      return { ...item, content_html: `${'<div>'.repeat(m.depth)}deep${'</div>'.repeat(m.depth)}` };
    case 'runs': {
      const close = m.tag.split(' ')[0];
      return { ...item, content_html: `<blockquote>${`<${m.tag}>w</${close}>`.repeat(m.count)}</blockquote>` };
    }
    case 'control':
      return { ...item, title: insert(title, [1, 5, 9], m.chars) };
    case 'dollar':
      return { ...item, title: `${title} ${m.pattern} ${m.pattern}` };
    case 'categories':
      return { ...item, tags: Array.from({ length: m.count }, (_, k) => `topic ${k}`) };
    case 'duplicate':
      // JSON has no duplicate keys after parsing: the same item twice (same id) instead
      return m.field === 'item' || m.field === 'guid' ? item : { ...item, [m.field === 'link' ? 'url' : m.field === 'description' ? 'summary' : 'title']: title };
    case 'missing': {
      const key = { title: 'title', link: 'url', guid: 'id', 'dc:date': 'date_published', 'content:encoded': 'content_text', description: 'summary' }[m.field];
      const { [key]: _gone, ...rest } = item;
      return rest;
    }
  }
}

/** The feed of a case, and the guids of the items left as the corpus gave them. */
export function feedOf(corpus: Corpus, c: Case): { feed: FeedFile; intact: string[] } {
  const picks = c.picks;
  const victim = picks[picks.length - 1] as number;
  const others = picks.slice(0, -1);
  if (c.json) {
    const items = others.map((k) => corpus.json[k] as Record<string, unknown>);
    const mutated = mutateJson(corpus.json[victim] as Record<string, unknown>, c.mutation);
    const head = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Fuzz', home_page_url: 'https://example.org/fuzz', language: 'en', items });
    const extra = typeof mutated === 'string' ? mutated : [JSON.stringify(mutated), ...(c.mutation.kind === 'duplicate' && c.mutation.field === 'item' ? [JSON.stringify(mutated)] : [])].join(',');
    const text = `${head.slice(0, -2)}${items.length > 0 ? ',' : ''}${extra}]}`;
    // a cut JSON file is not JSON: nothing in it is intact
    return { feed: { file: 'fuzz.json', text, format: 'jsonfeed1.1' }, intact: typeof mutated === 'string' ? [] : items.map((i) => String(i.id)) };
  }
  const items = others.map((k) => corpus.rss[k]!);
  const mutated = mutateRss(corpus.rss[victim]!.text, c.mutation);
  // cut short: the file ends inside its last item
  const text = c.mutation.kind === 'truncate' ? `${RSS_HEAD}${items.map((i) => i.text).join('\n')}\n${mutated}` : `${RSS_HEAD}${[...items.map((i) => i.text), mutated].join('\n')}\n${RSS_TAIL}`;
  return { feed: { file: 'fuzz.rss.xml', text, format: 'rss2' }, intact: items.map((i) => i.guid) };
}

/** What the property needs of the prerender: the app's head strings and a page template. */
export interface HeadKit {
  app: AppServer;
  chunks: Record<Lang, AppChunks>;
  template: ReturnType<typeof splitTemplate>;
}

export async function headKit(): Promise<HeadKit> {
  const app = ((await import(new URL('../../app/shell/entry-server.tsx', import.meta.url).href)) as { default: AppServer }).default;
  return { app, chunks: { uk: appChunks(VITE_MANIFEST, 'uk'), en: appChunks(VITE_MANIFEST, 'en') }, template: splitTemplate(TEMPLATE) };
}

const BASE = 'https://news.example.org';

/** Fails (throws) when the case breaks the property; gives how many items it imported. */
export async function checkCase(corpus: Corpus, c: Case, kit: HeadKit): Promise<number> {
  const { feed, intact } = feedOf(corpus, c);
  const inputChars = feed.text.length;
  // parsing alone never throws, and keeps every intact item
  const parsed = feedToDrafts(parseFeed({ ...feed }));
  const guids = new Set(parsed.drafts.map((d) => d.guid));
  for (const g of intact) if (!guids.has(g)) throw new Error(`intact item ${g} was not imported: ${parsed.errors.map((e) => e.message).join('; ')}`);
  if (parsed.drafts.length + parsed.skipped !== parsed.items) throw new Error('items, drafts and skipped do not add up');
  // the whole build never throws
  const out = await buildDataset({ seeds: [], feeds: [{ ...feed }] }, '2026-12-01T00:00:00Z');
  if (!out.files) throw new Error('no files');
  // output linear in input: every file's JSON, all told
  let outputChars = 0;
  for (const value of out.files.values()) outputChars += JSON.stringify(value)?.length ?? 0;
  const bound = 60 * inputChars + 200_000;
  if (outputChars > bound) throw new Error(`${outputChars} characters of dataset from ${inputChars} of feed (bound ${bound})`);
  // every head well formed
  for (const article of out.articles) {
    for (const ui of ['uk', 'en'] as const) {
      const s = await kit.app.headStrings(ui);
      const html = page(kit.template, { lang: ui, head: articleHead(article, ui, BASE, s), root: '<main><h1>x</h1></main>', chunks: kit.chunks[ui] });
      const d = parseDocument(html);
      if (d.all('meta[http-equiv="Content-Security-Policy"]').length !== 1) throw new Error(`${article.slug}: not one CSP meta`);
      const ld = d.all('script[type="application/ld+json"]');
      if (ld.length !== 1) throw new Error(`${article.slug}: ${ld.length} JSON-LD blocks`);
      const json = JSON.parse(ld[0]!.text()) as { headline?: string };
      if (json.headline !== article.headline) throw new Error(`${article.slug}: JSON-LD headline differs`);
      const scripts = d.all('script').filter((x) => !['application/json', 'application/ld+json'].includes(x.attr('type') ?? ''));
      if (scripts.length !== 1) throw new Error(`${article.slug}: ${scripts.length} executable scripts`);
      if (d.all('meta[property="og:title"]').map((m) => m.attr('content')).join() !== article.headline) throw new Error(`${article.slug}: og:title differs`);
    }
  }
  return out.imported;
}
