/**
 * npx tsx src/build/cli.ts [SOURCE ...] [--out DIR]      (npm run data -- …)
 *
 * Parses the arguments, runs the import (pipeline.ts), prints each problem as
 * `file:line: message` and a summary. Exit status 1 when a source was skipped
 * or unreadable, 0 otherwise.
 */
import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs as parseArgv } from 'node:util';
import { formatError } from './errors.ts';
import { runImport } from './pipeline.ts';
import { type ProgressFn, progressReporter } from './progress.ts';
import { type Retention } from './archive/archive.ts';
import { FETCH_TIMEOUT_MS } from './sources/fetch.ts';
import { besideDataset } from './write/write.ts';

export const DEFAULT_SOURCE_DIR = 'content/';
export const DEFAULT_OUT_DIR = 'public/data';

const USAGE = `usage: npm run data -- [SOURCE ...] [--out DIR] [--fresh] [--keep-days N] [--keep N] [--timeout SECONDS]
  SOURCE  feeds (RSS 2.0/1.0, Atom 1.0/0.3, JSON Feed 1.1/1.0, recognised by content), seed .txt
          files, sidecar .json files, topics.json, folders (default ${DEFAULT_SOURCE_DIR}),
          http(s) URLs of feeds, or OPML subscription lists (files or URLs)
  --out   where the dataset is (default ${DEFAULT_OUT_DIR}): what the sources carry is merged into
          the articles it holds, and the folder is replaced by the result
  --fresh      rebuild from the sources alone (forget the archive and what URLs answered last)
  --keep-days  keep only articles published in the last N days (their slugs stay reserved)
  --keep       keep only the newest N articles
  --timeout    seconds a URL may take in all (default ${FETCH_TIMEOUT_MS / 1000})`;

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
  timeoutMs?: number;
  fresh: boolean;
  keep: Retention;
}

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  timeout: { type: 'string' },
  fresh: { type: 'boolean' },
  'keep-days': { type: 'string' },
  keep: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The command line (util.parseArgs), or what is wrong with it. */
export function parseArgs(argv: readonly string[]): Args | string {
  const { values, positionals, tokens } = parseArgv({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  const unknown = tokens.find((t) => t.kind === 'option' && !(t.name in OPTIONS));
  if (unknown?.kind === 'option') return `unknown option ${unknown.rawName}`;
  const out = values.out ?? DEFAULT_OUT_DIR;
  if (typeof out !== 'string' || out === '') return '--out needs a folder';
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(timeout > 0)) return '--timeout needs a number of seconds';
  const keep: Retention = {};
  for (const [option, key] of [['keep-days', 'days'], ['keep', 'count']] as const) {
    const value = values[option];
    if (value === undefined) continue;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) return `--${option} needs a whole number, 1 or more`;
    keep[key] = n;
  }
  return {
    sources: positionals.length > 0 ? positionals : [DEFAULT_SOURCE_DIR],
    out,
    help: values.help === true,
    ...(timeout && { timeoutMs: timeout * 1000 }),
    fresh: values.fresh === true,
    keep,
  };
}

/**
 * Semi-space size of the main thread, MB: `npm run data` starts Node with
 * --max-semi-space-size set to this (package.json; a running thread's young
 * generation cannot be resized). Building 100 000 articles makes mostly
 * short-lived objects; with V8's default (16 MB) they are collected so often
 * that many are copied and promoted first. bench:data at 100 000 articles:
 * 16 MB 130–160 s and 1.8 GB at the peak; 64 MB 104–128 s and 2.0 GB (32 MB
 * was no lighter in memory and slower). Worker threads get theirs from lib/workers.ts.
 */
export const MAIN_SEMI_SPACE_MB = 64;

/**
 * How much V8 lets a heap grow past what was alive at its last full collection
 * (per cent): `npm run data` starts Node with --heap-growing-percent set to
 * this (package.json). V8's own factor lets a heap of a gigabyte of articles
 * grow by several hundred MB of garbage before it collects, on every thread of
 * the import: a tighter factor costs a little more collecting and keeps the
 * peak of a 100 000-article import under 2 GB (bench:data).
 */
export const HEAP_GROWING_PERCENT = 20;

/** The Node options `npm run data` runs with (package.json; bench:data gives its imports the same). */
export const NODE_FLAGS = [`--max-semi-space-size=${MAIN_SEMI_SPACE_MB}`, `--heap-growing-percent=${HEAP_GROWING_PERCENT}`];

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
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
    const { sources, output, written, counts } = await runImport(args.sources, args.out, io.now().toISOString(), {
      progress: io.progress ?? (() => {}),
      ...(args.timeoutMs && { fetch: { timeoutMs: args.timeoutMs } }),
      fresh: args.fresh,
      keep: args.keep,
      // The search worker's shards wait on disk beside the dataset, not in memory (SpilledFile);
      // the folder is made only when a big import starts the worker.
      spill: () => {
        mkdirSync((spill = besideDataset(args.out, 'search')), { recursive: true });
        return spill;
      },
    });
    io.progress?.end?.();
    const problems = [...sources.errors, ...output.errors];
    for (const e of problems) io.err(formatError(e));
    for (const url of sources.notModified ?? []) io.err(`${url}: not modified since the last run`);
    const warnings = problems.filter((e) => e.warning).length;
    const skipped = output.skipped + sources.unreadable.length;
    const extras = [
      ...(output.merged > 0 ? [`${output.merged} duplicate${output.merged === 1 ? '' : 's'} merged`] : []),
      ...(warnings > 0 ? [`${warnings} warning${warnings === 1 ? '' : 's'}`] : []),
      ...(output.archived > 0 ? [`${output.archived} kept from the archive`] : []),
      ...(output.dropped > 0 ? [`${output.dropped} older dropped (--keep)`] : []),
    ];
    io.out(`${output.imported} imported, ${skipped} skipped${extras.map((x) => `, ${x}`).join('')}`);
    if (written === 0) {
      io.out(`nothing written: fix the errors above (${args.out} is unchanged)`);
      return 1;
    }
    io.out(`wrote ${written} files to ${args.out} (${counts.written} new or changed, ${counts.kept} as they were)`);
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
