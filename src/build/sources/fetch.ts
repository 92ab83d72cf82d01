/**
 * Feeds by URL, with Node's own fetch: a conditional request when the source
 * was fetched before (ETag → If-None-Match, Last-Modified → If-Modified-Since;
 * remembered in a state file beside the dataset, state.ts), compressed
 * responses (fetch decodes gzip, deflate and br; what is counted against the
 * size cap is the decoded bytes, so a gzip bomb stops at the cap), redirects
 * followed by hand up to MAX_REDIRECTS, one time-out for the whole fetch
 * (connecting, waiting for the answer, reading it: a hanging server and a slow
 * trickle both end there), and a User-Agent that names Kontekst. A fault is
 * a result, never an exception: the URL and the reason, for the message.
 */
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
export const USER_AGENT = `Kontekst/${version} (feed importer)`;
/** Redirects followed before a fetch is given up as a loop. */
export const MAX_REDIRECTS = 5;
/** Default time for a whole fetch, ms (--timeout). */
export const FETCH_TIMEOUT_MS = 30_000;
/** Default size cap of a feed, decoded bytes (--max-bytes): a 100 000-article feed is about 300 MB; a live feed is far smaller. */
export const MAX_FEED_BYTES = 64 * 1024 * 1024;

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
}

/** What a source answered last time: sent back as a conditional request. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type Fetched =
  | { status: 'ok'; url: string; bytes: Uint8Array; validators: Validators; /** the day of Last-Modified (YYYY-MM-DD): the feed's date when it states none */ modified?: string }
  | { status: 'not-modified'; url: string }
  | { status: 'failed'; url: string; reason: string };

export const isUrl = (source: string): boolean => /^https?:\/\//i.test(source);

/** Reads a body up to `max` bytes; throws when it is bigger. */
async function readCapped(response: Response, max: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  // Content-Length counts the bytes sent: over the cap even before decoding
  if (!response.headers.get('content-encoding') && declared > max) throw new Error(`too big: ${declared} bytes (the cap is ${max})`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > max) throw new Error(`too big: more than ${max} bytes (the cap)`);
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks, size);
}

function describe(e: unknown, timeoutMs: number, timedOut: boolean): string {
  if (timedOut) return `no complete answer within ${timeoutMs / 1000} s (time-out)`;
  const cause = (e as { cause?: { code?: string; message?: string; errors?: Array<{ code?: string }> } }).cause;
  const code = cause?.code ?? cause?.errors?.find((x) => x.code)?.code;
  if (code) return `cannot connect: ${code}${cause?.message ? ` (${cause.message})` : ''}`;
  return cause?.message ?? (e instanceof Error ? e.message : String(e));
}

/** Fetches one feed; `known` makes it a conditional request. */
export async function fetchFeed(url: string, known: Validators | undefined, { timeoutMs = FETCH_TIMEOUT_MS, maxBytes = MAX_FEED_BYTES }: FetchOptions = {}): Promise<Fetched> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    let at = url;
    for (let hops = 0; ; hops++) {
      const headers: Record<string, string> = {
        'user-agent': USER_AGENT,
        accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5',
        'accept-encoding': 'gzip, deflate, br',
      };
      if (known?.etag) headers['if-none-match'] = known.etag;
      if (known?.lastModified) headers['if-modified-since'] = known.lastModified;
      const response = await fetch(at, { headers, redirect: 'manual', signal: controller.signal });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        const location = response.headers.get('location');
        await response.body?.cancel();
        if (!location) return { status: 'failed', url, reason: `HTTP ${response.status} without a Location` };
        if (hops >= MAX_REDIRECTS) return { status: 'failed', url, reason: `more than ${MAX_REDIRECTS} redirects (a loop?)` };
        const next = new URL(location, at);
        if (next.protocol !== 'http:' && next.protocol !== 'https:') return { status: 'failed', url, reason: `redirected to ${next.protocol} (only http and https)` };
        at = next.href;
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { status: 'not-modified', url };
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { status: 'failed', url, reason: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
      }
      const bytes = await readCapped(response, maxBytes);
      const etag = response.headers.get('etag') ?? undefined;
      const lastModified = response.headers.get('last-modified') ?? undefined;
      const day = lastModified && !Number.isNaN(Date.parse(lastModified)) ? new Date(lastModified).toISOString().slice(0, 10) : undefined;
      return { status: 'ok', url, bytes, validators: { ...(etag && { etag }), ...(lastModified && { lastModified }) }, ...(day && { modified: day }) };
    }
  } catch (e) {
    return { status: 'failed', url, reason: describe(e, timeoutMs, timedOut) };
  } finally {
    clearTimeout(timer);
  }
}
