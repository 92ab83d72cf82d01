import { QueryClient } from '@tanstack/react-query';
import { isDataError } from '../lib/fetchData.ts';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5 * 60_000,
        gcTime: 30 * 60_000,
        // A missing or malformed file will not get better by asking again.
        retry: (count, error) => !isDataError(error, 'not-found') && !isDataError(error, 'invalid') && count < 1,
        // Always call the fetcher, even when the browser says it is offline: a service worker may answer.
        networkMode: 'always',
      },
    },
  });
}
