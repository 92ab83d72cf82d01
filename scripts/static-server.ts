/**
 * A static host that behaves like one configured for Kontekst: the caching headers
 * docs/DEPLOY.md asks for, <dir>/index.html for prerendered routes, index.html for other app
 * routes, 404 for missing files. Used by the update test (which swaps one build for another on
 * the same origin) and by bench:web (with gzip, as a real host sends it).
 */
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|xml)|image\/svg)/;

/** docs/DEPLOY.md, "HTTP caching headers". */
export function cacheControl(path: string): string {
  if (path.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  if (path.startsWith('/data/')) return 'public, max-age=300';
  if (path === '/sw.js' || path.endsWith('.html') || path === '/manifest.webmanifest') return 'no-cache';
  return 'public, max-age=3600';
}

async function isFile(p: string) {
  return (await stat(p).catch(() => null))?.isFile() ?? false;
}

export type StaticServer = { root: string; url: string; close(): Promise<void> };

export async function startStaticServer(root: string, port: number, { gzip = false } = {}): Promise<StaticServer> {
  const state = { root };
  const gzipped = new Map<string, Buffer>();
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const safe = normalize(path).replace(/^(\.\.[/\\])+/, '');
    let file = join(state.root, safe);
    if (!(await isFile(file)) && (await isFile(join(file, 'index.html')))) file = join(file, 'index.html');
    if (!(await isFile(file))) {
      if (extname(path) || path.startsWith('/data/')) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      file = join(state.root, 'index.html');
    }
    let body: Buffer = await readFile(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = {
      'content-type': type,
      'cache-control': cacheControl(extname(file) === '.html' ? '/index.html' : path),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
    };
    if (gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      if (!gzipped.has(file)) gzipped.set(file, gzipSync(body, { level: 9 }));
      body = gzipped.get(file)!;
      headers['content-encoding'] = 'gzip';
      headers.vary = 'Accept-Encoding';
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', resolve);
  });
  return {
    get root() {
      return state.root;
    },
    set root(dir: string) {
      state.root = dir;
    },
    url: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
