import AxeBuilder from '@axe-core/playwright';
import { test, expect, openSeedFromHome, MISSING_DATA } from './fixtures.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function pagesToCheck(page: import('@playwright/test').Page): Promise<string[]> {
  await openSeedFromHome(page);
  const article = new URL(page.url()).pathname;
  const topic = (await page.getByRole('list', { name: 'Теми' }).getByRole('link').first().getAttribute('href'))!;
  return ['/uk/', article, topic, '/uk/news/no-such-article'];
}

for (const scheme of ['light', 'dark'] as const) {
  for (const lang of ['uk', 'en'] as const) {
    test(`axe finds no WCAG 2.2 AA violations on home, article, topic and not-found pages (${lang}, ${scheme})`, async ({ page, consoleProblems }) => {
      test.setTimeout(90_000); // axe on four full pages is slow on a busy 2-core machine
      consoleProblems.allow(MISSING_DATA); // the not-found page asks for a file that is not there
      await page.emulateMedia({ colorScheme: scheme });
      const paths = await pagesToCheck(page);
      for (const ukPath of paths) {
        const path = ukPath.replace(/^\/uk\//, `/${lang}/`);
        await page.goto(path);
        await expect(page.locator('h1')).toHaveCount(1);
        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        const summary = results.violations.map((v) => `${path}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        expect(summary).toEqual([]);
      }
    });
  }
}

test('focus is visible on links and buttons', async ({ page }) => {
  await page.goto('/uk/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab'); // skip link
  await page.keyboard.press('Tab'); // brand
  await expect(page.getByRole('link', { name: 'Головна сторінка Kontekst' })).toBeFocused();
  const outline = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement!);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);
});
