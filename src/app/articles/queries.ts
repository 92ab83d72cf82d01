import { queryOptions } from '@tanstack/react-query';
import { Article } from '../../core/model/article.ts';
import { ListPage, OlderPage, olderPageOf, paths, type ListScope } from '../../core/model/dataset.ts';
import { DataError, fetchData } from '../lib/fetchData.ts';

/** One article file: everything its page shows, related summaries included. */
export const articleQuery = (slug: string) =>
  queryOptions({
    queryKey: ['article', slug],
    queryFn: ({ signal }) => fetchData(paths.article(slug), Article, signal),
  });

/**
 * A reader's page of the newest articles, overall or in one language: page 1 is the list's
 * head; page p ≥ 2 is the older page the head's count names (dataset.ts ListPage), fetched
 * after the head (which the reader has usually just seen).
 */
export const latestQuery = (scope: ListScope, page: number) =>
  queryOptions({
    queryKey: ['latest', scope, page],
    queryFn: async ({ signal }): Promise<ListPage> => {
      const head = await fetchData(paths.latest(scope), ListPage, signal);
      if (page === 1) return head;
      const n = olderPageOf(page, head.pages);
      if (n === undefined) throw new DataError('not-found', paths.latestOlder(scope, page));
      const older = await fetchData(paths.latestOlder(scope, n), OlderPage, signal);
      return { ...head, page, items: older.items };
    },
  });
