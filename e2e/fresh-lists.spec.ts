/**
 * Online, the service worker never serves a stale latest list: with the worker in control and
 * the host's caching headers (scripts/static-server.ts: /data/* public, max-age=300), an import
 * that adds an article shows it at the next load; offline, the cached list still answers.
 * A build of its own (vite build into a temporary folder) on E2E_PORT + 3, its dataset updated
 * by the real import (npm run data … --out <build>/data).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, SEED_HEADLINE } from './fixtures.ts';
import { startStaticServer, type StaticServer } from '../scripts/static-server.ts';

test.use({ serviceWorkers: 'allow' });
test.describe.configure({ mode: 'serial', timeout: 90_000 });

const NEW_HEADLINE = 'Нова стаття після оновлення архіву';
const port = Number(process.env.E2E_PORT ?? 4174) + 3;
let site = '';
let server: StaticServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  site = join(mkdtempSync(join(tmpdir(), 'kontekst-fresh-')), 'site');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', site, '--emptyOutDir', '--logLevel', 'error'], {
    env: { ...process.env, KONTEKST_BUILD_ID: 'e2e-fresh' },
    stdio: 'pipe',
  });
  server = await startStaticServer(site, port);
});

test.afterAll(async () => {
  await server?.close();
  if (site) rmSync(join(site, '..'), { recursive: true, force: true });
});

test('a new article shows online at the next load, with the service worker in control; offline the cached list answers', async ({ page, context }) => {
  await page.goto(`${server.url}/uk/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL.endsWith('/sw.js'), undefined, { timeout: 15_000 });
  // Through the worker: the shell from its precache, the list from the network (and now in both caches).
  await page.reload();
  await expect(page.getByRole('link', { name: SEED_HEADLINE })).toBeVisible();
  await expect(page.getByRole('link', { name: NEW_HEADLINE })).toHaveCount(0);

  // The import adds an article to the served dataset (the archive merge, as a scheduled run does).
  execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/build/cli.ts', 'content/', 'src/build/prerender/fixtures/update/news.rss', '--out', join(site, 'data')], { stdio: 'pipe' });

  await page.reload();
  expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await expect(page.getByRole('link', { name: NEW_HEADLINE })).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('link', { name: NEW_HEADLINE })).toBeVisible();
  await expect(page.getByRole('link', { name: SEED_HEADLINE })).toBeVisible();
});
