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
  latest: (scope: ListScope, page: number) => `${DATA_BASE}/latest/${scope}/${page}.json`,
  topicIndex: (page = 1) => (page === 1 ? `${DATA_BASE}/topics/index.json` : `${DATA_BASE}/topics/index/${page}.json`),
  topic: (slug: string, page: number) => `${DATA_BASE}/topics/${slug}/${page}.json`,
};
