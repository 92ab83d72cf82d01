/**
 * The search index built in a worker thread (buildIndexInWorker.ts starts it):
 * workerData is the IndexOptions; the inputs come as messages of IndexInput[],
 * then null; the answer is searchFiles()' files (built letting the inputs go as it goes) as [path, isBytes, value], a
 * shard as its UTF-8 bytes (moved, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { JsonText } from '../lib/jsonText.ts';
import { type IndexInput, type IndexOptions, searchFilesConsuming } from './buildIndex.ts';

const opts = workerData as IndexOptions;
let inputs: IndexInput[] = [];
parentPort?.on('message', (chunk: IndexInput[] | null) => {
  if (chunk) {
    for (const input of chunk) inputs.push(input);
    return;
  }
  const files = searchFilesConsuming(inputs, opts);
  inputs = [];
  const moved: ArrayBuffer[] = [];
  const entries = [...files].map(([path, value]) => {
    if (!(value instanceof JsonText) || !value.bytes) return [path, false, value];
    moved.push(value.bytes.buffer as ArrayBuffer);
    return [path, true, value.bytes];
  });
  parentPort?.postMessage(entries, moved);
  parentPort?.close();
});
