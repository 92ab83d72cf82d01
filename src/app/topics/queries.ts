import { queryOptions } from '@tanstack/react-query';
import { TopicPage, paths } from '../../core/model/dataset.ts';
import { fetchData } from '../lib/fetchData.ts';

/** A page of one topic's articles, newest first. */
export const topicQuery = (slug: string, page: number) =>
  queryOptions({
    queryKey: ['topic', slug, page],
    queryFn: ({ signal }) => fetchData(paths.topic(slug, page), TopicPage, signal),
  });
