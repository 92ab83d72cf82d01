/**
 * The article model: one runtime schema (zod/mini, ~4 KB in the client) used
 * wherever data enters — the import pipeline before it writes the dataset, and
 * the app after it fetches a dataset file. Types are inferred from the schema,
 * so the two can never drift apart.
 *
 * Content is data, not HTML: an article body is a list of typed blocks.
 */
import * as z from 'zod/mini';

export const LANGS = ['uk', 'en'] as const;
export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;

/** A link target: http(s) or mailto only — anything else never reaches a page. */
export const SAFE_URL = /^(https?:\/\/|mailto:)[^\s<>"]+$/i;
export const Href = z.string().check(z.regex(SAFE_URL, 'link must be http(s) or mailto'));

/**
 * ISO 8601: either a date-time with an explicit offset (2021-12-21T16:00:00+02:00)
 * or a plain date (2021-12-21) when the source gave no time.
 */
export const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
export const IsoDate = z.string().check(z.regex(ISO_DATE_TIME, 'ISO 8601 date with offset expected'));

/** A slug is stable, lowercase ASCII: letters, digits and single hyphens. */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const Slug = z.string().check(z.regex(SLUG, 'slug must be lowercase ASCII with hyphens'), z.maxLength(120));

const NonEmpty = z.string().check(z.minLength(1));

// ---- inline runs -----------------------------------------------------------
export const TextRun = z.object({ type: z.literal('text'), text: z.string() });
export const EmphasisRun = z.object({
  type: z.literal('emphasis'),
  text: z.string(),
  /** strong emphasis (<strong>) rather than <em> */
  strong: z.optional(z.boolean()),
});
export const LinkRun = z.object({ type: z.literal('link'), text: z.string(), href: Href });
export const Inline = z.discriminatedUnion('type', [TextRun, EmphasisRun, LinkRun]);
export type Inline = z.infer<typeof Inline>;

// ---- blocks ----------------------------------------------------------------
export const ParagraphBlock = z.object({ type: z.literal('paragraph'), content: z.array(Inline) });
export const QuoteBlock = z.object({
  type: z.literal('quote'),
  content: z.array(Inline),
  /** who is quoted, when known */
  cite: z.optional(z.string()),
});
export const HeadingBlock = z.object({
  type: z.literal('heading'),
  level: z.union([z.literal(2), z.literal(3), z.literal(4)]),
  text: NonEmpty,
});
export const ListBlock = z.object({
  type: z.literal('list'),
  ordered: z.boolean(),
  items: z.array(z.array(Inline)),
});
export const ImageBlock = z.object({
  type: z.literal('image'),
  src: z.string().check(z.regex(/^https?:\/\/|^\/(?!\/)/, 'image must be http(s) or site-relative')),
  alt: z.string(),
  caption: z.optional(z.string()),
  credit: z.optional(z.string()),
  width: z.optional(z.number()),
  height: z.optional(z.number()),
});
export const Block = z.discriminatedUnion('type', [ParagraphBlock, QuoteBlock, HeadingBlock, ListBlock, ImageBlock]);
export type Block = z.infer<typeof Block>;
export type ParagraphBlock = z.infer<typeof ParagraphBlock>;

// ---- topics, sources, related ---------------------------------------------
export const TopicLabels = z.object({ uk: z.optional(z.string()), en: z.optional(z.string()) });
export type TopicLabels = z.infer<typeof TopicLabels>;
export const TopicRef = z.object({ slug: Slug, labels: TopicLabels });
export type TopicRef = z.infer<typeof TopicRef>;

export const Source = z.object({ name: NonEmpty, url: z.optional(Href) });
export type Source = z.infer<typeof Source>;

/** Why an article is listed under "More on this topic". */
export const RelatedReason = z.discriminatedUnion('type', [
  /** shares these topics (slugs), the rarest first */
  z.object({ type: z.literal('topics'), topics: z.array(Slug) }),
  /** similar words in headline and lead */
  z.object({ type: z.literal('text') }),
  /** picked by the editor in the source ("Ще на цю тему") */
  z.object({ type: z.literal('editorial') }),
]);
export type RelatedReason = z.infer<typeof RelatedReason>;

/** What a list shows of an article: enough for a card, nothing more. */
export const ArticleSummary = z.object({
  id: NonEmpty,
  slug: Slug,
  lang: Lang,
  headline: NonEmpty,
  publishedAt: IsoDate,
  lead: z.optional(z.string()),
  topics: z.optional(z.array(TopicRef)),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const RelatedArticle = z.extend(ArticleSummary, { reason: RelatedReason });
export type RelatedArticle = z.infer<typeof RelatedArticle>;

export const Translations = z.object({ uk: z.optional(Slug), en: z.optional(Slug) });

export const Article = z.object({
  id: NonEmpty,
  slug: Slug,
  lang: Lang,
  headline: NonEmpty,
  publishedAt: IsoDate,
  updatedAt: z.optional(IsoDate),
  source: Source,
  author: z.optional(z.string()),
  /** canonical link to the original, when the article came from a feed */
  url: z.optional(Href),
  lead: z.string(),
  body: z.array(Block),
  /** background: the seed's "Контекст" */
  context: z.array(Block),
  topics: z.array(TopicRef),
  /** up to 5 other articles, chosen at data build */
  related: z.array(RelatedArticle),
  /** slugs of this article in other languages */
  translations: Translations,
  /** approximate word count of lead + body, for the reading time */
  wordCount: z.number(),
});
export type Article = z.infer<typeof Article>;

export function summarise(a: Article): ArticleSummary {
  return { id: a.id, slug: a.slug, lang: a.lang, headline: a.headline, publishedAt: a.publishedAt, lead: a.lead, topics: a.topics };
}

/** The plain text of inline runs. */
export function inlineText(runs: readonly Inline[]): string {
  return runs.map((r) => r.text).join('');
}

/** Exhaustiveness guard for switches over unions. */
export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
