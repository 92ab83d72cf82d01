#!/usr/bin/env node
// `npm test`: typecheck, unit tests (vitest), a build, end-to-end tests (Playwright in
// real Chromium). Ends with one line `tests: N passed, M failed` (unit + end-to-end)
// and a non-zero exit status on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from './chromium.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'kontekst-test-'));
let passed = 0;
let failed = 0;
const problems = [];

function run(title, cmd, args, env = {}) {
  console.log(`\n▶ ${title}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

// 1. Types
if (!run('typecheck', 'npx', ['tsc', '-b', 'tsconfig.json'])) {
  failed += 1;
  problems.push('typecheck failed');
}

// 2. Unit tests
const vitestReport = join(tmp, 'vitest.json');
const unitOk = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
const unit = readJson(vitestReport);
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  if (!unitOk && !unit.numFailedTests) {
    failed += 1;
    problems.push('vitest failed outside a test (see above)');
  }
} else {
  failed += 1;
  problems.push('vitest did not report');
}

// 3. A browser
let chromium = findChromium();
if (!chromium) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  console.log(`\nNo Chromium found (CHROMIUM_PATH, /usr/bin/chromium, Playwright's own): installing one ${root ? 'with apt-get' : 'with npx playwright install chromium'}.`);
  if (root) {
    run('install Chromium', 'bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core']);
  } else {
    run('install Chromium', 'npx', ['playwright', 'install', 'chromium']);
  }
  chromium = findChromium();
}

// 4. Build, then end-to-end tests against the built site
if (!chromium) {
  failed += 1;
  problems.push('no Chromium could be found or installed: end-to-end tests did not run');
} else if (!run('build', 'npm', ['run', '-s', 'build'])) {
  failed += 1;
  problems.push('npm run build failed: end-to-end tests did not run');
} else {
  const pwReport = join(tmp, 'playwright.json');
  const e2eOk = run('end-to-end tests', 'npx', ['playwright', 'test'], { PW_JSON_REPORT: pwReport, CHROMIUM_PATH: chromium });
  const e2e = readJson(pwReport);
  if (e2e?.stats) {
    passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
    failed += e2e.stats.unexpected ?? 0;
    if (!e2eOk && !e2e.stats.unexpected) {
      failed += 1;
      problems.push('playwright failed outside a test (see above)');
    }
  } else {
    failed += 1;
    problems.push('playwright did not report');
  }
}

for (const p of problems) console.log(`✗ ${p}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || (passed === 0) ? 1 : 0);
