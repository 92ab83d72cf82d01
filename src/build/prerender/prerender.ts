/**
 * The prerender step of `npm run build` (Node only, after `vite build`):
 * renders every article (in both UI languages), the home pages and the topic
 * pages with the app's own routes into static HTML with link-preview
 * metadata, and writes each article's oEmbed JSON, embed card and share image.
 *
 *   dist/<lang>/index.html                    home
 *   dist/<lang>/topics/<topic>/index.html     topic, first page
 *   dist/<lang>/news/<slug>/index.html        article
 *   dist/embed/<lang>/news/<slug>/index.html  embed card
 *   dist/oembed/<lang>/<slug>.json            oEmbed
 *   dist/share/<slug>.png                     share image (when the article has no image)
 *   dist/404.html                             the SPA shell, for static hosts' not-found answer
 *
 * Incremental (docs/adr/0014-incremental-prerender.md): the work comes in units (an article
 * with all its files, a home page pair, a topic page pair). A state file beside dist
 * (.<dist>.prerender.json) keeps, per unit, the dataset files its pages read, a key (the hash
 * of this build's template, chunks, build id, base URL and code with those files' bytes) and
 * its files' sizes and times. A unit whose key and files are as recorded is not rendered; one
 * that is rendered writes only the files whose bytes changed. Files of units that are gone are
 * removed. Many units render on worker threads (renderWorker.ts), a few in this thread.
 *
 * With `app` (the folder vite build wrote, npm run build's staging), dist is assembled: the
 * app's files mirrored in (a file with the same bytes is left as it is; dataset files are hard
 * links), and anything in dist that this build did not give is removed. Unchanged files keep
 * their bytes and modification time, so rsync or an object-store sync uploads what changed.
 *
 * The routes' loaders fetch `/data/…` as in the browser; here fetch answers
 * those requests from dist/data, so the client code has no server branch.
 */
import * as v from 'valibot';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { copyFile, link, lstat, mkdir, readFile, readdir, rename, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cspHash } from './cspHash.ts';
import { LANGS, type Lang } from '../../core/model/article.ts';
import { TopicIndex } from '../../core/model/dataset.ts';
import { topicLabel } from '../../core/model/topicLabel.ts';
import { appChunks, type AppChunks, type ViteManifest } from './contentFirst.ts';
import { createRenderer, sha, writeIfChanged, type OutputKind, type RenderContext, type Template, type Unit, type UnitResult } from './render.ts';
import { startThread, type Thread } from '../lib/workers.ts';
import type { WorkerRequest } from './renderWorker.ts';

export { page, type Template } from './render.ts';

export type PrerenderOptions = {
  dist: string;
  base: string;
  log?: (line: string) => void;
  /** the folder vite build wrote, when not dist itself: dist is then assembled from it (see above) */
  app?: string;
  /** worker threads (default: the machine's cores); 0 renders in this thread */
  threads?: number;
  /** more units than this to render start the workers (default IN_THREAD_MAX) */
  threadsFrom?: number;
};

export type PrerenderReport = {
  /** every file the prerender gives, written this time or kept */
  pages: string[];
  embeds: string[];
  oembeds: string[];
  images: string[];
  /** units rendered this time, and all units */
  rendered: number;
  units: number;
  /** files written this time (prerendered and, with `app`, mirrored) and removed, paths under dist */
  written: string[];
  removed: string[];
};

/** Units below this many render in this thread: starting workers (each loads the app) costs more. */
const IN_THREAD_MAX = 120;
/** Units per request to a worker. */
const BATCH = 8;
const STATE_VERSION = 1;

const ROOT_DIR = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** The shell's #root, empty or holding its boot message (index.html), which a prerendered page does not need. */
const ROOT = /<div id="root">(?:<!-- boot -->[\s\S]*?<!-- \/boot -->)?<\/div>/;

export function splitTemplate(html: string): Template {
  const root = ROOT.exec(html);
  if (!root) throw new Error('prerender: dist/index.html has no <div id="root"></div>');
  return { before: html.slice(0, root.index), after: html.slice(root.index + root[0].length) };
}

/**
 * The app's stylesheet (a few KB) goes inline into prerendered pages: the first paint needs no
 * second request. The CSP keeps `style-src 'self'` and allows exactly this style by its hash.
 * (The SPA shell, index.html, keeps the <link>: the service worker precaches it.)
 */
async function inlineStylesheet(t: Template, dist: string): Promise<Template> {
  const link = /<link rel="stylesheet"[^>]*href="(\/assets\/[^"]+\.css)"[^>]*>/.exec(t.before);
  if (!link?.[1]) return t;
  const css = await readFile(join(dist, link[1].slice(1)), 'utf8');
  if (css.includes('</style')) return t;
  const before = t.before
    .replace(link[0], () => `<style>${css}</style>`)
    .replace("style-src 'self'", () => `style-src 'self' ${cspHash(css)}`);
  return { before, after: t.after };
}

/** Where the state of the prerender into `dist` is kept: beside it, so a sync of dist never uploads it. */
export function prerenderStatePath(dist: string): string {
  const dir = resolve(dist);
  return join(dirname(dir), `.${basename(dir)}.prerender.json`);
}

type UnitState = { key: string; deps: string[]; files: Record<string, [size: number, mtimeMs: number, kind: OutputKind]>; svg?: string };
type State = { version: number; units: Record<string, UnitState> };

async function readState(dist: string): Promise<State> {
  try {
    const s = JSON.parse(await readFile(prerenderStatePath(dist), 'utf8')) as State;
    if (s.version === STATE_VERSION && s.units && typeof s.units === 'object') return s;
  } catch {
    /* none, or unreadable: everything is rendered */
  }
  return { version: STATE_VERSION, units: {} };
}

async function writeState(dist: string, state: State): Promise<void> {
  const file = prerenderStatePath(dist);
  await writeFile(`${file}.tmp`, JSON.stringify(state));
  await rename(`${file}.tmp`, file);
}

/**
 * The code that shapes a page: the app, the core and the build's sources, the prerender's
 * entry and the locked dependencies. A change re-renders every page.
 */
async function codeHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = (await readdir(join(ROOT_DIR, 'src'), { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && !/\.test(-helpers)?\.[cm]?tsx?$/.test(e.name))
    .map((e) => relative(ROOT_DIR, join(e.parentPath, e.name)))
    .concat(['scripts/prerender.ts', 'scripts/ignore-css.mjs', 'package-lock.json'])
    .sort();
  for (const file of files) {
    const bytes = await readFile(join(ROOT_DIR, file)).catch(() => null);
    hash.update(`${file}\0`).update(bytes ?? 'none').update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

/** Runs `fn` over `items`, at most `limit` at a time. */
async function eachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([readFile(a), readFile(b)]);
  return x.equals(y);
}

/**
 * dist gets the app's files: a file already there with the same inode (a dataset file linked
 * by the last build) or the same bytes stays; others are hard links to the app's (the dataset's
 * unchanged files keep their inode from import to import) or, across file systems, copies.
 */
async function mirror(app: string, dist: string, written: string[]): Promise<Set<string>> {
  const files = (await readdir(app, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(app, join(e.parentPath, e.name)));
  await eachLimit(files, 32, async (rel) => {
    const from = join(app, rel);
    const to = join(dist, rel);
    const [a, d] = await Promise.all([stat(from), lstat(to).catch(() => null)]);
    if (d?.isFile() && ((d.ino === a.ino && d.dev === a.dev) || (d.size === a.size && (await sameBytes(from, to))))) return;
    await mkdir(dirname(to), { recursive: true });
    if (d) await unlink(to);
    await link(from, to).catch(() => copyFile(from, to));
    written.push(rel);
  });
  return new Set(files);
}

/** Removes the files under dist that are not in `keep`, and folders left empty. */
async function removeOthers(dist: string, keep: Set<string>, removed: string[]): Promise<void> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  const dirs = new Set<string>();
  await eachLimit(entries, 32, async (e) => {
    const rel = relative(dist, join(e.parentPath, e.name));
    if (e.isDirectory()) return void dirs.add(rel);
    if (keep.has(rel)) return;
    await unlink(join(dist, rel));
    removed.push(rel);
  });
  if (removed.length) await removeEmptyDirs(dist, [...dirs]);
}

async function removeEmptyDirs(dist: string, dirs: string[]): Promise<void> {
  for (const dir of dirs.sort((a, b) => b.length - a.length)) await rmdir(join(dist, dir)).catch(() => undefined);
}

export async function prerender({ dist, base, log = () => {}, app, threads, threadsFrom = IN_THREAD_MAX }: PrerenderOptions): Promise<PrerenderReport> {
  dist = resolve(dist);
  const report: PrerenderReport = { pages: [], embeds: [], oembeds: [], images: [], rendered: 0, units: 0, written: [], removed: [] };
  const old = await readState(dist);
  const mirrored = app && resolve(app) !== dist ? await mirror(resolve(app), dist, report.written) : undefined;
  if (mirrored) {
    // What is in dist but neither the app's nor the last prerender's goes first: a dataset file
    // the import dropped must not give a page.
    const keep = new Set([...mirrored, '404.html']);
    for (const unit of Object.values(old.units)) for (const rel of Object.keys(unit.files)) keep.add(rel);
    await removeOthers(dist, keep, report.removed);
  }

  const dataDir = join(dist, 'data');
  const template = await inlineStylesheet(splitTemplate(await readFile(join(dist, 'index.html'), 'utf8')), dist);
  const manifest = JSON.parse(await readFile(join(dist, '.vite', 'manifest.json'), 'utf8')) as ViteManifest;
  const chunks = Object.fromEntries(LANGS.map((lang) => [lang, appChunks(manifest, lang)])) as Record<Lang, AppChunks>;
  const built = JSON.parse(await readFile(join(dist, 'build.json'), 'utf8').catch(() => '{}')) as { buildId?: string };
  const buildId = built.buildId ?? (globalThis as { __KONTEKST_BUILD_ID__?: string }).__KONTEKST_BUILD_ID__ ?? 'dev';
  const code = await codeHash();
  const ctx: RenderContext = { dist, dataDir, base, buildId, codeHash: code, template, chunks };
  /** what every page of this build shares: a change here renders every unit again */
  const global = sha(JSON.stringify({ template, chunks, base, buildId, code }));

  // The units: home, topics (the index's first page, as the app's topic list), articles.
  const topicFile = join(dataDir, 'topics', 'index.json');
  const topicBytes = await readFile(topicFile, 'utf8').catch(() => null);
  const topics = topicBytes ? v.parse(TopicIndex, JSON.parse(topicBytes)).topics : [];
  const slugs = (await readdir(join(dataDir, 'articles')))
    .filter((n) => n.endsWith('.json'))
    .map((n) => n.slice(0, -'.json'.length))
    .sort();
  const units = new Map<string, Unit>([['home', { kind: 'home' }]]);
  for (const topic of topics) {
    const label = Object.fromEntries(LANGS.map((ui) => [ui, topicLabel(topic.labels, ui, topic.slug).text])) as Record<Lang, string>;
    units.set(`topic:${topic.slug}`, { kind: 'topic', slug: topic.slug, label });
  }
  for (const slug of slugs) units.set(`article:${slug}`, { kind: 'article', slug });
  report.units = units.size;

  // What changed since the last build: a unit's key over the bytes of the files it read, and its files as written.
  const fileHashes = new Map<string, Promise<string>>();
  const fileHash = (rel: string) => {
    let h = fileHashes.get(rel);
    if (!h) fileHashes.set(rel, (h = readFile(join(dataDir, rel)).then(sha, () => 'missing')));
    return h;
  };
  const keyOf = async (id: string, unit: Unit, deps: readonly string[]) => {
    const parts = [global, id, unit.kind === 'topic' ? JSON.stringify(unit.label) : ''];
    for (const dep of deps) parts.push(`${dep}:${await fileHash(dep)}`);
    return sha(parts.join('\n'));
  };
  const filesAsRecorded = async (files: UnitState['files']) => {
    for (const [rel, [size, mtimeMs]] of Object.entries(files)) {
      const s = await stat(join(dist, rel)).catch(() => null);
      if (!s || s.size !== size || s.mtimeMs !== mtimeMs) return false;
    }
    return true;
  };
  const next: State = { version: STATE_VERSION, units: {} };
  const dirty: Array<[string, Unit]> = [];
  await eachLimit([...units], 32, async ([id, unit]) => {
    const was = old.units[id];
    if (was && (await keyOf(id, unit, was.deps)) === was.key && (await filesAsRecorded(was.files))) next.units[id] = was;
    else dirty.push([id, was?.svg && unit.kind === 'article' ? { ...unit, svg: was.svg } : unit]);
  });
  dirty.sort((a, b) => (a[0] < b[0] ? -1 : 1));

  const record = async (id: string, unit: Unit, result: UnitResult) => {
    const files: UnitState['files'] = {};
    for (const o of result.outputs) {
      const rel = relative(dist, o.file);
      const s = await stat(o.file);
      files[rel] = [s.size, s.mtimeMs, o.kind];
      if (o.written) report.written.push(rel);
    }
    next.units[id] = { key: await keyOf(id, unit, result.deps), deps: result.deps, files, ...(result.svg && { svg: result.svg }) };
  };

  const count = Math.min(threads ?? availableParallelism(), 16);
  if (dirty.length > 0 && (count === 0 || dirty.length <= threadsFrom)) {
    const renderer = await createRenderer(ctx);
    for (const [id, unit] of dirty) await record(id, unit, await renderer.renderUnit(unit));
  } else if (dirty.length > 0) {
    await renderInWorkers(ctx, dirty, Math.max(1, count), record, log);
  }
  report.rendered = dirty.length;

  // Files of units that are gone (an article dropped by retention, a topic no longer listed).
  const keep = new Set<string>();
  for (const unit of Object.values(next.units)) for (const rel of Object.keys(unit.files)) keep.add(rel);
  for (const unit of Object.values(old.units)) {
    for (const rel of Object.keys(unit.files)) {
      if (keep.has(rel)) continue;
      await unlink(join(dist, rel)).then(
        () => report.removed.push(rel),
        () => undefined,
      );
      await removeEmptyDirs(dist, [dirname(rel), dirname(dirname(rel))]);
    }
  }

  // Static hosts answer unknown paths with 404.html: the SPA shell, which renders the route (or "not found").
  if (await writeIfChanged(join(dist, '404.html'), await readFile(join(dist, 'index.html')))) report.written.push('404.html');
  keep.add('404.html');
  await writeState(dist, next);

  const lists: Record<OutputKind, string[]> = { page: report.pages, embed: report.embeds, oembed: report.oembeds, image: report.images };
  for (const unit of Object.values(next.units)) for (const [rel, [, , kind]] of Object.entries(unit.files)) lists[kind].push(join(dist, rel));
  log(
    `prerendered ${report.pages.length} pages, ${report.embeds.length} embed cards, ${report.oembeds.length} oEmbed files, ${report.images.length} share images (base ${base}): ` +
      `${report.rendered} of ${report.units} units rendered, ${report.written.length} files written, ${report.removed.length} removed`,
  );
  return report;
}

async function renderInWorkers(
  ctx: RenderContext,
  dirty: Array<[string, Unit]>,
  count: number,
  record: (id: string, unit: Unit, result: UnitResult) => Promise<void>,
  log: (line: string) => void,
): Promise<void> {
  const workers: Array<Thread<WorkerRequest, UnitResult[]>> = [];
  for (let i = 0; i < count; i++) {
    workers.push(
      startThread<WorkerRequest, UnitResult[]>(
        new URL('./renderWorker.ts', import.meta.url),
        {},
        { tsconfig: join(ROOT_DIR, 'src', 'app', 'tsconfig.json'), hooks: [new URL('../../../scripts/ignore-css.mjs', import.meta.url)] },
      ),
    );
  }
  let next = 0;
  let done = 0;
  let shown = 0;
  try {
    await Promise.all(
      workers.map(async (worker) => {
        await worker.request({ init: ctx });
        while (next < dirty.length) {
          const batch = dirty.slice(next, (next += BATCH));
          const results = await worker.request({ units: batch.map(([, unit]) => unit) });
          for (let i = 0; i < batch.length; i++) await record(batch[i]![0], batch[i]![1], results[i]!);
          done += batch.length;
          if (done - shown >= dirty.length / 10) {
            shown = done;
            log(`prerendering: ${done}/${dirty.length} units (${Math.round((100 * done) / dirty.length)}%)`);
          }
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
}
