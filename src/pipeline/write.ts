/**
 * Put the dataset on disk. The new dataset is written beside the old one and
 * swapped in at the end, so a reader (or `vite dev`) never sees half a dataset;
 * a folder that holds something other than a dataset is never cleared.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AfterWritten, JsonText, SpilledFile, jsonText } from '../lib/jsonText.ts';

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

/** A work folder of this process beside the dataset folder: `.<name>.<purpose>-<pid>` (docs/DATA.md). */
export function besideDataset(outDir: string, purpose: string): string {
  const dir = resolve(outDir);
  return join(dirname(dir), `.${basename(dir)}.${purpose}-${process.pid}`);
}

/** Move a file; across file systems, copy it and delete the original. */
function move(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    copyFileSync(from, to);
    unlinkSync(from);
  }
}

/** Write `files` (relative path → JSON value) as compact JSON into `outDir`, replacing what was there; gives the number of files. */
export async function writeDataset(
  outDir: string,
  files: ReadonlyMap<string, unknown>,
  progress: (done: number, total: number) => void = () => {},
  /** more files, still being made: written after `files`, before the new dataset is swapped in */
  later?: Promise<ReadonlyMap<string, unknown>>,
): Promise<number> {
  const dir = resolve(outDir);
  const exists = await assertReplaceable(dir);
  const staging = besideDataset(outDir, 'tmp');
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
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
      // Synchronous writes: for tens of thousands of small files one open-write-close
      // each is several times faster than the promise API's three thread-pool trips.
      const newline = new Uint8Array([10]);
      const pending = [...batch].filter((entry): entry is [string, AfterWritten] => entry[1] instanceof AfterWritten);
      const hashes = pending.map(() => createHash('sha256'));
      /** feeds a written file to the hashes that cover it */
      const hash = (path: string, bytes: () => Uint8Array): void => {
        pending.forEach(([, after], k) => {
          if (after.covers(path)) hashes[k]?.update(bytes());
        });
      };
      const write = (path: string, value: unknown): void => {
        const target = resolve(staging, path);
        if (value instanceof SpilledFile) {
          hash(path, () => readFileSync(value.path));
          return move(value.path, target);
        }
        const bytes = value instanceof JsonText && value.bytes ? Buffer.concat([value.bytes, newline]) : Buffer.from(`${jsonText(value)}\n`, 'utf8');
        hash(path, () => bytes);
        writeFileSync(target, bytes);
      };
      for (const [path, value] of batch) {
        if (value instanceof AfterWritten) continue;
        write(path, value);
        if (++done % 2000 === 0) {
          progress(done, total);
          await new Promise((r) => setImmediate(r)); // let the progress bar draw
        }
      }
      pending.forEach(([path, after], k) => {
        write(path, after.make(hashes[k]?.digest('hex') ?? ''));
        done++;
      });
    };
    progress(0, total);
    await put(files);
    if (later) {
      const more = await later;
      total += more.size;
      await put(more);
    }
    progress(total, total);
    if (exists) await rm(dir, { recursive: true, force: true });
    await mkdir(dirname(dir), { recursive: true });
    await rename(staging, dir);
    return total;
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
}
