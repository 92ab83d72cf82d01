/**
 * A worker thread running a TypeScript module. The pipeline runs through tsx,
 * and a worker thread does not inherit tsx's loader, so the worker registers
 * tsx before it imports the module. Node only.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

const TSX_API = 'tsx/esm/api';

/**
 * Young generation of a worker, MB (V8 gives it three semi-spaces' worth). The
 * workers here parse and tokenise: nearly all they allocate dies young, and
 * V8's default (16 MB semi-spaces) collects so often that objects still in use
 * get copied and promoted, then collected again by full collections. 96 MB
 * (32 MB semi-spaces) is what the feed parsers of a 100 000-article import run
 * best with (bench:data); npm run data gives the main thread 64 MB semi-spaces
 * for the same reason (package.json, cli.ts).
 */
export const WORKER_YOUNG_GENERATION_MB = 96;

/**
 * V8's own young generation, MB (16 MB semi-spaces), for the workers that run
 * at an import's peak of memory (the search worker, the related-links helper):
 * there a larger one costs more memory than it saves time (bench:data).
 */
export const V8_YOUNG_GENERATION_MB = 48;

export function tsWorker(entry: URL, options: WorkerOptions = {}): Worker {
  const api = import.meta.resolve?.(TSX_API) ?? TSX_API;
  const boot = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, {
    ...options,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, ...options.resourceLimits },
    eval: true,
  });
}
