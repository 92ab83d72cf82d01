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
import { JsonText, SpilledFile } from '../lib/jsonText.ts';
import { V8_YOUNG_GENERATION_MB, tsWorker } from '../lib/tsWorker.ts';
import { LANGS, type Article } from '../../core/model/article.ts';
import { type IndexOptions, indexInput, shardOrder } from './buildIndex.ts';
import { SHARD_DOCS } from '../../core/search/searchData.ts';

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

/** A search file as the worker answers it: a value, a shard's UTF-8 bytes, or the path of a shard it spilled. */
export type WorkerFile = [path: string, kind: 'value', value: unknown] | [path: string, kind: 'bytes', bytes: Uint8Array] | [path: string, kind: 'spilled', file: string];

/**
 * `opts` go to the worker as data (no `keep`). With `spill`, a folder that
 * exists, each shard is written there as soon as it is built (a SpilledFile in
 * the answer; write.ts moves it into the dataset).
 */
export function startSearchWorker(opts: Omit<IndexOptions, 'keep'> = {}, spill?: string): SearchWorker {
  const done = new SharedArrayBuffer(4);
  const built = new Int32Array(done);
  const worker = tsWorker(new URL('./indexWorker.ts', import.meta.url), {
    workerData: { opts, done, spill },
    resourceLimits: { maxYoungGenerationSizeMb: V8_YOUNG_GENERATION_MB },
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
    worker.on('message', (message: 'more' | WorkerFile[]) => {
      if (message === 'more') return pump();
      const value = (file: WorkerFile): unknown =>
        file[1] === 'bytes' ? new JsonText(file[2]) : file[1] === 'spilled' ? new SpilledFile(file[2]) : file[2];
      resolve(new Map(message.map((file) => [file[0], value(file)])));
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
