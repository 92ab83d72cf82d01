import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useLoaderData, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../core/model/article.ts';
import type { ListScope } from '../../core/model/dataset.ts';
import { NewArticles, newsListKey, type NewsList } from '../ui/NewArticles.tsx';
import { Island } from '../islands/Island.tsx';
import { latestQuery } from '../articles/queries.ts';
import { ArticleCard } from '../articles/ArticleCard.tsx';
import { Pagination } from '../articles/Pagination.tsx';
import { useLatestAhead } from '../offline/latestAheadHook.ts';

export type HomeLoaderData = { scope: ListScope; page: number };

/** Latest news: articles in the UI language, newest first (all languages when there are none). */
export function HomePage() {
  const { lang } = useParams();
  const ui = lang as Lang;
  const { scope, page } = useLoaderData() as HomeLoaderData;
  const { t } = useTranslation(['home', 'common']);
  const { data } = useSuspenseQuery(latestQuery(scope, page));
  useLatestAhead(scope, page, data.items);
  const queryClient = useQueryClient();
  const list: NewsList = { kind: 'latest', scope };
  const show = useCallback(() => void queryClient.invalidateQueries({ queryKey: newsListKey(list) }).then(() => window.scrollTo({ top: 0 })), [queryClient]);

  return (
    <section className="list-page" aria-labelledby="page-title">
      <title>{page > 1 ? `${t('metaTitle')} · ${t('common:pagination.status', { page, pages: data.pages })}` : t('metaTitle')}</title>
      <meta name="description" content={t('description')} />
      <h1 id="page-title">{t('title')}</h1>
      {page === 1 ? (
        <Island name="new-articles" props={{ shown: data.total, list }}>
          <NewArticles shown={data.total} list={list} onShow={show} />
        </Island>
      ) : null}
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
