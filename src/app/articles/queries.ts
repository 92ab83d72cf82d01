import { queryOptions } from '@tanstack/react-query';
import { Article } from '../../core/model/article.ts';
import { ListPage, paths, type ListScope } from '../../core/model/dataset.ts';
import { fetchData } from '../lib/fetchData.ts';

/** One article file: everything its page shows, related summaries included. */
export const articleQuery = (slug: string) =>
  queryOptions({
    queryKey: ['article', slug],
    queryFn: ({ signal }) => fetchData(paths.article(slug), Article, signal),
  });

/** A page of the newest articles, overall or in one language. */
export const latestQuery = (scope: ListScope, page: number) =>
  queryOptions({
    queryKey: ['latest', scope, page],
    queryFn: ({ signal }) => fetchData(paths.latest(scope, page), ListPage, signal),
  });
