import { queryOptions } from '@tanstack/react-query';
import { OlderPage, TopicPage, olderPageOf, paths } from '../../core/model/dataset.ts';
import { DataError, fetchData } from '../lib/fetchData.ts';

/** A reader's page of one topic's articles, newest first: the head, or an older page it names (as latestQuery). */
export const topicQuery = (slug: string, page: number) =>
  queryOptions({
    queryKey: ['topic', slug, page],
    queryFn: async ({ signal }): Promise<TopicPage> => {
      const head = await fetchData(paths.topic(slug), TopicPage, signal);
      if (page === 1) return head;
      const n = olderPageOf(page, head.pages);
      if (n === undefined) throw new DataError('not-found', paths.topicOlder(slug, page));
      const older = await fetchData(paths.topicOlder(slug, n), OlderPage, signal);
      return { ...head, page, items: older.items };
    },
  });
