import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFeed } from '../feeds/parseFeed.ts';
import { decodeSource } from '../feeds/detect.ts';
import { UNDECODED_BYTES, feedText, readSources, releaseFeed } from './sources.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kontekst-sources-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** An RSS 2.0 feed of Ukrainian items, bigger than `bytes` in UTF-8. */
function bigRss(bytes: number, prolog = '<?xml version="1.0" encoding="UTF-8"?>'): string {
  const items: string[] = [];
  for (let k = 0, size = 0; size < bytes; k++) {
    const item = `<item><title>Новина ${k}: п’ять «слів»</title><guid>g-${k}</guid><pubDate>Tue, 21 Dec 2021 16:00:00 GMT</pubDate><description>Опис новини ${k} — ${'текст '.repeat(40)}</description></item>\n`;
    items.push(item);
    size += Buffer.byteLength(item);
  }
  return `${prolog}\n<rss version="2.0"><channel><title>Стрічка</title>\n${items.join('')}</channel></rss>\n`;
}

describe('readSources', () => {
  it('leaves a big UTF-8 feed undecoded, to the text decodeSource gives and the same items when parsed', async () => {
    const text = bigRss(UNDECODED_BYTES + 1000);
    const file = join(dir, 'big.xml');
    await writeFile(file, `\ufeff${text}`); // with a BOM
    const { feeds, errors } = await readSources([file]);
    expect(errors).toEqual([]);
    const feed = feeds[0];
    expect(feed?.format).toBe('rss2');
    expect(feed?.text).toBe('');
    expect(feed?.utf8).toBeInstanceOf(Uint8Array);
    const bytes = Buffer.from(`\ufeff${text}`);
    const expected = decodeSource(bytes);
    expect('text' in expected && feedText(feed!) === expected.text).toBe(true);
    const parsed = parseFeed(feed!);
    expect(parsed.entries.length).toBeGreaterThan(100);
    expect(parsed).toEqual(parseFeed({ ...feed!, utf8: undefined, text: feedText(feed!) }));
    releaseFeed(feed!);
    expect([feed?.text, feed?.utf8]).toEqual(['', undefined]);
  });

  it('still reports a big file that is not valid UTF-8, and decodes a big windows-1251 feed at once', async () => {
    const broken = Buffer.from(bigRss(UNDECODED_BYTES + 1000));
    broken[broken.length - 100] = 0xff;
    await writeFile(join(dir, 'broken.xml'), broken);
    const cp1251 = bigRss(UNDECODED_BYTES + 1000, '<?xml version="1.0" encoding="windows-1251"?>');
    // windows-1251 bytes of the Ukrainian text (the letters used here, and ASCII)
    const table = 'ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\u0098™љ›њќћџ\u00a0ЎўЈ¤Ґ¦§Ё©Є«¬\u00ad®Ї°±Ііґµ¶·ё№є»јЅѕїАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя';
    const encoded = Buffer.from(Array.from(cp1251, (ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : 0x80 + table.indexOf(ch))));
    await writeFile(join(dir, 'cp1251.xml'), encoded);
    const { feeds, errors, unreadable } = await readSources([dir]);
    expect(errors.map((e) => e.message)).toEqual(['cannot read: not valid UTF-8 text']);
    expect(unreadable).toEqual([join(dir, 'broken.xml')]);
    expect(feeds.map((f) => [f.format, f.utf8 === undefined, f.text === cp1251])).toEqual([['rss2', true, true]]);
  });

  it('recognises a big JSON Feed whose version comes after its items', async () => {
    const items = Array.from({ length: 4000 }, (_, k) => ({ id: `i${k}`, title: `Новина ${k}`, content_text: 'текст '.repeat(50) }));
    await writeFile(join(dir, 'late.json'), JSON.stringify({ title: 'Стрічка', items, version: 'https://jsonfeed.org/version/1.1' }));
    const { feeds } = await readSources([join(dir, 'late.json')]);
    expect(feeds.map((f) => [f.format, f.utf8 === undefined])).toEqual([['jsonfeed1.1', true]]);
  });
});
