/**
 * npx tsx src/build/cli.ts [SOURCE ...] [--out DIR]      (npm run data -- …)
 *
 * Reads the sources (default content/), prints each problem as `file:line: message`,
 * writes the dataset (default public/data) and a summary. Exit status 1 when a
 * source was skipped or unreadable, 0 otherwise.
 */
import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { startSearchWorker } from './index/buildIndexInWorker.ts';
import { buildDatasetInParallel } from './pipeline.ts';
import { formatError } from './errors.ts';
import { type ProgressFn, progressReporter } from './progress.ts';
import { readSources } from './sources/sources.ts';
import { besideDataset, writeDataset } from './write/write.ts';

export const DEFAULT_SOURCE_DIR = 'content/';
export const DEFAULT_OUT_DIR = 'public/data';

const USAGE = `usage: npm run data -- [SOURCE ...] [--out DIR]
  SOURCE  feeds (RSS 2.0/1.0, Atom 1.0/0.3, JSON Feed 1.1/1.0, recognised by content), seed .txt
          files, sidecar .json files, topics.json, or folders (default ${DEFAULT_SOURCE_DIR})
  --out   where to write the dataset (default ${DEFAULT_OUT_DIR}); the folder is replaced`;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  now: () => Date;
  /** progress of a long import; none when left out */
  progress?: ProgressFn & { end?: () => void };
}

const defaultIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  now: () => new Date(),
  progress: progressReporter(process.stderr),
};

interface Args {
  sources: string[];
  out: string;
  help: boolean;
}

export function parseArgs(argv: readonly string[]): Args | string {
  const sources: string[] = [];
  let out = DEFAULT_OUT_DIR;
  let help = false;
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k] ?? '';
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--out' || arg === '-o') {
      const value = argv[++k];
      if (value === undefined || value === '') return `${arg} needs a folder`;
      out = value;
    } else if (arg.startsWith('--out=')) {
      out = arg.slice('--out='.length);
      if (out === '') return '--out needs a folder';
    } else if (arg.startsWith('-') && arg !== '-') return `unknown option ${arg}`;
    else sources.push(arg);
  }
  return { sources: sources.length > 0 ? sources : [DEFAULT_SOURCE_DIR], out, help };
}

/**
 * How much V8 lets a heap grow past what was alive at its last full collection
 * (per cent). Its own factor lets a heap of a gigabyte of articles grow by
 * several hundred MB of garbage before it collects, on this thread and on the
 * search worker's: a tighter factor costs a little more collecting and keeps
 * the peak of a 100 000-article import under 2 GB (bench:data).
 */
export const HEAP_GROWING_PERCENT = 20;

/**
 * Semi-space size of the main thread, MB: `npm run data` starts Node with
 * --max-semi-space-size set to this (package.json; a running thread's young
 * generation cannot be resized). Building 100 000 articles makes mostly
 * short-lived objects; with V8's default (16 MB) they are collected so often
 * that many are copied and promoted first. bench:data at 100 000 articles:
 * 16 MB 130–160 s and 1.8 GB at the peak; 64 MB 104–128 s and 2.0 GB (32 MB
 * was no lighter in memory and slower). Worker threads get theirs from tsWorker().
 */
export const MAIN_SEMI_SPACE_MB = 64;

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  let spill: string | undefined;
  try {
    const args = parseArgs(argv);
    if (typeof args === 'string') {
      io.err(`error: ${args}`);
      io.err(USAGE);
      return 1;
    }
    if (args.help) {
      io.out(USAGE);
      return 0;
    }
    const progress = io.progress ?? (() => {});
    progress('reading sources', 0, 1);
    const sources = await readSources(args.sources);
    progress('reading sources', 1, 1);
    // The search worker's shards wait on disk beside the dataset, not in memory (SpilledFile);
    // the folder is made only when a big import starts the worker.
    const folder = besideDataset(args.out, 'search');
    const result = await buildDatasetInParallel(sources, io.now().toISOString(), progress, () => {
      mkdirSync((spill = folder), { recursive: true });
      return startSearchWorker({}, folder);
    });
    io.progress?.end?.();
    const problems = [...sources.errors, ...result.errors];
    for (const e of problems) io.err(formatError(e));
    const warnings = problems.filter((e) => e.warning).length;
    const skipped = result.skipped + sources.unreadable.length;
    const extras = [
      ...(result.merged > 0 ? [`${result.merged} duplicate${result.merged === 1 ? '' : 's'} merged`] : []),
      ...(warnings > 0 ? [`${warnings} warning${warnings === 1 ? '' : 's'}`] : []),
    ];
    io.out(`${result.imported} imported, ${skipped} skipped${extras.map((x) => `, ${x}`).join('')}`);
    // A build that imported nothing because of errors never replaces a dataset.
    if (!result.files || (result.imported === 0 && skipped > 0)) {
      io.out(`nothing written: fix the errors above (${args.out} is unchanged)`);
      return 1;
    }
    const written = await writeDataset(args.out, result.files, (done, total) => progress('writing', done, total), result.later);
    io.progress?.end?.();
    io.out(`wrote ${written} files to ${args.out}`);
    return skipped > 0 ? 1 : 0;
  } catch (e) {
    io.err(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    if (spill) await rm(spill, { recursive: true, force: true });
  }
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
