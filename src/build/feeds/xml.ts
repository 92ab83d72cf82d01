/**
 * RSS 2.0/0.9x, RSS 1.0 (RDF), Atom 1.0 and Atom 0.3 → FeedEntry records, on
 * fast-xml-parser (a fast, dependency-free, well-kept XML parser that never
 * fetches anything and ignores DOCTYPE entities here). Pure.
 *
 * Text fields that may hold HTML (title, description, summary, content,
 * content:encoded) are read raw ("stop nodes") and decoded here, so CDATA and
 * escaped HTML come out the same and no entity expansion limit applies to them.
 *
 * A feed that is not well-formed XML is reported with the parser's line; its
 * items are then read one by one, so one broken item costs only itself.
 */
import { decodeHTML } from 'entities';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { type ImportError, importError } from '../errors.ts';
import type { FeedFormat } from './detect.ts';
import { type FeedEntry, type FeedText, type ParsedFeed, itemMessage } from './entry.ts';

type Node = Record<string, unknown>;

const RAW_FIELDS = ['title', 'description', 'summary', 'content', 'content:encoded', 'subtitle', 'tagline', 'atom:summary', 'atom:content', 'atom:title'];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  cdataPropName: '#cdata',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  stopNodes: RAW_FIELDS.map((f) => `*.${f}`),
  maxNestedTags: 200,
});

const arr = (x: unknown): unknown[] => (x === undefined || x === null ? [] : Array.isArray(x) ? x : [x]);
const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Raw XML character data (a stop node's inside): CDATA kept verbatim, entities decoded elsewhere. */
export function xmlCharacterData(raw: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = raw.indexOf('<![CDATA[', at);
    if (open < 0) break;
    const close = raw.indexOf(']]>', open + 9);
    out += decodeHTML(raw.slice(at, open));
    out += raw.slice(open + 9, close < 0 ? raw.length : close);
    at = close < 0 ? raw.length : close + 3;
  }
  return out + decodeHTML(raw.slice(at));
}

/** The text of an ordinary (parsed) element. */
function text(x: unknown): string | undefined {
  if (typeof x === 'string') return decodeHTML(x).trim();
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  if (isNode(x)) {
    const parts = [...arr(x['#text']).map((t) => decodeHTML(String(t))), ...arr(x['#cdata']).map(String)];
    const t = parts.join('').trim();
    return t === '' ? undefined : t;
  }
  if (Array.isArray(x)) return text(x[0]);
  return undefined;
}

/** A raw (stop node) field: RSS description/content:encoded are HTML; Atom says with type=. */
function rawText(x: unknown, atom: boolean, defaultHtml: boolean): FeedText | undefined {
  const node = Array.isArray(x) ? x[0] : x;
  let raw: string;
  let type: string | undefined;
  if (typeof node === 'string') raw = node;
  else if (isNode(node)) {
    raw = typeof node['#text'] === 'string' ? node['#text'] : '';
    type = typeof node['@_type'] === 'string' ? node['@_type'].toLowerCase() : undefined;
    if (atom && typeof node['@_mode'] === 'string' && node['@_mode'] === 'escaped') type = 'html';
  } else return undefined;
  if (atom && (type === 'xhtml' || type === 'application/xhtml+xml')) {
    // inline XHTML: the markup is the HTML (inside its <div>)
    return { value: raw, html: true };
  }
  const value = xmlCharacterData(raw);
  if (value.trim() === '') return undefined;
  const html = atom ? type === 'html' || type === 'text/html' || (type === undefined && defaultHtml) : defaultHtml;
  return { value, html };
}

function attr(x: unknown, name: string): string | undefined {
  const v = isNode(x) ? x[`@_${name}`] : undefined;
  return typeof v === 'string' ? decodeHTML(v).trim() : undefined;
}

function child(node: Node, ...names: string[]): unknown {
  for (const n of names) if (node[n] !== undefined) return node[n];
  return undefined;
}

/** Namespaced children are matched with any prefix the feed chose (dc:, DC:, atom:). */
function prefixed(node: Node, local: string): unknown {
  for (const key of Object.keys(node)) if (key === local || key.endsWith(`:${local}`)) return node[key];
  return undefined;
}

// ---- items --------------------------------------------------------------------

function rssEntry(item: Node, n: number, line: number): FeedEntry {
  const guidNode = item.guid;
  const guid = text(guidNode);
  const permalink = isNode(guidNode) ? attr(guidNode, 'isPermaLink') !== 'false' : guid !== undefined;
  const link = text(item.link) ?? attr(item, 'rdf:about') ?? (permalink && guid !== undefined && /^https?:/i.test(guid) ? guid : undefined);
  const categories = [...arr(item.category), ...arr(prefixed(item, 'subject'))].map(text).filter((c): c is string => c !== undefined);
  const enclosure = arr(item.enclosure).find((e) => /^image\//i.test(attr(e, 'type') ?? ''));
  const media = arr(prefixed(item, 'content')).find((m) => isNode(m) && (/^image/i.test(attr(m, 'medium') ?? attr(m, 'type') ?? '')));
  return {
    item: n,
    line,
    title: rawText(child(item, 'title'), false, true),
    link,
    guid: guid ?? attr(item, 'rdf:about'),
    published: text(item.pubDate) ?? text(prefixed(item, 'date')),
    updated: text(prefixed(item, 'modified')),
    author: text(prefixed(item, 'creator')) ?? text(item.author),
    categories,
    summary: rawText(child(item, 'description'), false, true),
    content: rawText(child(item, 'content:encoded'), false, true),
    lang: text(prefixed(item, 'language')) ?? attr(item, 'xml:lang'),
    image: attr(enclosure, 'url') ?? attr(media, 'url'),
  };
}

function atomLink(entry: Node): string | undefined {
  const links = arr(entry.link);
  const alternate = links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate' && /html|^$/i.test(attr(l, 'type') ?? ''));
  const any = alternate ?? links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  return attr(any, 'href') ?? (typeof any === 'string' ? any.trim() : undefined);
}

function atomEntry(entry: Node, n: number, line: number, v03: boolean): FeedEntry {
  const authorNode = arr(entry.author)[0];
  const categories = arr(entry.category)
    .map((c) => attr(c, 'label') ?? attr(c, 'term') ?? text(c))
    .filter((c): c is string => c !== undefined && c !== '');
  return {
    item: n,
    line,
    title: rawText(entry.title, true, false),
    link: atomLink(entry),
    guid: text(entry.id),
    published: text(entry.published) ?? (v03 ? (text(entry.issued) ?? text(entry.created)) : undefined) ?? text(prefixed(entry, 'date')),
    updated: text(entry.updated) ?? (v03 ? text(entry.modified) : undefined),
    author: isNode(authorNode) ? text(authorNode.name) : text(authorNode),
    categories: [...categories, ...arr(prefixed(entry, 'subject')).map(text).filter((c): c is string => c !== undefined)],
    summary: rawText(entry.summary, true, false),
    content: rawText(entry.content, true, false),
    lang: attr(entry, 'xml:lang'),
  };
}

// ---- documents -----------------------------------------------------------------

/**
 * The matches of `tag` (a global pattern) in `xml` that are markup, not text: those
 * inside a CDATA section or a comment are passed over. One pass; an unclosed
 * section is read as text, so what follows it can still be salvaged.
 */
function* markup(xml: string, tag: RegExp): Generator<RegExpExecArray> {
  const re = new RegExp(`<!\\[CDATA\\[|<!--|${tag.source}`, 'g');
  // where the next "]]>" and "-->" are (-1: none left), so unclosed sections cost one search each
  const ends: Record<string, { close: string; at: number }> = { '<![CDATA[': { close: ']]>', at: 0 }, '<!--': { close: '-->', at: 0 } };
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const section = ends[m[0]];
    if (!section) {
      yield m;
      continue;
    }
    const from = m.index + m[0].length;
    if (section.at >= 0 && section.at < from) section.at = xml.indexOf(section.close, from);
    if (section.at >= 0) re.lastIndex = section.at + section.close.length;
  }
}

const ITEM_START = /<(?:[A-Za-z_][\w.-]*:)?(item|entry)[\s>/]/g;

/** Where each item starts: character offsets and 1-based lines. */
function itemStarts(xml: string, tag: 'item' | 'entry'): Array<{ offset: number; line: number }> {
  const out: Array<{ offset: number; line: number }> = [];
  let line = 1;
  let at = 0;
  for (const m of markup(xml, ITEM_START)) {
    if (m[1] !== tag) continue;
    for (let i = xml.indexOf('\n', at); i >= 0 && i < m.index; i = xml.indexOf('\n', i + 1)) line++;
    at = m.index;
    out.push({ offset: m.index, line });
  }
  return out;
}

interface Shape {
  root: Node;
  channel: Node;
  items: Node[];
  tag: 'item' | 'entry';
}

function shape(doc: Node, format: FeedFormat): Shape | undefined {
  const rootKey = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#') && !k.startsWith('!'));
  const root = rootKey !== undefined ? doc[rootKey] : undefined;
  if (!isNode(root)) return undefined;
  if (format === 'rss2') {
    const channel = arr(root.channel)[0];
    if (!isNode(channel)) return undefined;
    return { root, channel, items: arr(channel.item).filter(isNode), tag: 'item' };
  }
  if (format === 'rss1') {
    const channel = arr(prefixed(root, 'channel'))[0];
    const items = arr(prefixed(root, 'item')).filter(isNode);
    return { root, channel: isNode(channel) ? channel : {}, items, tag: 'item' };
  }
  return { root, channel: root, items: arr(root.entry).filter(isNode), tag: 'entry' };
}

function feedMeta(s: Shape, format: FeedFormat): Pick<ParsedFeed, 'title' | 'link' | 'lang' | 'updated'> {
  const atom = format === 'atom1' || format === 'atom03';
  const c = s.channel;
  const title = rawText(c.title, atom, false);
  return {
    title: title ? title.value.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim() || undefined : undefined,
    link: atom ? atomLink(c) : (text(c.link) ?? attr(c, 'rdf:about')),
    lang: text(c.language) ?? text(prefixed(c, 'language')) ?? attr(s.root, 'xml:lang'),
    updated: atom
      ? (text(c.updated) ?? text(c.modified))
      : (text(c.lastBuildDate) ?? text(c.pubDate) ?? text(prefixed(c, 'date'))),
  };
}

function toEntry(item: Node, n: number, line: number, format: FeedFormat): FeedEntry {
  return format === 'rss2' || format === 'rss1' ? rssEntry(item, n, line) : atomEntry(item, n, line, format === 'atom03');
}

/** Parse one XML feed. Never throws: problems come back as errors. */
export function parseXmlFeed(xml: string, file: string, format: FeedFormat): ParsedFeed {
  const errors: ImportError[] = [];
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid === true) {
    let doc: Node;
    try {
      doc = parser.parse(xml) as Node;
    } catch (e) {
      // the parser's own limits (200 nested elements, an element named __proto__): the items one by one, each with its reason
      return salvage(xml, file, format, [importError(file, 0, `cannot read the feed as a whole (${reason(e instanceof Error ? e.message : String(e))}); reading the items one by one`)]);
    }
    const s = shape(doc, format);
    if (!s) return { file, format, entries: [], errors: [importError(file, 0, 'not a feed: no channel or entries')], broken: 0 };
    const starts = itemStarts(xml, s.tag);
    const entries = s.items.map((item, k) => toEntry(item, k + 1, starts[k]?.line ?? 0, format));
    return { file, format, ...feedMeta(s, format), entries, errors, broken: 0 };
  }
  errors.push(importError(file, valid.err.line, `broken XML: ${reason(valid.err.msg)}; reading the items one by one`));
  return salvage(xml, file, format, errors);
}

/** The parser's message without its final full stop (and, for a cut-out item, without positions in the cut-out). */
function reason(msg: string, cutOut = false): string {
  const m = cutOut ? msg.replace(/\s*\(opened in line \d+, col \d+\)/, '') : msg;
  return m.replace(/\.$/, '');
}

/**
 * A well-formed piece parsed; the parser's own limits (200 nested elements, an
 * element named __proto__) come back as the Error it threw.
 */
function parseShape(doc: string, format: FeedFormat): Shape | undefined | Error {
  try {
    return shape(parser.parse(doc) as Node, format);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/** A broken document: each item is cut out and parsed on its own. */
function salvage(xml: string, file: string, format: FeedFormat, errors: ImportError[]): ParsedFeed {
  const tag = format === 'atom1' || format === 'atom03' ? 'entry' : 'item';
  const starts = itemStarts(xml, tag);
  const rootTag = /<((?:[\w.-]+:)?(?:rss|RDF|feed))\b[^>]*>/.exec(xml);
  const open = rootTag?.[0] ?? '<rss>';
  const rootName = rootTag?.[1] ?? 'rss';
  const wrap = (inner: string): string =>
    format === 'rss2' ? `${open}<channel>${inner}</channel></${rootName}>` : `${open}${inner}</${rootName}>`;

  const headEnd = starts[0]?.offset ?? xml.length;
  let meta: Pick<ParsedFeed, 'title' | 'link' | 'lang' | 'updated'> = {};
  const head = xml.slice(0, headEnd).replace(/^[\s\S]*?<channel\b[^>]*>/, '');
  const headDoc = wrap(head.replace(/<[^>]*$/, ''));
  if (XMLValidator.validate(headDoc) === true) {
    const s = parseShape(headDoc, format);
    if (s && !(s instanceof Error)) meta = feedMeta(s, format);
  }

  const entries: FeedEntry[] = [];
  let broken = 0;
  const close = new RegExp(`</(?:[\\w.-]+:)?${tag}\\s*>`, 'g');
  starts.forEach(({ offset, line }, k) => {
    const n = k + 1;
    // its end is looked for up to the next item only: every character is searched once
    const segment = xml.slice(offset, starts[k + 1]?.offset ?? xml.length);
    const end = markup(segment, close).next().value;
    if (!end) {
      broken++;
      errors.push(importError(file, line, itemMessage(n, `broken XML: the ${tag} is not closed; skipped`)));
      return;
    }
    const chunk = segment.slice(0, end.index + end[0].length);
    const doc = wrap(chunk);
    const ok = XMLValidator.validate(doc, { allowBooleanAttributes: true });
    if (ok !== true) {
      broken++;
      errors.push(importError(file, line + ok.err.line - 1, itemMessage(n, `broken XML: ${reason(ok.err.msg, true)}; skipped`)));
      return;
    }
    const s = parseShape(doc, format);
    if (s instanceof Error) {
      broken++;
      errors.push(importError(file, line, itemMessage(n, `cannot read the item: ${reason(s.message)}; skipped`)));
      return;
    }
    const item = s?.items[0];
    if (!item) {
      broken++;
      errors.push(importError(file, line, itemMessage(n, 'cannot read the item; skipped')));
      return;
    }
    entries.push(toEntry(item, n, line, format));
  });
  if (starts.length === 0) errors.push(importError(file, 0, `no ${tag} could be read`));
  return { file, format, ...meta, entries, errors, broken };
}
