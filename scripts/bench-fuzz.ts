/**
 * npm run bench:fuzz [-- RUNS [SEED]] — the importer's fuzz property
 * (src/build/feeds/fuzz.test-helpers.ts) over many more cases and bigger
 * mutations than npm test runs (default 1 000 cases: nesting to 2 000
 * elements, runs of 200 000 inline elements, 20 000 categories), then the
 * hostile inputs that used to take quadratic time, timed.
 *
 * Reads ../shared/corpus (never committed) and skips with a message when it
 * is absent. Times are wall-clock on a shared machine: compare runs side by side.
 */
import fc from 'fast-check';
import { register } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Parser } from 'htmlparser2';

// The heads are the app's (its server entry); components import their CSS, an empty module in Node.
register('./ignore-css.mjs', import.meta.url);
const { CORPUS, caseArbitrary, checkCase, headKit, loadCorpus } = await import('../src/build/feeds/fuzz.test-helpers.ts');
const { htmlToBlocks } = await import('../src/build/feeds/html.ts');
const { parseXmlFeed } = await import('../src/build/feeds/xml.ts');

const runs = Number(process.argv[2] ?? 1000);
const seed = process.argv[3] !== undefined ? Number(process.argv[3]) : Date.now() % 2 ** 31;

const time = (label: string, f: () => unknown): void => {
  const t = performance.now();
  f();
  console.log(`${label}: ${((performance.now() - t) / 1000).toFixed(2)} s`);
};

async function main(): Promise<void> {
  // Linear by construction (issue 20: 8.3 s for 280 KB and 89 s for 700 KB of nested lists; salvage of 1 MB 9.3 s).
  // (htmlparser2 itself keeps its open elements with Array.unshift: its own time grows with the square
  // of the nesting depth, shown beside ours.)
  const nested = (bytes: number) => {
    const n = Math.ceil(bytes / 22);
    return `${'<ul><li>item'.repeat(n)}${'</li></ul>'.repeat(n)}`;
  };
  const tokenise = (html: string) => {
    const p = new Parser({});
    p.write(html);
    p.end();
  };
  for (const bytes of [140_000, 280_000, 700_000]) {
    const html = nested(bytes);
    time(`nested lists, ${bytes / 1000} KB: htmlparser2 alone`, () => tokenise(html));
    time(`nested lists, ${bytes / 1000} KB: htmlToBlocks`, () => htmlToBlocks(html));
  }
  const flat = `<ul>${'<li>item <b>bold</b></li>'.repeat(40_000)}</ul>`;
  time(`one list of 40 000 items, ${(flat.length / 1e6).toFixed(1)} MB: htmlToBlocks`, () => htmlToBlocks(flat));
  const unclosed = `<rss version="2.0"><channel><title>x</title>${'<item><title>never closed</title>'.repeat(30_000)}`;
  time(`salvage of ${(unclosed.length / 1e6).toFixed(1)} MB of unclosed items`, () => parseXmlFeed(unclosed, 'unclosed.xml', 'rss2'));

  const corpus = loadCorpus();
  if (typeof corpus === 'string') {
    console.log(`fuzz: skipped, ${corpus}`);
    return;
  }
  const kit = await headKit();
  let checked = 0;
  let imported = 0;
  const t = performance.now();
  await fc.assert(
    fc.asyncProperty(caseArbitrary(corpus, { maxDepth: 2000, maxRuns: 200_000, maxCategories: 20_000 }), async (c) => {
      imported += await checkCase(corpus, c, kit);
      checked++;
      if (checked % 250 === 0) console.log(`  ${checked} cases, ${((performance.now() - t) / 1000).toFixed(0)} s`);
    }),
    { numRuns: runs, seed },
  );
  console.log(`fuzz: ${checked} cases (seed ${seed}) from ${CORPUS}, ${imported} articles imported, in ${((performance.now() - t) / 1000).toFixed(1)} s: no failure`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
