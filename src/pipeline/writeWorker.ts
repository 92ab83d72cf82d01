/**
 * Files written on a worker thread (write.ts sends them): each message is a
 * batch { bytes, paths, ends } — the files' contents one after another in
 * `bytes`, file k ending at ends[k] — and each answer the number of the batch
 * written, or { failed } with the reason. The paths are absolute and their
 * folders exist. Node only.
 */
import { writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

export interface WriteBatch {
  id: number;
  bytes: Uint8Array;
  paths: string[];
  ends: number[];
}

parentPort?.on('message', ({ id, bytes, paths, ends }: WriteBatch) => {
  try {
    let start = 0;
    paths.forEach((path, k) => {
      const end = ends[k] as number;
      writeFileSync(path, bytes.subarray(start, end));
      start = end;
    });
    parentPort?.postMessage(id);
  } catch (e) {
    parentPort?.postMessage({ failed: e instanceof Error ? e.message : String(e) });
  }
});
