import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../core/model/article.ts';
import { isLang } from '../i18n/index.ts';
import { Time } from '../articles/Time.tsx';
import { TopicLinks } from '../articles/TopicList.tsx';
import type { Hit, Segment } from './engine.ts';
import { searchPath } from './searchPath.ts';

const PAGE = 20;

/** Text with the matched words in <mark>: React nodes, never HTML. */
function Marked({ segments }: { segments: readonly Segment[] }) {
  return segments.map((s, k) => (s.mark ? <mark key={k}>{s.text}</mark> : s.text));
}

function Result({ hit, ui, contentLang }: { hit: Hit; ui: Lang; contentLang: Lang }) {
  const { t } = useTranslation('search');
  const lang = contentLang !== ui ? contentLang : undefined;
  return (
    <article className="card">
      <h2 className="card-title">
        <Link to={`/${ui}/news/${hit.slug}`} lang={lang}>
          <Marked segments={hit.headline} />
        </Link>
      </h2>
      <p className="meta">
        <Time iso={hit.publishedAt} />
      </p>
      {hit.lead.length > 0 ? (
        <p className="card-lead" lang={lang}>
          <Marked segments={hit.lead} />
        </p>
      ) : null}
      {hit.topics.length > 0 ? (
        <TopicLinks topics={hit.topics} ui={ui} className="result-topics" aria-label={t('topics')} />
      ) : null}
    </article>
  );
}

/** The results of a query; while the reader types, the last results stay until the new ones arrive. */
function Results({ ui, contentLang, q }: { ui: Lang; contentLang: Lang; q: string }) {
  const { t } = useTranslation('search');
  // "Show more" belongs to one query: a new query starts from the first page.
  const [paging, setPaging] = useState({ q, limit: PAGE });
  const limit = paging.q === q ? paging.limit : PAGE;
  const query = useQuery({
    queryKey: ['search', contentLang, q, limit],
    queryFn: async () => (await import('./searchClient.ts')).search(contentLang, q, limit),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
    networkMode: 'always',
  });
  const other: Lang = contentLang === 'uk' ? 'en' : 'uk';
  const otherLink = (
    <p>
      <Link to={searchPath(ui, q, other)}>{t(`otherLang.${other}`)}</Link>
    </p>
  );

  if (query.isError && !query.data) {
    const kind = (query.error as { kind?: string }).kind;
    return (
      <div role="alert">
        <h2>{t('error.title')}</h2>
        <p>{kind === 'network' ? t('error.network') : kind === 'invalid' ? t('error.invalid') : t('error.unknown')}</p>
        <p className="actions">
          <button type="button" onClick={() => void query.refetch()} disabled={query.isFetching}>
            {t('error.retry')}
          </button>
        </p>
      </div>
    );
  }
  if (!query.data) {
    return (
      <p className="search-status" role="status">
        {t('loading')}
      </p>
    );
  }
  const { hits, total, searched, docs } = query.data;
  // offline, a word never searched before is looked up among the newest articles only
  const partial = searched < docs;
  return (
    <div className={query.isPlaceholderData ? 'search-busy' : undefined} aria-busy={query.isFetching}>
      <div role="status">
        {total === 0 ? (
          <>
            <p className="search-none">{t('none')}</p>
            <p>{t('noneHint', { query: q })}</p>
          </>
        ) : (
          <p className="search-status">{t('found', { count: total, query: q })}</p>
        )}
      </div>
      {partial ? <p className="search-status">{t('partial', { searched, docs })}</p> : null}
      {hits.length > 0 ? (
        <ol className="card-list" aria-label={t('results')}>
          {hits.map((hit) => (
            <li key={hit.slug}>
              <Result hit={hit} ui={ui} contentLang={contentLang} />
            </li>
          ))}
        </ol>
      ) : null}
      <div className="search-more">
        {hits.length < total ? (
          <button type="button" onClick={() => setPaging({ q, limit: limit + PAGE })} disabled={query.isFetching}>
            {t('showMore')}
          </button>
        ) : null}
      </div>
      {total === 0 || contentLang !== ui ? otherLink : null}
    </div>
  );
}

/** /:lang/search?q=…[&in=uk|en]: full-text search over one content language (the UI's by default). */
export function SearchPage() {
  const { lang } = useParams();
  const ui = lang as Lang;
  const [params] = useSearchParams();
  const { t } = useTranslation('search');
  const q = (params.get('q') ?? '').trim();
  const inParam = params.get('in');
  const contentLang: Lang = isLang(inParam) ? inParam : ui;

  return (
    <section className="search-page" aria-labelledby="page-title">
      <title>{`${q ? t('metaTitleFor', { query: q }) : t('metaTitle')} — Kontekst`}</title>
      <meta name="robots" content="noindex" />
      <h1 id="page-title">{t('title')}</h1>
      {contentLang !== ui ? <p className="notice">{t(`inLang.${contentLang}`)}</p> : null}
      {q === '' ? <p>{t('empty')}</p> : <Results key={contentLang} ui={ui} contentLang={contentLang} q={q} />}
    </section>
  );
}
