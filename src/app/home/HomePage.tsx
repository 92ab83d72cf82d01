import { useSuspenseQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useLoaderData, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../core/model/article.ts';
import { type ListScope, ListPage, paths } from '../../core/model/dataset.ts';
import { fetchData } from '../lib/fetchData.ts';
import { NewArticles } from '../ui/NewArticles.tsx';
import { latestQuery } from '../articles/queries.ts';
import { ArticleCard } from '../articles/ArticleCard.tsx';
import { Pagination } from '../articles/Pagination.tsx';
import { useLatestAhead } from '../offline/latestAhead.ts';

export type HomeLoaderData = { scope: ListScope; page: number };

/** Latest news: articles in the UI language, newest first (all languages when there are none). */
export function HomePage() {
  const { lang } = useParams();
  const ui = lang as Lang;
  const { scope, page } = useLoaderData() as HomeLoaderData;
  const { t } = useTranslation(['home', 'common']);
  const { data } = useSuspenseQuery(latestQuery(scope, page));
  useLatestAhead(scope, page, data.items);
  const total = useCallback((signal: AbortSignal) => fetchData(paths.latest(scope, 1), ListPage, signal, 'no-cache').then((p) => p.total), [scope]);

  return (
    <section className="list-page" aria-labelledby="page-title">
      <title>{page > 1 ? `${t('metaTitle')} · ${t('common:pagination.status', { page, pages: data.pages })}` : t('metaTitle')}</title>
      <meta name="description" content={t('description')} />
      <h1 id="page-title">{t('title')}</h1>
      {page === 1 ? <NewArticles shown={data.total} queryKey={['latest']} total={total} /> : null}
      {scope === 'all' ? <p className="notice">{t('otherLanguages', { language: t(`common:langName.${ui}`) })}</p> : null}
      {data.items.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="card-list">
          {data.items.map((item) => (
            <li key={item.id}>
              <ArticleCard article={item} ui={ui} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={data.page} pages={data.pages} basePath={`/${ui}/`} />
    </section>
  );
}
