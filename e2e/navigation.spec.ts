import { test, expect, openSeedFromHome, SEED_HEADLINE, MISSING_DATA } from './fixtures.ts';

test.describe('routes', () => {
  test('/ redirects to the browser language, else Ukrainian', async ({ browser }) => {
    for (const [locale, expected] of [
      ['en-US', '/en/'],
      ['uk-UA', '/uk/'],
      ['de-DE', '/uk/'],
    ] as const) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto('/');
      await expect(page).toHaveURL(new RegExp(`${expected}$`));
      await context.close();
    }
  });

  test('the language switch keeps the page, survives reload and is remembered by /', async ({ page }) => {
    await openSeedFromHome(page);
    const ukPath = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(ukPath.replace('/uk/', '/en/'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
    await expect(page.getByRole('complementary', { name: 'Context' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('complementary', { name: 'Context' })).toBeVisible();
    await page.goto('/');
    await expect(page).toHaveURL(/\/en\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest news');
  });

  test('every route reloads to the same page', async ({ page }) => {
    await openSeedFromHome(page);
    const article = new URL(page.url()).pathname;
    const topicHref = await page.getByRole('list', { name: 'Теми' }).getByRole('link').first().getAttribute('href');
    for (const path of ['/uk/', '/en/', article, article.replace('/uk/', '/en/'), topicHref!, topicHref!.replace('/uk/', '/en/')]) {
      await page.goto(path);
      const h1 = await page.locator('h1').innerText();
      await page.reload();
      await expect(page.locator('h1')).toHaveText(h1);
      await expect(page).toHaveURL(new RegExp(`${path}$`));
    }
  });

  test('unknown articles, topics and paths show the not-found page in the UI language', async ({ page, consoleProblems }) => {
    consoleProblems.allow(MISSING_DATA);
    for (const [path, title] of [
      ['/uk/news/no-such-article', 'Сторінку не знайдено'],
      ['/en/news/no-such-article', 'Page not found'],
      ['/uk/topics/no-such-topic', 'Сторінку не знайдено'],
      ['/en/topics/no-such-topic', 'Page not found'],
      ['/uk/what/ever', 'Сторінку не знайдено'],
      ['/en/?page=999', 'Page not found'],
      ['/xx/news/anything', 'Сторінку не знайдено'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page.getByRole('banner')).toBeVisible();
    }
    await page.goto('/en/news/no-such-article');
    await page.getByRole('link', { name: 'Go to the latest news' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest news');
  });

  test('the skip link moves keyboard focus to the content', async ({ page }) => {
    await page.goto('/uk/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Перейти до змісту' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('main') !== null);
    expect(focused).toBe(true);
  });
});

test.describe('failing data', () => {
  test('a failed fetch shows a localised message with Retry, and Retry recovers', async ({ page, consoleProblems }) => {
    consoleProblems.allow(/Failed to load resource/);
    let fail = true;
    await page.route('**/data/articles/*.json', (route) => (fail ? route.abort('internetdisconnected') : route.continue()));
    await page.goto('/uk/');
    const link = page.getByRole('link', { name: SEED_HEADLINE });
    await link.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Не вдалося завантажити сторінку');
    await expect(page.getByText('Немає зв’язку з сервером', { exact: false })).toBeVisible();
    fail = false;
    await page.getByRole('button', { name: 'Спробувати ще раз' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
  });

  test('a malformed data file shows a clear message, not a blank page', async ({ page }) => {
    await page.route('**/data/latest/en/1.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"items": 42' }));
    await page.goto('/en/?page=1'); // /en/ itself is prerendered with its data: no fetch to break
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page could not be loaded');
    await expect(page.getByText('damaged or in an unexpected format')).toBeVisible();
  });
});
