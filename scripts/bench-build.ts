/**
 * npm run bench:build — how long `npm run build` takes at the size of the Reuters corpus
 * (../shared/corpus/reuters-21578.feed.json, 19 779 articles with content/), and what a build
 * after an update costs (docs/adr/0014-incremental-prerender.md).
 *
 *   full build      data (a fresh dataset) + vite build + prerender into an empty dist
 *                   (target ≤ 180 s)
 *   50 new articles data (merged into the archive) + vite build + prerender
 *                   (target: data and pages ≤ 10 s; files written in dist, of how many)
 *   nothing new     the same again (target: 0 files written in dist)
 *
 * The steps run as npm run build runs them, each in a child process, with their own folders
 * (the app built by vite into work/app, the dataset linked into it as vite.config.ts's
 * kontekst-public plugin links public/data, dist in work/dist). Wall time around each child;
 * CPU time (user + system, all threads) from /usr/bin/time when there is one. `-- --runs N`
 * repeats the full build (median); `-- --articles N` takes the corpus's first N items (a quick
 * look; the targets are for all of them). The machine may be shared: figures vary by a third and
 * more, and CPU time is the steadier figure.
 * Exit status 1 when a target is missed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { updateFeed } from './bench-data.ts';
import { median } from './median.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REUTERS = resolve(repo, '../shared/corpus/reuters-21578.feed.json');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const TSX = join(repo, 'node_modules/tsx/dist/cli.mjs');

type Step = { wallS: number; cpuS: number | undefined; out: string };

function run(args: string[], env: NodeJS.ProcessEnv = {}): Step {
  spawnSync('sync');
  const started = performance.now();
  const cmd = TIME ? [TIME, '-f', 'BENCHCPU %U %S', process.execPath, ...args] : [process.execPath, ...args];
  const r = spawnSync(cmd[0]!, cmd.slice(1), { cwd: repo, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallS = (performance.now() - started) / 1000;
  // the import exits 1 when it skipped an item (Reuters has one without text): it still wrote the dataset
  if (r.status !== 0 && !(r.status === 1 && /^wrote \d+ files/m.test(r.stdout))) throw new Error(`${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const cpu = /BENCHCPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { wallS, cpuS: cpu ? Number(cpu[1]) + Number(cpu[2]) : undefined, out: r.stdout };
}

const data = (sources: string[], out: string) => run(['--max-semi-space-size=64', TSX, 'src/build/cli.ts', ...sources, '--out', out]);

/** vite build into work/app, with the bench's dataset where the plugin would link public/data. */
async function viteBuild(work: string): Promise<Step> {
  const step = run(['node_modules/vite/bin/vite.js', 'build', '--outDir', join(work, 'app'), '--emptyOutDir', '--logLevel', 'error'], { KONTEKST_BUILD_ID: 'bench-build' });
  await rm(join(work, 'app', 'data'), { recursive: true, force: true });
  const linking = performance.now();
  await linkTree(join(work, 'data'), join(work, 'app', 'data'));
  return { ...step, wallS: step.wallS + (performance.now() - linking) / 1000 };
}

async function linkTree(from: string, to: string): Promise<void> {
  spawnSync('cp', ['-al', from, to]);
  if (!existsSync(to)) await cp(from, to, { recursive: true });
}

const prerender = (work: string) =>
  run(['--max-semi-space-size=32', TSX, '--tsconfig', 'src/app/tsconfig.json', 'scripts/prerender.ts', '--app', join(work, 'app'), '--dist', join(work, 'dist')]);

/** `…: R of U units rendered, W files written, X removed` from the prerender's summary. */
function written(step: Step): { rendered: number; units: number; written: number; removed: number } {
  const m = /(\d+) of (\d+) units rendered, (\d+) files written, (\d+) removed/.exec(step.out);
  if (!m) throw new Error(`no summary in:\n${step.out}`);
  return { rendered: Number(m[1]), units: Number(m[2]), written: Number(m[3]), removed: Number(m[4]) };
}

const countFiles = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
const s = (x: Step) => `${x.wallS.toFixed(1).padStart(6)} s${x.cpuS !== undefined ? ` (CPU ${x.cpuS.toFixed(1)} s)` : ''}`;


async function main(): Promise<number> {
  if (!existsSync(REUTERS)) {
    console.log(`bench:build: skipped, ${REUTERS} is absent`);
    return 0;
  }
  const at = process.argv.indexOf('--runs');
  const runs = at > 0 ? Math.max(1, Number(process.argv[at + 1]) || 1) : 1;
  const only = process.argv.indexOf('--articles');
  const work = await mkdtemp(join(tmpdir(), 'kontekst-bench-build-'));
  let corpus = REUTERS;
  if (only > 0) {
    const feed = JSON.parse(await readFile(REUTERS, 'utf8')) as { items: unknown[] };
    feed.items = feed.items.slice(0, Number(process.argv[only + 1]) || feed.items.length);
    await writeFile((corpus = join(work, 'corpus.feed.json')), JSON.stringify(feed));
    console.log(`the corpus's first ${feed.items.length} items (--articles)`);
  }
  let ok = true;
  try {
    const full: number[] = [];
    for (let k = 0; k < runs; k++) {
      for (const d of ['data', 'app', 'dist']) rmSync(join(work, d), { recursive: true, force: true });
      rmSync(join(work, '.dist.prerender.json'), { force: true });
      const d = data([corpus, 'content/'], join(work, 'data'));
      const vite = await viteBuild(work);
      const pages = prerender(work);
      const total = d.wallS + vite.wallS + pages.wallS;
      full.push(total);
      const w = written(pages);
      console.log(`full build #${k + 1}: data ${s(d)}, vite build ${s(vite)}, prerender ${s(pages)} (${w.units} units, ${w.written} files written): ${total.toFixed(1)} s`);
    }
    const fullS = median(full);
    const fullOk = fullS <= 180;
    ok = fullOk && ok;
    console.log(`full build, median of ${runs}: ${fullS.toFixed(1)} s (target ≤ 180 s: ${fullOk ? 'met' : 'MISSED'})`);

    const update = await updateFeed(join(work, 'update.feed.json'), 50, 'bench-build-update');
    for (const [name, limit] of [
      ['50 new articles', 10],
      ['the same again', undefined],
    ] as const) {
      const d = data([update], join(work, 'data'));
      const vite = await viteBuild(work);
      const pages = prerender(work);
      const w = written(pages);
      const files = countFiles(join(work, 'dist'));
      const dataAndPages = d.wallS + pages.wallS;
      const met = limit !== undefined ? dataAndPages <= limit : w.written === 0;
      ok = met && ok;
      console.log(
        `${name}: data ${s(d)}, prerender ${s(pages)}: data and pages ${dataAndPages.toFixed(1)} s; ${w.rendered} of ${w.units} units rendered, ` +
          `${w.written} of ${files} files in dist written, ${w.removed} removed (target ${limit !== undefined ? `≤ ${limit} s` : '0 files written'}: ${met ? 'met' : 'MISSED'}); vite build ${s(vite)}`,
      );
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return ok ? 0 : 1;
}

process.exitCode = await main();
