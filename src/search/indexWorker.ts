/**
 * The search index built in a worker thread (buildIndexInWorker.ts starts it):
 * workerData is { inputs, opts } for searchFiles(); the answer is its files,
 * as [path, isText, value] (a shard is its JSON text).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { JsonText } from '../lib/jsonText.ts';
import { type IndexInput, type IndexOptions, searchFiles } from './buildIndex.ts';

const { inputs, opts } = workerData as { inputs: IndexInput[]; opts: IndexOptions };
const files = searchFiles(inputs, opts);
parentPort?.postMessage([...files].map(([path, value]) => (value instanceof JsonText ? [path, true, value.text] : [path, false, value])));
