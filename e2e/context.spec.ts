/**
 * Context for a real feed (issue #18): a feed with no context, no categories and no editor's
 * picks is imported; its articles still read like the seed article — the Контекст aside tells
 * the story so far and what the archive holds, "Ще на цю тему" names the same story.
 */
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, importFeed, serveDataFrom } from './fixtures.ts';

const FEED = join(resolve(import.meta.dirname, '..'), 'src/build/enrich/fixtures/story.rss.xml');
const FIRST = 'Пілоти Ryanair оголосили страйк у Німеччині';
const SECOND = 'Ryanair скасувала 150 рейсів через страйк пілотів у Німеччині';
const THIRD = 'Страйк пілотів Ryanair у Німеччині: скасовано ще 190 рейсів';
let data: ReturnType<typeof importFeed>;

test.beforeAll(() => {
  data = importFeed(FEED);
});
test.afterAll(() => data.done());
test.beforeEach(({ page }) => serveDataFrom(page, data.dir));

async function open(page: import('@playwright/test').Page, ui: 'uk' | 'en', headline: string): Promise<void> {
  await page.goto(`/${ui}/?page=1`); // ?page=1: fetched from the imported dataset, not the prerendered sample
  await page.getByRole('link', { name: headline }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
}

test('the story so far, oldest first, with what the archive holds, in the Контекст aside', async ({ page }) => {
  await open(page, 'uk', THIRD);
  const aside = page.getByRole('complementary', { name: 'Контекст' });
  const story = aside.getByRole('region', { name: 'Історія питання' });
  await expect(story.getByRole('listitem')).toHaveText([/10 вересня 2018\s*Пілоти Ryanair/, /12 вересня 2018\s*Ryanair скасувала/]);
  await expect(story).toContainText('Досі в історії 3 статті');
  await expect(aside.getByRole('region', { name: 'В архіві' })).toContainText('Ryanair: 3 статті з 10 вересня 2018');
  // topics found in the text, labelled as a reader writes them
  await expect(page.getByRole('list', { name: 'Теми' }).getByRole('link', { name: 'Мартін Лок' })).toBeVisible();
  // "More on this topic" says why: the same story
  const related = page.getByRole('region', { name: 'Ще на цю тему' });
  await expect(related.getByText('Та сама історія')).toHaveCount(2);
  // the timeline links to the earlier article
  await story.getByRole('link', { name: FIRST }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(FIRST);
  // the first article of a story says so
  await expect(page.getByRole('complementary', { name: 'Контекст' })).toContainText('Це перша стаття цієї історії.');
});

test('in English too, and axe finds nothing to fix', async ({ page }) => {
  await open(page, 'en', SECOND);
  const aside = page.getByRole('complementary', { name: 'Context' });
  await expect(aside.getByRole('region', { name: 'The story so far' }).getByRole('link', { name: FIRST })).toBeVisible();
  await expect(aside).toContainText('2 articles in this story so far');
  await expect(aside.getByRole('region', { name: 'In the archive' })).toContainText('2 articles since 10 September 2018');
  await expect(page.getByRole('region', { name: 'More on this topic' }).getByText('Same story')).toHaveCount(2);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
