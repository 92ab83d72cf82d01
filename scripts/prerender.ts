/**
 * npx tsx --tsconfig src/app/tsconfig.json scripts/prerender.ts [--dist DIR]   (the last step of
 * `npm run build`; the app's tsconfig, so the app's JSX is compiled as the app's own build does)
 * KONTEKST_BASE_URL sets the public address used in canonical links, Open
 * Graph and oEmbed (default http://localhost:4173). See docs/DEPLOY.md.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { register } from 'node:module';
import { baseUrlFrom } from '../src/build/prerender/baseUrl.ts';

const at = process.argv.indexOf('--dist');
const dist = resolve(at > 0 ? (process.argv[at + 1] ?? 'dist') : 'dist');
// Components import their CSS; Node gets an empty module for it (scripts/ignore-css.mjs).
register('./ignore-css.mjs', import.meta.url);
const { prerender } = await import('../src/build/prerender/prerender.ts');

try {
  // The footer shows the build id: the same one vite build put into the bundle.
  const built = JSON.parse(await readFile(resolve(dist, 'build.json'), 'utf8').catch(() => '{}')) as { buildId?: string };
  (globalThis as { __KONTEKST_BUILD_ID__?: string }).__KONTEKST_BUILD_ID__ = built.buildId ?? 'dev';
  await prerender({ dist, base: baseUrlFrom(process.env.KONTEKST_BASE_URL), log: (l) => console.log(l) });
} catch (e) {
  console.error(`prerender failed: ${e instanceof Error ? e.stack : String(e)}`);
  process.exitCode = 1;
}
