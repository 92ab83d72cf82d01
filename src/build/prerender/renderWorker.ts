/**
 * A prerender worker thread (prerender.ts starts them): the first request sets up a renderer
 * for the build (RenderContext), each later one renders a batch of units.
 */
import { serve } from '../lib/workers.ts';
import { createRenderer, type RenderContext, type Unit, type UnitResult } from './render.ts';

export type WorkerRequest = { init: RenderContext } | { units: Unit[] };

let renderer: Awaited<ReturnType<typeof createRenderer>> | undefined;

serve(async (request: WorkerRequest): Promise<UnitResult[]> => {
  if ('init' in request) {
    renderer = await createRenderer(request.init);
    return [];
  }
  if (!renderer) throw new Error('prerender worker: not set up');
  const results: UnitResult[] = [];
  for (const unit of request.units) results.push(await renderer.renderUnit(unit));
  return results;
});
