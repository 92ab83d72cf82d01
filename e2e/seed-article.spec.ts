import { readFileSync } from 'node:fs';
import { test, expect, openSeedFromHome, SEED_HEADLINE } from './fixtures.ts';

// The seed file as the reader should see it: the paragraphs between the timestamp and "Контекст".
const seedText = readFileSync(new URL('../content/000_cb2fd77c0b4dd6b1.txt', import.meta.url), 'utf8').replace(/\r/g, '');
const blocks = seedText.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
const contextAt = blocks.indexOf('Контекст');
const seedParagraphs = blocks.slice(2, contextAt);
const seedContext = blocks.slice(contextAt + 1).filter((b) => !/^(Теми:|Ще на цю тему)/.test(b));

test.describe('the seed article', () => {
  test('is linked from /uk/ by its headline and shows everything the seed has', async ({ page }) => {
    await openSeedFromHome(page);
    await expect(page.locator('h1')).toHaveCount(1);

    // Kyiv time, although this reader's clock is in New York
    const time = page.locator('article.article header time').first();
    await expect(time).toContainText('21 грудня 2021');
    await expect(time).toContainText('16:00');
    expect(Date.parse((await time.getAttribute('datetime')) ?? '')).toBe(Date.parse('2021-12-21T14:00:00Z'));

    expect(seedParagraphs.length).toBeGreaterThanOrEqual(5);
    for (const paragraph of seedParagraphs) await expect(page.getByText(paragraph, { exact: true })).toBeVisible();

    const aside = page.getByRole('complementary', { name: 'Контекст' });
    await expect(aside).toBeVisible();
    for (const paragraph of seedContext) await expect(aside).toContainText(paragraph);

    await expect(page.getByText(/Джерело: УНН/)).toBeVisible();
    await expect(page.getByText(/\d+ хвилин[аи]? читання/)).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(SEED_HEADLINE.slice(0, 30)));
  });

  test('topic links lead to topic pages that list the article', async ({ page }) => {
    await openSeedFromHome(page);
    const topics = page.getByRole('list', { name: 'Теми' }).getByRole('link');
    const count = await topics.count();
    expect(count).toBeGreaterThanOrEqual(3);
    const names = await topics.allInnerTexts();
    expect(names).toContain('НАТО');
    for (let i = 0; i < Math.min(count, 3); i++) {
      const name = names[i]!;
      await openSeedFromHome(page);
      await page.getByRole('list', { name: 'Теми' }).getByRole('link', { name, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      await expect(page).toHaveURL(/\/uk\/topics\/[a-z0-9-]+$/);
      await expect(page.getByRole('link', { name: SEED_HEADLINE })).toBeVisible();
    }
  });

  test('"Ще на цю тему" lists other articles that open', async ({ page }) => {
    await openSeedFromHome(page);
    const related = page.getByRole('region', { name: 'Ще на цю тему' });
    const links = related.getByRole('heading', { level: 3 }).getByRole('link');
    const n = await links.count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(5);
    const headlines = await links.allInnerTexts();
    expect(headlines).not.toContain(SEED_HEADLINE);
    await links.first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(headlines[0]!);
    await expect(page).toHaveURL(/\/uk\/news\//);
  });

  test('in the English UI shows Context, Topics, More on this topic and an English date', async ({ page }) => {
    await openSeedFromHome(page);
    const path = new URL(page.url()).pathname.replace(/^\/uk\//, '/en/');
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // The Ukrainian headline is marked as Ukrainian inside the English UI
    await expect(page.locator('h1')).toHaveAttribute('lang', 'uk');
    await expect(page.locator('article.article header time').first()).toHaveText('21 December 2021, 16:00');
    await expect(page.getByRole('complementary', { name: 'Context' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Topics' }).getByRole('link', { name: 'NATO', exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'More on this topic' })).toBeVisible();
    await expect(page.getByText(/Source: УНН/)).toBeVisible();
    // and links to its English version
    await page.getByRole('link', { name: 'Read in English' }).click();
    await expect(page.locator('h1')).not.toHaveAttribute('lang', /./);
    await expect(page.getByRole('link', { name: 'Read in Ukrainian' })).toBeVisible();
  });

  test('the Context aside sits beside the body on a wide screen and after it on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openSeedFromHome(page);
    const body = page.locator('.article-body');
    const aside = page.getByRole('complementary', { name: 'Контекст' });
    let b = (await body.boundingBox())!;
    let a = (await aside.boundingBox())!;
    expect(a.x).toBeGreaterThan(b.x + b.width - 1);
    expect(a.y).toBeLessThan(b.y + b.height);

    await page.setViewportSize({ width: 360, height: 740 });
    b = (await body.boundingBox())!;
    a = (await aside.boundingBox())!;
    expect(a.y).toBeGreaterThanOrEqual(b.y + b.height - 1);
    // no horizontal scrolling on a 360 px phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
