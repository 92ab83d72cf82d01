/**
 * What each URL source answered last (its ETag and Last-Modified), kept in a
 * small file beside the dataset, `.<name>.sources.json`, so the next run asks
 * conditionally and a feed that has not changed costs a 304. It is written only
 * after the dataset that holds those articles has been swapped in (a run stopped
 * before that asks in full again next time), atomically (a temporary file
 * renamed over it). A missing or broken file only means full requests.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Validators } from './fetch.ts';

export type SourceState = Record<string, Validators & { fetchedAt?: string }>;

export function statePath(outDir: string): string {
  const dir = resolve(outDir);
  return join(dirname(dir), `.${basename(dir)}.sources.json`);
}

export async function readState(outDir: string): Promise<SourceState> {
  try {
    const parsed: unknown = JSON.parse(await readFile(statePath(outDir), 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as SourceState) : {};
  } catch {
    return {};
  }
}

export async function writeState(outDir: string, state: SourceState): Promise<void> {
  const path = statePath(outDir);
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, `${JSON.stringify(state, null, 1)}\n`);
  await rename(tmp, path);
}
