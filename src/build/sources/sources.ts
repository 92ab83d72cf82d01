/**
 * Reading the sources named on the command line: files or folders (read
 * recursively). What a file is comes from its content (feeds/detect.ts): RSS,
 * Atom and JSON Feed files are feeds, whatever their name; otherwise `*.txt` are
 * seed texts, `topics.json` is the glossary, any other `*.json` is the sidecar of
 * the `.txt` with the same name beside it. XML is decoded in the encoding its
 * prolog declares; a big UTF-8 feed is checked here and decoded where it is
 * parsed (FeedFile.utf8).
 */
import { isUtf8 } from 'node:buffer';
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { type ImportError, importError, importWarning } from '../errors.ts';
import { type FeedFormat, FORMAT_NAMES, type SourceFormat, decodeSource, declaredEncoding, detectFormat } from '../feeds/detect.ts';
import { type FetchOptions, type Fetched, fetchFeed, isUrl } from './fetch.ts';
import { isOpml, opmlFeeds } from './opml.ts';
import type { SourceState } from './state.ts';

export interface TextFile {
  file: string;
  text: string;
}

export interface SeedSource extends TextFile {
  sidecar?: TextFile;
}

export interface FeedFile extends TextFile {
  format: FeedFormat;
  /** the day the file was last modified (YYYY-MM-DD, UTC): a feed's date when it states none */
  modified?: string;
  /**
   * A big UTF-8 feed's bytes, checked valid, not decoded yet (`text` is then
   * empty): it is decoded where it is parsed — a feed-parser thread — rather
   * than on this thread, where decoding 300 MB took 2.4 s. feedText() gives the
   * text either way.
   */
  utf8?: Uint8Array;
}

/** A feed's text (decoded from its bytes when they were left undecoded: the same text decodeSource gives). */
export function feedText(feed: FeedFile): string {
  return feed.utf8 ? new TextDecoder('utf-8', { fatal: true }).decode(feed.utf8) : feed.text;
}

/** Let a feed's text go once it is parsed (hundreds of MB at 100 000 articles). */
export function releaseFeed(feed: FeedFile): void {
  feed.text = '';
  delete feed.utf8;
}

/** UTF-8 files at least this big are left undecoded when they are feeds (FeedFile.utf8). */
export const UNDECODED_BYTES = 1 << 20;
/** Bytes decoded to recognise such a file: more than detectFormat reads (65 536 UTF-16 units, ≤ 3 bytes each). */
const HEAD_BYTES = 1 << 18;
const isFeed = (format: SourceFormat): format is FeedFormat => format !== 'seed' && format !== 'json' && format !== 'xml';

/**
 * A big file in UTF-8 (by its BOM, its XML declaration or by default) whose
 * bytes are valid and whose first bytes say it is a feed: its format and its
 * bytes after any BOM, to be decoded later. Undefined for anything else, which
 * is decoded now.
 */
function undecodedFeed(bytes: Uint8Array): { format: FeedFormat; utf8: Uint8Array } | undefined {
  if (bytes.length < UNDECODED_BYTES) return undefined;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (!bom && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return undefined;
  let encoding: string;
  try {
    encoding = new TextDecoder(bom ? 'utf-8' : (declaredEncoding(bytes)?.toLowerCase() ?? 'utf-8')).encoding;
  } catch {
    return undefined;
  }
  const utf8 = bytes.subarray(bom ? 3 : 0);
  if (encoding !== 'utf-8' || !isUtf8(utf8)) return undefined;
  const format = detectFormat(new TextDecoder('utf-8', { fatal: true }).decode(utf8.subarray(0, HEAD_BYTES), { stream: true }));
  return isFeed(format) ? { format, utf8 } : undefined;
}

export interface Sources {
  seeds: SeedSource[];
  feeds: FeedFile[];
  glossaries: TextFile[];
  errors: ImportError[];
  /** files that could not be read at all (and URLs that could not be fetched) */
  unreadable: string[];
  /** URL sources that answered 304: their articles are the archive's */
  notModified?: string[];
  /** what each URL source fetched in full answered (its ETag, Last-Modified): to remember once the dataset is written */
  fetched?: SourceState;
}

export interface ReadOptions extends FetchOptions {
  /** what URL sources answered last time: asked conditionally */
  state?: SourceState;
}

/** URLs fetched at once. */
const FETCHES_AT_ONCE = 4;

/** Fetches each URL, at most FETCHES_AT_ONCE at a time, answers in the order asked. */
async function fetchAll(urls: readonly string[], { state = {}, ...options }: ReadOptions): Promise<Fetched[]> {
  const answers: Fetched[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < urls.length) {
      const k = next++;
      const url = urls[k] as string;
      answers[k] = await fetchFeed(url, state[url], options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(FETCHES_AT_ONCE, urls.length) }, worker));
  return answers;
}

/** OPML lists (given as files or URLs) → the feed URLs they name; other sources as they are. */
function expandOpml(file: string, bytes: Uint8Array, errors: ImportError[], unreadable: string[]): string[] | undefined {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  if (!isOpml(head)) return undefined;
  const list = opmlFeeds(new TextDecoder().decode(bytes));
  if ('problem' in list) {
    errors.push(importError(file, 0, list.problem));
    unreadable.push(file);
    return [];
  }
  return list.urls;
}

export const GLOSSARY_NAME = 'topics.json';

/** Files a folder walk picks up; a file named on the command line is read whatever its name. */
const SOURCE_FILE = /\.(txt|json|xml|rss|atom|rdf|feed)$/i;

function decoded(bytes: Uint8Array): string {
  const d = decodeSource(bytes);
  if ('problem' in d) throw new Error(d.problem);
  return d.text;
}

async function readText(file: string): Promise<string> {
  return decoded(await readFile(file));
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out);
    else if (entry.isFile() && SOURCE_FILE.test(entry.name)) out.push(path);
  }
}

const sidecarPath = (txt: string): string => txt.slice(0, -extname(txt).length) + '.json';

export async function readSources(args: readonly string[], options: ReadOptions = {}): Promise<Sources> {
  const errors: ImportError[] = [];
  const unreadable: string[] = [];
  const found: string[] = [];
  const explicit = new Set<string>();
  const urls: string[] = [];
  for (const arg of args) {
    if (isUrl(arg)) {
      if (!urls.includes(arg)) urls.push(arg);
      continue;
    }
    try {
      if ((await stat(arg)).isDirectory()) {
        const before = found.length;
        await walk(arg, found);
        if (!found.slice(before).some((f) => !/\.json$/i.test(f) || basename(f) !== GLOSSARY_NAME)) {
          errors.push(importWarning(arg, 0, 'no sources in this folder (.txt, .json, .xml, .rss, .atom, .rdf, .feed)'));
        }
      } else {
        found.push(join(arg));
        explicit.add(join(arg));
      }
    } catch (e) {
      errors.push(importError(arg, 0, `cannot read: ${reason(e)}`));
      unreadable.push(arg);
    }
  }

  const files = [...new Set(found)].sort();
  const texts = new Map<string, string>();
  const undecoded = new Map<string, { format: FeedFormat; utf8: Uint8Array }>();
  const modifiedOn = new Map<string, string>();
  const take = (file: string, bytes: Uint8Array): void => {
    const feed = undecodedFeed(bytes);
    if (feed) {
      undecoded.set(file, feed);
      texts.set(file, '');
    } else texts.set(file, decoded(bytes));
  };
  for (const file of files) {
    try {
      const bytes = await readFile(file);
      const listed = explicit.has(file) ? expandOpml(file, bytes, errors, unreadable) : undefined;
      if (listed) {
        for (const url of listed) if (!urls.includes(url)) urls.push(url);
      } else take(file, bytes);
    } catch (e) {
      errors.push(importError(file, 0, `cannot read: ${reason(e)}`));
      unreadable.push(file);
    }
  }
  // URLs: fetched (an OPML list fetched by URL names more, fetched in turn, once)
  const notModified: string[] = [];
  const fetched: SourceState = {};
  const asked = new Set<string>();
  for (let round = 0; round < 2 && urls.length > 0; round++) {
    const batch = urls.splice(0).filter((u) => !asked.has(u));
    for (const u of batch) asked.add(u);
    for (const answer of await fetchAll(batch, options)) {
      if (answer.status === 'failed') {
        errors.push(importError(answer.url, 0, `cannot fetch: ${answer.reason}`));
        unreadable.push(answer.url);
      } else if (answer.status === 'not-modified') notModified.push(answer.url);
      else {
        try {
          const listed = round === 0 ? expandOpml(answer.url, answer.bytes, errors, unreadable) : undefined;
          if (listed) urls.push(...listed);
          else {
            take(answer.url, answer.bytes);
            fetched[answer.url] = { ...answer.validators, fetchedAt: new Date().toISOString() };
            if (answer.modified) modifiedOn.set(answer.url, answer.modified);
          }
        } catch (e) {
          errors.push(importError(answer.url, 0, `cannot read: ${reason(e)}`));
          unreadable.push(answer.url);
        }
      }
    }
  }
  // A .txt named on its own still brings its sidecar along.
  for (const file of files) {
    if (!explicit.has(file) || !/\.txt$/i.test(file)) continue;
    const side = sidecarPath(file);
    if (texts.has(side)) continue;
    try {
      texts.set(side, await readText(side));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        errors.push(importError(side, 0, `cannot read: ${reason(e)}`));
        unreadable.push(side);
      }
    }
  }

  const seeds: SeedSource[] = [];
  const feeds: FeedFile[] = [];
  const glossaries: TextFile[] = [];
  const usedSidecars = new Set<string>();
  for (const [file, text] of [...texts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const feed = undecoded.get(file);
    const format = feed?.format ?? detectFormat(text);
    if (isFeed(format)) {
      let modified = modifiedOn.get(file);
      try {
        modified ??= (await stat(file)).mtime.toISOString().slice(0, 10);
      } catch {
        modified = undefined;
      }
      feeds.push({ file, text, format, ...(modified !== undefined && { modified }), ...(feed && { utf8: feed.utf8 }) });
      texts.delete(file);
      continue;
    }
    if (isUrl(file)) {
      errors.push(importError(file, 0, 'not a feed: expected RSS 2.0/1.0, Atom 1.0/0.3 or JSON Feed'));
      unreadable.push(file);
      texts.delete(file);
      continue;
    }
    if (format === 'xml') {
      errors.push(importError(file, 0, `not a feed: ${FORMAT_NAMES.xml}; expected RSS 2.0/1.0, Atom 1.0/0.3 or JSON Feed`));
      unreadable.push(file);
      texts.delete(file);
      continue;
    }
    if (format === 'json' && !/\.json$/i.test(file)) {
      errors.push(importError(file, 0, 'not a source: JSON that is not a JSON Feed (a sidecar or topics.json must be named .json)'));
      unreadable.push(file);
      texts.delete(file);
      continue;
    }
    if (/\.txt$/i.test(file) || (format === 'seed' && !/\.json$/i.test(file))) {
      const side = sidecarPath(file);
      const sideText = texts.get(side);
      if (sideText !== undefined && basename(side) !== GLOSSARY_NAME) {
        usedSidecars.add(side);
        seeds.push({ file, text, sidecar: { file: side, text: sideText } });
      } else seeds.push({ file, text });
    } else if (basename(file) === GLOSSARY_NAME) glossaries.push({ file, text });
  }
  for (const file of texts.keys()) {
    if (/\.json$/i.test(file) && basename(file) !== GLOSSARY_NAME && !usedSidecars.has(file)) {
      errors.push(importWarning(file, 0, `sidecar without a text file: expected ${basename(file, '.json')}.txt beside it`));
    }
  }
  return { seeds, feeds, glossaries, errors, unreadable, notModified, fetched };
}
