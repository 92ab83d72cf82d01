import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError } from '../errors.ts';
import { parseJsonFeed } from './jsonfeed.ts';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8');

describe('parseJsonFeed', () => {
  it('JSON Feed 1.1: fields, authors, tags, text or HTML content, item lines', () => {
    const feed = parseJsonFeed(fixture('feed11.json'), 'f.json', 'jsonfeed1.1');
    expect(feed.errors).toEqual([]);
    expect(feed).toMatchObject({ title: 'JSON desk', link: 'https://json.example.org/', lang: 'en' });
    expect(feed.entries).toMatchObject([
      { item: 1, line: 7, guid: 'json-1', author: 'Markets desk', categories: ['markets', 'central bank'], content: { html: false } },
      { item: 2, line: 16, published: '2021-12-21', content: { value: '<p>The central bank held rates.</p>', html: true }, summary: { value: 'The central bank held rates.' } },
    ]);
  });

  it('JSON Feed 1.0: the feed author stands for items without one', () => {
    const feed = parseJsonFeed(fixture('feed10.json'), 'f.json', 'jsonfeed1.0');
    expect(feed.entries).toMatchObject([{ author: 'Desk of One', title: { value: 'Version one item' } }]);
  });

  it('reports broken JSON with its line, and items that are not objects', () => {
    expect(parseJsonFeed('{\n"version": "https://jsonfeed.org/version/1.1",\n"items": [,]\n}', 'b.json', 'jsonfeed1.1').errors.map(formatError)[0]).toMatch(/^b\.json:\d+: not valid JSON/);
    const feed = parseJsonFeed('{"version":"https://jsonfeed.org/version/1.1","items":[{"title":"ok","content_text":"x"}, 7, "s"],"title":"T"}', 'c.json', 'jsonfeed1.1');
    expect(feed.entries).toHaveLength(1);
    expect(feed.broken).toBe(2);
    expect(feed.errors.map(formatError)).toEqual(['c.json: item 2: an item must be an object; skipped', 'c.json: item 3: an item must be an object; skipped']);
    expect(parseJsonFeed('{"version":"https://jsonfeed.org/version/1.1","items":{}}', 'd.json', 'jsonfeed1.1').errors.map(formatError)).toEqual([
      'd.json: not a JSON Feed: "items" must be an array',
    ]);
  });
});
