/**
 * The writer thread of a big import (write.ts starts it): workerData is the
 * staging folder; each message (fileBatches.ts) is applied in order and
 * answered, a failure with its message, after which nothing more is written.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type WriterMessage, batchWriter } from './fileBatches.ts';

const apply = batchWriter(workerData as string);
let failed = false;
parentPort?.on('message', (message: WriterMessage) => {
  if (failed) return;
  try {
    parentPort?.postMessage(apply(message));
  } catch (e) {
    failed = true;
    parentPort?.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
});
