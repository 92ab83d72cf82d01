/**
 * The open app learns of news: when the tab regains focus (or becomes visible,
 * or every few minutes while visible) a list whose first page now counts more
 * articles offers "N нових статей — показати" over its top, in the reader's
 * language with Ukrainian plural forms, without moving anything (CLS 0); "show"
 * brings the new articles in.
 */
import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Serves the real file with `extra` new articles at its top (copies of its first one, renamed). */
function withNews(extra: number) {
  return async (route: Route): Promise<void> => {
    const response = await route.fetch();
    const page = (await response.json()) as { total: number; items: Array<Record<string, unknown>> };
    const first = page.items[0] ?? {};
    const news = Array.from({ length: extra }, (_, k) => ({ ...first, id: `fresh${k}`, slug: `fresh-news-${k}`, headline: `Свіжа новина ${k + 1}` }));
    await route.fulfill({ response, json: { ...page, total: page.total + extra, items: [...news, ...page.items].slice(0, page.items.length) } });
  };
}

/** Adds up layout shifts not caused by input, as CLS does. */
async function watchShifts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { shifts: number };
    w.shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!e.hadRecentInput) w.shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: false });
  });
}
const shifts = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { shifts: number }).shifts);
const regainFocus = (page: Page): Promise<void> => page.evaluate(() => void window.dispatchEvent(new Event('focus')));

test('home: news arrives while the page is open; offered without moving the page; shown on request', async ({ page }) => {
  await page.goto('/uk/');
  const offer = page.getByRole('button', { name: /нов(а|і|их) стат/ });
  await regainFocus(page);
  await page.waitForTimeout(300);
  await expect(offer).toHaveCount(0); // nothing new yet
  await page.route('**/data/latest/*/1.json', withNews(3));
  await watchShifts(page);
  await regainFocus(page);
  await expect(offer).toHaveText('3 нові статті — показати');
  expect(await shifts(page)).toBe(0);
  await offer.click();
  await expect(page.getByRole('link', { name: 'Свіжа новина 1' })).toBeVisible();
  await expect(offer).toHaveCount(0);
});

test('English, one new article; a topic list; becoming visible asks too', async ({ page }) => {
  await page.goto('/en/');
  await page.route('**/data/latest/*/1.json', withNews(1));
  await regainFocus(page);
  await expect(page.getByRole('button', { name: '1 new article — show' })).toBeVisible();

  await page.goto('/uk/topics/nato');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('НАТО');
  await page.route('**/data/topics/*/1.json', withNews(5));
  await watchShifts(page);
  await page.evaluate(() => void document.dispatchEvent(new Event('visibilitychange')));
  await expect(page.getByRole('button', { name: '5 нових статей — показати' })).toBeVisible();
  expect(await shifts(page)).toBe(0);
});
