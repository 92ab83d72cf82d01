/**
 * The dataset layout: what `npm run data` writes and the app fetches.
 * Every file is small and static, so any static host or CDN can serve it,
 * and the app never downloads more than the page it shows. docs/DATA.md
 * describes each file.
 *
 *   data/manifest.json                       Manifest
 *   data/articles/<slug>.json                Article (one per article)
 *   data/latest/<all|uk|en>/<page>.json      ListPage, newest first
 *   data/topics/index.json                   TopicIndex (the most used topics; page 1)
 *   data/topics/index/<page>.json            TopicIndex, pages 2… when there are more topics
 *   data/topics/<topic-slug>/<page>.json     TopicPage, newest first
 */
import * as z from 'zod/mini';
import { ArticleSummary, Lang, Slug, TopicLabels } from './article.ts';

export const DATA_BASE = '/data';
export const PAGE_SIZE = 20;

export const LIST_SCOPES = ['all', 'uk', 'en'] as const;
export type ListScope = (typeof LIST_SCOPES)[number];

export const Manifest = z.object({
  version: z.literal(1),
  articleCount: z.number(),
  languages: z.array(Lang),
  /** articles per language */
  counts: z.record(z.string(), z.number()),
  builtAt: z.string(),
  /** sha-256 of the articles' content: changes exactly when the content does */
  contentHash: z.string(),
  pageSize: z.number(),
  topicCount: z.number(),
});
export type Manifest = z.infer<typeof Manifest>;

export const ListPage = z.object({
  page: z.number(),
  pages: z.number(),
  total: z.number(),
  items: z.array(ArticleSummary),
});
export type ListPage = z.infer<typeof ListPage>;

export const TopicInfo = z.object({ slug: Slug, labels: TopicLabels, count: z.number() });
export type TopicInfo = z.infer<typeof TopicInfo>;

/** Topics per index file: keeps each well under 1 MB (~80 bytes a topic). */
export const TOPIC_INDEX_PAGE_SIZE = 5000;

export const TopicIndex = z.object({
  topics: z.array(TopicInfo),
  /** present when the index is split: this file's page (1 = index.json) and how many there are */
  page: z.optional(z.number()),
  pages: z.optional(z.number()),
});
export type TopicIndex = z.infer<typeof TopicIndex>;

export const TopicPage = z.extend(ListPage, { topic: TopicInfo });
export type TopicPage = z.infer<typeof TopicPage>;

export const paths = {
  manifest: () => `${DATA_BASE}/manifest.json`,
  article: (slug: string) => `${DATA_BASE}/articles/${slug}.json`,
  latest: (scope: ListScope, page: number) => `${DATA_BASE}/latest/${scope}/${page}.json`,
  topicIndex: (page = 1) => (page === 1 ? `${DATA_BASE}/topics/index.json` : `${DATA_BASE}/topics/index/${page}.json`),
  topic: (slug: string, page: number) => `${DATA_BASE}/topics/${slug}/${page}.json`,
};
