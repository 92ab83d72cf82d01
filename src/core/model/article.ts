/**
 * The article model: one runtime schema (valibot, ~3 KB in the client) used
 * wherever data enters — the import pipeline before it writes the dataset, and
 * the app after it fetches a dataset file. Types are inferred from the schema,
 * so the two can never drift apart.
 *
 * Content is data, not HTML: an article body is a list of typed blocks.
 */
import * as v from 'valibot';
import { LANGS } from './paths.ts';

export { LANGS };
export const Lang = v.picklist(LANGS);
export type Lang = v.InferOutput<typeof Lang>;

/** A link target: http(s) or mailto only — anything else never reaches a page. */
export const SAFE_URL = /^(https?:\/\/|mailto:)[^\s<>"]+$/i;
export const Href = v.pipe(v.string(), v.regex(SAFE_URL, 'link must be http(s) or mailto'));

/**
 * ISO 8601: either a date-time with an explicit offset (2021-12-21T16:00:00+02:00)
 * or a plain date (2021-12-21) when the source gave no time.
 */
export const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
export const IsoDate = v.pipe(v.string(), v.regex(ISO_DATE_TIME, 'ISO 8601 date with offset expected'));

/** A slug is stable, lowercase ASCII: letters, digits and single hyphens. */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const Slug = v.pipe(v.string(), v.regex(SLUG, 'slug must be lowercase ASCII with hyphens'), v.maxLength(120));

const NonEmpty = v.pipe(v.string(), v.minLength(1, 'must not be empty'));

// ---- inline runs -----------------------------------------------------------
export const TextRun = v.object({ type: v.literal('text'), text: v.string() });
export const EmphasisRun = v.object({
  type: v.literal('emphasis'),
  text: v.string(),
  /** strong emphasis (<strong>) rather than <em> */
  strong: v.optional(v.boolean()),
});
export const LinkRun = v.object({ type: v.literal('link'), text: v.string(), href: Href });
export const Inline = v.variant('type', [TextRun, EmphasisRun, LinkRun]);
export type Inline = v.InferOutput<typeof Inline>;

// ---- blocks ----------------------------------------------------------------
export const ParagraphBlock = v.object({ type: v.literal('paragraph'), content: v.array(Inline) });
export const QuoteBlock = v.object({
  type: v.literal('quote'),
  content: v.array(Inline),
  /** who is quoted, when known */
  cite: v.optional(v.string()),
});
export const HeadingBlock = v.object({
  type: v.literal('heading'),
  level: v.union([v.literal(2), v.literal(3), v.literal(4)]),
  text: NonEmpty,
});
export const ListBlock = v.object({
  type: v.literal('list'),
  ordered: v.boolean(),
  items: v.array(v.array(Inline)),
});
export const ImageBlock = v.object({
  type: v.literal('image'),
  src: v.pipe(v.string(), v.regex(/^https?:\/\/|^\/(?!\/)/, 'image must be http(s) or site-relative')),
  alt: v.string(),
  caption: v.optional(v.string()),
  credit: v.optional(v.string()),
  width: v.optional(v.number()),
  height: v.optional(v.number()),
});
export const Block = v.variant('type', [ParagraphBlock, QuoteBlock, HeadingBlock, ListBlock, ImageBlock]);
export type Block = v.InferOutput<typeof Block>;
export type ParagraphBlock = v.InferOutput<typeof ParagraphBlock>;

// ---- topics, sources, related ---------------------------------------------
export const TopicLabels = v.object({ uk: v.optional(v.string()), en: v.optional(v.string()) });
export type TopicLabels = v.InferOutput<typeof TopicLabels>;
export const TopicRef = v.object({ slug: Slug, labels: TopicLabels });
export type TopicRef = v.InferOutput<typeof TopicRef>;

export const Source = v.object({ name: NonEmpty, url: v.optional(Href) });
export type Source = v.InferOutput<typeof Source>;

/** Why an article is listed under "More on this topic". */
export const RelatedReason = v.variant('type', [
  /** shares these topics (slugs), the rarest first */
  v.object({ type: v.literal('topics'), topics: v.array(Slug) }),
  /** similar words in headline and lead */
  v.object({ type: v.literal('text') }),
  /** picked by the editor in the source ("Ще на цю тему") */
  v.object({ type: v.literal('editorial') }),
  /** an article of the same story (clustered at data build: shared names and similar text) */
  v.object({ type: v.literal('story') }),
]);
export type RelatedReason = v.InferOutput<typeof RelatedReason>;

/** What a list shows of an article: enough for a card, nothing more. */
export const ArticleSummary = v.object({
  id: NonEmpty,
  slug: Slug,
  lang: Lang,
  headline: NonEmpty,
  publishedAt: IsoDate,
  lead: v.optional(v.string()),
  topics: v.optional(v.array(TopicRef)),
});
export type ArticleSummary = v.InferOutput<typeof ArticleSummary>;

export const RelatedArticle = v.object({ ...ArticleSummary.entries, reason: RelatedReason });
export type RelatedArticle = v.InferOutput<typeof RelatedArticle>;

export const Translations = v.object({ uk: v.optional(Slug), en: v.optional(Slug) });

/** An earlier article of the story, as the context's timeline shows it. */
export const StoryItem = v.object({ slug: Slug, lang: Lang, headline: NonEmpty, publishedAt: IsoDate });
export type StoryItem = v.InferOutput<typeof StoryItem>;

/** The story so far as of this article's publication, built from the archive at data build (build/enrich/context.ts). */
export const Story = v.object({
  /** articles the story had when this one was published, this one included */
  size: v.number(),
  /** the latest earlier articles of the story, oldest first */
  earlier: v.array(StoryItem),
});
export type Story = v.InferOutput<typeof Story>;

/** A fact about one of the article's main topics as of this article: how many articles the archive had then (this one included), since when. */
export const TopicFact = v.object({ topic: TopicRef, count: v.number(), since: IsoDate });
export type TopicFact = v.InferOutput<typeof TopicFact>;

export const Article = v.object({
  id: NonEmpty,
  slug: Slug,
  lang: Lang,
  headline: NonEmpty,
  publishedAt: IsoDate,
  updatedAt: v.optional(IsoDate),
  source: Source,
  author: v.optional(v.string()),
  /** canonical link to the original, when the article came from a feed */
  url: v.optional(Href),
  lead: v.string(),
  body: v.array(Block),
  /** background: the seed's "Контекст" (the editor's, first and never replaced) */
  context: v.array(Block),
  /** the story so far, from the archive (when the article is part of one) */
  story: v.optional(Story),
  /** facts about the article's main topics, from the archive */
  facts: v.optional(v.array(TopicFact)),
  /** the section: a category a large share of the archive carries ("Україна", "Світ"); not one of `topics` */
  section: v.optional(TopicRef),
  topics: v.array(TopicRef),
  /** up to 5 other articles, chosen at data build */
  related: v.array(RelatedArticle),
  /** slugs of this article in other languages */
  translations: Translations,
  /** approximate word count of lead + body, for the reading time */
  wordCount: v.number(),
});
export type Article = v.InferOutput<typeof Article>;

export function summarise(a: Article): ArticleSummary {
  return { id: a.id, slug: a.slug, lang: a.lang, headline: a.headline, publishedAt: a.publishedAt, lead: a.lead, topics: a.topics };
}

/** A related card: the summary without its lead and topics (they stay in the list files), and why it is related. */
export function relatedCard(a: Article, reason: RelatedReason): RelatedArticle {
  return { id: a.id, slug: a.slug, lang: a.lang, headline: a.headline, publishedAt: a.publishedAt, reason };
}

/** The plain text of inline runs. */
export function inlineText(runs: readonly Inline[]): string {
  return runs.map((r) => r.text).join('');
}

/** The plain text of a block (an image's caption), for word counts and search. */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'quote':
      return inlineText(block.content);
    case 'heading':
      return block.text;
    case 'list':
      return block.items.map(inlineText).join(' ');
    case 'image':
      return block.caption ?? '';
  }
}

/** Exhaustiveness guard for switches over unions. */
export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
