/**
 * npm run bench:taps — tap-to-paint for Save and Share on the prerendered seed article, in Chromium
 * with the CPU slowed down 8× (CDP Emulation.setCPUThrottlingRate), a low-end phone. A benchmark, not
 * a test: it prints medians; the target (docs/adr/0012-islands.md) is ≤ 100 ms from the tap to the
 * next painted frame once the page has settled.
 *
 *   npm run bench:taps [-- --runs 5 --cpu 8 --no-build]
 *
 * For each tap, in the page: t0 is the pointerdown's timestamp; "next paint" is the first frame after
 * the tap (requestAnimationFrame, then a task: the frame has been produced), which shows the button's
 * own response (Save turns busy at once); "status" is the frame that shows the result ("Збережено…",
 * "Посилання скопійовано"), after the storage or clipboard answered. Two moments:
 * settled (the islands have hydrated: the 'kontekst:interactive' mark) and early (a tap as soon as
 * the button is visible, before the islands runtime has arrived: the loader keeps the tap, the runtime
 * replays it). Each run is a fresh browser context (nothing saved, cold caches but the HTTP server's).
 */
import { execSync } from 'node:child_process';
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { startStaticServer } from './static-server.ts';
import { ListPage } from '../src/core/model/dataset.ts';
import { INTERACTIVE_MARK } from '../src/core/page/state.ts';
import { median } from './median.ts';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Number(opt('--runs')) || 5;
const CPU = Number(opt('--cpu')) || 8;
const PORT = Number(process.env.BENCH_PORT ?? 4191);
const DIST = 'dist';
const TARGET_MS = 100;

if (!args.includes('--no-build')) execSync('npm run -s build', { stdio: 'inherit' });

const seedHeadline = readFileSync('content/000_cb2fd77c0b4dd6b1.txt', 'utf8').split('\n')[0]!.trim();
const listDir = join(DIST, 'data/latest/all');
const seed = readdirSync(listDir)
  .flatMap((f) => v.parse(ListPage, JSON.parse(readFileSync(join(listDir, f), 'utf8'))).items)
  .find((s) => s.headline === seedHeadline);
if (!seed) throw new Error('the seed article is not in the dataset');
const articlePath = `/uk/news/${seed.slug}`;

type Tap = { nextPaint: number; status: number };
const TAPS = {
  save: { button: 'Зберегти', status: 'Збережено: цю статтю можна читати без мережі.' },
  share: { button: 'Копіювати посилання', status: 'Посилання скопійовано' },
} as const;

/**
 * Installed before the page's own scripts: times the next tap. A string, not a function: tsx
 * (esbuild) would add helpers to a function's source that the page does not have.
 */
const probe = (statusText: string): string => `(() => {
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
  const statusText = ${JSON.stringify(statusText)};
  window.tap = new Promise((resolve) => {
    document.addEventListener("pointerdown", (e) => {
      const t0 = e.timeStamp;
      const nextPaint = afterPaint().then((t) => t - t0);
      const status = new Promise((done) => {
        const check = () => {
          if (!document.body.innerText.includes(statusText)) return false;
          afterPaint().then((t) => done(t - t0));
          return true;
        };
        if (check()) return;
        const observer = new MutationObserver(() => check() && observer.disconnect());
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      Promise.all([nextPaint, status]).then(([n, s]) => resolve({ nextPaint: n, status: s }));
    }, { capture: true, once: true });
  });
})();`;

async function tapOnce(page: Page, which: keyof typeof TAPS, moment: 'settled' | 'early'): Promise<Tap> {
  const { button, status } = TAPS[which];
  await page.addInitScript(probe(status));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  await page.goto(`http://localhost:${PORT}${articlePath}`, { waitUntil: moment === 'early' ? 'commit' : 'load' });
  if (moment === 'settled') await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, INTERACTIVE_MARK, { timeout: 60_000 });
  const target = page.getByRole('button', { name: button, exact: true });
  if (moment === 'settled') await page.waitForTimeout(2000); // settled: the service worker's registration and other after-load work are done
  await target.click({ timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { tap: Promise<Tap> }).tap);
}

const server = await startStaticServer(DIST, PORT, { gzip: true });
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const results: Record<string, Tap[]> = {};
try {
  for (let round = 1; round <= RUNS; round++) {
    for (const which of ['save', 'share'] as const) {
      for (const moment of ['settled', 'early'] as const) {
        // Share's controls arrive after the page's load event: an early tap finds no button to press
        if (which === 'share' && moment === 'early') continue;
        const context = await browser.newContext({ serviceWorkers: 'block', locale: 'uk-UA' });
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://localhost:${PORT}` });
        const page = await context.newPage();
        const tap = await tapOnce(page, which, moment);
        await context.close();
        (results[`${which} ${moment}`] ??= []).push(tap);
        console.log(`round ${round}/${RUNS} ${which} (${moment}): next paint ${Math.round(tap.nextPaint)} ms, status ${Math.round(tap.status)} ms`);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`\nmedians of ${RUNS} runs, CPU ${CPU}× (target: tap to next paint ≤ ${TARGET_MS} ms once settled)`);
console.log(['tap', 'next paint ms', 'status shown ms'].join('\t'));
const medians: Record<string, { nextPaint: number; status: number }> = {};
const misses: string[] = [];
for (const [name, taps] of Object.entries(results)) {
  const m = { nextPaint: median(taps.map((t) => t.nextPaint)), status: median(taps.map((t) => t.status)) };
  medians[name] = m;
  console.log([name, Math.round(m.nextPaint), Math.round(m.status)].join('\t'));
  if (name.endsWith('settled') && m.nextPaint > TARGET_MS) misses.push(`${name} ${Math.round(m.nextPaint)} ms`);
}
console.log(misses.length ? `targets missed: ${misses.join('; ')}` : 'all targets met');
console.log('(timings from a shared machine are noisy)');
mkdirSync('reports', { recursive: true });
writeFileSync('reports/bench-taps.json', JSON.stringify({ runs: RUNS, cpu: CPU, medians, results }, null, 2));
