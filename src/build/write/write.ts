/**
 * Put the dataset on disk. The new dataset is written beside the old one, in
 * `.<name>.tmp-<pid>`, and swapped in by two renames (the old one to
 * `.<name>.old-<pid>`, the new one in its place), so the folder is always the
 * old dataset or the new one, whole, never a half-written or half-deleted one.
 * A run killed between the two renames leaves the old dataset beside the
 * folder: the next run (recoverDataset) puts it back before anything else, and
 * removes what dead runs left (docs/adr/0010-archive-and-swap.md). A folder that holds
 * something other than a dataset is never cleared. Files
 * are serialised into batches of bytes (fileBatches.ts); a big dataset's
 * hashed files (the articles) go to a writer thread (writeWorker.ts), the
 * others to a second one in between, so both cores create files while this
 * thread serialises.
 */
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AfterWritten, JsonText, SpilledFile, jsonText } from '../lib/jsonText.ts';
import { type Thread, startThread } from '../lib/workers.ts';
import { type BatchFile, type WriteCounts, type WriterAnswer, type WriterData, type WriterMessage, batchWriter } from './fileBatches.ts';
import { readFileSync } from 'node:fs';

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

/** The work folders a run makes beside the dataset: staging, the old dataset being swapped out, the search shards. */
const WORK_FOLDERS = ['tmp', 'old', 'search'] as const;

/** Whether a process with this id is running (EPERM: it is, but not ours to signal). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Undo what a killed run left beside the dataset folder `outDir`: when the
 * folder is missing because a run died between its two renames, the old
 * dataset it had moved aside is put back; every other work folder of a process
 * that is no longer running is removed. Work folders of running processes are
 * left alone. Gives what it did, one line each.
 */
export async function recoverDataset(outDir: string): Promise<string[]> {
  const dir = resolve(outDir);
  const parent = dirname(dir);
  const name = basename(dir);
  let entries: string[];
  try {
    entries = await readdir(parent);
  } catch {
    return [];
  }
  const pattern = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(${WORK_FOLDERS.join('|')})-(\\d+)$`);
  const leftovers = entries
    .map((entry) => ({ entry, match: pattern.exec(entry) }))
    .filter(({ match }) => match && Number(match[2]) !== process.pid && !alive(Number(match[2])))
    .map(({ entry, match }) => ({ path: join(parent, entry), kind: match?.[1] as (typeof WORK_FOLDERS)[number] }));
  const done: string[] = [];
  // the old dataset of a run killed between its two renames: back in place
  const old = leftovers.find((l) => l.kind === 'old' && existsSync(join(l.path, 'manifest.json')));
  if (old && !existsSync(dir)) {
    await rename(old.path, dir);
    done.push(`restored ${outDir} from ${basename(old.path)} (a run was stopped while swapping)`);
  }
  for (const l of leftovers) {
    if (l === old && !existsSync(l.path)) continue;
    await rm(l.path, { recursive: true, force: true });
    done.push(`removed ${basename(l.path)}, left by a run that was stopped`);
  }
  return done;
}

/** Bytes of a batch sent to the writer at once. */
const BATCH_BYTES = 1 << 20;
/** Batches sent before the writer has written them: more would only hold memory. */
const AHEAD = 4;
/** Datasets with fewer files than this are written on this thread: a writer thread would cost more to start. */
export const PARALLEL_WRITE_FILES = 2000;

/** Where batches go: applied in the order sent; each answer settles in that order (a Thread, or this thread). */
type Sink = Thread<WriterMessage, WriterAnswer>;

function inlineSink(data: WriterData): Sink {
  const apply = batchWriter(data);
  return { request: async (message) => apply(message), close: async () => {} };
}

const threadSink = (data: WriterData): Sink => startThread(new URL('./writeWorker.ts', import.meta.url), { workerData: data });

/** The files a sink wrote anew and kept (linked to the previous dataset's). */
async function countsOf(sink: Sink): Promise<WriteCounts> {
  const answer = await sink.request({ counts: true });
  return 'counts' in answer ? answer.counts : { written: 0, kept: 0 };
}

/**
 * The previous manifest when the new one differs from it only in `builtAt`:
 * then nothing changed, and the dataset is left as it was, manifest included
 * (builtAt is when the dataset last changed).
 */
function unchangedManifest(dir: string, made: unknown): unknown {
  try {
    const old = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    const now = made as Record<string, unknown>;
    return JSON.stringify({ ...old, builtAt: now.builtAt }) === JSON.stringify(now) ? old : made;
  } catch {
    return made;
  }
}

/**
 * Serialises files into batches (fileBatches.ts) and sends them to a sink,
 * at most AHEAD batches ahead of it.
 */
class Batcher {
  readonly #sink: Sink;
  readonly #encoder = new TextEncoder();
  readonly #sent: Array<Promise<WriterAnswer>> = [];
  #buffer = new Uint8Array(BATCH_BYTES);
  #at = 0;
  #files: BatchFile[] = [];

  constructor(sink: Sink) {
    this.#sink = sink;
  }

  #send(message: WriterMessage, transfer?: ArrayBuffer[]): Promise<WriterAnswer> {
    const answer = this.#sink.request(message, transfer);
    answer.catch(() => {}); // reported when awaited, in order
    this.#sent.push(answer);
    return answer;
  }

  /** Sends what is gathered; a promise to wait for when the sink is behind. */
  flush(): Promise<unknown> | undefined {
    if (this.#files.length === 0) return undefined;
    const buffer = this.#buffer.buffer as ArrayBuffer;
    this.#send({ batch: { buffer, files: this.#files } }, [buffer]);
    this.#buffer = new Uint8Array(BATCH_BYTES);
    this.#at = 0;
    this.#files = [];
    return this.#sent.length > AHEAD ? this.#sent.shift() : undefined;
  }

  /** Starts `n` hashes for the files that follow (their `covers` count from 0). */
  hashes(n: number): void {
    void this.flush();
    this.#send({ hashes: n });
  }

  /** Adds a file (its JSON text and a newline); a promise to wait for when the sink is behind. */
  add(path: string, value: unknown, covers: readonly number[]): Promise<unknown> | undefined {
    if (value instanceof SpilledFile) {
      this.#files.push([path, value.path, covers]);
      return undefined;
    }
    const start = this.#at;
    if (value instanceof JsonText && value.bytes) {
      const room = value.bytes.length + 1;
      if (this.#at + room > this.#buffer.length) return this.#after(this.flush(), () => this.#grow(room) ?? this.add(path, value, covers));
      this.#buffer.set(value.bytes, this.#at);
      this.#at += value.bytes.length;
    } else {
      const text = jsonText(value);
      const { read, written } = this.#encoder.encodeInto(text, this.#buffer.subarray(this.#at));
      if (read < text.length || this.#at + written >= this.#buffer.length) {
        return this.#after(this.flush(), () => this.#grow(text.length * 3 + 1) ?? this.add(path, value, covers));
      }
      this.#at += written;
    }
    this.#buffer[this.#at++] = 10; // newline
    this.#files.push([path, [start, this.#at], covers]);
    return this.#at >= this.#buffer.length - 256 ? this.flush() : undefined;
  }

  /** Makes room for one file bigger than a batch (the batch is empty). */
  #grow(room: number): undefined {
    if (this.#at === 0 && room > this.#buffer.length) this.#buffer = new Uint8Array(room);
    return undefined;
  }

  #after(wait: Promise<unknown> | undefined, then: () => Promise<unknown> | undefined): Promise<unknown> | undefined {
    return wait ? wait.then(then) : then();
  }

  /** Waits until every batch sent so far is written. */
  async drain(): Promise<void> {
    void this.flush();
    for (const sent of this.#sent.splice(0)) await sent;
  }

  /** Waits until every batch is written; gives the digests of the last set of hashes. */
  async digests(): Promise<string[]> {
    void this.flush();
    const answer = this.#send({ digest: true });
    await this.drain();
    const last = await answer;
    return 'digests' in last ? last.digests : [];
  }
}

/** Write `files` (relative path → JSON value) as compact JSON into `outDir`, replacing what was there; gives the number of files. */
export async function writeDataset(
  outDir: string,
  files: ReadonlyMap<string, unknown>,
  progress: (done: number, total: number) => void = () => {},
  /** more files, still being made: written after `files`, before the new dataset is swapped in */
  later?: Promise<ReadonlyMap<string, unknown>>,
  {
    step = () => {},
    counts,
  }: {
    /** called at each step of the swap (tests stop the process there) */
    step?: (name: 'staged' | 'moved-old' | 'swapped') => void;
    /** filled in: files written anew, and files the same as the old dataset's (linked, not written) */
    counts?: WriteCounts;
  } = {},
): Promise<number> {
  const dir = resolve(outDir);
  await recoverDataset(outDir);
  const exists = await assertReplaceable(dir);
  const staging = besideDataset(outDir, 'tmp');
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const threaded = files.size >= PARALLEL_WRITE_FILES;
  const data: WriterData = { root: staging, ...(exists && { previous: dir }) };
  const sink = threaded ? threadSink(data) : inlineSink(data);
  // On a big write the files no hash covers go to a second writer thread, in
  // between the first one's batches: two threads creating files in different
  // folders are faster than one (the hashed files keep their order, so they
  // all go to the first), and this thread is left to serialise.
  const otherSink = threaded ? threadSink(data) : sink;
  try {
    const batcher = new Batcher(sink);
    const others = threaded ? new Batcher(otherSink) : batcher;
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
      const pending = [...batch].filter((entry): entry is [string, AfterWritten] => entry[1] instanceof AfterWritten);
      batcher.hashes(pending.length);
      const shared: Array<[string, unknown, number[]]> = [];
      const own: Array<[string, unknown]> = [];
      for (const [path, value] of batch) {
        if (value instanceof AfterWritten) continue;
        const covers: number[] = [];
        pending.forEach(([, after], k) => {
          if (after.covers(path)) covers.push(k);
        });
        if (covers.length > 0 || others === batcher) shared.push([path, value, covers]);
        else own.push([path, value]);
      }
      // The two kinds interleaved evenly, each in its own order.
      for (let s = 0, o = 0; s < shared.length || o < own.length; ) {
        const next = s < shared.length && (o >= own.length || s * own.length <= o * shared.length) ? shared[s++] : undefined;
        const wait = next ? batcher.add(...next) : others.add(...(own[o++] as [string, unknown]), []);
        if (wait) await wait;
        if (++done % 2000 === 0) {
          progress(done, total);
          await new Promise((r) => setImmediate(r)); // let the progress bar draw
        }
      }
      if (others !== batcher) await others.drain();
      const digests = await batcher.digests();
      for (const [k, [path, after]] of pending.entries()) {
        const made = after.make(digests[k] ?? '');
        await others.add(path, exists && path === 'manifest.json' ? unchangedManifest(dir, made) : made, []);
        done++;
      }
      await others.drain();
    };
    progress(0, total);
    await put(files);
    if (later) {
      const more = await later;
      total += more.size;
      await put(more);
    }
    progress(total, total);
    if (counts) {
      for (const c of otherSink === sink ? [await countsOf(sink)] : [await countsOf(sink), await countsOf(otherSink)]) {
        counts.written += c.written;
        counts.kept += c.kept;
      }
    }
    await sink.close();
    await otherSink.close();
    step('staged');
    await mkdir(dirname(dir), { recursive: true });
    // Two renames, never a delete in place: the folder is the old dataset, then
    // (after a moment without it) the new one; recoverDataset mends a stop between.
    const old = besideDataset(outDir, 'old');
    if (exists) {
      await rm(old, { recursive: true, force: true });
      await rename(dir, old);
      step('moved-old');
    }
    await rename(staging, dir);
    step('swapped');
    if (exists) await rm(old, { recursive: true, force: true });
    return total;
  } catch (e) {
    await sink.close();
    await otherSink.close();
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
}
