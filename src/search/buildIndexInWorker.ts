/**
 * The search files of a set of articles (buildIndex.ts) built in a worker
 * thread, so the search index — the biggest single step of an import — is
 * built on the second core while the pipeline finds related articles on the
 * first. The same articles give the same files as buildSearchIndex(). The
 * worker can be started before the articles are ready (its start-up then costs
 * nothing); the articles go over in chunks, so their search text never exists
 * twice over in full on this thread. Node only.
 */
import { JsonText } from '../lib/jsonText.ts';
import { tsWorker } from '../lib/tsWorker.ts';
import type { Article } from '../model/article.ts';
import { type IndexOptions, indexInput } from './buildIndex.ts';

const CHUNK = 2000;

export interface SearchWorker {
  /** the search files of `articles` (call once) */
  build(articles: readonly Article[]): Promise<Map<string, unknown>>;
  /** stop a worker that will not be used */
  cancel(): void;
}

export function startSearchWorker(opts: IndexOptions = {}): SearchWorker {
  const worker = tsWorker(new URL('./indexWorker.ts', import.meta.url), { workerData: opts });
  const answer = new Promise<Map<string, unknown>>((resolve, reject) => {
    worker.once('message', (entries: Array<[string, boolean, unknown]>) => {
      resolve(new Map(entries.map(([path, isBytes, value]) => [path, isBytes ? new JsonText(value as Uint8Array) : value])));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the search index worker stopped (exit code ${code}) before it answered`)));
  });
  answer.catch(() => {}); // a failure is reported by build(), or not at all when the worker is not used
  return {
    build(articles) {
      for (let k = 0; k < articles.length; k += CHUNK) {
        worker.postMessage(articles.slice(k, k + CHUNK).map((a) => indexInput(a, opts.bodyChars)));
      }
      worker.postMessage(null);
      return answer;
    },
    cancel() {
      void worker.terminate();
    },
  };
}

export function searchFilesInWorker(articles: readonly Article[], opts: IndexOptions = {}): Promise<Map<string, unknown>> {
  return startSearchWorker(opts).build(articles);
}
