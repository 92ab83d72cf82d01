/**
 * A worker thread running a TypeScript module. The pipeline runs through tsx,
 * and a worker thread does not inherit tsx's loader, so the worker registers
 * tsx before it imports the module. Node only.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

const TSX_API = 'tsx/esm/api';

export function tsWorker(entry: URL, options: WorkerOptions = {}): Worker {
  const api = import.meta.resolve?.(TSX_API) ?? TSX_API;
  const boot = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { ...options, eval: true });
}
