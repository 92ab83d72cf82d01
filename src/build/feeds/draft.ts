/**
 * A Draft is what every importer produces — the seed text parser today, a feed
 * importer (RSS/Atom/JSON Feed) later: one article's content and metadata as the
 * source gave it, before ids, slugs, topics, translations and related articles
 * are settled across the whole dataset (enrich.ts).
 */
import type { SlimMention } from '../enrich/entityTopics.ts';
import type { Block, Lang, Source } from '../../core/model/article.ts';

/** A value with where it was written, for messages about it. */
export interface Located<T = string> {
  value: T;
  file: string;
  line: number;
}

export interface Draft {
  /** the source file, for messages */
  file: string;
  /** a feed item: its 1-based number in the feed, and the line it starts on (0 when unknown) */
  item?: number;
  line?: number;
  /** a feed item's guid/id, for merging duplicates */
  guid?: string;
  /** the name other sources use for it (a sidecar's translationOf): the file's base name */
  ref: string;
  /** hashed into the default id: "seed:<base name>" for seed files */
  idSource: string;
  /** an explicit id (sidecar) */
  id?: string;
  /** an explicit slug (sidecar) */
  slug?: string;
  lang: Lang;
  headline: string;
  publishedAt: string;
  updatedAt?: string;
  source: Source;
  author?: string;
  url?: string;
  lead: string;
  body: Block[];
  context: Block[];
  /** topic names or slugs as written, resolved through the glossary later */
  topics: Located[];
  /**
   * How many of the first `topics` are the publisher's categories, which may make a section
   * (enrich.ts); all when absent. An archived article's are its section alone: its other
   * topics may be names found in its text, which never make a section.
   */
  categories?: number;
  /** headlines of the articles the editor listed under "Ще на цю тему" */
  picks: Located[];
  /** `ref` of the article this one translates */
  translationOf?: Located;
  /**
   * What enrich.ts works out of this draft alone, worked out already where the
   * draft was made (a feed parser's worker thread, parseWorker.ts), so the main
   * thread of a big import does not: enrich.ts works it out when it is absent.
   */
  facts?: DraftFacts;
}

export interface DraftFacts {
  /** slugify(headline): the slug, unless another article has it (enrich.ts) */
  slugBase: string;
  /** words in the lead and body */
  wordCount: number;
  /** the draft's fields passed the Article schema's checks of them (enrich.ts then checks only the rest) */
  checked?: boolean;
  /** the names its text mentions (enrich/entityTopics.ts) */
  mentions?: SlimMention[];
}

/** The source when neither the text nor its sidecar names one. */
export const DEFAULT_SOURCE: Source = { name: 'Kontekst' };

/** The base name of a path without its extension: content/a/b.txt → b */
export function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
