/**
 * A feed item with a headline and a link but no text (issue 18) is imported as a
 * link-out article: its page, in both UI languages, leads the reader to the
 * source with a clear link, and is as accessible as any other page. The app is
 * the built site; its /data/ requests are answered from a dataset imported here.
 */
import AxeBuilder from '@axe-core/playwright';
import { join, resolve } from 'node:path';
import { test, expect, importFeed, serveDataFrom } from './fixtures.ts';

const HEADLINE = 'Уряд затвердив план відновлення енергетики';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const FEED = join(resolve(import.meta.dirname, '..'), 'src/build/prerender/fixtures/link-out/link-out.atom');
let data: ReturnType<typeof importFeed>;

test.beforeAll(() => {
  data = importFeed(FEED);
});
test.afterAll(() => data.done());

test.beforeEach(async ({ page }) => {
  await serveDataFrom(page, data.dir);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`a link-out article leads to the source in both languages and passes axe (${scheme})`, async ({ page }) => {
    test.setTimeout(60_000); // axe on two pages, a busy 2-core machine
    await page.emulateMedia({ colorScheme: scheme });
    // ?page=1: the prerendered /uk/ carries the demo data; this URL fetches its list (from the import)
    await page.goto('/uk/?page=1');
    await page.getByRole('link', { name: HEADLINE }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
    const ukPath = new URL(page.url()).pathname;

    for (const [lang, note, read] of [
      ['uk', 'Повний текст цього матеріалу — на сайті джерела, Стрічка новин.', 'Читати в джерелі'],
      ['en', 'The full text of this story is on the source’s site, Стрічка новин.', 'Read at the source'],
    ] as const) {
      if (lang !== 'uk') await page.goto(ukPath.replace(/^\/uk\//, `/${lang}/`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
      await expect(page.getByText(note)).toBeVisible();
      // the note is in the UI's language inside a Ukrainian article's text
      if (lang === 'en') await expect(page.locator('.link-out')).toHaveAttribute('lang', 'en');
      const link = page.getByRole('link', { name: read, exact: true });
      await expect(link).toBeVisible();
      await expect(link).toHaveAttribute('href', 'https://source.example.org/news/1');
      await expect(link).toHaveAttribute('rel', /noopener/);
      await expect(page.locator('.meta').first()).not.toContainText(lang === 'uk' ? 'хвилин' : 'minute');
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(results.violations.map((v) => `${lang}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    }
  });
}
