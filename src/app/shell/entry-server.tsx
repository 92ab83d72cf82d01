/**
 * Server entry (build time only, never in the client bundle): the app's side
 * of the prerender (AppServer, src/core/page/appServer.ts). renderUrl renders
 * one URL with the SAME routes as the browser (createRoutes), through
 * react-router's static handler, and returns the HTML of #root with the state
 * the client needs to hydrate it (React Query cache + the router's loader
 * data); embedCard renders the embed card; headStrings gives a page head's
 * strings in a UI language.
 *
 * The loaders fetch `/data/…` as in the browser; the prerender step
 * (src/build/prerender) answers those fetches from the built dataset.
 */
import { StrictMode } from 'react';
import { renderToStaticMarkup, renderToString } from 'react-dom/server';
import type { TFunction, i18n as I18n } from 'i18next';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { createI18n, loadLanguage } from '../i18n/index.ts';
import { EMBED_CSS, EmbedCard } from '../embed/EmbedCard.tsx';
import type { Article, Lang } from '../../core/model/article.ts';
import { topicLabel } from '../../core/model/topicLabel.ts';
import type { AppServer, HeadStrings, RenderResult } from '../../core/page/appServer.ts';
import { createQueryClient } from './queryClient.ts';
import { createRoutes } from './routes.tsx';
import { snapshotQueries, type HydrationState } from './hydration.ts';
import { takeFormattedDates } from '../../core/time/dates.ts';

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

const NS = ['embed', 'common', 'home', 'article'] as const;
type T = TFunction<typeof NS>;
let strings: I18n | undefined;
const fixedT = (ui: Lang): T => {
  if (!strings?.hasResourceBundle(ui, 'common')) throw new Error(`embedCard: call headStrings('${ui}') first`);
  return strings.getFixedT(ui, NS);
};

export async function headStrings(ui: Lang): Promise<HeadStrings> {
  strings ??= createI18n();
  await loadLanguage(strings, ui);
  const t = fixedT(ui);
  return {
    siteDescription: t('embed:siteDescription'),
    section: t('embed:section'),
    shareImageAlt: (headline) => t('embed:shareImageAlt', { headline }),
    topicLabel: (topic) => topicLabel(topic.labels, ui, topic.slug).text,
    homeTitle: t('home:metaTitle'),
    tagline: t('common:site.tagline'),
  };
}

export function embedCard(article: Article, ui: Lang, articleUrl: string): { body: string; css: string } {
  const t = fixedT(ui);
  const body = renderToStaticMarkup(
    <EmbedCard
      article={article}
      ui={ui}
      articleUrl={articleUrl}
      labels={{ readOn: t('embed:readOn'), newTab: t('embed:newTab'), cardLabel: t('embed:cardLabel'), topics: t('article:topics.title'), kyivTime: t('embed:kyivTime') }}
    />,
  );
  return { body, css: EMBED_CSS };
}

export default { renderUrl, headStrings, embedCard } satisfies AppServer;
