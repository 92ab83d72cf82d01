#!/usr/bin/env node
// Renders the app icons (public/icons/*.png) from the favicon's artwork in real Chromium.
// Run after changing public/favicon.svg: `node scripts/icons.mjs`. The PNGs are committed.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const svg = readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8');
const glyph = svg.match(/<path[^>]*\/>/)?.[0];
if (!glyph) throw new Error('public/favicon.svg: no <path> to draw the glyph from');
const bg = '#0b4f8a';

// "any": the favicon as drawn (rounded square). "full": edge to edge, glyph inside the maskable
// safe zone (the central circle of 80% diameter), for maskable and Apple touch icons.
const full = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${bg}"/><g transform="translate(32 32) scale(0.9) translate(-36 -32)">${glyph}</g></svg>`;
const icons = [
  ['icon-192.png', 192, svg],
  ['icon-512.png', 512, svg],
  ['maskable-512.png', 512, full],
  ['apple-touch-icon-180.png', 180, full],
];

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage();
for (const [name, size, art] of icons) {
  await page.setViewportSize({ width: size, height: size });
  const src = `data:image/svg+xml;base64,${Buffer.from(art).toString('base64')}`;
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="${src}" width="${size}" height="${size}" style="display:block">`);
  await page.locator('img').evaluate((img) => img.decode());
  await page.screenshot({ path: new URL(`../public/icons/${name}`, import.meta.url).pathname, omitBackground: true });
  console.log(`public/icons/${name} (${size}×${size})`);
}
await browser.close();
