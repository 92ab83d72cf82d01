/**
 * Hostile and broken feeds through the whole import (cli main): nothing aborts
 * the import, every good item and feed is kept, each problem names its file and
 * item, the exit status counts what was lost, and no item grows the dataset
 * beyond its own size. (Issue 20; the fuzz test over the corpus is fuzz.test.ts.)
 */
import * as v from 'valibot';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Article } from '../../core/model/article.ts';
import { TopicIndex, TopicPage } from '../../core/model/dataset.ts';
import { type Io, main } from '../cli.ts';
import { MAX_ITEM_TOPICS, MAX_SUMMARY_TOPICS, cleanText } from './clean.ts';
import { htmlToBlocks } from './html.ts';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kontekst-hostile-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), now: () => new Date('2026-12-01T00:00:00Z') };
}

const item = (n: number, extra = '', title = `Headline number ${n}`): string =>
  `<item><title>${title}</title><link>https://example.org/${n}</link><guid>https://example.org/${n}</guid>` +
  `<pubDate>Mon, 0${1 + (n % 9)} Jun 2026 10:00:00 +0000</pubDate><description>Text of item ${n}.</description>${extra}</item>`;
const rss = (items: string): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><link>https://example.org/</link><language>en</language>${items}</channel></rss>`;
const GOOD = rss(item(100) + item(101));

async function files(root: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const e of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.set(relative(root, join(e.parentPath, e.name)), (await readFile(join(e.parentPath, e.name))).length);
  }
  return out;
}

async function articles(out: string): Promise<Article[]> {
  const names = await readdir(join(out, 'articles'));
  return Promise.all(names.map(async (n) => v.parse(Article, JSON.parse(await readFile(join(out, 'articles', n), 'utf8')))));
}

/** Writes the feeds (name → text), imports them with a good feed beside them, and gives what the reader and the publisher see. */
async function importFeeds(feeds: Record<string, string>) {
  const src = join(dir, 'src');
  const out = join(dir, 'out');
  await import('node:fs/promises').then((fs) => fs.mkdir(src));
  await writeFile(join(src, 'good.rss.xml'), GOOD);
  for (const [name, text] of Object.entries(feeds)) await writeFile(join(src, name), text);
  const io = capture();
  const code = await main([src, '--out', out], io);
  return { code, io, out, headlines: (await articles(out)).map((a) => a.headline).sort() };
}

describe('text cleaning (clean.ts)', () => {
  it('removes controls, noncharacters, bidi and zero-width controls; keeps tabs, line breaks and real text', () => {
    expect(cleanText('Bell \u0007 here\u0001\u0008\u000b\u000c\u000e\u001f\ufffe\uffff')).toBe('Bell  here');
    expect(cleanText('a\u202eb\u202ac\u2066d\u200de\u2060f\ufefFg\u200fh')).toBe('abcdefgh');
    expect(cleanText('two\u200bwords')).toBe('two words');
    expect(cleanText('lone \ud800 surrogate, pair 😀')).toBe('lone \ufffd surrogate, pair 😀');
    expect(cleanText('Прем’єр\tі\nлінія 📰')).toBe('Прем’єр\tі\nлінія 📰');
  });
});

describe('hostile feeds through the import', () => {
  it('a control character in a headline (RSS &#7;, JSON Feed \\u0007) is removed, with bidi and zero-width controls', async () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'J',
      items: [{ id: 'j1', url: 'https://example.org/j1', title: 'Bell \u0007 j\u202eson\u200d', content_text: 'Body \u0001 text.', date_published: '2026-06-01T10:00:00Z' }],
    });
    const { code, headlines, out } = await importFeeds({ 'bell.rss.xml': rss(item(1, '', 'Bell &#7; here &#x202E;x&#x2060;y')), 'bell.json': json });
    expect(code).toBe(0);
    expect(headlines).toContain('Bell here xy');
    expect(headlines).toContain('Bell json');
    const body = (await articles(out)).find((a) => a.headline === 'Bell json')!;
    expect(JSON.stringify(body)).not.toMatch(/[\u0001-\u0008\u202e\u200d]/);
  });

  it('an item with 1 000 categories keeps the first 20 topics, with a warning, and the dataset stays small', async () => {
    const cats = Array.from({ length: 1000 }, (_, k) => `<category>Category ${k}</category>`).join('');
    const { code, io, out } = await importFeeds({ 'cats.rss.xml': rss(item(1, cats)) });
    expect(code).toBe(0);
    expect(io.stderr.join('\n')).toMatch(/cats\.rss\.xml:1: warning: item 1: 1000 categories: only the first 20 topics are kept/);
    const all = await files(out);
    const topicFiles = [...all.keys()].filter((p) => p.startsWith('topics/') && !p.startsWith('topics/index'));
    expect(topicFiles.length).toBe(MAX_ITEM_TOPICS);
    const total = [...all.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(200_000);
    for (const p of topicFiles) {
      const page = v.parse(TopicPage, JSON.parse(await readFile(join(out, p), 'utf8')));
      for (const s of page.items) expect(s.topics?.length ?? 0).toBeLessThanOrEqual(MAX_SUMMARY_TOPICS);
    }
  });

  it('the parser\'s limits (201 nested elements, an element named __proto__) cost only their item; the file and item are named; exit 1', async () => {
    const deep = `${'<x>'.repeat(201)}deep${'</x>'.repeat(201)}`;
    const feeds = {
      'deep.rss.xml': rss(item(1) + item(2, deep) + item(3)),
      'proto.rss.xml': rss(item(4, '<__proto__>polluted</__proto__>') + item(5, '<constructor>c</constructor>') + item(6)),
    };
    const { code, io, headlines } = await importFeeds(feeds);
    expect(code).toBe(1);
    expect(headlines).toEqual(['Headline number 1', 'Headline number 100', 'Headline number 101', 'Headline number 3', 'Headline number 6']);
    const err = io.stderr.join('\n');
    expect(err).toMatch(/deep\.rss\.xml:\d*:? ?.*item 2: cannot read the item: Maximum nested tags exceeded/);
    expect(err).toMatch(/proto\.rss\.xml.*item 1: cannot read the item: .*__proto__/);
    expect(err).toMatch(/proto\.rss\.xml.*item 2: cannot read the item: .*constructor/);
    expect(io.stdout[0]).toBe('5 imported, 3 skipped');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a huge run of inline elements in one quote and 130 000 list items become blocks without exhausting the stack', { timeout: 30_000 }, () => {
    const quote = `<blockquote>${'<b>a</b><i>b</i>'.repeat(150_000)}</blockquote>`;
    const list = `<ul>${'<li>x</li>'.repeat(130_000)}</ul>`;
    const quoteBlocks = htmlToBlocks(quote);
    expect(quoteBlocks).toHaveLength(1);
    expect(quoteBlocks[0]!.type === 'quote' && quoteBlocks[0]!.content.length).toBe(300_000);
    const listBlocks = htmlToBlocks(`<blockquote>${list}</blockquote>${list}`);
    // the quote's list is its text (one run, the items joined), then the list outside it
    expect(listBlocks.map((b) => (b.type === 'list' ? b.items.length : b.type === 'quote' ? b.content[0]!.text.length : 0))).toEqual([259_999, 130_000]);
  });

  it('nested lists flatten in order, each item once, closed or not', () => {
    const items = (b: ReturnType<typeof htmlToBlocks>) => b.flatMap((x) => (x.type === 'list' ? x.items.map((i) => i.map((r) => r.text).join('')) : []));
    expect(items(htmlToBlocks('<ul><li>a<ul><li>b<ol><li>c</li></ol></li><li>d</li></ul></li><li>e</li></ul><p>after</p>'))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(items(htmlToBlocks('<ul><li>a<ul><li>b<ul><li>c'))).toEqual(['a', 'b', 'c']);
    const deep = `${'<ul><li>x'.repeat(3000)}${'</li></ul>'.repeat(3000)}`;
    expect(items(htmlToBlocks(deep))).toHaveLength(3000);
  });

  it('a feed that cannot be read at all (broken JSON; XML with no item to salvage) is counted: exit 1, the good feed still written', async () => {
    const { code, io, headlines } = await importFeeds({ 'broken.json': '{"version": "https://jsonfeed.org/version/1.1", "items": [', 'broken.rss.xml': '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title' });
    expect(code).toBe(1);
    expect(headlines).toEqual(['Headline number 100', 'Headline number 101']);
    expect(io.stdout[0]).toBe('2 imported, 2 skipped');
    const err = io.stderr.join('\n');
    expect(err).toMatch(/broken\.json/);
    expect(err).toMatch(/broken\.rss\.xml.*no item could be read/);
    expect(io.stdout[1]).toMatch(/^wrote \d+ files/);
  });

  it('salvage reads <item> inside CDATA or a comment as text, and each item\'s end is looked for before the next item', async () => {
    const cdata = `<item><title>With CDATA</title><link>https://example.org/c</link><pubDate>Mon, 01 Jun 2026 10:00:00 +0000</pubDate><description><![CDATA[<p>An <item> in CDATA</item> is text.</p>]]></description></item>`;
    const unclosed = '<item><title>Never closed</title>';
    const broken = rss(`${item(1)}<!-- <item> in a comment -->${cdata}${unclosed}${item(2)}<oops>`);
    const { code, io, headlines } = await importFeeds({ 'cdata.rss.xml': broken });
    expect(code).toBe(1);
    expect(headlines).toEqual(['Headline number 1', 'Headline number 100', 'Headline number 101', 'Headline number 2', 'With CDATA']);
    const err = io.stderr.join('\n');
    expect(err).toMatch(/item 3: broken XML: the item is not closed; skipped/);
    expect(err).not.toMatch(/item 5/);
    expect(io.stdout[0]).toBe('5 imported, 1 skipped');
  });

  it('a topic named "index" does not overwrite the topic index\'s pages', async () => {
    const cats = ['Index', ...Array.from({ length: 19 }, (_, k) => `T${k}`)].map((c) => `<category>${c}</category>`).join('');
    const many = Array.from({ length: 12 }, (_, k) => item(k + 1, cats)).join('');
    const { code, out } = await importFeeds({ 'index.rss.xml': many.length > 0 ? rss(many) : '' });
    expect(code).toBe(0);
    const all = await files(out);
    expect([...all.keys()].filter((p) => p.startsWith('topics/index/'))).toEqual([]);
    const index = v.parse(TopicIndex, JSON.parse(await readFile(join(out, 'topics', 'index.json'), 'utf8')));
    const slug = index.topics.find((t) => t.labels.en === 'Index')?.slug;
    expect(slug).toBe('index-topic');
    expect(all.has(`topics/index-topic/1.json`)).toBe(true);
  });

  it('a date far in the future is a warning and the item is dated by the feed; http: images become https:', async () => {
    const future = rss(
      item(1, '<enclosure url="http://img.example.org/a.jpg" type="image/jpeg"/>').replace(/<pubDate>[^<]*/, '<pubDate>Fri, 31 Dec 9999 23:59:59 +0000') +
        item(2, '<content:encoded>&lt;p&gt;Text &lt;img src="http://img.example.org/b.png" alt="b"&gt;&lt;/p&gt;</content:encoded>'),
    ).replace('<language>', '<lastBuildDate>Tue, 01 Dec 2026 10:00:00 +0000</lastBuildDate><language>');
    const { code, io, out } = await importFeeds({ 'future.rss.xml': future });
    expect(code).toBe(0);
    expect(io.stderr.join('\n')).toMatch(/future\.rss\.xml:1: warning: item 1: date 9999-12-31T23:59:59Z is in the future; dated 2026-12-01T10:00:00Z/);
    const all = await articles(out);
    expect(all.find((a) => a.headline === 'Headline number 1')!.publishedAt).toBe('2026-12-01T10:00:00Z');
    const images = all.flatMap((a) => a.body.flatMap((b) => (b.type === 'image' ? [b.src] : [])));
    expect(images.sort()).toEqual(['https://img.example.org/a.jpg', 'https://img.example.org/b.png']);
  });
});
