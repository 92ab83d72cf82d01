import { queryOptions } from '@tanstack/react-query';
import { Article } from '../../core/model/article.ts';
import { ListPage, paths, type ListScope } from '../../core/model/dataset.ts';
import { fetchData } from '../lib/fetchData.ts';
import { readerPage } from '../lib/readerPage.ts';

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
    queryFn: ({ signal }): Promise<ListPage> => readerPage(fetchData(paths.latest(scope), ListPage, signal), (n) => paths.latestOlder(scope, n), page, signal),
  });
