/**
 * Worker threads for the build: one protocol for all of them. A Thread runs a
 * TypeScript module whose side is serve(handle); each request is answered in
 * the order sent. A failure — the handler throws, the thread dies or exits —
 * rejects that request and every later one, and the thread handles nothing
 * more (a writer that failed writes no further file). Node only.
 *
 * The steps that use it (feed parsing, the search index, related links,
 * writing) keep their plain signatures: a caller never meets a message.
 */
import { Worker, parentPort, type Transferable, type WorkerOptions } from 'node:worker_threads';

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

type Reply<Out> = { ok: Out } | { error: string };

/** An answer with buffers moved to the other thread rather than copied. */
export class Moved<Out> {
  constructor(
    readonly value: Out,
    readonly transfer: Transferable[],
  ) {}
}

export interface Thread<In, Out> {
  /** sends `message`; the answer comes in the order the requests were sent */
  request(message: In, transfer?: Transferable[]): Promise<Out>;
  /** stops the thread: nothing more is handled once this has settled */
  close(): Promise<void>;
}

/**
 * Starts `entry` (a module that calls serve()) on a worker thread. The build
 * runs through tsx, and a worker thread does not inherit tsx's loader, so the
 * thread registers tsx before it imports the module.
 */
export type ThreadBoot = {
  /** the tsconfig tsx compiles with (the prerender's worker runs the app's JSX: src/app/tsconfig.json) */
  tsconfig?: string;
  /** Node module hooks to register first (module.register), e.g. scripts/ignore-css.mjs */
  hooks?: URL[];
};

export function startThread<In, Out>(entry: URL, options: WorkerOptions = {}, boot: ThreadBoot = {}): Thread<In, Out> {
  const api = import.meta.resolve?.(TSX_API) ?? TSX_API;
  const hooks = (boot.hooks ?? []).map((h) => `m.register(${JSON.stringify(h.href)});`).join(' ');
  const tsx = boot.tsconfig ? `{ tsconfig: ${JSON.stringify(boot.tsconfig)} }` : '';
  const script = `import('node:module').then((m) => { ${hooks} return import(${JSON.stringify(api)}); }).then(({ register }) => { register(${tsx}); return import(${JSON.stringify(entry.href)}); })`;
  const worker = new Worker(script, {
    ...options,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, ...options.resourceLimits },
    eval: true,
  });
  const waiting: Array<{ resolve: (answer: Out) => void; reject: (e: Error) => void }> = [];
  let failure: Error | undefined;
  const fail = (e: Error): void => {
    failure ??= e;
    for (const w of waiting.splice(0)) w.reject(failure);
  };
  worker.on('message', (reply: Reply<Out>) => {
    if ('error' in reply) return fail(new Error(reply.error));
    waiting.shift()?.resolve(reply.ok);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the worker thread ${entry.pathname.split('/').pop()} stopped (exit code ${code})`)));
  return {
    request(message, transfer) {
      if (failure) return Promise.reject(failure);
      const answer = new Promise<Out>((resolve, reject) => waiting.push({ resolve, reject }));
      worker.postMessage(message, transfer);
      return answer;
    },
    async close() {
      await worker.terminate();
    },
  };
}

/**
 * The worker's side: answers each request with what `handle` gives (a Moved
 * value to transfer buffers). After a failure, every request is answered with it.
 * A handler may be async: requests are then handled one after the other, so
 * the answers still come in the order sent.
 */
export function serve<In, Out>(handle: (message: In) => Out | Moved<Out> | Promise<Out | Moved<Out>>): void {
  let failure: string | undefined;
  let queue: Promise<void> = Promise.resolve();
  const answer = (out: Out | Moved<Out>): void => {
    if (out instanceof Moved) parentPort?.postMessage({ ok: out.value } satisfies Reply<Out>, out.transfer);
    else parentPort?.postMessage({ ok: out } satisfies Reply<Out>);
  };
  const failed = (e: unknown): void => {
    failure ??= e instanceof Error ? e.message : String(e);
    parentPort?.postMessage({ error: failure } satisfies Reply<Out>);
  };
  parentPort?.on('message', (message: In) => {
    queue = queue.then(async () => {
      if (failure !== undefined) return failed(failure);
      try {
        const out = handle(message);
        answer(out instanceof Promise ? await out : out);
      } catch (e) {
        failed(e);
      }
    });
  });
}

/** Lets the event loop run (answers from threads are taken in) before going on. */
export const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
