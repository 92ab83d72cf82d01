import { useEffect } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import type { i18n as I18n } from 'i18next';
import type { createBrowserRouter } from 'react-router';
import { INTERACTIVE_MARK } from '../../core/page/state.ts';

type Props = {
  router: ReturnType<typeof createBrowserRouter>;
  queryClient: QueryClient;
  i18n: I18n;
  /** runs once the first view has hydrated (or rendered): what the first view does not need starts here */
  onInteractive?: () => void;
};

export function App({ router, queryClient, i18n, onInteractive }: Props) {
  useEffect(() => {
    performance.mark(INTERACTIVE_MARK);
    onInteractive?.();
  }, [onInteractive]);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <RouterProvider router={router} />
      </I18nextProvider>
    </QueryClientProvider>
  );
}
