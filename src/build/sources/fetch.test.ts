/**
 * URL sources against real HTTP servers on 127.0.0.1 (node:http, no mocks):
 * a conditional request answered 304, a gzip response, a 500, a server that
 * never answers, a redirect loop, a gzip bomb, a slow trickle, garbled bytes,
 * an OPML list; then `npm run data` (main) over several of them at once.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Io, main } from '../cli.ts';
import { MAX_REDIRECTS, USER_AGENT, fetchFeed } from './fetch.ts';
import { readSources } from './sources.ts';

const FEED = await readFile(new URL('../fixtures/rss2.xml', import.meta.url));
const OTHER = Buffer.from(
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Друга стрічка</title><link>https://other.example.org/</link>
<item><title>Інша новина про погоду в Києві</title><guid>kyiv-1</guid><pubDate>Wed, 22 Dec 2021 10:00:00 +0200</pubDate><description>Сніг.</description></item>
</channel></rss>`,
);

/** 64 MB of zeros, 64 KB on the wire (made once: gzip blocks this process, the server's and the client's) */
const BOMB = gzipSync(Buffer.alloc(64 << 20), { level: 9 });

let server: Server;
let base = '';
const seen: Array<{ path: string; headers: IncomingMessage['headers'] }> = [];
const open = new Set<ServerResponse>();

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '/';
  seen.push({ path, headers: req.headers });
  open.add(res);
  res.on('close', () => open.delete(res));
  switch (path) {
    case '/feed.xml':
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Tue, 21 Dec 2021 18:00:00 GMT' }).end(FEED);
      return;
    case '/other.xml.gz':
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(gzipSync(OTHER));
      return;
    case '/fail':
      res.writeHead(500, 'Internal Server Error').end('oops');
      return;
    case '/hang':
      return; // never answers
    case '/loop':
      res.writeHead(302, { location: '/loop' }).end();
      return;
    case '/moved':
      res.writeHead(301, { location: '/feed.xml' }).end();
      return;
    case '/bomb':
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(BOMB);
      return;
    case '/trickle': {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
      return;
    }
    case '/garbled':
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(Buffer.concat([Buffer.from('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('</title></channel></rss>')]));
      return;
    case '/page.html':
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Not a feed</body></html>');
      return;
    case '/list.opml':
      res.writeHead(200, { 'content-type': 'text/x-opml' }).end(`<?xml version="1.0"?><opml version="2.0"><body><outline text="news"><outline type="rss" xmlUrl="${base}/feed.xml"/><outline xmlUrl="${base}/other.xml.gz"/></outline></body></opml>`);
      return;
    default:
      res.writeHead(404).end();
  }
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  for (const res of open) res.destroy();
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

const quick = { timeoutMs: 1500, maxBytes: 4 << 20 };

describe('fetchFeed (real servers on 127.0.0.1)', { timeout: 20_000 }, () => {
  it('fetches a feed, names Kontekst, asks for compression, remembers its validators; asked again with them, gets 304', async () => {
    const first = await fetchFeed(`${base}/feed.xml`, undefined, quick);
    expect(first.status).toBe('ok');
    if (first.status !== 'ok') return;
    expect(Buffer.from(first.bytes).equals(FEED)).toBe(true);
    expect(first.validators).toEqual({ etag: '"v1"', lastModified: 'Tue, 21 Dec 2021 18:00:00 GMT' });
    const request = seen.findLast((s) => s.path === '/feed.xml');
    expect(request?.headers['user-agent']).toBe(USER_AGENT);
    expect(request?.headers['user-agent']).toMatch(/^Kontekst\//);
    expect(request?.headers['accept-encoding']).toMatch(/gzip/);
    expect(await fetchFeed(`${base}/feed.xml`, first.validators, quick)).toEqual({ status: 'not-modified', url: `${base}/feed.xml` });
    expect(seen.findLast((s) => s.path === '/feed.xml')?.headers).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': 'Tue, 21 Dec 2021 18:00:00 GMT' });
  });

  it('decodes a gzip response and follows a redirect', async () => {
    const gz = await fetchFeed(`${base}/other.xml.gz`, undefined, quick);
    expect(gz.status === 'ok' && Buffer.from(gz.bytes).equals(OTHER)).toBe(true);
    const moved = await fetchFeed(`${base}/moved`, undefined, quick);
    expect(moved.status === 'ok' && Buffer.from(moved.bytes).equals(FEED)).toBe(true);
  });

  it('names each fault: 500, a server that never answers, a redirect loop, a gzip bomb, a slow trickle, nobody listening', async () => {
    const started = Date.now();
    const answers = await Promise.all(['/fail', '/hang', '/loop', '/bomb', '/trickle'].map((p) => fetchFeed(`${base}${p}`, undefined, quick)));
    expect(Date.now() - started).toBeLessThan(8000); // the time-outs held
    expect(answers.map((a) => (a.status === 'failed' ? a.reason : a.status))).toEqual([
      'HTTP 500 Internal Server Error',
      'no complete answer within 1.5 s (time-out)',
      `more than ${MAX_REDIRECTS} redirects (a loop?)`,
      `too big: more than ${4 << 20} bytes (the cap)`,
      'no complete answer within 1.5 s (time-out)',
    ]);
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as { port: number }).port;
    await new Promise((done) => closed.close(done));
    const refused = await fetchFeed(`http://127.0.0.1:${port}/feed.xml`, undefined, quick);
    expect(refused.status === 'failed' && refused.reason).toMatch(/^cannot connect: ECONNREFUSED/);
  });
});

describe('URL sources in an import', { timeout: 30_000 }, () => {
  it('reads an OPML list by URL and the feeds it names; names garbled and non-feed answers', async () => {
    const sources = await readSources([`${base}/list.opml`, `${base}/garbled`, `${base}/page.html`], quick);
    expect(sources.feeds.map((f) => f.file)).toEqual([`${base}/feed.xml`, `${base}/other.xml.gz`]);
    expect(sources.unreadable).toEqual([`${base}/garbled`, `${base}/page.html`]);
    expect(sources.errors.map((e) => `${e.file}: ${e.message}`)).toEqual([
      expect.stringMatching(new RegExp(`^${base}/garbled: cannot read: .*`)),
      `${base}/page.html: not a feed: expected RSS 2.0/1.0, Atom 1.0/0.3 or JSON Feed`,
    ]);
  });

  it('npm run data -- URL… OPML --out: imports what answers, names what fails with its URL, exits 1; the next run asks conditionally', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kontekst-fetch-'));
    try {
      const out = join(dir, 'data');
      const opml = join(dir, 'subscriptions.opml');
      await writeFile(opml, `<?xml version="1.0"?><opml version="1.0"><head><title>Мої</title></head><body><outline xmlUrl="${base}/other.xml.gz"/><outline xmlUrl="${base}/fail"/></body></opml>`);
      const io = (): Io & { lines: string[] } => {
        const lines: string[] = [];
        return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l), now: () => new Date('2022-01-20T10:00:00Z') };
      };
      const first = io();
      expect(await main([`${base}/feed.xml`, opml, `${base}/hang`, '--out', out, '--timeout', '1.5'], first)).toBe(1);
      expect(first.lines).toContain(`${base}/fail: cannot fetch: HTTP 500 Internal Server Error`);
      expect(first.lines).toContain(`${base}/hang: cannot fetch: no complete answer within 1.5 s (time-out)`);
      const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as { articleCount: number };
      const rss = (FEED.toString().match(/<item>/g) ?? []).length;
      expect(manifest.articleCount).toBe(rss + 1);
      // both publishers' guid "kyiv-1" are two articles
      const headlines = await Promise.all((await readdir(join(out, 'articles'))).map(async (f) => (JSON.parse(await readFile(join(out, 'articles', f), 'utf8')) as { headline: string }).headline));
      expect(headlines).toEqual(expect.arrayContaining(['НАТО відповіло Москві щодо безпекових гарантій', 'Інша новина про погоду в Києві']));
      const state = JSON.parse(await readFile(join(dir, '.data.sources.json'), 'utf8')) as Record<string, { etag?: string }>;
      expect(state[`${base}/feed.xml`]?.etag).toBe('"v1"');

      const second = io();
      const asked = seen.length;
      expect(await main([`${base}/feed.xml`, '--out', out], second)).toBe(0);
      expect(second.lines).toContain(`${base}/feed.xml: not modified since the last run`);
      expect(seen.slice(asked).map((s) => s.headers['if-none-match'])).toEqual(['"v1"']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
