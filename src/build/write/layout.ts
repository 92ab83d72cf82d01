/**
 * Articles → the files of the dataset layout (src/core/model/dataset.ts). Pure: it
 * returns path → JSON value, every value checked against its schema; write.ts
 * puts them on disk.
 */
import * as v from 'valibot';
import { createHash } from 'node:crypto';
import { Article, type ArticleSummary, LANGS, type TopicRef } from '../../core/model/article.ts';
import {
  DATA_BASE,
  LIST_SCOPES,
  ListPage,
  type ListScope,
  Manifest,
  OlderPage,
  PAGE_SIZE,
  TOPIC_INDEX_PAGE_SIZE,
  TopicIndex,
  type TopicInfo,
  TopicPage,
  paths,
} from '../../core/model/dataset.ts';
import { AfterWritten, withJsonText } from '../lib/jsonText.ts';
import { toSummary } from '../enrich/enrich.ts';
import { buildSearchIndex } from '../index/buildIndex.ts';
import { timeOf } from '../../core/time/dates.ts';

/** A dataset path relative to the data folder: "/data/articles/x.json" → "articles/x.json". */
export function relativePath(path: string): string {
  return path.startsWith(`${DATA_BASE}/`) ? path.slice(DATA_BASE.length + 1) : path;
}

/** A sorted copy, newest first, then by id, so equal times keep one order (each time parsed once). */
export function newestFirst<T extends Pick<Article, 'publishedAt' | 'id'>>(items: readonly T[]): T[] {
  return items
    .map((a) => ({ a, t: timeOf(a.publishedAt) }))
    .sort((x, y) => y.t - x.t || (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0))
    .map(({ a }) => a);
}


/**
 * sha-256 over the article files (each one's JSON and a newline), newest first
 * (then by id), as layoutDataset lays them out and write.ts writes them: it
 * changes exactly when some article's content does, and never because of the
 * build time. A dataset that is written has it computed by the writer from the
 * text it writes (hashWhenWritten), so no article is serialised twice.
 */
export function contentHash(articles: readonly Article[]): string {
  const hash = createHash('sha256');
  for (const a of newestFirst(articles)) hash.update(`${JSON.stringify(a)}\n`, 'utf8');
  return hash.digest('hex');
}

/** The files contentHash covers. */
const ARTICLES = relativePath(paths.article('')).replace(/\.json$/, '');
const isArticleFile = (path: string): boolean => path.startsWith(ARTICLES);

/**
 * Split a list (newest first) into its head and older pages (dataset.ts ListPage): the
 * older pages are cut from the oldest, pageSize each, and never change once written; the
 * head holds the rest, pageSize to 2 × pageSize − 1 articles (all of them when there are
 * fewer than pageSize). The head always exists, even when empty.
 */
export function paginate<T>(items: readonly T[], pageSize = PAGE_SIZE): { head: { page: 1; pages: number; total: number; items: T[] }; older: Array<{ page: number; items: T[] }> } {
  const olderCount = Math.max(0, Math.floor(items.length / pageSize) - 1);
  const headSize = items.length - olderCount * pageSize;
  const older = Array.from({ length: olderCount }, (_, k) => {
    // older page k + 1 (from the oldest): items counted from the end of the newest-first list
    const end = items.length - k * pageSize;
    return { page: k + 1, items: items.slice(end - pageSize, end) };
  });
  return { head: { page: 1, pages: olderCount + 1, total: items.length, items: items.slice(0, headSize) }, older };
}

function check<T>(schema: v.GenericSchema, value: T, path: string): T {
  const result = v.safeParse(schema, value);
  if (!result.success) throw new Error(`internal error: ${path} does not match its schema: ${JSON.stringify(v.flatten(result.issues))}`);
  return value;
}

export interface LayoutOptions {
  /** ISO time of the build, for the manifest */
  builtAt: string;
  pageSize?: number;
  /** the articles were checked against the Article schema already (enrich.ts does, after related) */
  validated?: boolean;
  topicIndexPageSize?: number;
  /** the search files of these articles, built already (a worker thread); built here when left out */
  search?: ReadonlyMap<string, unknown>;
  /**
   * the manifest's contentHash is computed by the writer from the article files'
   * text (the manifest is an AfterWritten): for files that go to write.ts only
   */
  hashWhenWritten?: boolean;
}

/** Every file of the dataset: relative path → value. */
export function layoutDataset(
  input: readonly Article[],
  { builtAt, pageSize = PAGE_SIZE, validated = false, topicIndexPageSize = TOPIC_INDEX_PAGE_SIZE, search, hashWhenWritten = false }: LayoutOptions,
): Map<string, unknown> {
  const files = new Map<string, unknown>();
  const put = (path: string, value: unknown): void => {
    files.set(relativePath(path), value);
  };
  /**
   * A list page's items are summaries of articles that passed the Article schema:
   * when the articles were validated, only the page around them is checked.
   */
  const checkList = <T extends { items: readonly ArticleSummary[] }>(
    schema: v.GenericSchema,
    value: T,
    path: string,
  ): T => {
    check(schema, validated ? { ...value, items: [] } : value, path);
    return value;
  };
  const articles = newestFirst(input);
  const summaries = articles.map(toSummary);
  /**
   * A list page's text from its summaries' texts, each made once though the
   * summary is in several lists (the same text as JSON.stringify: `items` is
   * the page's last key).
   */
  const summaryTexts = new Map<ArticleSummary, string>();
  const summaryText = (s: ArticleSummary): string => {
    let text = summaryTexts.get(s);
    if (text === undefined) summaryTexts.set(s, (text = JSON.stringify(s)));
    return text;
  };
  const listPage = <T extends object>(head: T, items: readonly ArticleSummary[]): T & { items: readonly ArticleSummary[] } => {
    const page = { ...head, items };
    return withJsonText(page, () => `${JSON.stringify({ ...head, items: [] }).slice(0, -3)}[${items.map(summaryText).join(',')}]}`);
  };

  for (const a of articles) put(paths.article(a.slug), validated ? a : check(Article, a, paths.article(a.slug)));

  const scopes: Record<ListScope, ArticleSummary[]> = { all: summaries, uk: [], en: [] };
  for (const s of summaries) scopes[s.lang].push(s);
  for (const scope of LIST_SCOPES) {
    const { head: { items, ...head }, older } = paginate(scopes[scope], pageSize);
    put(paths.latest(scope), checkList(ListPage, listPage(head, items), paths.latest(scope)));
    for (const { page, items } of older) put(paths.latestOlder(scope, page), checkList(OlderPage, listPage({ page }, items), paths.latestOlder(scope, page)));
  }

  const topics = new Map<string, { ref: TopicRef; items: ArticleSummary[] }>();
  summaries.forEach((s, k) => {
    const a = articles[k];
    // a section's page lists its articles too
    for (const ref of a?.section ? [a.section, ...a.topics] : (a?.topics ?? [])) {
      const entry = topics.get(ref.slug);
      if (entry) entry.items.push(s);
      else topics.set(ref.slug, { ref, items: [s] });
    }
  });
  const infos: TopicInfo[] = [...topics.values()]
    .map(({ ref, items }) => ({ slug: ref.slug, labels: ref.labels, count: items.length }))
    .sort((a, b) => b.count - a.count || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const indexPages = Math.max(1, Math.ceil(infos.length / topicIndexPageSize));
  for (let page = 1; page <= indexPages; page++) {
    const topics = infos.slice((page - 1) * topicIndexPageSize, page * topicIndexPageSize);
    const value = indexPages === 1 ? { topics } : { topics, page, pages: indexPages };
    put(paths.topicIndex(page), check(TopicIndex, value, paths.topicIndex(page)));
  }
  for (const topic of infos) {
    const { head: { items, ...head }, older } = paginate(topics.get(topic.slug)?.items ?? [], pageSize);
    put(paths.topic(topic.slug), checkList(TopicPage, listPage({ topic, ...head }, items), paths.topic(topic.slug)));
    for (const { page, items } of older) put(paths.topicOlder(topic.slug, page), checkList(OlderPage, listPage({ page }, items), paths.topicOlder(topic.slug, page)));
  }

  // Search: one index per content language, under search/ (src/build/index/buildIndex.ts).
  for (const [path, value] of search ?? buildSearchIndex(articles)) files.set(path, value);

  const counts: Record<string, number> = {};
  for (const lang of LANGS) counts[lang] = scopes[lang].length;
  const manifest = (hash: string): Manifest =>
    check(
      Manifest,
      {
        version: 1,
        articleCount: articles.length,
        languages: LANGS.filter((l) => (counts[l] ?? 0) > 0),
        counts,
        builtAt,
        contentHash: hash,
        pageSize,
        topicCount: infos.length,
      },
      paths.manifest(),
    );
  put(paths.manifest(), hashWhenWritten ? new AfterWritten(isArticleFile, manifest) : manifest(contentHash(articles)));
  return files;
}
