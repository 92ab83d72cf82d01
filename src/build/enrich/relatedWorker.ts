/**
 * The helper of findRelatedInParallel (relatedInParallel.ts): its first request
 * is the finder's data (typed columns in shared memory, read, not copied), each
 * later one a chunk of articles, answered with their links.
 */
import { serve } from '../lib/workers.ts';
import { RelatedFinder } from './related.ts';
import { type ChunkAnswer, type HelperRequest, chunkAnswer } from './relatedInParallel.ts';

let finder: RelatedFinder | undefined;
let n = 0;
serve((request: HelperRequest): ChunkAnswer | null => {
  if ('data' in request) {
    finder = new RelatedFinder(request.data, request.max);
    n = request.data.ix.n;
    return null;
  }
  if (!finder) throw new Error('a chunk was asked before the finder data');
  return chunkAnswer(finder, request.first, n);
});
