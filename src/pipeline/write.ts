/**
 * Put the dataset on disk. The new dataset is written beside the old one and
 * swapped in at the end, so a reader (or `vite dev`) never sees half a dataset;
 * a folder that holds something other than a dataset is never cleared.
 */
import { writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { JsonText, jsonText } from '../lib/jsonText.ts';
import { tsWorker } from '../lib/tsWorker.ts';
import type { WriteBatch } from './writeWorker.ts';

export class UnsafeOutDirError extends Error {}

/** Refuse to clear a folder that has files but no manifest.json (it is not a dataset). */
async function assertReplaceable(dir: string): Promise<boolean> {
  let entries: string[];
  try {
    if (!(await stat(dir)).isDirectory()) throw new UnsafeOutDirError(`${dir} exists and is not a folder`);
    entries = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
  if (entries.length > 0 && !entries.includes('manifest.json')) {
    throw new UnsafeOutDirError(`refusing to clear ${dir}: it has files and no manifest.json, so it is not a dataset folder`);
  }
  return true;
}

/** Fewer files than this are written in line: starting a worker would cost more. */
export const WORKER_FILES = 5000;
/** A batch for the writer thread: about this many bytes (one file may make it bigger). */
const BATCH_BYTES = 1 << 20;
/** Batches sent and not yet written: the main thread runs at most this far ahead. */
const IN_FLIGHT = 4;

/** Where the files go: put() each (a promise when the caller must wait), then end(). */
interface Sink {
  put(target: string, value: unknown): Promise<void> | undefined;
  end(): Promise<void>;
}

const NEWLINE = new Uint8Array([10]);

/** The file's bytes: compact JSON and a newline. */
function fileBytes(value: unknown): string | Uint8Array {
  return value instanceof JsonText && value.bytes ? Buffer.concat([value.bytes, NEWLINE]) : `${jsonText(value)}\n`;
}

/** Writes on this thread. Synchronous writes: for tens of thousands of small files one open-write-close each is several times faster than the promise API's three thread-pool trips. */
function inLine(): Sink {
  return {
    put(target, value) {
      const bytes = fileBytes(value);
      if (typeof bytes === 'string') writeFileSync(target, bytes, 'utf8');
      else writeFileSync(target, bytes);
      return undefined;
    },
    end: async () => {},
  };
}

/**
 * Writes on a worker thread (writeWorker.ts): this thread makes each file's
 * JSON and packs it into batches of about BATCH_BYTES, moved (not copied) to
 * the worker, which makes the system calls — a second core's work while this
 * one makes the next files. When the worker fails, the files of every batch
 * not yet written, and all the rest, are written in line.
 */
export function onWorker(start: () => Worker = () => tsWorker(new URL('./writeWorker.ts', import.meta.url))): Sink {
  const fallback = inLine();
  let worker: Worker | undefined = start();
  const encoder = new TextEncoder();
  /** batches sent and not written yet: what they hold, to write again if the worker fails */
  const sent = new Map<number, Array<[string, unknown]>>();
  let waiting: (() => void) | undefined;
  let failed = false;
  let serial = 0;
  let bytes = new Uint8Array(BATCH_BYTES);
  let used = 0;
  let files: Array<[string, unknown]> = [];
  let ends: number[] = [];
  const fail = (): void => {
    if (failed) return;
    failed = true;
    void worker?.terminate();
    worker = undefined;
    for (const batch of sent.values()) for (const [target, value] of batch) fallback.put(target, value);
    sent.clear();
    waiting?.();
  };
  worker.on('message', (answer: number | { failed: string }) => {
    if (typeof answer !== 'number') return fail();
    sent.delete(answer);
    if (sent.size < IN_FLIGHT) waiting?.();
  });
  worker.once('error', fail);
  worker.once('exit', fail);
  const flush = (): void => {
    if (files.length === 0) return;
    const id = serial++;
    const batch: WriteBatch = { id, bytes: bytes.subarray(0, used), paths: files.map(([target]) => target), ends };
    sent.set(id, files);
    worker?.postMessage(batch, [bytes.buffer]);
    bytes = new Uint8Array(BATCH_BYTES);
    used = 0;
    files = [];
    ends = [];
  };
  const room = (size: number): void => {
    if (used + size <= bytes.length) return;
    flush();
    if (size > bytes.length) bytes = new Uint8Array(size);
  };
  return {
    put(target, value) {
      if (failed) return fallback.put(target, value);
      const data = fileBytes(value);
      if (typeof data === 'string') {
        // at most 3 bytes per UTF-16 unit; encoded straight into the batch
        let { read, written } = encoder.encodeInto(data, bytes.subarray(used));
        if (read < data.length) {
          room(data.length * 3);
          ({ read, written } = encoder.encodeInto(data, bytes.subarray(used)));
        }
        used += written;
      } else {
        room(data.length);
        bytes.set(data, used);
        used += data.length;
      }
      files.push([target, value]);
      ends.push(used);
      if (used < BATCH_BYTES) return undefined;
      flush();
      if (sent.size < IN_FLIGHT) return undefined;
      return new Promise<void>((resolve) => {
        waiting = () => {
          waiting = undefined;
          resolve();
        };
      });
    },
    async end() {
      flush();
      while (!failed && sent.size > 0) await new Promise<void>((resolve) => (waiting = resolve));
      waiting = undefined;
      worker?.off('exit', fail);
      await worker?.terminate();
    },
  };
}

export interface WriteOptions {
  /** where the files go (default: a worker thread for WORKER_FILES files or more, else this thread) */
  sink?: () => Sink;
}

/** Write `files` (relative path → JSON value) as compact JSON into `outDir`, replacing what was there; gives the number of files. */
export async function writeDataset(
  outDir: string,
  files: ReadonlyMap<string, unknown>,
  progress: (done: number, total: number) => void = () => {},
  /** more files, still being made: written after `files`, before the new dataset is swapped in */
  later?: Promise<ReadonlyMap<string, unknown>>,
  { sink }: WriteOptions = {},
): Promise<number> {
  const dir = resolve(outDir);
  const exists = await assertReplaceable(dir);
  const staging = join(dirname(dir), `.${basename(dir)}.tmp-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const out = sink ? sink() : files.size >= WORKER_FILES ? onWorker() : inLine();
  try {
    let done = 0;
    let total = files.size;
    const put = async (batch: ReadonlyMap<string, unknown>): Promise<void> => {
      const folders = new Set<string>();
      for (const path of batch.keys()) folders.add(dirname(join(staging, path)));
      for (const folder of folders) await mkdir(folder, { recursive: true });
      for (const path of batch.keys()) {
        const target = resolve(staging, path);
        if (!target.startsWith(`${staging}/`)) throw new Error(`dataset path escapes the out folder: ${path}`);
      }
      for (const [path, value] of batch) {
        const wait = out.put(resolve(staging, path), value);
        if (wait) await wait;
        if (++done % 2000 === 0) {
          progress(done, total);
          await new Promise((r) => setImmediate(r)); // let the progress bar draw
        }
      }
    };
    progress(0, total);
    await put(files);
    if (later) {
      const more = await later;
      total += more.size;
      await put(more);
    }
    await out.end();
    progress(total, total);
    if (exists) await rm(dir, { recursive: true, force: true });
    await mkdir(dirname(dir), { recursive: true });
    await rename(staging, dir);
    return total;
  } catch (e) {
    await out.end().catch(() => {});
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
}
