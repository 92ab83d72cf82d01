import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useLoaderData, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../core/model/article.ts';
import { topicQuery } from './queries.ts';
import { ArticleCard } from '../articles/ArticleCard.tsx';
import { Pagination } from '../articles/Pagination.tsx';
import { topicLabel } from '../../core/model/topicLabel.ts';
import { NewArticles, newsListKey, type NewsList } from '../ui/NewArticles.tsx';
import { Island } from '../islands/Island.tsx';

export type TopicLoaderData = { page: number };

/** A topic: its articles in every language, newest first. */
export function TopicPage() {
  const { lang, slug = '' } = useParams();
  const ui = lang as Lang;
  const { page } = useLoaderData() as TopicLoaderData;
  const { t } = useTranslation('topics');
  const { data } = useSuspenseQuery(topicQuery(slug, page));
  const label = topicLabel(data.topic.labels, ui, data.topic.slug);
  const queryClient = useQueryClient();
  const list: NewsList = { kind: 'topic', slug };
  const show = useCallback(() => void queryClient.invalidateQueries({ queryKey: newsListKey({ kind: 'topic', slug }) }).then(() => window.scrollTo({ top: 0 })), [queryClient, slug]);

  return (
    <section className="list-page" aria-labelledby="page-title">
      <title>{`${label.text} — Kontekst`}</title>
      <meta name="description" content={t('description', { topic: label.text })} />
      <p className="kicker">{t('kicker')}</p>
      <h1 id="page-title" lang={label.lang}>
        {label.text}
      </h1>
      <p className="meta">{t('count', { count: data.total })}</p>
      {page === 1 ? (
        <Island name="new-articles" props={{ shown: data.total, list }}>
          <NewArticles shown={data.total} list={list} onShow={show} />
        </Island>
      ) : null}
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
      <Pagination page={data.page} pages={data.pages} basePath={`/${ui}/topics/${slug}`} />
    </section>
  );
}
