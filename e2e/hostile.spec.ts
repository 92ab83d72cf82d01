/**
 * Hostile input: dataset files that are broken, huge, malicious or slow must
 * give a clear localised message or a safe render — never a blank page,
 * script execution or an uncaught exception.
 */
import type { Page, Route } from '@playwright/test';
import { test, expect, MISSING_DATA } from './fixtures.ts';

const PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"><svg onload="window.__pwned=1">';
const at = '2021-12-21T16:00:00+02:00';
const text = (t: string) => ({ type: 'text', text: t });

function hostileArticle(overrides: Record<string, unknown> = {}) {
  return {
    id: 'hostile',
    slug: 'hostile',
    lang: 'uk',
    headline: `Заголовок ${PAYLOAD}`,
    publishedAt: at,
    source: { name: `Джерело ${PAYLOAD}`, url: 'https://example.com/?q=%3Cscript%3E' },
    author: `Автор ${PAYLOAD}`,
    lead: `Лід ${PAYLOAD}`,
    body: [
      { type: 'paragraph', content: [text(`Абзац ${PAYLOAD}`), { type: 'emphasis', text: PAYLOAD }, { type: 'link', text: PAYLOAD, href: 'https://example.com/a?next=%22%3E%3Cscript%3E' }] },
      { type: 'quote', content: [text(PAYLOAD)], cite: PAYLOAD },
      { type: 'heading', level: 2, text: `Підзаголовок ${PAYLOAD}` },
      { type: 'list', ordered: false, items: [[text(PAYLOAD)]] },
      { type: 'image', src: 'https://example.invalid/x.png" onerror="window.__pwned=1', alt: PAYLOAD, caption: PAYLOAD, credit: PAYLOAD },
    ],
    context: [{ type: 'paragraph', content: [text(`Контекст ${PAYLOAD}`)] }],
    topics: [{ slug: 'xss', labels: { uk: `Тема ${PAYLOAD}`, en: PAYLOAD } }],
    related: [{ id: 'r1', slug: 'related-one', lang: 'en', headline: `Related ${PAYLOAD}`, publishedAt: at, reason: { type: 'topics', topics: ['xss'] } }],
    translations: { en: 'hostile-en' },
    wordCount: 42,
    ...overrides,
  };
}

const json = (route: Route, body: unknown) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(body) });

async function expectNoScriptRan(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
}

test.describe('hostile data', () => {
  test.beforeEach(async ({ page, consoleProblems }) => {
    // the hostile article's image points at an unresolvable host: the browser logs that, the app does not fail
    consoleProblems.allow(/net::ERR_NAME_NOT_RESOLVED/);
    page.on('dialog', (d) => {
      throw new Error(`a dialog opened: ${d.message()}`);
    });
  });

  test('XSS payloads in every field of an article render as text and never run', async ({ page }) => {
    await page.route('**/data/articles/hostile.json', (r) => json(r, hostileArticle()));
    await page.goto('/uk/news/hostile');
    await expect(page.locator('h1')).toContainText('<script>window.__pwned=1</script>');
    await expect(page.getByRole('complementary', { name: 'Контекст' })).toContainText('<svg onload=');
    await expect(page.getByRole('list', { name: 'Теми' })).toContainText('Тема <script>');
    await expect(page.locator('.article-body script, .article-body svg, .article-body img[src="x"]')).toHaveCount(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await page.waitForTimeout(300);
    await expectNoScriptRan(page);
  });

  test('payloads in lists and topic pages render as text', async ({ page }) => {
    const item = { id: 'h', slug: 'hostile', lang: 'uk', headline: `Новина ${PAYLOAD}`, publishedAt: at, lead: PAYLOAD, topics: [] };
    await page.route('**/data/latest/uk/1.json', (r) => json(r, { page: 1, pages: 1, total: 1, items: [item] }));
    await page.route('**/data/topics/xss/1.json', (r) =>
      json(r, { page: 1, pages: 1, total: 1, items: [item], topic: { slug: 'xss', labels: { uk: PAYLOAD }, count: 1 } }),
    );
    await page.goto('/uk/?page=1'); // not prerendered: the list is fetched
    await expect(page.getByRole('link', { name: `Новина ${PAYLOAD}` })).toBeVisible();
    await page.goto('/uk/topics/xss');
    await expect(page.locator('h1')).toHaveText(PAYLOAD);
    await expectNoScriptRan(page);
  });

  test('a javascript: link makes the file invalid: a clear message, not a live link', async ({ page }) => {
    const bad = hostileArticle({ body: [{ type: 'paragraph', content: [{ type: 'link', text: 'click', href: 'javascript:window.__pwned=1' }] }] });
    await page.route('**/data/articles/hostile.json', (r) => json(r, bad));
    await page.goto('/en/news/hostile');
    await expect(page.locator('h1')).toHaveText('This page could not be loaded');
    await expect(page.getByText('damaged or in an unexpected format')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  });

  for (const [name, body, type] of [
    ['truncated', '{"id":"hostile","slug":"hostile","lang":"uk","headl', 'application/json'],
    ['not JSON', 'Internal error: <b>oops</b>', 'text/plain'],
    ['of the wrong shape', JSON.stringify({ headline: 42, body: 'text' }), 'application/json'],
    ['very large and wrong', JSON.stringify({ items: Array.from({ length: 150_000 }, (_, i) => ({ id: i, junk: 'x'.repeat(20) })) }), 'application/json'],
  ] as const) {
    test(`an article file that is ${name} shows the damaged-data message in both languages`, async ({ page }) => {
      await page.route('**/data/articles/hostile.json', (r) => r.fulfill({ contentType: type, body }));
      await page.goto('/uk/news/hostile');
      await expect(page.locator('h1')).toHaveText('Не вдалося завантажити сторінку');
      await expect(page.getByText('Дані цієї сторінки пошкоджені')).toBeVisible();
      await page.goto('/en/news/hostile');
      await expect(page.locator('h1')).toHaveText('This page could not be loaded');
    });
  }

  test('a missing list file shows the not-found page, with the shell', async ({ page, consoleProblems }) => {
    consoleProblems.allow(MISSING_DATA);
    await page.route('**/data/latest/uk/1.json', (r) => r.fulfill({ status: 404, body: 'missing' }));
    await page.goto('/uk/?page=1');
    await expect(page.locator('h1')).toHaveText('Сторінку не знайдено');
    await expect(page.getByRole('banner')).toBeVisible();
  });

  test('an app that cannot load on a page that was not prerendered: a message in both languages, not a blank page', async ({ page, consoleProblems }) => {
    consoleProblems.allow(/Failed to load resource/);
    // the SPA shell answers a URL that has no prerendered page; its app chunk does not arrive
    await page.route(/\/assets\/index-[^/]+\.js$/, (r) => r.abort());
    await page.goto('/uk/topics/no-such-topic');
    await expect(page.getByText('Kontekst не вдалося запустити')).toBeVisible({ timeout: 12_000 });
    await expect(page.getByText('Kontekst could not start')).toBeVisible();
    await expect(page.getByRole('link', { name: 'оновіть сторінку' })).toBeVisible();
  });

  test('the shell\'s boot message is gone once the app has rendered', async ({ page, consoleProblems }) => {
    consoleProblems.allow(MISSING_DATA);
    await page.goto('/uk/topics/no-such-topic');
    await expect(page.locator('h1')).toHaveText('Сторінку не знайдено');
    await expect(page.locator('.boot')).toHaveCount(0);
  });

  test('a 1 MB article renders in full', async ({ page }) => {
    const paragraph = 'Дуже довгий абзац про безпеку в Європі. '.repeat(12);
    const body = Array.from({ length: 2_200 }, (_, i) => ({ type: 'paragraph', content: [text(`${i + 1}. ${paragraph}`)] }));
    const article = hostileArticle({ headline: 'Дуже довга стаття', lead: 'Лід', body, wordCount: 2_200 * 85 });
    expect(JSON.stringify(article).length).toBeGreaterThan(1_000_000);
    await page.route('**/data/articles/hostile.json', (r) => json(r, article));
    await page.goto('/uk/news/hostile');
    await expect(page.locator('h1')).toHaveText('Дуже довга стаття');
    await expect(page.locator('.article-body p')).toHaveCount(2_201);
    await expect(page.getByText(/^2200\. Дуже довгий абзац/)).toBeAttached();
    await expect(page.getByText('935 хвилин читання')).toBeVisible();
  });

  test('an article with 2 000 topics renders them all', async ({ page }) => {
    const topics = Array.from({ length: 2_000 }, (_, i) => ({ slug: `tema-${i}`, labels: { uk: `Тема ${i}` } }));
    await page.route('**/data/articles/hostile.json', (r) => json(r, hostileArticle({ headline: 'Дві тисячі тем', topics, related: [] })));
    await page.goto('/uk/news/hostile');
    await expect(page.locator('h1')).toHaveText('Дві тисячі тем');
    await expect(page.getByRole('list', { name: 'Теми' }).getByRole('listitem')).toHaveCount(2_000);
    // English UI: labels missing in English fall back to Ukrainian, marked as such
    await page.goto('/en/news/hostile');
    await expect(page.getByRole('link', { name: 'Тема 1999', exact: true })).toHaveAttribute('lang', 'uk');
  });

  test('data that takes 10 s: a loading state first, then the page', async ({ page }) => {
    test.setTimeout(45_000);
    await page.route('**/data/articles/*.json', async (r) => {
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      await r.continue();
    });
    await page.goto('/uk/');
    const first = page.locator('.card-title a').first();
    const headline = await first.innerText();
    await first.click();
    // the current page stays, with a busy indicator, while the article loads
    await expect(page.locator('main')).toHaveAttribute('aria-busy', 'true');
    await expect(page.locator('h1')).toHaveText('Останні новини');
    await expect(page.locator('h1')).toHaveText(headline, { timeout: 15_000 });

    // and a cold deep link to a page that is not prerendered shows a loading message, not a blank page
    const fresh = await page.context().newPage();
    await fresh.route('**/data/topics/**', async (r) => {
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      await r.continue();
    });
    await fresh.goto('/uk/topics/nato?page=1');
    await expect(fresh.getByText('Завантаження…')).toBeVisible();
    await expect(fresh.getByRole('banner')).toBeVisible();
    await expect(fresh.locator('h1')).toHaveText('НАТО', { timeout: 15_000 });
  });
});
