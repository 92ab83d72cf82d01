/**
 * The search index built on a worker thread (buildIndexInWorker.ts starts it):
 * workerData is { opts: IndexOptions, spill?: folder }; each request is one
 * shard's worth of inputs, in shard order, built as it comes and let go
 * (answered with null), then null: finish. With `spill`, each shard is written
 * to a file there as soon as it is built and only its path is kept. The last
 * answer is the search files as [path, kind, value]: a value, a shard's UTF-8
 * bytes (moved, not copied), or the path of a spilled shard.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';
import { JsonText, SpilledFile } from '../lib/jsonText.ts';
import { Moved, serve } from '../lib/workers.ts';
import { LANGS, type Lang } from '../../core/model/article.ts';
import { type IndexOptions, LanguageShards } from './buildIndex.ts';
import type { IndexPart, WorkerFile } from './buildIndexInWorker.ts';

const { opts, spill } = workerData as { opts: IndexOptions; spill?: string };
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

serve((part: IndexPart): Moved<WorkerFile[]> | null => {
  if (part) {
    let builder = builders.get(part.lang);
    if (!builder) builders.set(part.lang, (builder = new LanguageShards(part.lang, { ...opts, keep })));
    builder.add(part.inputs);
    return null;
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
  return new Moved(entries, moved);
});
