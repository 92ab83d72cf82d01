import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError } from '../errors.ts';
import { detectFormat } from './detect.ts';
import { parseXmlFeed } from './xml.ts';

const parse = (name: string) => {
  const text = readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8');
  const format = detectFormat(text);
  if (format !== 'rss2' && format !== 'rss1' && format !== 'atom1' && format !== 'atom03') throw new Error(format);
  return parseXmlFeed(text, name, format);
};

describe('parseXmlFeed', () => {
  it('RSS 2.0: every field, CDATA and escaped HTML, with item lines', () => {
    const feed = parse('rss2.xml');
    expect(feed.errors).toEqual([]);
    expect(feed).toMatchObject({ title: 'Київська стрічка', link: 'https://news.example.org/', lang: 'uk', updated: 'Tue, 21 Dec 2021 18:00:00 +0200' });
    const [a, b] = feed.entries;
    expect(a).toMatchObject({
      item: 1,
      line: 8,
      title: { value: 'НАТО відповіло Москві щодо безпекових гарантій', html: true },
      link: 'https://news.example.org/nato-vidpovid?utm_source=rss&utm_medium=feed&id=7',
      guid: 'kyiv-1',
      published: 'Tue, 21 Dec 2021 16:00:00 +0200',
      author: 'Олена Коваль',
      categories: ['НАТО', 'Безпекові  гарантії'],
      summary: { value: 'Альянс передав письмову відповідь…', html: true },
    });
    expect(a?.content?.value).toContain('<h2>Що далі</h2>');
    expect(b).toMatchObject({ item: 2, published: '2022-01-10', summary: { value: '<p>Переговори у Женеві тривали вісім годин.</p><p>Сторони домовилися зустрітися знову.</p>' } });
  });

  it('RSS 1.0 (RDF): items beside the channel, dc: fields', () => {
    const feed = parse('rss1.rdf');
    expect(feed).toMatchObject({ format: 'rss1', title: 'RDF wire', lang: 'en' });
    expect(feed.entries).toMatchObject([
      { title: { value: 'Grain exports rise' }, link: 'https://rdf.example.org/a', published: '2021-12-21T16:00:00+02:00', categories: ['grain'], author: 'Wire desk' },
    ]);
  });

  it('Atom 1.0: alternate link, typed text, xhtml content, category labels', () => {
    const feed = parse('atom1.xml');
    expect(feed).toMatchObject({ format: 'atom1', title: 'Atom desk', link: 'https://atom.example.org/', updated: '2021-12-22T10:00:00Z' });
    const [e] = feed.entries;
    expect(e).toMatchObject({
      title: { value: 'Talks <em>resume</em> in Geneva', html: true },
      link: '/talks-resume?gclid=xyz',
      guid: 'urn:atom-desk:1',
      published: '2021-12-22T09:30:00+01:00',
      updated: '2021-12-22T11:00:00+01:00',
      author: 'Jane Roe',
      categories: ['Diplomacy', 'geneva'],
      summary: { value: 'Delegations met again on Wednesday.', html: false },
      lang: undefined,
    });
    expect(e?.content?.html).toBe(true);
    expect(e?.content?.value).toContain('<strong>second</strong>');
  });

  it('Atom 0.3: issued/modified, escaped content', () => {
    const feed = parse('atom03.xml');
    expect(feed.entries).toMatchObject([
      { published: '2005-03-01T10:00:00Z', updated: '2005-03-01T11:00:00Z', content: { value: '<p>Written in Atom 0.3.</p>', html: true } },
    ]);
    expect(feed.updated).toBe('2005-03-01T12:00:00Z');
  });

  it('broken XML: says where, then reads the other items one by one', () => {
    const xml = [
      '<?xml version="1.0"?>',
      '<rss version="2.0"><channel><title>Broken</title><link>https://b.example/</link>',
      '<item><title>Good one</title><description>Text one</description></item>',
      '<item><title>Bad <b>unclosed</title><description>x</description></item>',
      '<item><title>Good two</title><description>Text &amp; two</description></item>',
      '<item><title>Never closed</title>',
      '</channel></rss>',
    ].join('\n');
    const feed = parseXmlFeed(xml, 'b.xml', 'rss2');
    expect(feed.entries.map((e) => e.title?.value)).toEqual(['Good one', 'Good two']);
    expect(feed.entries.map((e) => e.item)).toEqual([1, 3]);
    expect(feed.title).toBe('Broken');
    expect(feed.broken).toBe(2);
    const messages = feed.errors.map(formatError);
    expect(messages[0]).toMatch(/^b\.xml:\d+: broken XML: .*; reading the items one by one$/);
    expect(messages).toContain("b.xml:4: item 2: broken XML: Expected closing tag 'b' instead of closing tag 'title'; skipped");
    expect(messages.some((m) => /^b\.xml:6: item 4: broken XML: the item is not closed; skipped$/.test(m))).toBe(true);
  });

  it('a document that is not a feed at all', () => {
    const feed = parseXmlFeed('<rss version="2.0"><nochannel/></rss>', 'n.xml', 'rss2');
    expect(feed.entries).toEqual([]);
    expect(feed.errors.map(formatError)).toEqual(['n.xml: not a feed: no channel or entries']);
  });
});
