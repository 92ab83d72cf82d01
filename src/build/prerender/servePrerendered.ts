/**
 * Vite preview plugin: `/uk/news/<slug>` is served from
 * dist/uk/news/<slug>/index.html when it exists, as static hosts and CDNs do
 * (Netlify, Cloudflare Pages, S3 website, nginx try_files $uri/index.html).
 * Without it, Vite's preview would answer with the SPA shell.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export function servePrerendered(): Plugin {
  return {
    name: 'kontekst-serve-prerendered',
    configurePreviewServer(server) {
      const root = server.config.build.outDir;
      server.middlewares.use((req, _res, next) => {
        if ((req.method === 'GET' || req.method === 'HEAD') && req.url) {
          const [path = '', query] = req.url.split('?', 2);
          if (path !== '/' && !path.endsWith('/') && !path.includes('.')) {
            let decoded = path;
            try {
              decoded = decodeURIComponent(path);
            } catch {
              return next();
            }
            const file = join(server.config.root, root, decoded, 'index.html');
            if (!decoded.includes('..') && existsSync(file) && statSync(file).isFile()) {
              req.url = `${path}/index.html${query ? `?${query}` : ''}`;
            }
          }
        }
        next();
      });
    },
  };
}
