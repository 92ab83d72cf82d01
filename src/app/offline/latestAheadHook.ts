import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ArticleSummary } from '../../core/model/article.ts';
import type { ListScope } from '../../core/model/dataset.ts';
import { latestQuery } from '../articles/queries.ts';
import { latestAhead } from './latestAhead.ts';

/** The home page calls this with what it shows: its list, and its newest items (latestAhead.ts). */
export function useLatestAhead(scope: ListScope, page: number, items: readonly ArticleSummary[]): void {
  const queryClient = useQueryClient();
  useEffect(() => latestAhead(scope, page, items, () => queryClient.fetchQuery(latestQuery('all', 1))), [queryClient, scope, page, items]);
}
