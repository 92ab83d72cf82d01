/**
 * The helper of findRelatedInParallel (relatedInParallel.ts): gets the
 * finder's data over its port (the columns in shared memory, read, not
 * copied), then takes chunks from the shared counter and answers each over
 * the port, counting the answers in shared memory (−1 when it fails) so the
 * other thread, asleep on that counter, wakes for them.
 */
import { workerData } from 'node:worker_threads';
import { type FinderData, RelatedFinder } from './related.ts';
import { ANSWERED, type HelperData, chunkAnswer, claim } from './relatedInParallel.ts';

const { max, state: shared, port } = workerData as HelperData;
const state = new Int32Array(shared);
port.once('message', (data: FinderData) => {
  try {
    const finder = new RelatedFinder(data, max);
    for (let first = claim(state, data.ix.n); first >= 0; first = claim(state, data.ix.n)) {
      port.postMessage(chunkAnswer(finder, first, data.ix.n));
      Atomics.add(state, ANSWERED, 1);
      Atomics.notify(state, ANSWERED);
    }
  } catch {
    Atomics.store(state, ANSWERED, -1);
    Atomics.notify(state, ANSWERED);
  }
  port.close();
});
