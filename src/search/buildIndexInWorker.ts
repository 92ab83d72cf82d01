/**
 * The search files of a set of articles (buildIndex.ts) built in a worker
 * thread, so the search index — the biggest single step of an import — is
 * built on the second core while the pipeline finds related articles on the
 * first. The same articles give the same files as buildSearchIndex(). The
 * worker can be started before the articles are ready (its start-up then costs
 * nothing). The articles go over one shard's worth at a time, in shard order,
 * and only AHEAD parts ahead of what the worker has built: their search text
 * never exists in full on either thread. The worker asks for more with a
 * message (answered when this thread is idle) and counts the parts it has built
 * in shared memory, so a thread busy with other work can call pump() now and
 * then to keep it fed. Node only.
 */
import { JsonText } from '../lib/jsonText.ts';
import { tsWorker } from '../lib/tsWorker.ts';
import { LANGS, type Article } from '../model/article.ts';
import { type IndexOptions, indexInput, shardOrder } from './buildIndex.ts';
import { SHARD_DOCS } from './searchData.ts';

/**
 * The worker's young generation, MB: V8's default size (16 MB semi-spaces), not
 * tsWorker's larger one. The worker outlives the rest of a big import's peak
 * of memory (it finishes while the files are written), and a larger young
 * generation here cost more memory than it saved time (bench:data).
 */
const YOUNG_GENERATION_MB = 48;

/** Parts sent before the worker has built them: one being built, one waiting. */
const AHEAD = 2;

export interface SearchWorker {
  /** the search files of `articles` (call once) */
  build(articles: readonly Article[]): Promise<Map<string, unknown>>;
  /** sends the worker what it is ready for: call it now and then while this thread is busy */
  pump(): void;
  /** stop a worker that will not be used */
  cancel(): void;
}

export function startSearchWorker(opts: IndexOptions = {}): SearchWorker {
  const done = new SharedArrayBuffer(4);
  const built = new Int32Array(done);
  const worker = tsWorker(new URL('./indexWorker.ts', import.meta.url), {
    workerData: { opts, done },
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  /** what is left to send: each part as its articles, in order */
  let parts: Array<{ lang: Article['lang']; items: Article[] }> = [];
  let sent = 0;
  let ended = true;
  const pump = (): void => {
    if (ended) return;
    const ready = Atomics.load(built, 0);
    while (sent < parts.length && sent - ready < AHEAD) {
      const part = parts[sent] as (typeof parts)[number];
      parts[sent++] = { lang: part.lang, items: [] };
      worker.postMessage({ lang: part.lang, inputs: part.items.map((a) => indexInput(a, opts.bodyChars)) });
    }
    if (sent === parts.length) {
      worker.postMessage(null);
      parts = [];
      ended = true;
    }
  };
  const answer = new Promise<Map<string, unknown>>((resolve, reject) => {
    worker.on('message', (message: 'more' | Array<[string, boolean, unknown]>) => {
      if (message === 'more') return pump();
      resolve(new Map(message.map(([path, isBytes, value]) => [path, isBytes ? new JsonText(value as Uint8Array) : value])));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the search index worker stopped (exit code ${code}) before it answered`)));
  });
  answer.catch(() => {}); // a failure is reported by build(), or not at all when the worker is not used
  return {
    build(articles) {
      const shardDocs = opts.shardDocs ?? SHARD_DOCS;
      for (const lang of LANGS) {
        const order = shardOrder(lang, articles);
        for (let k = 0; k < order.length; k += shardDocs) {
          parts.push({ lang, items: order.slice(k, k + shardDocs).map((i) => articles[i] as Article) });
        }
      }
      ended = false;
      pump();
      return answer;
    },
    pump,
    cancel() {
      void worker.terminate();
    },
  };
}
