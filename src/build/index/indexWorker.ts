/**
 * The search index built in a worker thread (buildIndexInWorker.ts starts it):
 * workerData is { opts: IndexOptions, done: SharedArrayBuffer, spill?: folder };
 * the inputs come one shard's worth at a time, in shard order, as messages
 * { lang, inputs }, then null. Each part is built as it comes and let go; after
 * each, the worker counts it in `done` and says 'more', so the other thread
 * sends the next parts only as they are needed (the whole input never waits
 * here at once). With `spill`, each shard is written to a file there as soon as
 * it is built and only its path is kept. The answer is the search files as
 * [path, kind, value]: a value, a shard's UTF-8 bytes (moved, not copied), or
 * the path of a spilled shard.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { JsonText, SpilledFile } from '../lib/jsonText.ts';
import { LANGS, type Lang } from '../../core/model/article.ts';
import { type IndexInput, type IndexOptions, LanguageShards } from './buildIndex.ts';
import type { WorkerFile } from './buildIndexInWorker.ts';

const { opts, done, spill } = workerData as { opts: IndexOptions; done: SharedArrayBuffer; spill?: string };
const counter = new Int32Array(done);
const builders = new Map<Lang, LanguageShards>();
let spilled = 0;
const keep =
  spill === undefined
    ? undefined
    : (bytes: Uint8Array): SpilledFile => {
        const path = join(spill, `${spilled++}.json`);
        writeFileSync(path, bytes);
        return new SpilledFile(path);
      };
parentPort?.on('message', (part: { lang: Lang; inputs: IndexInput[] } | null) => {
  if (part) {
    let builder = builders.get(part.lang);
    if (!builder) builders.set(part.lang, (builder = new LanguageShards(part.lang, { ...opts, keep })));
    builder.add(part.inputs);
    Atomics.add(counter, 0, 1);
    parentPort?.postMessage('more');
    return;
  }
  const files = new Map<string, unknown>();
  for (const lang of LANGS) for (const [path, value] of (builders.get(lang) ?? new LanguageShards(lang, opts)).finish()) files.set(path, value);
  builders.clear();
  const moved: ArrayBuffer[] = [];
  const entries = [...files].map(([path, value]): WorkerFile => {
    if (value instanceof SpilledFile) return [path, 'spilled', value.path];
    if (!(value instanceof JsonText) || !value.bytes) return [path, 'value', value];
    moved.push(value.bytes.buffer as ArrayBuffer);
    return [path, 'bytes', value.bytes];
  });
  parentPort?.postMessage(entries, moved);
  parentPort?.close();
});
