/**
 * npm run bench:data — how fast `npm run data` imports at scale.
 *
 *   1. ../shared/corpus/reuters-21578.feed.json (19 779 real articles, JSON Feed)
 *   2. a generated corpus of 100 000 articles: 10 RSS 2.0 files with
 *      content:encoded HTML, Ukrainian and English, Zipf-distributed words and topics
 *
 * Each import runs in a child process (scripts/bench-data-child.ts) so its peak
 * memory (max RSS) is measured alone; wall time is measured around the child,
 * node start-up included. Prints articles per second, wall time, CPU time and
 * peak memory against the targets (Reuters ≤ 15 s and 1 GB; 100 000 ≤ 90 s and
 * 2 GB), plus a 25 000-article run to show how time grows (≤ n log n). Each
 * import runs `--runs N` times (default 3), the corpora in turn; targets are
 * judged on the median time and the highest peak. Exit status 1 when a target
 * is missed. The machine is shared: single runs vary by a third and more.
 *
 * Then the update figures (the dataset is the archive, docs/adr/0010-archive-and-swap.md):
 * into the last run's dataset of Reuters and of 100 000, 50 new articles (target
 * ≤ 5 s, ≤ 5 % of the files written anew), then the same 50 again (nothing changed:
 * target 0 files written).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_FLAGS } from '../src/build/cli.ts';
import { prng } from '../src/build/lib/prng.ts';
import { median } from './median.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REUTERS = resolve(repo, '../shared/corpus/reuters-21578.feed.json');

interface Result {
  code: number;
  summary: string;
  /** `wrote N files to DIR (A new or changed, B as they were)` */
  wrote: string;
  problems: number;
  importMs: number;
  maxRssMb: number;
  cpuMs: number;
}

function runImport(sources: string[], out: string): Promise<{ wallMs: number; result: Result }> {
  // The runs before this one are on disk first: their write-back is not this import's work.
  if (process.platform !== 'win32') spawnSync('sync');
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...NODE_FLAGS, '--import', 'tsx', join(repo, 'scripts/bench-data-child.ts'), ...sources, '--out', out], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.on('error', fail);
    child.on('close', () => {
      const wallMs = performance.now() - started;
      const line = stdout.split('\n').find((l) => l.startsWith('BENCH '));
      if (!line) return fail(new Error(`the import printed no result:\n${stdout}`));
      done({ wallMs, result: JSON.parse(line.slice(6)) as Result });
    });
  });
}

// ---- the generated corpus ---------------------------------------------------------


const SYLLABLES_UK = ['ка', 'ро', 'ні', 'ва', 'ли', 'то', 'ме', 'за', 'пі', 'ду', 'ок', 'ра', 'ст', 'ви', 'на', 'ко'];
const SYLLABLES_EN = ['ka', 'ro', 'ni', 'va', 'li', 'to', 'me', 'za', 'pi', 'du', 'ok', 'ra', 'st', 'vi', 'na', 'co'];

function vocabulary(syllables: string[], size: number, rnd: () => number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    let w = '';
    const n = 2 + Math.floor(rnd() * 3);
    for (let k = 0; k < n; k++) w += syllables[Math.floor(rnd() * syllables.length)];
    words.add(w);
  }
  return [...words];
}

/** Zipf-ish pick: low indexes are common. */
const zipf = (rnd: () => number, n: number): number => Math.min(n - 1, Math.floor(n ** rnd()) - 1);

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export async function generateCorpus(dir: string, total: number, files = 10): Promise<string[]> {
  const rnd = prng(21578);
  const vocab = { uk: vocabulary(SYLLABLES_UK, 20_000, rnd), en: vocabulary(SYLLABLES_EN, 20_000, rnd) };
  const topics = { uk: vocabulary(SYLLABLES_UK, 3_000, rnd), en: vocabulary(SYLLABLES_EN, 3_000, rnd) };
  const sentence = (lang: 'uk' | 'en', words: number): string => {
    const out: string[] = [];
    for (let k = 0; k < words; k++) out.push(vocab[lang][zipf(rnd, vocab[lang].length)] ?? 'x');
    const s = out.join(' ');
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  };
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  const perFile = Math.ceil(total / files);
  const start = Date.UTC(2020, 0, 1);
  for (let f = 0; f < files; f++) {
    const parts: string[] = [
      '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel><title>Bench feed ' +
        f +
        '</title><link>https://bench.example.org/</link>\n',
    ];
    for (let k = 0; k < perFile && f * perFile + k < total; k++) {
      const n = f * perFile + k;
      const lang = n % 3 === 0 ? 'en' : 'uk';
      const when = new Date(start + Math.floor(rnd() * 5 * 365 * 86_400_000)).toUTCString();
      const cats = new Set<string>();
      const nt = 1 + Math.floor(rnd() * 4);
      for (let t = 0; t < nt; t++) cats.add(topics[lang][zipf(rnd, topics[lang].length)] ?? 'x');
      const paras: string[] = [];
      const np = 3 + Math.floor(rnd() * 5);
      for (let p = 0; p < np; p++) {
        let para = `${sentence(lang, 12 + Math.floor(rnd() * 20))} ${sentence(lang, 8 + Math.floor(rnd() * 15))}`;
        if (p === 1) para += ` <a href="https://bench.example.org/${n}?utm_source=rss&amp;id=${n}">${sentence(lang, 3)}</a>`;
        if (p === 2) para = `<em>${para}</em>`;
        paras.push(`<p>${para}</p>`);
      }
      const lead = sentence(lang, 20 + Math.floor(rnd() * 10));
      parts.push(
        `<item><title>${esc(sentence(lang, 6 + Math.floor(rnd() * 8)))}</title><link>https://bench.example.org/news/${n}</link><guid>bench-${n}</guid>` +
          `<pubDate>${when}</pubDate><language>${lang}</language>${[...cats].map((c) => `<category>${c}</category>`).join('')}` +
          `<description>${esc(lead)}</description><content:encoded><![CDATA[${paras.join('')}]]></content:encoded></item>\n`,
      );
    }
    parts.push('</channel></rss>\n');
    const path = join(dir, `bench-${String(f).padStart(2, '0')}.rss.xml`);
    // On disk before the import is timed: its write-back is not the import's work.
    const handle = await open(path, 'w');
    await handle.writeFile(parts.join(''));
    await handle.sync();
    await handle.close();
    paths.push(path);
  }
  return paths;
}

// ---- the runs ---------------------------------------------------------------------

interface Run {
  name: string;
  articles: number;
  wallMs: number;
  result: Result;
  limitS?: number;
  limitMb?: number;
}

function report(r: Run): boolean {
  const imported = Number(/^(\d+) imported/.exec(r.result.summary)?.[1] ?? 0);
  const ok = (r.limitS === undefined || r.wallMs / 1000 <= r.limitS) && (r.limitMb === undefined || r.result.maxRssMb <= r.limitMb);
  const target = r.limitS !== undefined ? ` (target ≤ ${r.limitS} s, ≤ ${r.limitMb} MB: ${ok ? 'met' : 'MISSED'})` : '';
  console.log(
    `${r.name.padEnd(22)} ${String(imported).padStart(7)} articles  ${(imported / (r.wallMs / 1000)).toFixed(0).padStart(6)} articles/s  ` +
      `wall ${(r.wallMs / 1000).toFixed(1).padStart(5)} s  cpu ${(r.result.cpuMs / 1000).toFixed(1).padStart(5)} s  ` +
      `peak ${r.result.maxRssMb.toFixed(0).padStart(5)} MB${target}`,
  );
  console.log(`${''.padEnd(22)} ${r.result.summary}${r.result.problems > 0 ? ` (${r.result.problems} problems reported)` : ''}`);
  return ok;
}

/** A JSON Feed of `n` new articles, dated now (the newest): what a scheduled run brings. */
export async function updateFeed(path: string, n: number, idPrefix = 'bench-update'): Promise<string> {
  const now = Date.now();
  const items = Array.from({ length: n }, (_, k) => ({
    id: `${idPrefix}-${k}`,
    title: `Bench update ${k}: rates, trade and grain`,
    content_text: `Update ${k}. Central banks held rates as trade figures and grain exports moved.\n\nMarkets were quiet.`,
    date_published: new Date(now - k * 60_000).toISOString(),
    tags: ['update', k % 2 === 0 ? 'trade' : 'grain'],
    language: 'en',
  }));
  await writeFile(path, JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Bench wire', home_page_url: 'https://wire.example/', items }));
  return path;
}

/** An update run: time, and how many files it wrote anew of how many. */
function reportUpdate(name: string, r: { wallMs: number; result: Result }, limitS: number | undefined, limitShare: number): boolean {
  const m = /^wrote (\d+) files .*\((\d+) new or changed, (\d+) as they were\)/.exec(r.result.wrote);
  const total = Number(m?.[1] ?? 0);
  const anew = Number(m?.[2] ?? total);
  const share = total > 0 ? anew / total : 1;
  const ok = (limitS === undefined || r.wallMs / 1000 <= limitS) && share <= limitShare;
  const targets = `${limitS !== undefined ? `≤ ${limitS} s, ` : ''}${limitShare === 0 ? '0 files' : `≤ ${limitShare * 100} % of files`}`;
  console.log(
    `${name.padEnd(34)} wall ${(r.wallMs / 1000).toFixed(1).padStart(5)} s  ${String(anew).padStart(6)} of ${total} files written anew (${(share * 100).toFixed(1)} %)  (target ${targets}: ${ok ? 'met' : 'MISSED'})`,
  );
  return ok;
}


/** Imports per corpus: `--runs N` (default 3). */
function runsWanted(argv: readonly string[]): number {
  const at = argv.indexOf('--runs');
  const n = at >= 0 ? Number(argv[at + 1]) : 3;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--runs wants a whole number of 1 or more, not ${argv[at + 1] ?? 'nothing'}`);
  return n;
}

interface Corpus {
  name: string;
  articles: number;
  files: string[];
  limitS?: number;
  limitMb?: number;
  runs: Run[];
}

/**
 * Each corpus is imported `runs` times, the corpora taken in turn (so a slow
 * minute of a shared machine falls on one run of each rather than on every run
 * of one). Each run is printed; a target is judged on the median wall time and
 * the highest peak memory.
 */
async function bench(runs = runsWanted(process.argv.slice(2))): Promise<number> {
  const work = await mkdtemp(join(tmpdir(), 'kontekst-bench-'));
  let ok = true;
  try {
    const corpora: Corpus[] = [];
    if (existsSync(REUTERS)) corpora.push({ name: 'Reuters-21578', articles: 19_779, files: [REUTERS], limitS: 15, limitMb: 1024, runs: [] });
    else console.log(`Reuters-21578: skipped, ${REUTERS} is absent`);
    for (const [n, limitS, limitMb] of [
      [25_000, undefined, undefined],
      [100_000, 90, 2048],
    ] as const) {
      process.stderr.write(`generating ${n} articles…\n`);
      const files = await generateCorpus(join(work, `corpus-${n}`), n, Math.max(1, Math.round(n / 10_000)));
      corpora.push({ name: `generated ${n.toLocaleString('en')}`, articles: n, files, ...(limitS !== undefined && { limitS, limitMb }), runs: [] });
    }
    // Nothing is deleted until every run is over: ext4 looks past recently deleted
    // inodes when it makes a file, so an import that follows the deletion of
    // another's 100 000 files spends several times as long creating its own.
    for (let k = 0; k < runs; k++) {
      for (const c of corpora) {
        const run = await runImport(c.files, join(work, `out-${c.runs.length}-${c.articles}`));
        const r: Run = { name: `${c.name} #${k + 1}`, articles: c.articles, ...run };
        report(r);
        c.runs.push(r);
      }
    }
    console.log(`\nmedians of ${runs} run${runs === 1 ? '' : 's'} (peak: the highest):`);
    for (const c of corpora) {
      const wallMs = median(c.runs.map((r) => r.wallMs));
      const cpuMs = median(c.runs.map((r) => r.result.cpuMs));
      const maxRssMb = Math.max(...c.runs.map((r) => r.result.maxRssMb));
      const last = c.runs[c.runs.length - 1] as Run;
      ok = report({ ...last, name: c.name, wallMs, result: { ...last.result, cpuMs, maxRssMb }, limitS: c.limitS, limitMb: c.limitMb }) && ok;
    }
    console.log('\nupdates into the last run\'s dataset (one run each):');
    const update = await updateFeed(join(work, 'update.feed.json'), 50);
    for (const c of corpora.filter((x) => x.limitS !== undefined)) {
      const out = join(work, `out-${c.runs.length - 1}-${c.articles}`);
      ok = reportUpdate(`${c.name}: 50 new articles`, await runImport([update], out), 5, 0.05) && ok;
      ok = reportUpdate(`${c.name}: the same again`, await runImport([update], out), undefined, 0) && ok;
    }
    const small = corpora.find((c) => c.articles === 25_000);
    const big = corpora.find((c) => c.articles === 100_000);
    if (small && big) {
      const growth = median(big.runs.map((r) => r.wallMs)) / median(small.runs.map((r) => r.wallMs));
      const nLogN = (100_000 * Math.log(100_000)) / (25_000 * Math.log(25_000));
      const met = growth <= nLogN;
      ok = met && ok;
      console.log(`growth 25 000 → 100 000: ${growth.toFixed(2)}× (n log n: ${nLogN.toFixed(2)}×: ${met ? 'met' : 'MISSED'})`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return ok ? 0 : 1;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  bench().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(`bench:data failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
}
