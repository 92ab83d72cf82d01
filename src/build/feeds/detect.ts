/**
 * Reading a source's bytes as text and recognising its format from the content,
 * never from the file name. Pure.
 *
 *   <rss version="2.0|0.9x">          RSS 2.0 (and 0.9x)
 *   <rdf:RDF> (xmlns purl.org/rss/1.0) RSS 1.0
 *   <feed xmlns="…/2005/Atom">        Atom 1.0;   <feed version="0.3"> Atom 0.3
 *   {"version":"https://jsonfeed.org/version/1.1"|"…/1"}  JSON Feed 1.1 / 1.0
 *   anything else                     the seed text format (its parser says what is wrong)
 */
export type FeedFormat = 'rss2' | 'rss1' | 'atom1' | 'atom03' | 'jsonfeed1.1' | 'jsonfeed1.0';
export type SourceFormat = FeedFormat | 'seed' | 'json' | 'xml';

export const FORMAT_NAMES: Readonly<Record<SourceFormat, string>> = {
  rss2: 'RSS 2.0',
  rss1: 'RSS 1.0',
  atom1: 'Atom 1.0',
  atom03: 'Atom 0.3',
  'jsonfeed1.1': 'JSON Feed 1.1',
  'jsonfeed1.0': 'JSON Feed 1.0',
  seed: 'seed text',
  json: 'JSON (not a feed)',
  xml: 'XML (not a feed)',
};

/** The XML declaration's encoding, read from the first bytes as ASCII. */
export function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 300)).toString('latin1');
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m?.[1];
}

export type Decoded = { text: string; encoding: string } | { problem: string };

/**
 * Bytes → text: a BOM wins (UTF-8, UTF-16), then the encoding an XML prolog
 * declares (windows-1251, koi8-u, iso-8859-5, …), else UTF-8. Bytes that are not
 * valid in that encoding are a problem, not mojibake.
 */
export function decodeSource(bytes: Uint8Array): Decoded {
  let label = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [label, start] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [label, start] = ['utf-16be', 2];
  else label = declaredEncoding(bytes)?.toLowerCase() ?? 'utf-8';
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return { problem: `unknown encoding ${JSON.stringify(label)} in the XML declaration` };
  }
  try {
    return { text: decoder.decode(bytes.subarray(start)), encoding: decoder.encoding };
  } catch {
    return { problem: `not valid ${decoder.encoding === 'utf-8' ? 'UTF-8' : decoder.encoding} text` };
  }
}

const ROOT = /^\s*(?:(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)\s*)*<([A-Za-z_][\w:.-]*)([^>]*)>/;

/** The format of a source, from its text. */
export function detectFormat(text: string): SourceFormat {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = /\S/.exec(t)?.[0];
  if (first === '{') {
    const head = t.slice(0, 4096);
    const m = /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\/(1(?:\.\d+)?)"/.exec(head);
    if (m) return m[1] === '1' || m[1] === '1.0' ? 'jsonfeed1.0' : 'jsonfeed1.1';
    // the version may come after the items: look at the whole object's top level
    try {
      const v = (JSON.parse(t) as { version?: unknown }).version;
      if (typeof v === 'string' && /^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?$/.test(v)) return /\/1$|\/1\.0$/.test(v) ? 'jsonfeed1.0' : 'jsonfeed1.1';
    } catch {
      // not JSON at all: a sidecar's reader reports that
    }
    return 'json';
  }
  if (first === '<') {
    const m = ROOT.exec(t.slice(0, 65536));
    const name = m?.[1] ?? '';
    const attrs = m?.[2] ?? '';
    const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
    if (local === 'rss') return 'rss2';
    if (local === 'RDF') return 'rss1';
    if (local === 'feed') {
      if (/version\s*=\s*["']0\.3["']/.test(attrs) || /purl\.org\/atom\/ns#/.test(attrs)) return 'atom03';
      return 'atom1';
    }
    return 'xml';
  }
  return 'seed';
}
