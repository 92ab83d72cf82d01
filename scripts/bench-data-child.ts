/**
 * One import for the data benchmark (scripts/bench-data.ts), in its own process
 * so its peak memory is its own: runs `npm run data`'s main() with problems
 * counted rather than printed, then prints one line `BENCH {json}`.
 */
import { main } from '../src/build/cli.ts';

const started = performance.now();
const out: string[] = [];
let problems = 0;
const code = await main(process.argv.slice(2), {
  out: (line) => out.push(line),
  err: () => {
    problems++;
  },
  now: () => new Date(),
});
const usage = process.resourceUsage();
process.stdout.write(
  `BENCH ${JSON.stringify({
    code,
    summary: out[0] ?? '',
    wrote: out.find((l) => l.startsWith('wrote ')) ?? '',
    problems,
    importMs: performance.now() - started,
    maxRssMb: usage.maxRSS / 1024,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
  })}\n`,
);
