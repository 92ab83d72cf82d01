import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4174);
const executablePath = findChromium();

/**
 * End-to-end tests in real Chromium against the built site (npm run build),
 * served by `vite preview`. The reader's clock is in New York, so every
 * Kyiv-time assertion proves the zone is the newsroom's, not the reader's.
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 45_000, // a safety net, not a speed test: the CI machine has 2 cores
  expect: { timeout: 7_000 },
  reporter: process.env.PW_JSON_REPORT
    ? [['list'], ['json', { outputFile: process.env.PW_JSON_REPORT }]]
    : [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://localhost:${PORT}`,
    timezoneId: 'America/New_York',
    locale: 'uk-UA',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: 'off',
    // page.route() cannot see requests a service worker answers: specs that test offline
    // reading turn workers on (e2e/offline.spec.ts: test.use({ serviceWorkers: 'allow' })).
    serviceWorkers: 'block',
  },
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}/uk/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
  },
});
