/**
 * npx tsx --tsconfig src/app/tsconfig.json scripts/prerender.ts [--app DIR] [--dist DIR] [--threads N]
 * (the last step of `npm run build`; the app's tsconfig, so the app's JSX is compiled as the app's
 * own build does). --app: the folder vite build wrote (npm run build: node_modules/.cache/kontekst-app);
 * dist (default dist/) is then assembled from it, changing only what changed (docs/adr/0014).
 * KONTEKST_BASE_URL sets the public address used in canonical links, Open
 * Graph and oEmbed (default http://localhost:4173). See docs/DEPLOY.md.
 */
import { resolve } from 'node:path';
import { register } from 'node:module';
import { parseArgs } from 'node:util';
import { baseUrlFrom } from '../src/build/prerender/baseUrl.ts';

const { values } = parseArgs({ options: { dist: { type: 'string' }, app: { type: 'string' }, threads: { type: 'string' } } });
const dist = resolve(values.dist ?? 'dist');
const threads = values.threads === undefined ? undefined : Number(values.threads);
// React and react-router in their production builds: the same markup, without the development checks.
process.env.NODE_ENV ??= 'production';
// Components import their CSS; Node gets an empty module for it (scripts/ignore-css.mjs).
register('./ignore-css.mjs', import.meta.url);
const { prerender } = await import('../src/build/prerender/prerender.ts');

try {
  const started = performance.now();
  await prerender({ dist, app: values.app && resolve(values.app), threads, base: baseUrlFrom(process.env.KONTEKST_BASE_URL), log: (l) => console.log(l) });
  console.log(`prerender: ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  console.error(`prerender failed: ${e instanceof Error ? e.stack : String(e)}`);
  process.exitCode = 1;
}
