/**
 * The import composed: parse → normalise/enrich → lay out. Pure over the source
 * texts (reading and writing files is sources.ts and write.ts). A feed importer
 * adds its own parse step producing Drafts and reuses the rest.
 */
import type { Article } from '../model/article.ts';
import { layoutDataset } from './dataset.ts';
import type { Draft } from './draft.ts';
import { buildArticles } from './enrich.ts';
import type { ImportError } from './errors.ts';
import { parseSeed } from './seed.ts';
import type { SeedSource, TextFile } from './sources.ts';
import { type Glossary, mergeGlossaries, parseGlossary } from './topics.ts';

export interface BuildInput {
  seeds: readonly SeedSource[];
  glossaries?: readonly TextFile[];
}

export interface BuildOutput {
  articles: Article[];
  /** relative path → JSON value; undefined when the build cannot go on (a broken glossary) */
  files?: Map<string, unknown>;
  errors: ImportError[];
  imported: number;
  /** sources that gave no article */
  skipped: number;
}

export function loadGlossary(files: readonly TextFile[]): { glossary: Glossary; errors: ImportError[] } {
  const parsed = files.map((f) => ({ file: f.file, ...parseGlossary(f.text, f.file) }));
  const merged = mergeGlossaries(parsed);
  return { glossary: merged.glossary, errors: [...parsed.flatMap((p) => p.errors), ...merged.errors] };
}

export function buildDataset({ seeds, glossaries = [] }: BuildInput, builtAt: string): BuildOutput {
  const { glossary, errors } = loadGlossary(glossaries);
  if (errors.length > 0) return { articles: [], errors, imported: 0, skipped: seeds.length };

  const drafts: Draft[] = [];
  for (const seed of seeds) {
    const parsed = parseSeed(seed.text, seed.file, seed.sidecar);
    errors.push(...parsed.errors);
    if (parsed.draft) drafts.push(parsed.draft);
  }
  const built = buildArticles(drafts, glossary);
  errors.push(...built.errors);
  return {
    articles: built.articles,
    files: layoutDataset(built.articles, { builtAt }),
    errors,
    imported: built.articles.length,
    skipped: seeds.length - built.articles.length,
  };
}
