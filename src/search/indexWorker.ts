/**
 * The search index built in a worker thread (buildIndexInWorker.ts starts it):
 * workerData is { opts: IndexOptions, done: SharedArrayBuffer }; the inputs come
 * one shard's worth at a time, in shard order, as messages { lang, inputs }, then
 * null. Each part is built as it comes and let go; after each, the worker counts
 * it in `done` and says 'more', so the other thread sends the next parts only as
 * they are needed (the whole input never waits here at once). The answer is the
 * search files as [path, isBytes, value], a shard as its UTF-8 bytes (moved, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { JsonText } from '../lib/jsonText.ts';
import { LANGS, type Lang } from '../model/article.ts';
import { type IndexInput, type IndexOptions, LanguageShards } from './buildIndex.ts';

const { opts, done } = workerData as { opts: IndexOptions; done: SharedArrayBuffer };
const counter = new Int32Array(done);
const builders = new Map<Lang, LanguageShards>();
parentPort?.on('message', (part: { lang: Lang; inputs: IndexInput[] } | null) => {
  if (part) {
    let builder = builders.get(part.lang);
    if (!builder) builders.set(part.lang, (builder = new LanguageShards(part.lang, opts)));
    builder.add(part.inputs);
    Atomics.add(counter, 0, 1);
    parentPort?.postMessage('more');
    return;
  }
  const files = new Map<string, unknown>();
  for (const lang of LANGS) for (const [path, value] of (builders.get(lang) ?? new LanguageShards(lang, opts)).finish()) files.set(path, value);
  builders.clear();
  const moved: ArrayBuffer[] = [];
  const entries = [...files].map(([path, value]) => {
    if (!(value instanceof JsonText) || !value.bytes) return [path, false, value];
    moved.push(value.bytes.buffer as ArrayBuffer);
    return [path, true, value.bytes];
  });
  parentPort?.postMessage(entries, moved);
  parentPort?.close();
});
