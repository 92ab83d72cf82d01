import { useSuspenseQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useLoaderData, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../core/model/article.ts';
import { topicQuery } from './queries.ts';
import { ArticleCard } from '../articles/ArticleCard.tsx';
import { Pagination } from '../articles/Pagination.tsx';
import { topicLabel } from '../../core/model/topicLabel.ts';
import { TopicPage as TopicPageFile, paths } from '../../core/model/dataset.ts';
import { fetchData } from '../lib/fetchData.ts';
import { NewArticles } from '../ui/NewArticles.tsx';

export type TopicLoaderData = { page: number };

/** A topic: its articles in every language, newest first. */
export function TopicPage() {
  const { lang, slug = '' } = useParams();
  const ui = lang as Lang;
  const { page } = useLoaderData() as TopicLoaderData;
  const { t } = useTranslation('topics');
  const { data } = useSuspenseQuery(topicQuery(slug, page));
  const label = topicLabel(data.topic.labels, ui, data.topic.slug);
  const total = useCallback((signal: AbortSignal) => fetchData(paths.topic(slug, 1), TopicPageFile, signal, 'no-cache').then((p) => p.total), [slug]);

  return (
    <section className="list-page" aria-labelledby="page-title">
      <title>{`${label.text} — Kontekst`}</title>
      <meta name="description" content={t('description', { topic: label.text })} />
      <p className="kicker">{t('kicker')}</p>
      <h1 id="page-title" lang={label.lang}>
        {label.text}
      </h1>
      <p className="meta">{t('count', { count: data.total })}</p>
      {page === 1 ? <NewArticles shown={data.total} queryKey={['topic', slug]} total={total} /> : null}
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
