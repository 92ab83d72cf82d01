/**
 * A chunk of a build the host no longer has (a tab older than a deploy, no
 * worker in charge): the page loads the current build rather than fail — once
 * per build, not once per tab. The build that reloaded is remembered in session
 * storage: the same build failing again does not loop, and a tab that reloaded
 * into one deploy is recovered again after the next.
 */
const KEY = 'kontekst.reloadedForChunk';

/** Whether to reload for a missing chunk of `build` (and, if so, remembers it). */
export function reloadForChunk(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined, build: string): boolean {
  try {
    if (!storage || storage.getItem(KEY) === build) return false;
    storage.setItem(KEY, build);
    return true;
  } catch {
    return false; // storage blocked: without a memory, a reload could loop
  }
}
