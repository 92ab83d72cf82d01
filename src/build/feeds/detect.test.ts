import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeSource, detectFormat } from './detect.ts';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8');

describe('detectFormat', () => {
  it('recognises each format from the content', () => {
    expect(detectFormat(fixture('rss2.xml'))).toBe('rss2');
    expect(detectFormat(fixture('rss1.rdf'))).toBe('rss1');
    expect(detectFormat(fixture('atom1.xml'))).toBe('atom1');
    expect(detectFormat(fixture('atom03.xml'))).toBe('atom03');
    expect(detectFormat(fixture('feed11.json'))).toBe('jsonfeed1.1');
    expect(detectFormat(fixture('feed10.json'))).toBe('jsonfeed1.0');
  });
  it('reads past comments, a DOCTYPE and a BOM; other XML and JSON are not feeds', () => {
    expect(detectFormat('\ufeff<?xml version="1.0"?>\n<!-- c --><!DOCTYPE rss [<!ENTITY x "y">]>\n<rss version="0.91"><channel/></rss>')).toBe('rss2');
    expect(detectFormat('<html><body>not a feed</body></html>')).toBe('xml');
    expect(detectFormat('{"slug":"x"}')).toBe('json');
    expect(detectFormat('{"items":[],"version":"https://jsonfeed.org/version/1.1"}')).toBe('jsonfeed1.1');
    expect(detectFormat('Headline\n\n16:00 21.12.2021\n\nText.')).toBe('seed');
  });
});

describe('decodeSource', () => {
  const xml = (encoding: string, text: string): Buffer =>
    iconv.encode(`<?xml version="1.0" encoding="${encoding}"?>\n<rss version="2.0"><channel><title>${text}</title></channel></rss>`, encoding);

  it('honours windows-1251 and koi8-u declared in the prolog', () => {
    const text = 'Київ: ґанок, їжак, Єва, Іван';
    for (const enc of ['windows-1251', 'koi8-u']) {
      const bytes = xml(enc, text);
      expect(bytes.toString('utf8')).not.toContain('Київ'); // really not UTF-8
      const decoded = decodeSource(bytes);
      expect('text' in decoded && decoded.text).toContain(`<title>${text}</title>`);
    }
  });
  it('reads UTF-8 with or without a BOM, and UTF-16 with one', () => {
    expect(decodeSource(Buffer.from('\ufeffПривіт', 'utf8'))).toMatchObject({ text: 'Привіт' });
    expect(decodeSource(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Привіт', 'utf16le')]))).toMatchObject({ text: 'Привіт' });
  });
  it('reports bytes that are not text in the encoding, and unknown encodings', () => {
    expect(decodeSource(Buffer.from([0x48, 0xff, 0xfe, 0x49]).subarray(0, 4))).toEqual({ problem: 'not valid UTF-8 text' });
    expect(decodeSource(Buffer.from('<?xml version="1.0" encoding="x-klingon"?><rss/>'))).toEqual({
      problem: 'unknown encoding "x-klingon" in the XML declaration',
    });
  });
});
