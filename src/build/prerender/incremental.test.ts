/**
 * The incremental prerender on a real dataset (content/, then one more article merged in by the
 * import): a rebuild with nothing changed writes nothing and leaves every file's modification
 * time; an update writes the new article's files and only those pages whose data files changed;
 * the app's files are mirrored into dist and what no build gives any more is removed; worker
 * threads give the same bytes as the calling thread.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as buildData } from '../cli.ts';
import { prerender, prerenderStatePath } from './prerender.ts';
import { TEMPLATE, VITE_MANIFEST } from './template.test-helpers.ts';

const BASE = 'https://news.example.org';
/**
 * Vitest compiles the app's modules with vite.config.ts's define, so the footer's build id in this
 * thread is __BUILD_ID__ whatever build.json says; the workers (tsx) take build.json's. The same id
 * for both, so the bytes can be compared.
 */
declare const __BUILD_ID__: string;
const quiet = { out: () => {}, err: (l: string) => console.error(l), now: () => new Date('2026-01-01T00:00:00Z') };

let root: string;
let app: string;
let dist: string;

/** Every file under `dir`: relative path → [modification time, bytes]. */
function snapshot(dir: string): Map<string, [number, Buffer]> {
  const files = new Map<string, [number, Buffer]>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = join(e.parentPath, e.name);
    files.set(relative(dir, file), [statSync(file).mtimeMs, readFileSync(file)]);
  }
  return files;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'kontekst-incremental-'));
  app = join(root, 'app');
  dist = join(root, 'dist');
  mkdirSync(join(app, '.vite'), { recursive: true });
  writeFileSync(join(app, 'index.html'), TEMPLATE);
  writeFileSync(join(app, '.vite', 'manifest.json'), JSON.stringify(VITE_MANIFEST));
  writeFileSync(join(app, 'build.json'), JSON.stringify({ buildId: __BUILD_ID__ }));
  expect(await buildData(['content/', '--out', join(app, 'data')], quiet)).toBe(0);
}, 60_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('incremental prerender', () => {
  let first: Awaited<ReturnType<typeof prerender>>;

  it('a first build renders every unit and assembles dist from the app and the dataset', async () => {
    first = await prerender({ dist, base: BASE, app });
    expect(first.rendered).toBe(first.units);
    expect(first.units).toBeGreaterThan(20);
    expect(first.pages.length).toBeGreaterThan(40);
    expect(first.images.length).toBeGreaterThan(0);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe(TEMPLATE);
    expect(readFileSync(join(dist, '404.html'), 'utf8')).toBe(TEMPLATE);
    // the dataset's files are the app's (hard links), not copies
    const article = readdirSync(join(app, 'data', 'articles'))[0]!;
    expect(statSync(join(dist, 'data', 'articles', article)).ino).toBe(statSync(join(app, 'data', 'articles', article)).ino);
    expect(existsSync(prerenderStatePath(dist))).toBe(true);
  }, 120_000);

  it('nothing changed: nothing rendered, nothing written, every file as it was', async () => {
    const before = snapshot(dist);
    const again = await prerender({ dist, base: BASE, app });
    expect(again.rendered).toBe(0);
    expect(again.written).toEqual([]);
    expect(again.removed).toEqual([]);
    expect(again.pages.sort()).toEqual(first.pages.sort());
    const after = snapshot(dist);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [file, [mtime, bytes]] of before) {
      expect(after.get(file)![0], file).toBe(mtime);
      expect(after.get(file)![1].equals(bytes), file).toBe(true);
    }
  }, 60_000);

  it('one new article: its files are written, and only pages whose data changed besides', async () => {
    const before = snapshot(dist);
    expect(await buildData(['content/', 'src/build/prerender/fixtures/update/news.rss', '--out', join(app, 'data')], quiet)).toBe(0);
    const update = await prerender({ dist, base: BASE, app });
    const after = snapshot(dist);

    const fresh = update.pages.filter((p) => !first.pages.includes(p));
    expect(fresh).toHaveLength(2); // the new article, in both UI languages
    const slug = /\/news\/([^/]+)\/index\.html$/.exec(fresh[0]!)![1]!;
    expect(readFileSync(fresh[0]!, 'utf8')).toContain('Нова стаття після оновлення архіву');
    expect(update.written).toEqual(expect.arrayContaining([`uk/news/${slug}/index.html`, `en/news/${slug}/index.html`, `data/articles/${slug}.json`]));
    // the Ukrainian home page lists it (the English one lists English articles first; its bytes may stay)
    expect(update.written).toContain('uk/index.html');

    // Every other page written belongs to a unit whose data file changed in the import.
    const changedData = new Set(update.written.filter((f) => f.startsWith('data/')).map((f) => f.slice('data/'.length)));
    for (const file of update.written) {
      if (file.startsWith('data/') || file.includes(slug)) continue;
      const article = /^(?:(?:uk|en)\/news|embed\/(?:uk|en)\/news)\/([^/]+)\/index\.html$|^oembed\/(?:uk|en)\/([^/]+)\.json$|^share\/([^/]+)\.png$/.exec(file);
      if (article) {
        expect(changedData.has(`articles/${article[1] ?? article[2] ?? article[3]}.json`), file).toBe(true);
        continue;
      }
      const topic = /^(?:uk|en)\/topics\/([^/]+)\/index\.html$/.exec(file);
      if (topic) {
        expect([...changedData].some((d) => d.startsWith(`topics/${topic[1]}/`)), file).toBe(true);
        continue;
      }
      expect(['uk/index.html', 'en/index.html'], file).toContain(file);
    }
    // Far fewer files written than there are; the rest keep their time and bytes.
    expect(update.written.length).toBeLessThan(after.size / 4);
    for (const [file, [mtime]] of before) if (!update.written.includes(file) && after.has(file)) expect(after.get(file)![0], file).toBe(mtime);
  }, 120_000);

  it('a file no build gives any more is removed; a file of the app that changed is replaced', async () => {
    writeFileSync(join(dist, 'stray.txt'), 'left over from an older build');
    copyFileSync(join(app, 'index.html'), join(app, 'robots.txt'));
    const r = await prerender({ dist, base: BASE, app });
    expect(r.removed).toContain('stray.txt');
    expect(existsSync(join(dist, 'stray.txt'))).toBe(false);
    expect(r.written).toContain('robots.txt');
    expect(r.rendered).toBe(0);
  }, 60_000);

  it('worker threads write the same bytes as the calling thread', async () => {
    const other = join(root, 'threads', 'dist');
    const r = await prerender({ dist: other, base: BASE, app, threads: 2, threadsFrom: 0 });
    expect(r.rendered).toBe(r.units);
    const a = snapshot(dist);
    const b = snapshot(other);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [file, [, bytes]] of a) expect(b.get(file)![1].equals(bytes), file).toBe(true);
  }, 180_000);
});

afterAll(() => {
  if (dist) rmSync(prerenderStatePath(dist), { force: true });
});
