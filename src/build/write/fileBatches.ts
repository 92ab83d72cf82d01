/**
 * Files on their way to disk in batches: many files' bytes in one buffer, and
 * where each goes. write.ts serialises the dataset into batches; a batch is
 * written here, on the same thread for a small dataset, or on a writer thread
 * (writeWorker.ts) for a big one, so that the system calls of 100 000 files —
 * half of the writing — run on the second core while the first serialises the
 * next files. Node only.
 */
import { type Hash, createHash } from 'node:crypto';
import { closeSync, copyFileSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** A file of a batch: its path under the batch's folder, its bytes (a range of the buffer) or a file to move there, and the hashes it feeds. */
export type BatchFile = [path: string, source: [start: number, end: number] | string, covers: readonly number[]];

export interface Batch {
  buffer: ArrayBuffer;
  files: BatchFile[];
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

/** Writes (or moves) each file of `batch` into `root`, in order, feeding its bytes to the hashes that cover it. */
export function writeBatch(root: string, { buffer, files }: Batch, hashes: readonly Hash[]): void {
  for (const [path, source, covers] of files) {
    const target = join(root, path);
    if (typeof source === 'string') {
      if (covers.length > 0) {
        const bytes = readFileSync(source);
        for (const k of covers) hashes[k]?.update(bytes);
      }
      move(source, target);
      continue;
    }
    const bytes = new Uint8Array(buffer, source[0], source[1] - source[0]);
    for (const k of covers) hashes[k]?.update(bytes);
    // One open-write-close each: for tens of thousands of small files several
    // times faster than the promise API's three thread-pool trips.
    const fd = openSync(target, 'w');
    try {
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    } finally {
      closeSync(fd);
    }
  }
}

/** What a writer thread is told: start a set of hashes, write a batch, or give the hashes' digests. */
export type WriterMessage = { hashes: number } | { batch: Batch } | { digest: true };
/** What it answers: a batch written, the digests (sha-256, hex), or why it failed. */
export type WriterAnswer = { written: true } | { digests: string[] };

/** The writer's side, on whichever thread: the messages above, applied in order under `root`. */
export function batchWriter(root: string): (message: WriterMessage) => WriterAnswer {
  let hashes: Hash[] = [];
  return (message) => {
    if ('hashes' in message) {
      hashes = Array.from({ length: message.hashes }, () => createHash('sha256'));
      return { written: true };
    }
    if ('batch' in message) {
      writeBatch(root, message.batch, hashes);
      return { written: true };
    }
    const digests = hashes.map((h) => h.digest('hex'));
    hashes = [];
    return { digests };
  };
}
