/**
 * Shared test fixture: every page fails its test on an uncaught exception or
 * a console error, so "no uncaught errors in the console" holds in every journey.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { INTERACTIVE_MARK } from '../src/core/page/state.ts';

export type ConsoleProblems = { errors: string[]; allow: (pattern: RegExp) => void };

/**
 * Waits until the app has started on the page (the 'kontekst:interactive' mark): a prerendered
 * page is readable at once but loads the app after its first paint (docs/adr/0007-content-first.md),
 * and until then a click on a link is a plain page load. Gives up quietly after `timeout` (a test
 * may block the app on purpose); what the test expects next then fails with its own message.
 */
export async function appStarted(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, INTERACTIVE_MARK, { timeout }).catch(() => {});
}

export const test = base.extend<{ consoleProblems: ConsoleProblems }>({
  // page.goto() also waits for the app, as a reader who taps after the page has settled
  page: async ({ page }, use) => {
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      await appStarted(page);
      return response;
    };
    await use(page);
  },
  consoleProblems: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const allowed: RegExp[] = [];
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
      });
      await use({ errors, allow: (p) => allowed.push(p) });
      expect(errors.filter((e) => !allowed.some((p) => p.test(e)))).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The browser logs a 404 for a data file that does not exist: expected on a not-found page. */
export const MISSING_DATA = /Failed to load resource: the server responded with a status of 404/;

/** The seed article's headline, as the reader sees it. */
export const SEED_HEADLINE = 'У Кремлі прокоментували участь Казахстану та Вірменії у програмах НАТО на фоні вимог Москви щодо Альянсу';

/** Opens the seed article from the Ukrainian home page, by its headline. */
export async function openSeedFromHome(page: Page): Promise<void> {
  await page.goto('/uk/');
  await page.getByRole('link', { name: SEED_HEADLINE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
}

/**
 * A publisher's import for a spec: `npm run data -- FEED --out DIR` into a temporary folder.
 * Gives the dataset folder; `done()` removes it.
 */
export function importFeed(feed: string): { dir: string; done: () => void } {
  const repo = resolve(import.meta.dirname, '..');
  const dir = join(mkdtempSync(join(tmpdir(), 'kontekst-e2e-feed-')), 'data');
  execFileSync(process.execPath, ['--import', 'tsx', join(repo, 'src/build/cli.ts'), feed, '--out', dir], { cwd: repo, stdio: 'pipe' });
  return { dir, done: () => rmSync(resolve(dir, '..'), { recursive: true, force: true }) };
}

/** The page's `/data/…` requests answered from a dataset folder (the built site carries the sample's). */
export async function serveDataFrom(page: Page, dir: string): Promise<void> {
  await page.route('**/data/**', async (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/data\//, '');
    const file = normalize(join(dir, decodeURIComponent(path)));
    if (!file.startsWith(`${dir}/`)) return route.fulfill({ status: 404 });
    try {
      await route.fulfill({ status: 200, contentType: 'application/json', body: readFileSync(file) });
    } catch {
      await route.fulfill({ status: 404, body: 'not found' });
    }
  });
}
