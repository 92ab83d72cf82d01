/**
 * Offline reading as a reader meets it: installable app, latest news cached ahead, saved
 * articles, the offline message, and a safe update from one build to the next.
 *
 * Service workers are on here (they are blocked in the other specs). Each test gets a fresh
 * browser context, so a fresh worker. The two-build tests build the app twice (KONTEKST_BUILD_ID,
 * and a small KONTEKST_ARTICLE_CACHE_MAX) and serve them from one origin on E2E_PORT + 2.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, SEED_HEADLINE } from './fixtures.ts';
import { startStaticServer, type StaticServer } from '../scripts/static-server.ts';

test.use({ serviceWorkers: 'allow' });
// Builds, workers installing and axe runs take longer than a page view.
test.describe.configure({ timeout: 60_000 });

/** What Chromium logs when a request fails for want of a network (expected once offline). */
const OFFLINE_LOGS = /Failed to load resource|ERR_INTERNET_DISCONNECTED|resulted in a network error response/;

async function controlledByWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL.endsWith('/sw.js'), undefined, { timeout: 15_000 });
}

/** Which of these data URLs the app's caches hold. */
function cachedUrls(page: Page, cacheName: string): Promise<string[]> {
  return page.evaluate(async (name) => {
    const keys = await (await caches.open(name)).keys();
    return keys.map((r) => new URL(r.url).pathname);
  }, cacheName);
}

/** axe-core at WCAG 2.2 AA, in light and dark. */
async function expectAccessible(page: Page) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${scheme}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  }
}

function pngSize(buf: Buffer): [number, number] {
  expect(buf.subarray(1, 4).toString()).toBe('PNG');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

test('installable: the manifest has its fields and real icons, and a service worker controls the page', async ({ page }) => {
  await page.goto('/uk/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Останні новини');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const res = await page.request.get(href!);
  expect(res.ok()).toBe(true);
  const manifest = await res.json();
  expect(manifest).toMatchObject({
    name: expect.stringContaining('Kontekst'),
    short_name: 'Kontekst',
    description: expect.any(String),
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
    background_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
    lang: 'uk',
  });
  const icons = manifest.icons as { src: string; sizes: string; type: string; purpose?: string }[];
  for (const [size, purpose] of [
    ['192x192', 'any'],
    ['512x512', 'any'],
    ['512x512', 'maskable'],
  ]) {
    const icon = icons.find((i) => i.sizes === size && (i.purpose ?? 'any').split(' ').includes(purpose!));
    expect(icon, `${size} ${purpose} icon`).toBeDefined();
    const png = await page.request.get(icon!.src);
    expect(png.headers()['content-type']).toBe('image/png');
    expect(pngSize(await png.body()).join('x')).toBe(size);
  }
  await expect(page.locator('meta[name="theme-color"]').first()).toHaveAttribute('content', manifest.theme_color);
  const touch = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  expect(pngSize(await (await page.request.get(touch!)).body()).join('x')).toBe('180x180');

  await controlledByWorker(page);
  // The build id is on every page, so a reader (and the update test) can tell versions apart.
  await expect(page.getByRole('contentinfo')).toContainText(/Версія \S+/);
});

test('after one visit to the home page, a latest article never opened reads offline, deep link and reload, in both languages', async ({ page, context }) => {
  await page.goto('/uk/');
  await controlledByWorker(page);
  // The newest articles arrive in the background (at least 20).
  await expect.poll(async () => (await cachedUrls(page, 'kontekst-articles')).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(20);

  await context.setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: 'Офлайн' })).toBeVisible();
  const card = page.getByRole('main').getByRole('listitem').nth(7).getByRole('heading').getByRole('link');
  const headline = (await card.innerText()).trim();
  await card.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
  const path = new URL(page.url()).pathname;

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
  await expect(page.getByRole('link', { name: 'Останні новини' })).toBeVisible();

  await page.goto(path.replace('/uk/', '/en/'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: 'Latest news' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);

  // Back online, the note goes away.
  await context.setOffline(false);
  await expect(page.getByText('Offline', { exact: true })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
});

test('offline, an article in no cache shows the offline message and where to read instead', async ({ page, context, consoleProblems }) => {
  consoleProblems.allow(OFFLINE_LOGS);
  await page.goto('/uk/');
  await controlledByWorker(page);
  await expect.poll(async () => (await cachedUrls(page, 'kontekst-articles')).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(20);
  // An article that nothing cached: the oldest ones are beyond the home page.
  const cached = new Set(await cachedUrls(page, 'kontekst-articles'));
  // the head of the list holds the newest 20–39 (docs/DATA.md), more than the home caches ahead
  const all = (await (await page.request.get('/data/latest/all/1.json')).json()).items;
  const missing = all.find((a: { slug: string }) => !cached.has(`/data/articles/${a.slug}.json`));
  expect(missing, 'an article outside the cache').toBeDefined();

  await context.setOffline(true);
  await page.goto(`/uk/news/${missing.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Немає з’єднання з інтернетом');
  await expect(page.getByText('Цю сторінку не збережено для читання без мережі.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Спробувати ще раз' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Збережені статті' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Збережені статті');
  await expect(page.getByText('Ви ще нічого не зберегли.')).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/en/news/${missing.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No internet connection');
  await expect(page.getByRole('link', { name: 'Saved articles' })).toBeVisible();
  await page.goto(`/uk/news/${missing.slug}`);
  await page.getByRole('main').getByRole('link', { name: 'Перейти до останніх новин' }).click();
  // The home list came with the visit: it reads offline too.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Останні новини');
});

test.describe('two builds on one origin', () => {
  test.describe.configure({ mode: 'serial' });
  const port = Number(process.env.E2E_PORT ?? 4174) + 2;
  const ARTICLE_CACHE_MAX = 4;
  let v1 = '';
  let v2 = '';
  let server: StaticServer;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const base = mkdtempSync(join(tmpdir(), 'kontekst-builds-'));
    for (const [id, dir] of [
      ['e2e-v1', (v1 = join(base, 'v1'))],
      ['e2e-v2', (v2 = join(base, 'v2'))],
    ] as const) {
      execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'], {
        env: { ...process.env, KONTEKST_BUILD_ID: id, KONTEKST_ARTICLE_CACHE_MAX: String(ARTICLE_CACHE_MAX) },
        stdio: 'pipe',
      });
    }
    server = await startStaticServer(v1, port);
  });

  test.afterAll(async () => {
    await server?.close();
    if (v1) rmSync(join(v1, '..'), { recursive: true, force: true });
  });

  test.beforeEach(() => {
    server.root = v1;
  });

  test('a saved article outlives the article cache: more articles than its limit, then offline, it reads and is listed', async ({ page, context }) => {
    await page.goto(`${server.url}/uk/`);
    await controlledByWorker(page);
    await page.getByRole('link', { name: SEED_HEADLINE }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
    const savedPath = new URL(page.url()).pathname;
    const savedData = `/data/articles/${savedPath.split('/').pop()}.json`;
    await page.getByRole('button', { name: 'Зберегти' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Збережено: цю статтю можна читати без мережі.' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Прибрати зі збережених' })).toBeVisible();

    // Read more other articles than the article cache keeps.
    const others = (await (await page.request.get(`${server.url}/data/latest/all/1.json`)).json()).items
      .map((a: { slug: string }) => a.slug)
      .filter((s: string) => !savedPath.endsWith(`/${s}`))
      .slice(0, ARTICLE_CACHE_MAX + 3);
    for (const slug of others) {
      await page.goto(`${server.url}/uk/news/${slug}`);
      await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/Kontekst|Не вдалося/);
    }
    await expect.poll(() => cachedUrls(page, 'kontekst-articles'), { timeout: 10_000 }).not.toContain(savedData);
    expect((await cachedUrls(page, 'kontekst-articles')).length).toBeLessThanOrEqual(ARTICLE_CACHE_MAX);
    expect(await cachedUrls(page, 'kontekst-saved')).toEqual([savedData]);

    await context.setOffline(true);
    await page.goto(`${server.url}${savedPath}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
    await expect(page.getByRole('complementary', { name: 'Контекст' })).toBeVisible();
    await page.getByRole('link', { name: 'Збережені', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Збережені статті');
    const list = page.getByRole('main').getByRole('list');
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list.getByRole('link', { name: SEED_HEADLINE })).toBeVisible();
    await page.reload();
    await expect(list.getByRole('link', { name: SEED_HEADLINE })).toBeVisible();
    await expectAccessible(page);

    // Remove, from the saved page: gone from the list and from the saved cache.
    await list.getByRole('button', { name: `Прибрати «${SEED_HEADLINE}»` }).click();
    await expect(page.getByText('Ви ще нічого не зберегли.')).toBeVisible();
    expect(await cachedUrls(page, 'kontekst-saved')).toEqual([]);
  });

  test('a new version: the banner appears, Reload runs the new build, saved articles stay, old caches go, no errors', async ({ page }) => {
    await page.goto(`${server.url}/uk/`);
    await controlledByWorker(page);
    await expect(page.getByRole('contentinfo')).toContainText('Версія e2e-v1');
    await page.getByRole('link', { name: SEED_HEADLINE }).click();
    await page.getByRole('button', { name: 'Зберегти' }).click();
    await expect(page.getByRole('button', { name: 'Прибрати зі збережених' })).toBeVisible();
    const v1Assets = (await cachedUrls(page, (await page.evaluate(() => caches.keys())).find((k) => k.includes('precache'))!)).filter((u) =>
      u.startsWith('/assets/'),
    );
    const v2Assets = readdirSync(join(v2, 'assets')).map((f) => `/assets/${f}`);
    const v1Only = v1Assets.filter((u) => !v2Assets.includes(u));
    expect(v1Only.length, 'the builds differ (their ids are in the entry chunk)').toBeGreaterThan(0);

    // Deploy the second build; the reader comes back to the page.
    server.root = v2;
    await page.reload();
    await expect(page.getByRole('contentinfo')).toContainText('Версія e2e-v1');
    const banner = page.getByRole('status').filter({ hasText: 'Нова версія' });
    await expect(banner).toBeVisible({ timeout: 15_000 });
    await expectAccessible(page);
    await banner.getByRole('button', { name: 'Оновити' }).click();
    await expect(page.getByRole('contentinfo')).toContainText('Версія e2e-v2', { timeout: 15_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
    await expect(banner).toBeHidden();

    // The new build's lazy parts load (the other language), and the saved article is still there.
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.getByRole('complementary', { name: 'Context' })).toBeVisible();
    await page.getByRole('link', { name: 'Saved', exact: true }).click();
    await expect(page.getByRole('main').getByRole('link', { name: SEED_HEADLINE })).toBeVisible();

    // One precache is left, holding the second build's files and none that only the first had.
    const precaches = (await page.evaluate(() => caches.keys())).filter((k) => k.includes('precache'));
    expect(precaches).toHaveLength(1);
    const now = (await cachedUrls(page, precaches[0]!)).filter((u) => u.startsWith('/assets/'));
    expect(now.filter((u) => v1Only.includes(u))).toEqual([]);
    expect(now.every((u) => v2Assets.includes(u))).toBe(true);
  });
});
