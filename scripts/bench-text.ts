/**
 * npm run bench:text — what the feed importer makes of real text (issue 18):
 * per corpus, items kept and skipped (and why), link-out articles and made-up
 * headlines, the share of articles whose lead is at most 300 characters, the
 * share whose lead is the whole text, and paragraph lengths (median, p90, max).
 *
 * Figures, not a test: it reads ../shared/corpus (not ours to publish; never
 * committed) and says so and exits 0 when it is absent. Runs the importer's
 * own parse and normalise steps (parseFeed, feedToDrafts), nothing else.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { blockText } from '../src/core/model/article.ts';
import { readSources } from '../src/build/sources/sources.ts';
import { parseFeed } from '../src/build/feeds/parseFeed.ts';
import { feedToDrafts } from '../src/build/feeds/toDraft.ts';

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const FILES = ['slavner-uk.rss.xml', 'reuters-21578.feed.json'];

const pct = (n: number, of: number): string => `${((100 * n) / Math.max(1, of)).toFixed(1)} %`;
function quantile(sorted: number[], q: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function measure(name: string): Promise<void> {
  const sources = await readSources([join(CORPUS, name)]);
  const feed = sources.feeds[0];
  if (!feed) throw new Error(`${name}: not read as a feed`);
  const { drafts, errors, items, skipped } = feedToDrafts(parseFeed(feed));
  const reasons = new Map<string, number>();
  for (const e of errors) {
    const reason = e.message.replace(/^item \d+: /, '').replace(/"[^"]*"/g, '"…"').replace(/\d{4}-\d{2}-\d{2}\S*/g, 'DATE').replace(/(made from the text: ).*/, '$1…');
    const key = `${e.warning ? "warning" : "error"}: ${reason}`;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }
  const textBlocks = (d: (typeof drafts)[number]) => d.body.filter((b) => b.type !== 'image' && blockText(b).trim() !== '');
  const leads = drafts.map((d) => d.lead.length);
  const shortLead = leads.filter((n) => n > 0 && n <= 300).length;
  const wholeText = drafts.filter((d) => d.lead !== '' && textBlocks(d).length === 0).length;
  const linkOut = drafts.filter((d) => d.lead === '' && textBlocks(d).length === 0).length;
  const repeated = drafts.filter((d) => {
    const first = d.body.find((b) => b.type === 'paragraph');
    return d.lead !== '' && first !== undefined && blockText(first).startsWith(d.lead);
  }).length;
  const paras = drafts.flatMap((d) => d.body.filter((b) => b.type === 'paragraph').map((b) => blockText(b).length)).sort((a, b) => a - b);
  const sortedLeads = [...leads].sort((a, b) => a - b);
  const blocks = [...paras, ...leads].sort((a, b) => a - b);

  console.log(`\n${name}: ${items} items`);
  console.log(`  kept ${drafts.length}, skipped ${skipped}`);
  for (const [k, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`    ${String(n).padStart(6)}  ${k}`);
  console.log(`  lead ≤ 300 characters: ${pct(shortLead, drafts.length)} (median ${quantile(sortedLeads, 0.5)}, max ${sortedLeads.at(-1) ?? 0})`);
  console.log(`  lead is the whole text (no body): ${pct(wholeText, drafts.length)}`);
  console.log(`  body starts with the lead again: ${repeated}`);
  console.log(`  link-out (no text but the summary, or none): ${linkOut}`);
  console.log(`  body paragraphs: ${paras.length}, ${(paras.length / Math.max(1, drafts.length)).toFixed(1)} per article; length median ${quantile(paras, 0.5)}, p90 ${quantile(paras, 0.9)}, max ${paras.at(-1) ?? 0}`);
  console.log(`  text blocks a reader sees (lead and paragraphs): length median ${quantile(blocks, 0.5)}, p90 ${quantile(blocks, 0.9)}, max ${blocks.at(-1) ?? 0}; over 600 characters: ${blocks.filter((n) => n > 600).length}`);
}

if (!existsSync(CORPUS)) {
  console.log(`bench:text: ${CORPUS} is absent; nothing measured (the corpus is never committed).`);
} else {
  for (const f of FILES) {
    if (existsSync(join(CORPUS, f))) await measure(f);
    else console.log(`\n${f}: absent; skipped`);
  }
}
