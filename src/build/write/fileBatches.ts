/**
 * Files on their way to disk in batches: many files' bytes in one buffer, and
 * where each goes. write.ts serialises the dataset into batches; a batch is
 * written here, on the same thread for a small dataset, or on a writer thread
 * (writeWorker.ts) for a big one, so that the system calls of 100 000 files —
 * half of the writing — run on the second core while the first serialises the
 * next files. Node only.
 */
import { type Hash, createHash } from 'node:crypto';
import { closeSync, copyFileSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
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

/** Files written anew, and files the same as the previous dataset's (linked to them, not written). */
export interface WriteCounts {
  written: number;
  kept: number;
}

/**
 * When the previous dataset has the file with the same bytes, a hard link to
 * it: the file is not written again, and keeps its modification time, so a
 * sync to a host (rsync, an object store) sees nothing to upload. False when
 * there is no such file (or links are not possible there).
 */
function keepPrevious(previous: string | undefined, path: string, target: string, bytes: Uint8Array): boolean {
  if (previous === undefined) return false;
  const old = join(previous, path);
  try {
    if (statSync(old).size !== bytes.length || !readFileSync(old).equals(bytes)) return false;
    linkSync(old, target);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes (or moves) each file of `batch` into `root`, in order, feeding its
 * bytes to the hashes that cover it; a file the same as in `previous` (the old
 * dataset) is linked to it instead of written.
 */
export function writeBatch(root: string, { buffer, files }: Batch, hashes: readonly Hash[], previous?: string, counts: WriteCounts = { written: 0, kept: 0 }): void {
  for (const [path, source, covers] of files) {
    const target = join(root, path);
    if (typeof source === 'string') {
      const bytes = readFileSync(source);
      for (const k of covers) hashes[k]?.update(bytes);
      if (keepPrevious(previous, path, target, bytes)) {
        unlinkSync(source);
        counts.kept++;
      } else {
        move(source, target);
        counts.written++;
      }
      continue;
    }
    const bytes = new Uint8Array(buffer, source[0], source[1] - source[0]);
    for (const k of covers) hashes[k]?.update(bytes);
    if (keepPrevious(previous, path, target, bytes)) {
      counts.kept++;
      continue;
    }
    counts.written++;
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

/** What a writer thread is told: start a set of hashes, write a batch, give the hashes' digests, or how many files it wrote and kept. */
export type WriterMessage = { hashes: number } | { batch: Batch } | { digest: true } | { counts: true };
/** What it answers: a batch written, the digests (sha-256, hex), the counts, or why it failed. */
export type WriterAnswer = { written: true } | { digests: string[] } | { counts: WriteCounts };

/** Where a writer writes: the staging folder, and the previous dataset (files the same are linked to it). */
export interface WriterData {
  root: string;
  previous?: string;
}

/** The writer's side, on whichever thread: the messages above, applied in order under `root`. */
export function batchWriter({ root, previous }: WriterData): (message: WriterMessage) => WriterAnswer {
  let hashes: Hash[] = [];
  const counts: WriteCounts = { written: 0, kept: 0 };
  return (message) => {
    if ('counts' in message) return { counts: { ...counts } };
    if ('hashes' in message) {
      hashes = Array.from({ length: message.hashes }, () => createHash('sha256'));
      return { written: true };
    }
    if ('batch' in message) {
      writeBatch(root, message.batch, hashes, previous, counts);
      return { written: true };
    }
    const digests = hashes.map((h) => h.digest('hex'));
    hashes = [];
    return { digests };
  };
}
