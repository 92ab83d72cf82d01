import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../core/model/article.ts';
import { ArticleCard } from '../articles/ArticleCard.tsx';
import { Time } from '../articles/Time.tsx';
import { Loading } from '../ui/Loading.tsx';
import { savedStore } from './store.ts';
import { useSaved } from './useSaved.ts';

/** /:lang/saved — the articles the reader saved for offline reading, each with Remove. */
export function SavedPage() {
  const { lang } = useParams();
  const ui = lang as Lang;
  const { t } = useTranslation('saved');
  const { available, entries, stale } = useSaved();

  return (
    <section className="list-page" aria-labelledby="page-title">
      <title>{`${t('title')} — Kontekst`}</title>
      <meta name="robots" content="noindex" />
      <h1 id="page-title">{t('title')}</h1>
      {stale > 0 ? (
        <p className="saved-row">
          <span>{t('stale', { count: stale })}</span>
          <button type="button" className="secondary" onClick={() => void savedStore.removeStale().catch((e: unknown) => console.warn('Kontekst: remove failed', e))}>
            {t('removeStale', { count: stale })}
          </button>
        </p>
      ) : null}
      {!available ? (
        <p>{t('unavailable')}</p>
      ) : entries === null ? (
        <Loading />
      ) : entries.length === 0 ? (
        <>
          <p>{t('empty')}</p>
          <p>
            <Link to={`/${ui}/`}>{t('latest')}</Link>
          </p>
        </>
      ) : (
        <>
          <p>
            {t('intro')} {t('count', { count: entries.length })}
          </p>
          <ul className="card-list">
            {entries.map((item) => (
              <li key={item.slug}>
                <ArticleCard article={item} ui={ui}>
                  <p className="saved-row">
                    {item.savedAt ? (
                      <span className="meta">
                        {t('savedAt')} <Time iso={item.savedAt} />
                      </span>
                    ) : null}
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t('removeNamed', { headline: item.headline })}
                      onClick={() => void savedStore.remove(item.slug).catch((e: unknown) => console.warn('Kontekst: remove failed', e))}
                    >
                      {t('removeShort')}
                    </button>
                  </p>
                </ArticleCard>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
