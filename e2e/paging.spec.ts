/**
 * Lists are numbered from the oldest (docs/adr/0013-incremental-update.md): the reader still
 * pages from the newest — page 1 the head, page 2 the next older — and an update that brings
 * new articles leaves what the older pages show as it was.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test, expect, importFeed, serveDataFrom } from './fixtures.ts';

const repo = resolve(import.meta.dirname, '..');

/** An RSS feed of items `from`…`to`: "Новина N", an hour apart, all in one category. */
function feed(from: number, to: number): string {
  const items: string[] = [];
  for (let n = from; n <= to; n++) {
    const date = new Date(Date.UTC(2024, 2, 1) + n * 3_600_000).toUTCString();
    items.push(`<item><title>Новина ${n}</title><guid isPermaLink="false">n-${n}</guid><pubDate>${date}</pubDate><description>Текст новини номер ${n} про економіку.</description><category>Економіка</category></item>`);
  }
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Пейджинг</title><link>https://paging.example/</link><language>uk</language>\n${items.join('\n')}\n</channel></rss>`;
}

let data: ReturnType<typeof importFeed>;
let feedFile = '';

test.beforeAll(() => {
  feedFile = join(mkdtempSync(join(tmpdir(), 'kontekst-e2e-paging-')), 'paging.rss.xml');
  writeFileSync(feedFile, feed(1, 65));
  data = importFeed(feedFile);
});
test.afterAll(() => {
  data.done();
  rmSync(dirname(feedFile), { recursive: true, force: true });
});
test.beforeEach(({ page }) => serveDataFrom(page, data.dir));

const headlines = (page: import('@playwright/test').Page) => page.locator('.card-list').getByRole('heading');

test('the reader pages from the newest; older pages keep what they show when news arrives', async ({ page }) => {
  // 65 articles: a head of the newest 25, then two older pages of 20
  await page.goto('/uk/?page=1'); // ?page=1: fetched from the imported dataset, not the prerendered sample
  await expect(headlines(page).first()).toHaveText('Новина 65');
  await expect(headlines(page)).toHaveCount(25);
  const pages = page.getByRole('navigation', { name: 'Сторінки' });
  await expect(pages).toContainText('Сторінка 1 з 3');
  await pages.getByRole('link', { name: /Наступна сторінка/ }).click();
  await expect(page).toHaveURL(/\/uk\/\?page=2$/);
  await expect(headlines(page)).toHaveCount(20);
  await expect(headlines(page).first()).toHaveText('Новина 40');
  await expect(headlines(page).last()).toHaveText('Новина 21');
  await expect(pages).toContainText('Сторінка 2 з 3');
  await pages.getByRole('link', { name: /Наступна сторінка/ }).click();
  await expect(headlines(page).last()).toHaveText('Новина 1');
  await expect(pages.getByRole('link', { name: /Наступна сторінка/ })).toHaveCount(0);
  await page.goto('/uk/?page=4');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Сторінку не знайдено');

  // the topic's list pages the same way
  const topic = JSON.parse(readFileSync(join(data.dir, 'topics/index.json'), 'utf8')).topics[0].slug as string;
  await page.goto(`/uk/topics/${topic}?page=3`);
  await expect(headlines(page).first()).toHaveText('Новина 20');

  // an update brings three newer articles: the head shows them, page 2 is what it was
  const olderPage = readFileSync(join(data.dir, 'latest/uk/older/2.json'), 'utf8');
  writeFileSync(feedFile, feed(66, 68));
  execFileSync(process.execPath, ['--import', 'tsx', join(repo, 'src/build/cli.ts'), feedFile, '--out', data.dir], { cwd: repo, stdio: 'pipe' });
  expect(readFileSync(join(data.dir, 'latest/uk/older/2.json'), 'utf8')).toBe(olderPage);
  await page.goto('/uk/?page=1');
  await expect(headlines(page).first()).toHaveText('Новина 68');
  await expect(headlines(page)).toHaveCount(28);
  await page.goto('/uk/?page=2');
  await expect(headlines(page).first()).toHaveText('Новина 40');
});
