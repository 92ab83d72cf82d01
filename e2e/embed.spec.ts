/**
 * Embeddable links: prerendered articles (readable without JavaScript,
 * hydrated without warnings), the embed card inside a sandboxed iframe on
 * another origin, and the share controls' clipboard text.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { ConsoleMessage, Page } from '@playwright/test';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { test, expect, SEED_HEADLINE } from './fixtures.ts';

/** The embedding site: a second real localhost server on a free port (one per test worker). */
let hostPort = 0;
const SEED_SLUG = 'u-kremli-prokomentuvaly-uchast-kazakhstanu-ta-virmenii-u-prohramakh-nato-na-foni';
const SEED_PATH = `/uk/news/${SEED_SLUG}`;
const FIRST_PARAGRAPH_START = 'Він пояснив, що «потрібно розділяти»';

/** React's hydration complaints (dev or prod wording) and recoverable-error reports. */
const HYDRATION_PROBLEM = /hydrat|did not match|Minified React error #(418|419|421|422|423|425)/i;

function watchConsole(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') seen.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.push(`uncaught: ${e.message}`));
  return seen;
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a prerendered article shows its headline, time and body', async ({ page }) => {
    await page.goto(SEED_PATH);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
    await expect(page.getByText(FIRST_PARAGRAPH_START, { exact: false }).first()).toBeVisible();
    await expect(page.locator('article time').first()).toContainText('21 грудня 2021, 16:00');
    await expect(page.getByRole('complementary', { name: 'Контекст' })).toBeVisible();
    await expect(page).toHaveTitle(`${SEED_HEADLINE} — Kontekst`);
  });

  test('the English UI version of the article and the home page are prerendered too', async ({ page }) => {
    await page.goto(`/en/news/${SEED_SLUG}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
    await expect(page.getByRole('link', { name: 'Latest news' })).toBeVisible();
    await page.goto('/uk/');
    await expect(page.getByRole('link', { name: SEED_HEADLINE })).toBeVisible();
  });
});

test.describe('hydration', () => {
  test('a prerendered article hydrates without React warnings, and links then navigate in the app', async ({ page }) => {
    const problems = watchConsole(page);
    const dataRequests: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/data/')) dataRequests.push(r.url());
    });
    await page.goto(SEED_PATH);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
    // Hydrated: the share controls appear only once React runs on the page.
    await expect(page.getByRole('button', { name: 'Копіювати посилання' })).toBeVisible();
    // The page carried its data: nothing was fetched to show it.
    expect(dataRequests).toEqual([]);
    await expect(page.locator('head title')).toHaveCount(1);
    await expect(page.locator('meta[name="description"]')).toHaveCount(1);

    // In-app navigation: no document load.
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same document'));
    await page.getByRole('list', { name: 'Теми' }).getByRole('link', { name: 'НАТО', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('НАТО');
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same document');
    await page.getByRole('link', { name: SEED_HEADLINE }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same document');

    expect(problems.filter((p) => HYDRATION_PROBLEM.test(p) || /^warning:.*React/i.test(p))).toEqual([]);
  });

  test('the home, a topic page and an article in the other UI language hydrate without warnings', async ({ page }) => {
    const problems = watchConsole(page);
    for (const path of ['/uk/', '/en/', '/en/topics/nato', `/en/news/${SEED_SLUG}`]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
    }
    // (service workers are blocked in these tests: the app says offline reading is unavailable, which is true)
    expect(problems.filter((p) => !/offline reading unavailable|Service Worker registration blocked by Playwright/.test(p))).toEqual([]);
  });

  test('a page that is not prerendered still renders through the SPA fallback', async ({ page, consoleProblems }) => {
    consoleProblems.allow(/Failed to load resource: the server responded with a status of 404/);
    await page.goto('/uk/?page=1');
    await expect(page.getByRole('link', { name: SEED_HEADLINE })).toBeVisible();
    // A host answers a prerendered path with a query string with the prerendered file: a tracking parameter
    // still hydrates it.
    await page.goto(`${SEED_PATH}?utm_source=test`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
    await expect(page.getByRole('button', { name: 'Копіювати посилання' })).toBeVisible();
    await page.goto('/en/?page=999');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await page.goto('/en/news/no-such-article');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  });
});

test.describe('the embed card on another site', () => {
  let host: Server;
  test.beforeAll(async () => {
    host = createServer((req, res) => {
      const url = new URL(req.url ?? '/', `http://localhost:${hostPort}`);
      const src = url.searchParams.get('src') ?? '';
      const sandbox = 'allow-scripts allow-popups';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A publisher's page</title></head><body>
<h1>A publisher's page</h1>
<iframe id="card" src="${src.replace(/"/g, '&quot;')}" sandbox="${sandbox}" width="600" height="150" title="Kontekst"></iframe>
<output id="height"></output>
<script>
addEventListener('message', function (e) {
  var d = e.data;
  if (d && d.message === 'height' && d.secret === 's3cret') {
    document.getElementById('card').height = d.value;
    document.getElementById('height').textContent = d.value + '|' + e.origin;
  }
});
</script></body></html>`);
    });
    await new Promise<void>((resolve) => host.listen(0, 'localhost', resolve));
    hostPort = (host.address() as import('node:net').AddressInfo).port;
  });
  test.afterAll(async () => {
    await new Promise<void>((resolve) => host.close(() => resolve()));
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`renders in a sandboxed iframe, sends its height, no network beyond itself (${scheme})`, async ({ page, baseURL }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const requests: string[] = [];
      page.on('request', (r) => {
        if (r.frame() !== page.mainFrame()) requests.push(new URL(r.url()).pathname);
      });
      const embed = `${baseURL}/embed/uk/news/${SEED_SLUG}#?secret=s3cret`;
      await page.goto(`http://localhost:${hostPort}/?src=${encodeURIComponent(embed)}`);
      const card = page.frameLocator('#card');
      await expect(card.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
      await expect(card.locator('time')).toHaveText('21 грудня 2021, 16:00');
      await expect(card.getByText('21 грудня 2021, 16:00 (за київським часом)')).toBeVisible();
      await expect(card.getByText('НАТО', { exact: true })).toBeVisible();
      const read = card.getByRole('link', { name: /Читати на Kontekst/ });
      await expect(read).toHaveAttribute('href', `http://localhost:4173${SEED_PATH}`);
      await expect(read).toHaveAttribute('target', '_blank');

      // The card told the page its height (with the secret), and the iframe now fits it.
      await expect(page.locator('#height')).toHaveText(/^\d+\|null$/);
      const reported = Number((await page.locator('#height').textContent())!.split('|')[0]);
      expect(reported).toBeGreaterThan(150);
      const contentHeight = await card.locator('html').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
      expect(reported).toBe(contentHeight);

      // Light and dark: the card follows the reader's colour scheme.
      const bg = await card.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(bg).toBe(scheme === 'dark' ? 'rgb(23, 25, 28)' : 'rgb(255, 255, 255)');

      // Its own document and its tiny script: no data, no fonts, no service worker.
      expect(requests.sort()).toEqual([`/embed/uk/news/${SEED_SLUG}`, '/embed/card.js'].sort());
    });
  }
});

test.describe('sharing an article', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('Copy link and Copy embed code put the right text on the clipboard, with a visible confirmation', async ({ page, baseURL }) => {
    await page.goto(SEED_PATH);
    const share = page.getByRole('region', { name: 'Поділитися статтею' });
    await share.getByRole('button', { name: 'Копіювати посилання' }).click();
    await expect(share.getByRole('status')).toHaveText('Посилання скопійовано');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${SEED_PATH}`);

    await share.getByRole('button', { name: 'Копіювати код для вставлення' }).click();
    await expect(share.getByRole('status')).toHaveText('Код для вставлення скопійовано');
    const code = await page.evaluate(() => navigator.clipboard.readText());
    // Parsed here, not in the page: the snippet's style attribute is for the embedding site, and this
    // page's CSP would (rightly) refuse it.
    const frames: Record<string, string>[] = [];
    const walk = (node: DefaultTreeAdapterMap['node']) => {
      if ('tagName' in node && node.tagName === 'iframe') frames.push(Object.fromEntries(node.attrs.map((a) => [a.name, a.value])));
      if ('childNodes' in node) node.childNodes.forEach(walk);
    };
    walk(parseFragment(code));
    const f = frames[0];
    const frame = {
      count: frames.length,
      src: f?.src,
      title: f?.title,
      width: f?.width,
      height: f?.height,
      loading: f?.loading,
      sandbox: f?.sandbox?.split(/\s+/),
    };
    expect(frame).toEqual({
      count: 1,
      src: `${baseURL}/embed/uk/news/${SEED_SLUG}`,
      title: SEED_HEADLINE,
      width: '600',
      height: '360',
      loading: 'lazy',
      sandbox: expect.arrayContaining(['allow-scripts', 'allow-popups']),
    });
    expect(frame.sandbox).not.toContain('allow-same-origin');
  });

  test('Share hands the article to the Web Share API where the browser has it', async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { shared: unknown[] };
      w.shared = [];
      Object.defineProperty(navigator, 'share', { value: async (data: unknown) => void w.shared.push(data), configurable: true });
    });
    await page.goto(SEED_PATH);
    await page.getByRole('button', { name: 'Поділитися', exact: true }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { shared: { url: string; title: string }[] }).shared)).toEqual([
      expect.objectContaining({ title: SEED_HEADLINE, url: expect.stringMatching(new RegExp(`${SEED_PATH}$`)) }),
    ]);
  });

  test('without the Web Share API there is no Share button, only the copy buttons', async ({ page }) => {
    await page.addInitScript(() => {
      delete (Navigator.prototype as { share?: unknown }).share;
    });
    await page.goto(SEED_PATH);
    await expect(page.getByRole('button', { name: 'Копіювати посилання' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Поділитися', exact: true })).toHaveCount(0);
  });

  for (const width of [1000, 560, 360]) {
    test(`the share controls fit the room kept for them: the article does not jump (${width}px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(SEED_PATH);
      const slot = page.locator('.share-slot');
      const reserved = await slot.evaluate((el) => parseFloat(getComputedStyle(el).minHeight));
      expect(reserved).toBeGreaterThan(40);
      await expect(page.getByRole('button', { name: 'Копіювати код для вставлення' })).toBeVisible();
      await page.getByRole('button', { name: 'Копіювати посилання' }).click();
      await expect(page.locator('.share-status')).not.toBeEmpty();
      const height = await slot.evaluate((el) => el.getBoundingClientRect().height);
      expect(height).toBeLessThanOrEqual(reserved + 0.5);
      // no large empty gap either, where the room was sized for this layout
      if (width !== 560) expect(height).toBeGreaterThan(reserved - 24);
    });
  }

  test('the share controls speak English on the English page', async ({ page }) => {
    await page.goto(`/en/news/${SEED_SLUG}`);
    const share = page.getByRole('region', { name: 'Share the article' });
    await expect(share.getByRole('button', { name: 'Copy link' })).toBeVisible();
    await expect(share.getByRole('button', { name: 'Copy embed code' })).toBeVisible();
  });
});

test.describe("docs/DEPLOY.md's _headers for /embed/*", () => {
  test('keep the card styled: the header policy and the card\'s meta policy both apply', async ({ page, baseURL }) => {
    const doc = readFileSync(new URL('../docs/DEPLOY.md', import.meta.url), 'utf8');
    const header = /\n\/embed\/\*\n {2}Content-Security-Policy: ([^\n]+)\n/.exec(doc)?.[1];
    expect(header, 'DEPLOY.md has a Content-Security-Policy for /embed/*').toBeTruthy();
    const violations = watchConsole(page);
    await page.route('**/embed/uk/news/**', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': header! } });
    });
    await page.goto(`${baseURL}/embed/uk/news/${SEED_SLUG}`);
    const chip = page.locator('.topics li').first();
    await expect(chip).toBeVisible();
    // the card's inline style applied (a rounded chip), and no policy refused anything
    expect(await chip.evaluate((el) => getComputedStyle(el).borderRadius)).toBe('999px');
    expect(violations.filter((m) => /Content Security Policy|Refused/i.test(m))).toEqual([]);
  });
});
