/**
 * searchFiles() (buildIndex.ts) in a worker thread, so the search index — the
 * biggest single step of an import — is built on the second core while the
 * pipeline finds related articles on the first. The same inputs give the same
 * files as the in-line build. Node only.
 */
import { JsonText } from '../lib/jsonText.ts';
import { tsWorker } from '../lib/tsWorker.ts';
import type { IndexInput, IndexOptions } from './buildIndex.ts';

export function searchFilesInWorker(inputs: readonly IndexInput[], opts: IndexOptions = {}): Promise<Map<string, unknown>> {
  return new Promise((resolve, reject) => {
    const worker = tsWorker(new URL('./indexWorker.ts', import.meta.url), { workerData: { inputs, opts } });
    worker.once('message', (entries: Array<[string, boolean, unknown]>) => {
      resolve(new Map(entries.map(([path, isText, value]) => [path, isText ? new JsonText(value as string) : value])));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the search index worker stopped (exit code ${code}) before it answered`)));
  });
}
