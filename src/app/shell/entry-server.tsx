/**
 * Server entry (build time only, never in the client bundle): renders one URL
 * with the SAME routes as the browser (createRoutes), through react-router's
 * static handler, and returns the HTML of #root with the state the client
 * needs to hydrate it (React Query cache + the router's loader data).
 *
 * The loaders fetch `/data/…` as in the browser; the prerender script
 * (scripts/prerender.ts) answers those fetches from the built dataset.
 */
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n/index.ts';
import { createQueryClient } from './queryClient.ts';
import { createRoutes } from './routes.tsx';
import { snapshotQueries, type HydrationState } from './hydration.ts';
import { takeFormattedDates } from '../../core/time/dates.ts';

export type RenderResult =
  | { kind: 'page'; status: number; html: string; state: HydrationState; lang: string }
  | { kind: 'redirect'; status: number; location: string };

export async function renderUrl(url: string): Promise<RenderResult> {
  const queryClient = createQueryClient();
  const i18n = createI18n();
  const handler = createStaticHandler(createRoutes({ queryClient, i18n }));
  const context = await handler.query(new Request(url));
  if (context instanceof Response) {
    return { kind: 'redirect', status: context.status, location: context.headers.get('Location') ?? '/' };
  }
  const router = createStaticRouter(handler.dataRoutes, context);
  takeFormattedDates();
  const html = renderToString(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <I18nextProvider i18n={i18n}>
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </I18nextProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
  const state: HydrationState = {
    path: new URL(url).pathname,
    queries: snapshotQueries(queryClient),
    dates: takeFormattedDates(),
    router: { loaderData: context.loaderData, actionData: context.actionData, errors: context.errors },
  };
  queryClient.clear();
  return { kind: 'page', status: context.statusCode, html, state, lang: i18n.language };
}
