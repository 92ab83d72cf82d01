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
 *   data/retired.json                        Retired (only when the retention option dropped articles)
 */
import * as v from 'valibot';
import { ArticleSummary, Lang, Slug, TopicLabels } from './article.ts';

import { DATA_BASE, LIST_SCOPES, paths, type ListScope } from './paths.ts';

export { DATA_BASE, LIST_SCOPES, paths, type ListScope };
export const PAGE_SIZE = 20;

export const Manifest = v.object({
  version: v.literal(1),
  articleCount: v.number(),
  languages: v.array(Lang),
  /** articles per language */
  counts: v.record(v.string(), v.number()),
  builtAt: v.string(),
  /** sha-256 of the articles' content: changes exactly when the content does */
  contentHash: v.string(),
  pageSize: v.number(),
  topicCount: v.number(),
});
export type Manifest = v.InferOutput<typeof Manifest>;

export const ListPage = v.object({
  page: v.number(),
  pages: v.number(),
  total: v.number(),
  items: v.array(ArticleSummary),
});
export type ListPage = v.InferOutput<typeof ListPage>;

export const TopicInfo = v.object({ slug: Slug, labels: TopicLabels, count: v.number() });
export type TopicInfo = v.InferOutput<typeof TopicInfo>;

/** Topics per index file: keeps each well under 1 MB (~80 bytes a topic). */
export const TOPIC_INDEX_PAGE_SIZE = 5000;

export const TopicIndex = v.object({
  topics: v.array(TopicInfo),
  /** present when the index is split: this file's page (1 = index.json) and how many there are */
  page: v.optional(v.number()),
  pages: v.optional(v.number()),
});
export type TopicIndex = v.InferOutput<typeof TopicIndex>;

export const TopicPage = v.object({ ...ListPage.entries, topic: TopicInfo });
export type TopicPage = v.InferOutput<typeof TopicPage>;

/** Slugs of articles the retention option dropped: never given to another article (the app does not read it). */
export const Retired = v.object({ slugs: v.array(Slug) });
export type Retired = v.InferOutput<typeof Retired>;

