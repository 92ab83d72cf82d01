/**
 * A static host for tests that need to swap one build for another on the same origin (the
 * update test). It sends the caching headers docs/DEPLOY.md asks of a host, and answers app
 * routes with index.html, as a host configured for Kontekst does.
 */
import { createServer, type Server } from 'node:http';
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
};

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

export async function startStaticServer(root: string, port: number): Promise<StaticServer> {
  const state = { root };
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
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': cacheControl(extname(file) === '.html' ? '/index.html' : path),
    });
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
