/**
 * The search files of a set of articles (buildIndex.ts) built on a worker
 * thread, so the search index — the biggest single step of an import — is
 * built on the second core while this one finds related articles. The same
 * articles give the same files as buildSearchIndex(). The worker can be started
 * before the articles are ready (its start-up then costs nothing). The
 * articles go over BATCH_DOCS at a time, in index order, and only AHEAD
 * parts ahead of what the worker has read: their search text never exists in
 * full on either thread. The next part is sent when the worker answers one,
 * so this thread must let its event loop run now and then while the index is
 * built (the related step does, between chunks). Node only.
 */
import { JsonText, SpilledFile } from '../lib/jsonText.ts';
import { V8_YOUNG_GENERATION_MB, startThread } from '../lib/workers.ts';
import { LANGS, type Article, type Lang } from '../../core/model/article.ts';
import { type IndexInput, type IndexOptions, indexInput, shardOrder } from './buildIndex.ts';

/** Articles sent to the worker at a time (about 10 MB of search text at most). */
export const BATCH_DOCS = 5000;

/**
 * Parts sent before the worker has built them: one being built, the others
 * waiting, enough for the seconds this thread is busy without a turn of its
 * event loop (the related step's index, the layout).
 */
const AHEAD = 4;

export interface SearchWorker {
  /** the search files of `articles` (call once) */
  build(articles: readonly Article[]): Promise<Map<string, unknown>>;
  /** stop a worker that will not be used */
  cancel(): void;
}

/** A search file as the worker answers it: a value, a file's UTF-8 bytes, or the path of a file it spilled. */
export type WorkerFile = [path: string, kind: 'value', value: unknown] | [path: string, kind: 'bytes', bytes: Uint8Array] | [path: string, kind: 'spilled', file: string];

/** A part of the index to build (answered with null), or null: finish, answered with the files. */
export type IndexPart = { lang: Lang; inputs: IndexInput[] } | null;

/**
 * `opts` go to the worker as data (no `keep`). With `spill`, a folder that
 * exists, each file is written there as soon as it is built (a SpilledFile in
 * the answer; write.ts moves it into the dataset).
 */
export function startSearchWorker(opts: Omit<IndexOptions, 'keep'> = {}, spill?: string, batchDocs = BATCH_DOCS): SearchWorker {
  const worker = startThread<IndexPart, WorkerFile[] | null>(new URL('./indexWorker.ts', import.meta.url), {
    workerData: { opts, spill },
    resourceLimits: { maxYoungGenerationSizeMb: V8_YOUNG_GENERATION_MB },
  });
  return {
    async build(articles) {
      /** each part as its articles, in order; let go once sent */
      const parts: Array<{ lang: Lang; items: Article[] } | undefined> = [];
      for (const lang of LANGS) {
        const order = shardOrder(lang, articles);
        for (let k = 0; k < order.length; k += batchDocs) {
          parts.push({ lang, items: order.slice(k, k + batchDocs).map((i) => articles[i] as Article) });
        }
      }
      const send = (k: number): Promise<unknown> | undefined => {
        const part = parts[k];
        if (!part) return undefined;
        parts[k] = undefined;
        const answer = worker.request({ lang: part.lang, inputs: part.items.map((a) => indexInput(a, opts.bodyChars)) });
        answer.catch(() => {}); // awaited in order below
        return answer;
      };
      try {
        const sent = Array.from({ length: Math.min(AHEAD, parts.length) }, (_, k) => send(k));
        for (let k = 0; k < parts.length; k++) {
          await sent[k];
          sent[k] = undefined;
          sent[k + AHEAD] = send(k + AHEAD);
        }
        const files = await worker.request(null);
        const value = (file: WorkerFile): unknown =>
          file[1] === 'bytes' ? new JsonText(file[2]) : file[1] === 'spilled' ? new SpilledFile(file[2]) : file[2];
        return new Map((files ?? []).map((file) => [file[0], value(file)]));
      } finally {
        void worker.close();
      }
    },
    cancel() {
      void worker.close();
    },
  };
}
