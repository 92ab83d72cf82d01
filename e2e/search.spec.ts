import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';

const box = (page: Page, name = 'Пошук новин') => page.getByRole('search', { name }).getByRole('searchbox');
const results = (page: Page, name = 'Результати пошуку') => page.getByRole('list', { name }).getByRole('article');

test.describe('search', () => {
  test('from the header: type, Enter, results with the matching words marked, a result opens its article', async ({ page }) => {
    await page.goto('/uk/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await box(page).fill('Казахстан');
    await box(page).press('Enter');
    await expect(page).toHaveURL(/\/uk\/search\?q=%D0%9A/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Пошук');
    await expect(page.getByRole('status').filter({ hasText: /^Знайдено \d+ стат(тю|ті|ей) / })).toContainText('за запитом «Казахстан»');
    const first = results(page).first();
    await expect(first.locator('mark').first()).toHaveText(/^казахстан/i);
    // Another inflection is found and marked: Казахстан → Казахстану.
    await expect(results(page).locator('mark', { hasText: 'Казахстану' }).first()).toBeVisible();
    await expect(first.locator('time')).toHaveAttribute('datetime', /^20\d\d-/);
    const headline = (await first.getByRole('heading', { level: 2 }).innerText()).trim();
    await first.getByRole('heading', { level: 2 }).getByRole('link').click();
    await expect(page).toHaveURL(/\/uk\/news\//);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
  });

  test('the query survives reload, and the header box shows it', async ({ page }) => {
    await page.goto('/uk/search?q=переговори');
    await expect(results(page).first()).toBeVisible();
    const titles = await results(page).getByRole('heading', { level: 2 }).allInnerTexts();
    expect(titles.length).toBeGreaterThan(0);
    await page.reload();
    await expect(results(page)).toHaveCount(titles.length);
    expect(await results(page).getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(titles);
    await expect(box(page)).toHaveValue('переговори');
    // переговори finds переговорів too
    await expect(results(page).locator('mark', { hasText: /^переговорів$/ }).first()).toBeVisible();
  });

  test('"/" focuses the box, but types a slash inside a field', async ({ page }) => {
    await page.goto('/uk/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(box(page)).not.toBeFocused();
    await page.keyboard.press('/');
    await expect(box(page)).toBeFocused();
    await page.keyboard.type('1/2');
    await expect(box(page)).toHaveValue('1/2');
  });

  test('results follow the words while typing on the search page (prefix of the last word)', async ({ page }) => {
    await page.goto('/uk/search');
    await expect(page.getByText('Введіть слово або кілька слів')).toBeVisible();
    await box(page).click();
    await page.keyboard.type('миротвор');
    await expect(page).toHaveURL(/q=%D0%BC%D0%B8%D1%80%D0%BE%D1%82%D0%B2%D0%BE%D1%80$/);
    await expect(results(page).first().locator('mark').first()).toHaveText(/^миротвор/i);
  });

  test('no results: "Нічого не знайдено" / "Nothing found", with a search in the other language', async ({ page }) => {
    await page.goto('/uk/search?q=абракадабра');
    await expect(page.getByText('Нічого не знайдено')).toBeVisible();
    await expect(page.getByText('За запитом «абракадабра» статей немає.')).toBeVisible();
    await page.goto('/en/search?q=xyzzyqq');
    await expect(page.getByText('Nothing found')).toBeVisible();
    await expect(box(page, 'Search the news')).toHaveValue('xyzzyqq');
    // An English query with no English match finds the Ukrainian article when asked.
    await page.goto('/en/search?q=Жанаозен');
    await expect(page.getByText('Nothing found')).toBeVisible();
    await page.getByRole('link', { name: 'Search articles in Ukrainian' }).click();
    await expect(page.getByText('Searching articles in Ukrainian.')).toBeVisible();
    await expect(results(page, 'Search results').first().locator('mark').first()).toHaveText(/Жанаозен/);
  });

  test('English: stemming, typos, results link to articles', async ({ page }) => {
    await page.goto('/en/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await box(page, 'Search the news').fill('negotiation Kazakstan');
    await box(page, 'Search the news').press('Enter');
    await expect(page.getByRole('status').filter({ hasText: /articles? found for “negotiation Kazakstan”/ })).toBeVisible();
    const link = results(page, 'Search results').first().getByRole('heading', { level: 2 }).getByRole('link');
    await expect(link).toHaveAttribute('href', /^\/en\/news\//);
  });

  test('a hostile query is text, never markup', async ({ page }) => {
    await page.goto(`/uk/search?q=${encodeURIComponent('<img src=x onerror="window.__x=1"> Казахстан')}`);
    await expect(page.getByRole('status').filter({ hasText: /Знайдено|Нічого не знайдено/ })).toBeVisible();
    await expect(page.locator('main img')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __x?: number }).__x)).toBeUndefined();
  });

  test('axe finds no WCAG 2.2 AA violations on the search page: results, none, empty, both languages', async ({ page }) => {
    test.setTimeout(90_000); // ten axe runs: slow on a busy 2-core machine
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const path of ['/uk/search?q=Казахстан', '/uk/search?q=абракадабра', '/uk/search', '/en/search?q=talks', '/en/search?q=zzzz']) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        if (path.includes('q=')) await expect(page.getByRole('status').filter({ hasText: /Знайдено|Нічого|found|Nothing/ })).toBeVisible();
        const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        expect(r.violations.map((v) => `${scheme} ${path}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
      }
    }
  });

  test('the index is not part of the first view: it loads when search is first used', async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto('/uk/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(requested.filter((p) => p.startsWith('/data/search/') || /search\.worker/.test(p))).toEqual([]);
    await box(page).fill('НАТО');
    await box(page).press('Enter');
    await expect(results(page).first()).toBeVisible();
    expect(requested.some((p) => /^\/data\/search\/uk\/[0-9a-f]{12}\/t\d+\.json$/.test(p))).toBe(true);
    expect(requested.some((p) => /search\.worker/.test(p))).toBe(true);
  });

  test('a word only in the oldest article is found on the first try: the whole archive is searched, no "older articles" step', async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto('/uk/search?q=базування');
    await expect(page.getByRole('status').filter({ hasText: /^Знайдено 1 статтю / })).toBeVisible();
    const only = results(page);
    await expect(only).toHaveCount(1);
    await expect(only.getByRole('heading', { level: 2 })).toHaveText('МЗС Росії оприлюднило проєкти угод зі США та НАТО про гарантії безпеки');
    // the oldest Ukrainian article of the sample
    await expect(only.locator('time')).toHaveAttribute('datetime', /^2021-12-17/);
    await expect(page.getByText(/найновіші статті/)).toHaveCount(0);
    await expect(page.getByRole('button', { name: /старіших/ })).toHaveCount(0);
    // what it downloaded: the manifest, the parts of its word's terms, the doc chunk of its card — not the offline index
    const search = requested.filter((p) => p.startsWith('/data/search/'));
    expect(search.filter((p) => /\/t\d+\.json$/.test(p)).length).toBeGreaterThan(0);
    expect(search.filter((p) => /\/d\d+\.json$/.test(p))).toHaveLength(1);
    expect(search.every((p) => /^\/data\/search\/uk\/(manifest|[0-9a-f]{12}\/(t\d+|d\d+|recent))\.json$/.test(p))).toBe(true);
  });

  test('an unreachable index gives a localised message with Retry, and Retry works', async ({ page, consoleProblems }) => {
    consoleProblems.allow(/Failed to load resource|ERR_INTERNET_DISCONNECTED|net::ERR_FAILED/);
    let fail = true;
    await page.route('**/data/search/uk/**', (route) => (fail ? route.abort('internetdisconnected') : route.continue()));
    await page.goto('/uk/search?q=Казахстан');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Пошук не вдався');
    await expect(alert).toContainText('Немає зв’язку з сервером');
    fail = false;
    await alert.getByRole('button', { name: 'Спробувати ще раз' }).click();
    await expect(results(page).first()).toBeVisible();
  });
});

test.describe('search offline', () => {
  // the service worker is what keeps the index: let it run (the other specs block workers)
  test.use({ serviceWorkers: 'allow' });

  test('works offline after one online search: the word searched before, and others among the newest articles (needs the service worker)', async ({ page, context }) => {
    await page.goto('/uk/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // A service worker caches only what is fetched after it controls the page: once it is ready, reload.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const controlled = await page.evaluate(async () => {
      if (!('serviceWorker' in navigator)) return false;
      await Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 3000))]);
      return navigator.serviceWorker.controller !== null;
    });
    expect(controlled, 'a service worker controls the page').toBe(true);

    // after the first answer the worker fetches the newest articles' index, for offline searches
    const recent = page.waitForResponse((r) => /\/data\/search\/uk\/[0-9a-f]{12}\/recent\.json$/.test(r.url()) && r.ok());
    await box(page).fill('Казахстан');
    await box(page).press('Enter');
    await expect(results(page).first()).toBeVisible();
    const online = await results(page).getByRole('heading', { level: 2 }).allInnerTexts();
    await recent;
    await context.setOffline(true);
    try {
      // A fresh page load offline. The word searched before: the same results, from every article.
      await page.reload();
      await expect(results(page)).toHaveCount(online.length);
      expect(await results(page).getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(online);
      await expect(page.getByText(/найновіші статті/)).toHaveCount(0);
      // A different word: found too (among the newest articles, or in every article when its part is cached).
      await box(page).fill('переговори');
      await box(page).press('Enter');
      await expect(page).toHaveURL(/q=%D0%BF/);
      await expect(results(page).first().locator('mark').first()).toHaveText(/^переговор/);
    } finally {
      await context.setOffline(false);
    }
  });
});
