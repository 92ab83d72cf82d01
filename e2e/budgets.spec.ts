/**
 * Size budgets (sizes, not times): what a reader's browser downloads for the
 * first view of the seed article, measured in real Chromium against the built
 * site and gzipped from dist/. A breach fails `npm test`.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test, expect, openSeedFromHome, appStarted, SEED_HEADLINE } from './fixtures.ts';
import { INTERACTIVE_MARK } from '../src/core/page/state.ts';

const budgets = JSON.parse(readFileSync(new URL('../budgets.json', import.meta.url), 'utf8')) as {
  articleFirstViewJsKB: number;
  articleFirstViewCssKB: number;
  articleHtmlKB: number;
};
const DIST = process.env.DIST_DIR ?? 'dist';

function distFile(pathname: string): string | null {
  const candidates = [join(DIST, pathname), join(DIST, pathname, 'index.html')];
  return candidates.find((p) => statSync(p, { throwIfNoEntry: false })?.isFile()) ?? null;
}
const gzipKB = (buf: Buffer) => gzipSync(buf, { level: 9 }).length / 1000;

test('the first view of the seed article stays within its size budgets', async ({ page, browser }) => {
  await openSeedFromHome(page);
  const articlePath = new URL(page.url()).pathname;

  // A cold visit straight to the article's link, as from a messenger.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const cold = await context.newPage();
  const requested: { url: URL; type: string }[] = [];
  cold.on('request', (r) => requested.push({ url: new URL(r.url()), type: r.resourceType() }));
  await cold.goto(articlePath, { waitUntil: 'networkidle' });
  await expect(cold.locator('h1')).toBeVisible();
  // The first view is what is fetched until the page's islands have hydrated (the 'kontekst:interactive'
  // user-timing mark, src/app/shell/islands.tsx); what is deferred until after it (the service worker)
  // is reported but not counted.
  await cold.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, INTERACTIVE_MARK);
  const firstView = new Set(
    await cold.evaluate((mark) => {
      const interactive = performance.getEntriesByName(mark)[0]!.startTime;
      return performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime < interactive)
        .map((e) => new URL(e.name).pathname);
    }, INTERACTIVE_MARK),
  );
  const deferred = requested.filter((r) => r.type === 'script' && !firstView.has(r.url.pathname)).map((r) => r.url.pathname);

  const sizeOf = (types: string[]) => {
    let total = 0;
    const files: string[] = [];
    const origin = new URL(cold.url()).origin;
    for (const r of requested.filter((x) => types.includes(x.type) && x.url.origin === origin && (x.type === 'document' || firstView.has(x.url.pathname)))) {
      // a route that was not prerendered is answered with the SPA's index.html
      const file = distFile(decodeURIComponent(r.url.pathname)) ?? (r.type === 'document' ? join(DIST, 'index.html') : null);
      if (!file) continue;
      total += gzipKB(readFileSync(file));
      files.push(r.url.pathname);
    }
    return { total, files };
  };

  const js = sizeOf(['script']);
  const css = sizeOf(['stylesheet']);
  const html = sizeOf(['document']);
  console.log(
    `first view of ${articlePath}: JS ${js.total.toFixed(1)} KB (${js.files.join(', ')}), CSS ${css.total.toFixed(1)} KB, HTML ${html.total.toFixed(1)} KB (gzip); after: ${deferred.join(', ') || 'nothing'}`,
  );
  expect(js.files.length).toBeGreaterThan(0);
  expect(js.total, `JS: ${js.files.join(', ')}`).toBeLessThanOrEqual(budgets.articleFirstViewJsKB);
  expect(css.total).toBeLessThanOrEqual(budgets.articleFirstViewCssKB);
  expect(html.total).toBeLessThanOrEqual(budgets.articleHtmlKB);

  // Only the UI language's strings are downloaded: nothing English on a Ukrainian page.
  for (const f of js.files) {
    expect(readFileSync(distFile(f)!, 'utf8'), f).not.toContain('More on this topic');
  }
  await context.close();
});

test('a prerendered article paints before the app is requested, then the app takes over in place', async ({ page, browser }) => {
  await openSeedFromHome(page);
  const articlePath = new URL(page.url()).pathname;

  const context = await browser.newContext({ serviceWorkers: 'block' });
  const cold = await context.newPage();
  await cold.goto(articlePath);
  await expect(cold.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
  await appStarted(cold);
  const timing = await cold.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    scripts: performance
      .getEntriesByType('resource')
      .filter((e) => /\/assets\/[^/]+\.js$/.test(new URL(e.name).pathname))
      .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime })),
  }));
  // the first view is the islands runtime (docs/adr/0012-islands.md): the full app is not loaded
  expect(timing.scripts.filter((s) => /\/assets\/islands-/.test(s.path)), 'the islands runtime is fetched once').toHaveLength(1);
  expect(timing.scripts.filter((s) => /\/assets\/(index|start)-/.test(s.path)), 'the full app waits for the first in-app navigation').toEqual([]);
  // nothing of the app (its chunks, their modulepreload links, the strings) is asked for before the first paint
  for (const script of timing.scripts) expect(script.start, `${script.path} is requested after the first contentful paint`).toBeGreaterThanOrEqual(timing.fcp);

  // the first link followed loads the full app, which routes in place, without loading a new document
  await cold.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await cold.getByRole('list', { name: 'Теми' }).getByRole('link').first().click();
  await expect(cold).toHaveURL(/\/uk\/topics\//);
  await expect(cold.getByRole('heading', { level: 1 })).not.toHaveText(SEED_HEADLINE);
  expect(await cold.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  await context.close();
});
