/**
 * The dataset is the archive: runs of `npm run data` (main) one after another
 * into one folder, with feeds that change between them, as a publisher's do.
 */
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../core/model/article.ts';
import { type Io, main } from '../cli.ts';

let dir = '';
let out = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kontekst-archive-'));
  out = join(dir, 'data');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Item {
  guid: string;
  title: string;
  date: string;
  text?: string;
}

/** An RSS feed of publisher `site` with these items. */
function rss(site: string, items: readonly Item[]): string {
  const body = items
    .map((i) => `<item><title>${i.title}</title><guid isPermaLink="false">${i.guid}</guid><pubDate>${i.date}</pubDate><description>${i.text ?? `${i.title}: the text.`}</description><category>Briefing</category></item>`)
    .join('\n');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${site}</title><link>https://${site}/</link>\n${body}\n</channel></rss>`;
}

const quiet = (): Io & { lines: string[] } => {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l), now: () => new Date('2024-03-10T12:00:00Z') };
};

async function run(feeds: Record<string, string>, ...options: string[]): Promise<{ code: number; lines: string[] }> {
  const paths: string[] = [];
  for (const [name, text] of Object.entries(feeds)) {
    await writeFile(join(dir, name), text);
    paths.push(join(dir, name));
  }
  const io = quiet();
  const code = await main([...paths, '--out', out, ...options], io);
  return { code, lines: io.lines };
}

/** The dataset's articles: slug → [source, headline]. */
async function articles(): Promise<Map<string, [string, string]>> {
  const found = new Map<string, [string, string]>();
  for (const name of (await readdir(join(out, 'articles'))).sort()) {
    const a = JSON.parse(await readFile(join(out, 'articles', name), 'utf8')) as Article;
    found.set(a.slug, [a.source.name, a.headline]);
  }
  return found;
}

/** Each file of the dataset and its inode: the same inode is the same file, not written again. */
async function inodes(): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found.set(path.slice(out.length + 1), (await stat(path)).ino);
  }
  return found;
}

const DAY1 = 'Mon, 04 Mar 2024 08:00:00 GMT';
const DAY2 = 'Tue, 05 Mar 2024 08:00:00 GMT';
const DAY3 = 'Wed, 06 Mar 2024 08:00:00 GMT';

describe('the dataset is the archive', { timeout: 30_000 }, () => {
  it('keeps what a feed stopped carrying, replaces what changed, and never moves a published slug', async () => {
    expect((await run({ 'a.xml': rss('a.example', [{ guid: '1', title: 'Daily briefing', date: DAY2 }, { guid: '2', title: 'Budget passed', date: DAY2 }]) })).code).toBe(0);
    expect(await articles()).toEqual(
      new Map([
        ['daily-briefing', ['a.example', 'Daily briefing']],
        ['budget-passed', ['a.example', 'Budget passed']],
      ]),
    );
    // the feed now carries an older "Daily briefing", a changed item 2, and no longer item 1
    const second = await run({ 'a.xml': rss('a.example', [{ guid: '0', title: 'Daily briefing', date: DAY1 }, { guid: '2', title: 'Budget passed at last', date: DAY3 }]) });
    expect(second.code).toBe(0);
    expect(second.lines).toContain('2 imported, 0 skipped, 1 kept from the archive');
    const now = await articles();
    expect(now.size).toBe(3);
    expect(now.get('daily-briefing')).toEqual(['a.example', 'Daily briefing']); // item 1: kept, at its URL
    expect(now.get('budget-passed')).toEqual(['a.example', 'Budget passed at last']); // item 2: replaced, same URL
    const older = [...now].find(([slug]) => slug !== 'daily-briefing' && slug.startsWith('daily-briefing'));
    expect(older?.[0]).toMatch(/^daily-briefing-[0-9a-f]{6}$/); // the older one did not take the published slug
    // nothing new: the same dataset
    const before = await inodes();
    const third = await run({ 'a.xml': rss('a.example', [{ guid: '2', title: 'Budget passed at last', date: DAY3 }]) });
    expect(third.code).toBe(0);
    expect(await articles()).toEqual(now);
    // not one file written again: each is the very file it was (a sync uploads nothing)
    expect(third.lines).toContain(`wrote ${before.size} files to ${out} (0 new or changed, ${before.size} as they were)`);
    expect(await inodes()).toEqual(before);
    // one new article: it, the lists and topic pages that show it, and the manifest
    const fourth = await run({ 'a.xml': rss('a.example', [{ guid: '5', title: 'Rates held', date: DAY3 }]) });
    const changed = [...(await inodes())].filter(([path, ino]) => before.get(path) !== ino).map(([path]) => path);
    const others = changed.filter((p) => !p.startsWith('articles/'));
    // the search index of the article's language is a new folder (src/build/index/termIndex.ts), the other language's is untouched
    expect(others.filter((p) => !p.startsWith('search/')).sort()).toEqual(['latest/all/1.json', 'latest/en/1.json', 'manifest.json', 'topics/briefing/1.json', 'topics/index.json']);
    expect(others.filter((p) => p.startsWith('search/')).every((p) => p.startsWith('search/en/'))).toBe(true);
    // the articles written again: the new one, and old ones only because their "More on this topic" now names it
    for (const path of changed.filter((p) => p.startsWith('articles/') && p !== 'articles/rates-held.json')) {
      const a = JSON.parse(await readFile(join(out, path), 'utf8')) as Article;
      expect(a.related.map((r) => r.slug), path).toContain('rates-held');
    }
    expect(changed).toContain('articles/rates-held.json');
    expect(fourth.lines).toContain(`wrote ${before.size + 1} files to ${out} (${changed.length} new or changed, ${before.size + 1 - changed.length} as they were)`);
  });

  it("identifies items per publisher: B's guid 42 never replaces A's", async () => {
    await run({ 'a.xml': rss('a.example', [{ guid: '42', title: 'A story', date: DAY1 }]) });
    await run({ 'b.xml': rss('b.example', [{ guid: '42', title: 'B story', date: DAY2 }]) });
    expect(await articles()).toEqual(
      new Map([
        ['a-story', ['a.example', 'A story']],
        ['b-story', ['b.example', 'B story']],
      ]),
    );
  });

  it('keeps N articles or N days when asked; a dropped slug is never given to another article', async () => {
    await run({ 'a.xml': rss('a.example', [{ guid: '1', title: 'Old news', date: DAY1 }, { guid: '2', title: 'Middle news', date: DAY2 }, { guid: '3', title: 'New news', date: DAY3 }]) });
    const kept = await run({ 'a.xml': rss('a.example', [{ guid: '3', title: 'New news', date: DAY3 }]) }, '--keep', '2');
    expect(kept.lines).toContain('1 imported, 0 skipped, 1 kept from the archive, 1 older dropped (--keep)');
    expect([...(await articles()).keys()].sort()).toEqual(['middle-news', 'new-news']);
    expect(JSON.parse(await readFile(join(out, 'retired.json'), 'utf8'))).toEqual({ slugs: ['old-news'] });
    // a new article with that headline gets a slug of its own
    await run({ 'b.xml': rss('b.example', [{ guid: '9', title: 'Old news', date: 'Sun, 10 Mar 2024 08:00:00 GMT' }]) });
    const slugs = [...(await articles()).keys()];
    expect(slugs).not.toContain('old-news');
    expect(slugs.some((s) => /^old-news-[0-9a-f]{6}$/.test(s))).toBe(true);
    // --keep-days: the run is on 10 March; 5 days keep the 6th and later
    await run({ 'b.xml': rss('b.example', [{ guid: '9', title: 'Old news', date: 'Sun, 10 Mar 2024 08:00:00 GMT' }]) }, '--keep-days', '5');
    expect([...(await articles()).keys()].sort()).toEqual(['new-news', slugs.find((s) => s.startsWith('old-news-'))].sort());
  });
});

describe('an update rewrites little (docs/adr/0013-incremental-update.md)', { timeout: 60_000 }, () => {
  const STORIES = ['grain exports from Odesa', 'the central bank rate', 'the steel plant strike', 'the river port tender', 'the wind farm auction', 'the rail freight tariff'];
  const at = (h: number): string => new Date(Date.UTC(2024, 2, 1) + h * 3_600_000).toUTCString();
  /** Item k: one of six stories (similar words), dated k hours into March. */
  const item = (k: number, prefix = 'item'): Item => {
    const story = STORIES[k % STORIES.length] as string;
    return { guid: `${prefix}-${k}`, title: `Update ${k} on ${story}`, date: at(k), text: `News on ${story} today: officials said ${story} moved again, number ${k}.` };
  };

  it('writes the new articles, the heads of their lists, and a bounded few old articles; older pages never', async () => {
    const first = Array.from({ length: 120 }, (_, k) => item(k));
    expect((await run({ 'a.xml': rss('a.example', first) })).code).toBe(0);
    const before = await inodes();
    const old = new Map<string, Article>();
    for (const path of before.keys()) if (path.startsWith('articles/')) old.set(path, JSON.parse(await readFile(join(out, path), 'utf8')) as Article);
    expect([...before.keys()].filter((p) => p.startsWith('latest/all/older/')).length).toBe(5); // 120 = 5 older pages of 20 and a head of 20
    expect([...old.values()].filter((a) => a.story && a.story.earlier.length > 0).length).toBeGreaterThan(50);

    // five new articles, later than all the others, in the same stories and topic
    const fresh = Array.from({ length: 5 }, (_, k) => item(200 + k, 'new'));
    const update = await run({ 'a.xml': rss('a.example', fresh) });
    expect(update.code).toBe(0);
    const after = await inodes();
    const changed = [...after].filter(([path, ino]) => before.get(path) !== ino).map(([path]) => path);
    const newSlugs = new Set<string>();
    for (const path of changed) if (path.startsWith('articles/') && !before.has(path)) newSlugs.add((JSON.parse(await readFile(join(out, path), 'utf8')) as Article).slug);
    expect(newSlugs.size).toBe(5);

    // no older page of a list is written again (125 articles still make 5 older pages and a head of 25);
    // the heads of the lists and topics (Odesa: a name found in the text) the new articles are in
    expect(changed.filter((p) => p.includes('/older/'))).toEqual([]);
    expect(changed.filter((p) => !p.startsWith('articles/') && !p.startsWith('search/')).sort()).toEqual(['latest/all/1.json', 'latest/en/1.json', 'manifest.json', 'topics/briefing/1.json', 'topics/index.json', 'topics/odesa/1.json']);

    // old articles: their story and facts as published; written again only when a new article enters their related list
    // (or they enter a new one's), at most 5 per new article
    const rewritten = changed.filter((p) => p.startsWith('articles/') && before.has(p));
    expect(rewritten.length).toBeLessThanOrEqual(5 * 5);
    const newRelated = new Set<string>();
    for (const path of changed.filter((p) => p.startsWith('articles/') && !before.has(p))) {
      for (const r of (JSON.parse(await readFile(join(out, path), 'utf8')) as Article).related) newRelated.add(r.slug);
    }
    for (const path of old.keys()) {
      const was = old.get(path) as Article;
      const now = JSON.parse(await readFile(join(out, path), 'utf8')) as Article;
      if (was.story) expect(now.story, path).toEqual(was.story);
      if (was.facts) expect(now.facts, path).toEqual(was.facts);
      if (!rewritten.includes(path)) continue;
      const { related: _r, story: _s, facts: _f, ...rest } = now;
      const { related: _wr, story: _ws, facts: _wf, ...wasRest } = was;
      expect(rest, path).toEqual(wasRest);
      const gained = (!was.story && now.story !== undefined) || (!was.facts && now.facts !== undefined);
      expect(gained || now.related.some((r) => newSlugs.has(r.slug)) || newRelated.has(now.slug), path).toBe(true);
    }
    expect(update.lines).toContain(`wrote ${after.size} files to ${out} (${changed.length} new or changed, ${after.size - changed.length} as they were)`);

    // the new articles' story so far and facts are those of the archive they arrived in
    // (Odesa: 20 old articles and this one, since the first)
    const odesa = JSON.parse(await readFile(join(out, `articles/${[...newSlugs].find((s) => s.includes('odesa'))}.json`), 'utf8')) as Article;
    expect(odesa.facts?.find((f) => f.topic.slug === 'odesa')).toEqual({ topic: { slug: 'odesa', labels: { en: 'Odesa' } }, count: 21, since: new Date(at(0)).toISOString().replace('.000Z', 'Z') });
    expect(odesa.story?.earlier.length).toBeGreaterThan(0);

    // the same items again: nothing written
    const again = await run({ 'a.xml': rss('a.example', fresh) });
    expect(again.lines).toContain(`wrote ${after.size} files to ${out} (0 new or changed, ${after.size} as they were)`);
    expect(await inodes()).toEqual(after);
  });
});
