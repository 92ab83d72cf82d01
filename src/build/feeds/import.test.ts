/**
 * Feeds through the whole import: sources read from disk by content, build,
 * summary and exit status (cli main()), and the real SlavNER corpus when present.
 */
import * as v from 'valibot';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Article } from '../../core/model/article.ts';
import { type Io, main } from '../cli.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kontekst-feeds-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), now: () => new Date('2022-01-01T00:00:00Z') };
}

const fixtures = resolve(import.meta.dirname, '../fixtures');

async function article(out: string, slug: string): Promise<Article> {
  return v.parse(Article, JSON.parse(await readFile(join(out, 'articles', `${slug}.json`), 'utf8')));
}

describe('importing feeds (cli main)', () => {
  it('reads every fixture format from one folder, recognised by content, and exits 0', async () => {
    const out = join(dir, 'out');
    const io = capture();
    expect(await main([fixtures, '--out', out], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(io.stdout[0]).toBe('8 imported, 0 skipped');
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ articleCount: 8, languages: ['uk', 'en'] });
    const nato = await article(out, 'nato-vidpovilo-moskvi-shchodo-bezpekovykh-harantii');
    expect(nato).toMatchObject({ url: 'https://news.example.org/nato-vidpovid?id=7', author: 'Олена Коваль', publishedAt: '2021-12-21T16:00:00+02:00' });
    expect(nato.topics.map((t) => t.slug)).toEqual(['nato', 'bezpekovi-harantii']);
    expect(nato.body).toContainEqual({ type: 'heading', level: 2, text: 'Що далі' });
    expect(nato.body).toContainEqual({ type: 'image', src: 'https://news.example.org/photo.jpg', alt: 'Штаб-квартира НАТО' });
    expect(JSON.stringify(nato.body)).toContain('Прем’єр-міністр'); // apostrophe unified
    expect(nato.related.map((r) => r.headline)).toContain('Зустріч у Женеві завершилась');
    const geneva = await article(out, 'zustrich-u-zhenevi-zavershylas');
    expect(geneva.publishedAt).toBe('2022-01-10'); // a date without a time stays a date
    const topicPage = JSON.parse(await readFile(join(out, 'topics/nato/1.json'), 'utf8'));
    expect(topicPage.items.map((i: { headline: string }) => i.headline)).toEqual(['Зустріч у Женеві завершилась', 'НАТО відповіло Москві щодо безпекових гарантій']);
  });

  it('a bad item costs only itself: file, item, line and reason, the rest imported, exit 1', async () => {
    await writeFile(
      join(dir, 'mixed.txt'), // a feed whatever its name
      [
        '<?xml version="1.0"?>',
        '<rss version="2.0"><channel><title>Mixed</title><link>https://m.example/</link>',
        '<item><title>Good</title><guid>m1</guid><pubDate>Tue, 21 Dec 2021 16:00:00 GMT</pubDate><description>Text.</description></item>',
        '<item><guid>m2</guid><pubDate>Tue, 21 Dec 2021 16:00:00 GMT</pubDate><description> </description></item>',
        '<item><title>Good</title><guid>m1</guid><pubDate>Tue, 21 Dec 2021 16:00:00 GMT</pubDate><description>Text.</description></item>',
        '<item><title>Broken <b></title></item>',
        '<item><guid>m5</guid><pubDate>Tue, 21 Dec 2021 16:00:00 GMT</pubDate><description>Made from the text. More of it.</description></item>',
        '</channel></rss>',
      ].join('\n'),
    );
    await writeFile(join(dir, 'notes.xml'), '<html><body>hi</body></html>');
    const io = capture();
    expect(await main([dir, '--out', join(dir, 'out')], io)).toBe(1);
    const err = io.stderr.join('\n');
    expect(err).toContain(`${join(dir, 'mixed.txt')}:4: item 2: no title and no text; skipped`);
    expect(err).toContain(`${join(dir, 'mixed.txt')}:7: warning: item 5: no title; the headline is made from the text: "Made from the text"`);
    expect(err).toContain(`${join(dir, 'mixed.txt')}:5: warning: item 3: the same article as ${join(dir, 'mixed.txt')} item 1 (same guid); merged`);
    expect(err).toMatch(/mixed\.txt:6: item 4: broken XML: .*; skipped/);
    expect(err).toContain(`${join(dir, 'notes.xml')}: not a feed`);
    expect(err).not.toMatch(/\n\s+at /);
    expect(io.stdout[0]).toBe('2 imported, 3 skipped, 1 duplicate merged, 2 warnings');
  });

  it('keeps incomplete items with warnings, and they alone leave the exit status 0', async () => {
    await writeFile(
      join(dir, 'incomplete.atom'),
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Стрічка</title><link href="https://s.example/"/><updated>2021-12-21T16:00:00Z</updated>',
        '<entry><id>s1</id><title>Лише заголовок і посилання</title><link href="https://s.example/1"/><updated>2021-12-21T16:00:00Z</updated><content type="html"></content></entry>',
        '<entry><id>s2</id><link href="https://s.example/2"/><updated>2021-12-21T16:00:00Z</updated><content type="text">Перше речення стало заголовком. Друге лишилося в тексті.</content></entry>',
        '</feed>',
      ].join('\n'),
    );
    const io = capture();
    expect(await main([dir, '--out', join(dir, 'out')], io)).toBe(0);
    const err = io.stderr.join('\n');
    expect(err).toContain(`${join(dir, 'incomplete.atom')}:3: warning: item 1: no text (neither content nor summary); kept as a link to the source`);
    expect(err).toContain(`${join(dir, 'incomplete.atom')}:4: warning: item 2: no title; the headline is made from the text: "Перше речення стало заголовком"`);
    expect(io.stdout[0]).toBe('2 imported, 0 skipped, 2 warnings');
  });

  it('honours windows-1251 and koi8-u feeds', async () => {
    for (const enc of ['windows-1251', 'koi8-u']) {
      const xml = `<?xml version="1.0" encoding="${enc}"?><rss version="2.0"><channel><title>Стрічка</title><item><title>Їжак і ґанок: ${enc}</title><guid>${enc}</guid><pubDate>Tue, 21 Dec 2021 16:00:00 GMT</pubDate><description>Єдиний текст.</description></item></channel></rss>`;
      await writeFile(join(dir, `${enc}.xml`), iconv.encode(xml, enc));
    }
    const io = capture();
    const out = join(dir, 'out');
    expect(await main([dir, '--out', out], io)).toBe(0);
    const names = await readdir(join(out, 'articles'));
    expect(names.sort()).toEqual(['yizhak-i-ganok-koi8-u.json', 'yizhak-i-ganok-windows-1251.json']);
    expect((await article(out, 'yizhak-i-ganok-koi8-u')).lead).toBe('Єдиний текст.');
  });

  it('ids and slugs are the same on a rebuild', async () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    await main([fixtures, '--out', a], capture());
    await main([join(fixtures, 'feed11.json'), join(fixtures, 'rss2.xml'), join(fixtures, 'atom1.xml'), join(fixtures, 'rss1.rdf'), join(fixtures, 'atom03.xml'), join(fixtures, 'feed10.json'), '--out', b], capture());
    expect((await readdir(join(b, 'articles'))).sort()).toEqual((await readdir(join(a, 'articles'))).sort());
    const manifest = async (d: string): Promise<string> => JSON.parse(await readFile(join(d, 'manifest.json'), 'utf8')).contentHash;
    expect(await manifest(b)).toBe(await manifest(a));
  });
});

const SLAVNER = resolve(import.meta.dirname, '../../../../shared/corpus/slavner-uk.rss.xml');

describe('the SlavNER corpus (../shared/corpus)', () => {
  it.skipIf(!existsSync(SLAVNER))('imports all 409 real Ukrainian articles, none skipped', async () => {
    const io = capture();
    const out = join(dir, 'out');
    expect(await main([SLAVNER, '--out', out], io)).toBe(0);
    expect(io.stdout[0]).toMatch(/^409 imported, 0 skipped/);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.articleCount).toBe(409);
    for (const name of (await readdir(join(out, 'articles'))).slice(0, 50)) {
      const a = v.parse(Article, JSON.parse(await readFile(join(out, 'articles', name), 'utf8')));
      expect(a.related.length).toBeGreaterThan(0);
      expect(a.related.map((r) => r.id)).not.toContain(a.id);
    }
  }, 60_000);
  if (!existsSync(SLAVNER)) it.skip('SlavNER: ../shared/corpus/slavner-uk.rss.xml is absent', () => {});
});
