/**
 * The share image of an article without one (build time, Node only): an SVG
 * card rasterised to a 1200×630 PNG with resvg. The font comes from an npm
 * package (DejaVu Sans, with Cyrillic), so a fresh clone renders the same
 * image on any machine, with no system fonts.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { SHARE_IMAGE } from '../../core/links/links.ts';
import { cleanText } from '../feeds/clean.ts';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = [join(FONT_DIR, 'DejaVuSans.ttf'), join(FONT_DIR, 'DejaVuSans-Bold.ttf')];

/** Text as SVG (XML) character data: escaped, and without what XML has no character for (the importer removes those already). */
const xml = (s: string) => cleanText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Greedy word wrap to at most `maxLines` lines of about `perLine` characters, with … when cut. */
export function wrap(text: string, perLine: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = line ? `${line} ${word}` : word;
    if (next.length <= perLine || !line) {
      line = next.length > perLine * 1.5 ? `${next.slice(0, perLine - 1)}…` : next;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) {
      lines[maxLines - 1] = `${lines[maxLines - 1]!.replace(/[\s,.;:—–-]+$/, '')}…`;
      return lines;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function shareImageSvg(opts: { headline: string; date: string; tagline: string }): string {
  const { width, height } = SHARE_IMAGE;
  const size = opts.headline.length > 90 ? 48 : 58;
  const lines = wrap(opts.headline, Math.floor(1040 / (size * 0.66)), opts.headline.length > 90 ? 6 : 5);
  const lineHeight = Math.round(size * 1.22);
  const top = 200;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<rect width="${width}" height="${height}" fill="#0b4f8a"/>
<rect x="0" y="0" width="24" height="${height}" fill="#ffd24a"/>
<text x="80" y="110" font-family="DejaVu Sans" font-weight="bold" font-size="40" fill="#ffffff">Kontekst</text>
<text x="296" y="110" font-family="DejaVu Sans" font-size="28" fill="#cfe3f7">${xml(opts.tagline)}</text>
${lines
  .map((l, i) => `<text x="80" y="${top + i * lineHeight}" font-family="DejaVu Sans" font-weight="bold" font-size="${size}" fill="#ffffff">${xml(l)}</text>`)
  .join('\n')}
<text x="80" y="580" font-family="DejaVu Sans" font-size="30" fill="#cfe3f7">${xml(opts.date)}</text>
</svg>`;
}

export function renderPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: SHARE_IMAGE.width },
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
