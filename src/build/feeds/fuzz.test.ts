/**
 * The importer fuzzed with mutations of real corpus items (fuzz.test-helpers.ts
 * says what is mutated and what is asserted). A short run here, bounded in
 * time; `npm run bench:fuzz` runs thousands of cases and bigger mutations.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS, caseArbitrary, checkCase, headKit, loadCorpus } from './fuzz.test-helpers.ts';

const corpus = loadCorpus();
/** Cases per run; the run also stops after TIME_LIMIT_MS, saying how many it checked. */
const RUNS = 120;
const TIME_LIMIT_MS = 30_000;

describe('the importer under fuzzing (real corpus items, mutated)', () => {
  if (typeof corpus === 'string') {
    it.skip(`fuzz: ${corpus} (../shared/corpus)`, () => {});
    return;
  }
  it('never throws, keeps every intact item, writes well-formed heads and a dataset linear in the feed', { timeout: TIME_LIMIT_MS + 30_000 }, async () => {
    const kit = await headKit();
    let checked = 0;
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(caseArbitrary(corpus), async (c) => {
        await checkCase(corpus, c, kit);
        checked++;
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
    );
    console.log(`fuzz: ${checked} cases from ${CORPUS} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(checked).toBeGreaterThanOrEqual(Math.min(RUNS, 10));
  });
});
