/**
 * The search index built on a worker thread (buildIndexInWorker.ts starts it):
 * workerData is { opts: IndexOptions, spill?: folder }; each request is a
 * batch of inputs, in index order, read as it comes and let go (answered with
 * null), then null: finish. With `spill`, each file is written to a file there
 * as soon as it is built and only its path is kept. The last answer is the
 * search files as [path, kind, value]: a value, a file's UTF-8 bytes (moved,
 * not copied), or the path of a spilled file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';
import { JsonText, SpilledFile } from '../lib/jsonText.ts';
import { Moved, serve } from '../lib/workers.ts';
import { LANGS, type Lang } from '../../core/model/article.ts';
import { type IndexOptions, type LanguageIndex, languageIndex } from './buildIndex.ts';
import type { IndexPart, WorkerFile } from './buildIndexInWorker.ts';

const { opts, spill } = workerData as { opts: IndexOptions; spill?: string };
const builders = new Map<Lang, LanguageIndex>();
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
    if (!builder) builders.set(part.lang, (builder = languageIndex(part.lang, { ...opts, keep })));
    builder.add(part.inputs);
    return null;
  }
  const files = new Map<string, unknown>();
  for (const lang of LANGS) for (const [path, value] of (builders.get(lang) ?? languageIndex(lang, opts)).finish()) files.set(path, value);
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
