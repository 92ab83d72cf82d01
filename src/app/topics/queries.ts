import { queryOptions } from '@tanstack/react-query';
import { TopicPage, paths } from '../../core/model/dataset.ts';
import { fetchData } from '../lib/fetchData.ts';
import { readerPage } from '../lib/readerPage.ts';

/** A reader's page of one topic's articles, newest first: the head, or an older page it names (as latestQuery). */
export const topicQuery = (slug: string, page: number) =>
  queryOptions({
    queryKey: ['topic', slug, page],
    queryFn: ({ signal }): Promise<TopicPage> => readerPage(fetchData(paths.topic(slug), TopicPage, signal), (n) => paths.topicOlder(slug, n), page, signal),
  });
