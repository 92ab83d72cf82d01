/**
 * The Content-Security-Policy in every page (script-src 'self' without
 * 'unsafe-inline', object-src 'none', base-uri 'none') holds: a crawl of every
 * route type records no securitypolicyviolation event.
 */
import { test, expect, openSeedFromHome, MISSING_DATA } from './fixtures.ts';

test('a crawl of every route type finds no CSP violations', async ({ page, consoleProblems }) => {
  consoleProblems.allow(MISSING_DATA);
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await openSeedFromHome(page);
  const article = new URL(page.url()).pathname;
  const topic = (await page.getByRole('list', { name: 'Теми' }).getByRole('link').first().getAttribute('href'))!;
  const routes = ['/', '/uk/', '/en/', article, article.replace('/uk/', '/en/'), topic, topic.replace('/uk/', '/en/'), '/uk/news/no-such-article', '/en/nowhere'];

  for (const path of routes) {
    await page.goto(path);
    await expect(page.locator('h1')).toHaveCount(1);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    // 'self', plus the hash of a prerendered page's content-first loader (src/build/prerender/contentFirst.ts)
    expect(csp, path).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')?(;|$)/);
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).toContain("base-uri 'none'");
    expect(csp, path).not.toContain('unsafe-inline');
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), path).toEqual([]);
  }
});
