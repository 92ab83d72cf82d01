/**
 * The one routes file. Loaders fill React Query through the queryOptions
 * factories (ensureQueryData), so the same routes render in the browser and,
 * at build time, in a prerender.
 */
import { data, redirect, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { isLang, loadLanguage, preferredLang } from '../i18n/index.ts';
import { isDataError } from '../lib/fetchData.ts';
import { articleQuery, latestQuery } from '../articles/queries.ts';
import { topicQuery } from '../topics/queries.ts';
import { pageParam } from '../articles/Pagination.tsx';
import { ArticlePage } from '../articles/ArticlePage.tsx';
import { HomePage, type HomeLoaderData } from '../home/HomePage.tsx';
import { TopicPage, type TopicLoaderData } from '../topics/TopicPage.tsx';
import { Layout } from './Layout.tsx';
import { RouteError } from './RouteError.tsx';
import { RootError } from './RootError.tsx';
import { Loading } from '../ui/Loading.tsx';
import { SavedPage } from '../saved/SavedPage.tsx';

const notFound = () => data(null, { status: 404 });

/** Missing data files become the not-found page; other failures go to the error page. */
async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (e) {
    if (isDataError(e, 'not-found')) throw notFound();
    throw e;
  }
}

export function createRoutes({ queryClient, i18n }: { queryClient: QueryClient; i18n: I18n }): RouteObject[] {
  return [
    { path: '/', loader: () => redirect(`/${preferredLang()}/`), hydrateFallbackElement: <Loading /> },
    {
      path: '/:lang',
      id: 'lang',
      element: <Layout />,
      errorElement: <RootError />,
      hydrateFallbackElement: (
        <Layout>
          <Loading />
        </Layout>
      ),
      loader: async ({ params }: LoaderFunctionArgs) => {
        if (!isLang(params.lang)) {
          await loadLanguage(i18n, preferredLang());
          throw notFound();
        }
        await loadLanguage(i18n, params.lang);
        return null;
      },
      children: [
        {
          errorElement: <RouteError />,
          children: [
            {
              index: true,
              element: <HomePage />,
              loader: async ({ params, request }): Promise<HomeLoaderData> => {
                const page = pageParam(request.url);
                if (page === null || !isLang(params.lang)) throw notFound();
                const own = await orNotFound(queryClient.ensureQueryData(latestQuery(params.lang, page)));
                if (own.total > 0) return { scope: params.lang, page };
                await orNotFound(queryClient.ensureQueryData(latestQuery('all', page)));
                return { scope: 'all', page };
              },
            },
            {
              path: 'news/:slug',
              element: <ArticlePage />,
              loader: async ({ params }) => {
                await orNotFound(queryClient.ensureQueryData(articleQuery(params.slug ?? '')));
                return null;
              },
            },
            {
              path: 'topics/:slug',
              element: <TopicPage />,
              loader: async ({ params, request }): Promise<TopicLoaderData> => {
                const page = pageParam(request.url);
                if (page === null) throw notFound();
                await orNotFound(queryClient.ensureQueryData(topicQuery(params.slug ?? '', page)));
                return { page };
              },
            },
            // The page is small; MiniSearch, the index and the worker load on first use (searchClient.ts).
            { path: 'search', lazy: () => import('../search/SearchPage.tsx').then((m) => ({ Component: m.SearchPage })) },
            {
              path: 'saved',
              element: <SavedPage />,
            },
            {
              path: '*',
              loader: () => {
                throw notFound();
              },
            },
          ],
        },
      ],
    },
  ];
}
