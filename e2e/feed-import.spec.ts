/**
 * A publisher's journey: an RSS feed is imported (`npm run data -- feed --out DIR`),
 * and a reader opens one of its articles, its topic page and its related list.
 * The app is the built site; its /data/ requests are answered from DIR.
 */
import { join, resolve } from 'node:path';
import { test, expect, importFeed, serveDataFrom } from './fixtures.ts';

const repo = resolve(import.meta.dirname, '..');
const FEED = join(repo, 'src/build/fixtures/rss2.xml');
const HEADLINE = 'НАТО відповіло Москві щодо безпекових гарантій';
const OTHER = 'Зустріч у Женеві завершилась';
let data: ReturnType<typeof importFeed>;

test.beforeAll(() => {
  data = importFeed(FEED);
});
test.afterAll(() => data.done());

/** A 1×1 PNG for the feed's picture: the test machine has no internet. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test.beforeEach(async ({ page }) => {
  await page.route('https://news.example.org/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL }));
  await serveDataFrom(page, data.dir);
});

test('an imported feed article reads like any other, with its topic page and related list', async ({ page }) => {
  // ?page=1: the prerendered /uk/ carries the demo data; this URL fetches its list (from DIR)
  await page.goto('/uk/?page=1');
  await page.getByRole('link', { name: HEADLINE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
  // the body came from content:encoded HTML, through the allow-list
  await expect(page.getByRole('heading', { level: 2, name: 'Що далі' })).toBeVisible();
  await expect(page.getByText('Прем’єр-міністр назвав це')).toBeVisible();
  const link = page.getByRole('link', { name: 'переговорів' });
  await expect(link).toHaveAttribute('href', 'https://example.org/talks');
  await expect(link).toHaveAttribute('rel', /noopener/);
  await expect(page.getByRole('img', { name: 'Штаб-квартира НАТО' })).toBeVisible();
  await expect(page.locator('#root script')).toHaveCount(0); // nothing from the feed became a script

  // related list
  const related = page.getByRole('region', { name: 'Ще на цю тему' });
  await expect(related.getByRole('link', { name: OTHER })).toBeVisible();

  // topic page
  await page.getByRole('list', { name: 'Теми' }).getByRole('link', { name: 'НАТО' }).click();
  await expect(page).toHaveURL(/\/uk\/topics\/nato$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('НАТО');
  await expect(page.getByRole('link', { name: HEADLINE })).toBeVisible();
  await page.getByRole('link', { name: OTHER }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(OTHER);
  // a date without a time is shown without one
  await expect(page.locator('time').first()).toHaveAttribute('datetime', '2022-01-10');
  await expect(page.getByRole('region', { name: 'Ще на цю тему' }).getByRole('link', { name: HEADLINE })).toBeVisible();
});
