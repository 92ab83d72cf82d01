/**
 * The dataset layout: what `npm run data` writes and the app fetches.
 * Every file is small and static, so any static host or CDN can serve it,
 * and the app never downloads more than the page it shows. docs/DATA.md
 * describes each file.
 *
 *   data/manifest.json                       Manifest
 *   data/articles/<slug>.json                Article (one per article)
 *   data/latest/<all|uk|en>/1.json           ListPage: the newest articles (the list's head)
 *   data/latest/<all|uk|en>/older/<n>.json   OlderPage: older articles, PAGE_SIZE a page, numbered from the oldest
 *   data/topics/index.json                   TopicIndex (the most used topics; page 1)
 *   data/topics/index/<page>.json            TopicIndex, pages 2… when there are more topics
 *   data/topics/<topic-slug>/1.json          TopicPage: the topic's newest articles
 *   data/topics/<topic-slug>/older/<n>.json  OlderPage, as for latest/
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

/**
 * A list is laid out so that new articles change only its head (docs/adr/0013-incremental-update.md):
 * the older articles are cut into pages of PAGE_SIZE counted from the oldest, which never change
 * once full, and the head holds the rest — the newest PAGE_SIZE to 2 × PAGE_SIZE − 1 articles
 * (all of them when there are fewer). A reader's page p (1 = the newest) is the head for p = 1,
 * else the older page number `pages − p + 1`.
 */
export const ListPage = v.object({
  /** the reader's page: 1, the newest, for the head */
  page: v.number(),
  /** the reader's pages: the head and the older pages */
  pages: v.number(),
  total: v.number(),
  items: v.array(ArticleSummary),
});
export type ListPage = v.InferOutput<typeof ListPage>;

/** An older page of a list: exactly PAGE_SIZE articles, newest first; `page` counts from the oldest (1), so it never changes. */
export const OlderPage = v.object({ page: v.number(), items: v.array(ArticleSummary) });
export type OlderPage = v.InferOutput<typeof OlderPage>;

/** The older page (counted from the oldest) a reader's page p ≥ 2 is, of a list with `pages` reader pages; undefined when there is none. */
export function olderPageOf(page: number, pages: number): number | undefined {
  const n = pages - page + 1;
  return page >= 2 && n >= 1 ? n : undefined;
}

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

