/**
 * The dataset's file paths and the languages, without the schemas (valibot): what a prerendered
 * page's islands need (docs/adr/0012-islands.md) without carrying the schema code in its first view.
 * dataset.ts and article.ts re-export them.
 */
export const LANGS = ['uk', 'en'] as const;

export const DATA_BASE = '/data';

export const LIST_SCOPES = ['all', ...LANGS] as const;
export type ListScope = (typeof LIST_SCOPES)[number];

export const paths = {
  manifest: () => `${DATA_BASE}/manifest.json`,
  article: (slug: string) => `${DATA_BASE}/articles/${slug}.json`,
  /** the head of a list (the reader's page 1) */
  latest: (scope: ListScope, _head: 1 = 1) => `${DATA_BASE}/latest/${scope}/1.json`,
  /** an older page of a list, numbered from the oldest */
  latestOlder: (scope: ListScope, n: number) => `${DATA_BASE}/latest/${scope}/older/${n}.json`,
  topicIndex: (page = 1) => (page === 1 ? `${DATA_BASE}/topics/index.json` : `${DATA_BASE}/topics/index/${page}.json`),
  /** the head of a topic's list (the reader's page 1) */
  topic: (slug: string, _head: 1 = 1) => `${DATA_BASE}/topics/${slug}/1.json`,
  topicOlder: (slug: string, n: number) => `${DATA_BASE}/topics/${slug}/older/${n}.json`,
};
