/**
 * The import composed: parse → normalise/enrich → lay out. Pure over the source
 * texts (reading and writing files is sources.ts and write.ts). Seed texts are
 * parsed by seed.ts, feeds by feeds/ (RSS, Atom, JSON Feed); both give Drafts,
 * and everything after that is shared.
 */
import type { Article } from '../model/article.ts';
import { layoutDataset } from './dataset.ts';
import type { Draft } from './draft.ts';
import { buildArticles } from './enrich.ts';
import type { ImportError } from './errors.ts';
import type { ParsedFeed } from './feeds/entry.ts';
import { parseJsonFeed } from './feeds/jsonfeed.ts';
import { mergeDuplicates } from './feeds/merge.ts';
import { feedToDrafts } from './feeds/toDraft.ts';
import { parseXmlFeed } from './feeds/xml.ts';
import { parseSeed } from './seed.ts';
import type { FeedFile, SeedSource, TextFile } from './sources.ts';
import { type Glossary, mergeGlossaries, parseGlossary } from './topics.ts';

export interface BuildInput {
  seeds: readonly SeedSource[];
  /** consumed: each feed's text is emptied once it has been read */
  feeds?: readonly FeedFile[];
  glossaries?: readonly TextFile[];
}

/** Where the build is: a phase, and how far through it (done of total), for a progress bar. */
export type Progress = (phase: string, done: number, total: number) => void;

export interface BuildOutput {
  articles: Article[];
  /** relative path → JSON value; undefined when the build cannot go on (a broken glossary) */
  files?: Map<string, unknown>;
  errors: ImportError[];
  imported: number;
  /** sources and feed items that gave no article (duplicates merged into another are not counted) */
  skipped: number;
  /** feed items merged into another with the same guid or link */
  merged: number;
}

export function loadGlossary(files: readonly TextFile[]): { glossary: Glossary; errors: ImportError[] } {
  const parsed = files.map((f) => ({ file: f.file, ...parseGlossary(f.text, f.file) }));
  const merged = mergeGlossaries(parsed);
  return { glossary: merged.glossary, errors: [...parsed.flatMap((p) => p.errors), ...merged.errors] };
}

/** One feed file → its items as drafts. */
export function parseFeed(feed: FeedFile): ParsedFeed {
  const parsed =
    feed.format === 'jsonfeed1.1' || feed.format === 'jsonfeed1.0'
      ? parseJsonFeed(feed.text, feed.file, feed.format)
      : parseXmlFeed(feed.text, feed.file, feed.format);
  return feed.modified !== undefined ? { ...parsed, fileDate: feed.modified } : parsed;
}

export function buildDataset(
  { seeds, feeds = [], glossaries = [] }: BuildInput,
  builtAt: string,
  progress: Progress = () => {},
): BuildOutput {
  const { glossary, errors } = loadGlossary(glossaries);
  if (errors.length > 0) return { articles: [], errors, imported: 0, skipped: seeds.length + feeds.length, merged: 0 };

  const drafts: Draft[] = [];
  let sources = seeds.length;
  for (const seed of seeds) {
    const parsed = parseSeed(seed.text, seed.file, seed.sidecar);
    errors.push(...parsed.errors);
    if (parsed.draft) drafts.push(parsed.draft);
  }
  const feedDrafts: Draft[] = [];
  feeds.forEach((feed, k) => {
    progress('reading feeds', k, feeds.length);
    const parsed = feedToDrafts(parseFeed(feed));
    // A feed's text is not needed once it is drafts: let it go (hundreds of MB at 100 000 articles).
    feed.text = '';
    errors.push(...parsed.errors);
    sources += parsed.items;
    for (const d of parsed.drafts) feedDrafts.push(d);
  });
  progress('reading feeds', feeds.length, feeds.length);
  const deduped = mergeDuplicates(feedDrafts);
  errors.push(...deduped.errors);
  for (const d of deduped.drafts) drafts.push(d);

  const built = buildArticles(drafts, glossary, progress);
  errors.push(...built.errors);
  progress('laying out', 0, 1);
  const files = layoutDataset(built.articles, { builtAt, validated: true });
  progress('laying out', 1, 1);
  return {
    articles: built.articles,
    files,
    errors,
    imported: built.articles.length,
    skipped: sources - deduped.merged - built.articles.length,
    merged: deduped.merged,
  };
}
