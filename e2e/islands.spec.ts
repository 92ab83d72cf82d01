/**
 * Islands (docs/adr/0012-islands.md): a prerendered page is its HTML; only what a reader can touch
 * hydrates (Save, Share, the search box, the new-articles offer, the offline note, the update
 * prompt), and the full app loads on the first in-app navigation. These journeys start on a
 * prerendered page, opened directly (as from a messenger), not through the app.
 */
import type { Page, Request } from '@playwright/test';
import { test, expect, SEED_HEADLINE } from './fixtures.ts';

/** The seed article's prerendered path, read off the home page's link. */
async function seedPath(page: Page): Promise<string> {
  await page.goto('/uk/');
  const href = await page.getByRole('link', { name: SEED_HEADLINE }).getAttribute('href');
  expect(href).toMatch(/^\/uk\/news\//);
  return href!;
}

/** The full app's chunks (router, React Query, pages): what the islands keep out of the first view. */
const fullApp = (r: Request) => /\/assets\/(index|start)-[^/]+\.js$/.test(new URL(r.url()).pathname);

/** Marks the document, so that a test can tell a navigation in place from a page load. */
const markDocument = (page: Page) => page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed === true);

test('Save works on a prerendered article without the full app, and the page knows it after a reload', async ({ page }) => {
  const path = await seedPath(page);
  const appRequests: string[] = [];
  page.on('request', (r) => fullApp(r) && appRequests.push(r.url()));
  await page.goto(path); // waits for the islands (the 'kontekst:interactive' mark)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);

  await page.getByRole('button', { name: 'Зберегти' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Збережено: цю статтю можна читати без мережі.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Прибрати зі збережених' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('button', { name: 'Прибрати зі збережених' })).toBeVisible();
  await page.getByRole('button', { name: 'Прибрати зі збережених' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Прибрано зі збережених.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Зберегти' })).toBeVisible();
  expect(appRequests, 'the full app is not loaded for Save').toEqual([]);
});

test('a tap on Save before the islands have loaded is not lost: it is replayed once Save has hydrated', async ({ page }) => {
  const path = await seedPath(page);
  // Hold the islands runtime back until the reader has tapped.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/islands-[^/]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  await page.mainFrame().goto(path); // not the fixture's goto: it would wait for the islands
  const save = page.getByRole('button', { name: 'Зберегти' });
  await expect(save).toBeVisible(); // the prerendered button, not hydrated
  await page.waitForFunction(() => Array.isArray((window as unknown as { kontekstTaps?: unknown }).kontekstTaps));
  await save.click();
  expect(await page.evaluate(() => performance.getEntriesByName('kontekst:interactive').length)).toBe(0);
  await expect(page.getByText('Збережено: цю статтю можна читати без мережі.')).toHaveCount(0);
  release();
  await expect(page.getByRole('status').filter({ hasText: 'Збережено: цю статтю можна читати без мережі.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Прибрати зі збережених' })).toBeVisible();
  // once, not twice: a second toggle would have removed it again
  await page.waitForTimeout(300);
  await expect(page.getByRole('button', { name: 'Прибрати зі збережених' })).toBeVisible();
});

test('the share controls arrive on a prerendered article, and copy its link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const path = await seedPath(page);
  await page.goto(path);
  await page.getByRole('button', { name: 'Копіювати посилання' }).click();
  await expect(page.getByText('Посилання скопійовано')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`${path}$`));
});

test('the language switch on a prerendered page: remembered, and the page changes language in place', async ({ page }) => {
  const path = await seedPath(page);
  await page.goto(path);
  await markDocument(page);
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(path.replace('/uk/', '/en/'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('complementary', { name: 'Context' })).toBeVisible();
  expect(await sameDocument(page)).toBe(true);
  expect(await page.evaluate(() => localStorage.getItem('kontekst.lang'))).toBe('en');
  // from then on the app routes in place, and Back returns
  await page.getByRole('link', { name: 'Latest news' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest news');
  await page.goBack();
  await expect(page.getByRole('complementary', { name: 'Context' })).toBeVisible();
  expect(await sameDocument(page)).toBe(true);
});

test('the search box on a prerendered page: "/" focuses it, Enter shows the results in place', async ({ page }) => {
  await page.goto('/uk/');
  await markDocument(page);
  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: 'Пошук новин' });
  await expect(box).toBeFocused();
  await box.fill('Казахстан');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/uk\/search\?q=%D0%9A/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Пошук');
  await expect(page.locator('main').getByRole('link').first()).toBeVisible();
  expect(await sameDocument(page)).toBe(true);
});

test('client navigation after the first link: the full app loads once, then routes in place', async ({ page }) => {
  const path = await seedPath(page);
  const appRequests: string[] = [];
  page.on('request', (r) => fullApp(r) && appRequests.push(new URL(r.url()).pathname));
  await page.goto(path);
  await markDocument(page);
  expect(appRequests).toEqual([]);
  await page.getByRole('list', { name: 'Теми' }).getByRole('link', { name: 'НАТО', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('НАТО');
  await expect(page.locator('main')).toBeFocused();
  await page.getByRole('link', { name: SEED_HEADLINE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
  // Save is the app's own button now, and still works
  await page.getByRole('button', { name: 'Зберегти' }).click();
  await expect(page.getByRole('button', { name: 'Прибрати зі збережених' })).toBeVisible();
  expect(await sameDocument(page)).toBe(true);
  expect(appRequests.filter((p) => /\/start-/.test(p))).toHaveLength(1);
});

test('a fresh article\'s time on a prerendered list reads "N годин тому", with the Kyiv time as its title', async ({ page }) => {
  // the reader's clock two hours after the newest article of the sample (26 January 2022, 23:10 Kyiv)
  await page.clock.install({ time: new Date('2022-01-27T01:10:00+02:00') });
  await page.goto('/uk/');
  const time = page.locator('time[datetime="2022-01-26T23:10:00+02:00"]').first();
  await expect(time).toHaveText('2 години тому');
  await expect(time).toHaveAttribute('title', '26 січня 2022, 23:10');
  // an older one keeps its date
  await expect(page.locator('time[datetime="2022-01-21T16:10:00+02:00"]').first()).toHaveText('21 січня 2022, 16:10');
});

test('a URL the host answers with another prerendered page (?page=1): the app renders it, and its buttons work', async ({ page }) => {
  await page.goto('/uk/?page=1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Останні новини');
  await page.getByRole('searchbox', { name: 'Пошук новин' }).fill('Казахстан');
  await page.getByRole('button', { name: 'Шукати' }).click();
  await expect(page).toHaveURL(/\/uk\/search\?q=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Пошук');
});

test('a page without JavaScript reads in full, with no island hydrated and links that load pages', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/uk/topics/nato');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('НАТО');
  await page.getByRole('link', { name: SEED_HEADLINE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
  await expect(page.getByRole('complementary', { name: 'Контекст' })).toBeVisible();
  // what needs the app is not offered: no Save or Share button that would do nothing
  await expect(page.getByRole('button', { name: /Зберегти/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Поділитися/ })).toHaveCount(0);
  await context.close();
});
