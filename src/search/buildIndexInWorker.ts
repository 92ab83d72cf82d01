/**
 * searchFiles() (buildIndex.ts) in a worker thread, so the search index — the
 * biggest single step of an import — is built on the second core while the
 * pipeline finds related articles on the first. The same inputs give the same
 * files as the in-line build. Node only.
 *
 * The pipeline runs TypeScript through tsx, and a worker thread does not
 * inherit its loader: the worker registers tsx before it loads indexWorker.ts.
 */
import { Worker } from 'node:worker_threads';
import { JsonText } from '../lib/jsonText.ts';
import type { IndexInput, IndexOptions } from './buildIndex.ts';

const TSX_API = 'tsx/esm/api';

export function searchFilesInWorker(inputs: readonly IndexInput[], opts: IndexOptions = {}): Promise<Map<string, unknown>> {
  return new Promise((resolve, reject) => {
    const entry = new URL('./indexWorker.ts', import.meta.url).href;
    const api = import.meta.resolve?.(TSX_API) ?? TSX_API;
    const boot = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: { inputs, opts } });
    worker.once('message', (entries: Array<[string, boolean, unknown]>) => {
      resolve(new Map(entries.map(([path, isText, value]) => [path, isText ? new JsonText(value as string) : value])));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the search index worker stopped (exit code ${code}) before it answered`)));
  });
}
