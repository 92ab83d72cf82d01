import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** Numbered pages of a list, deep-linkable as ?page=N. */
export function Pagination({ page, pages, basePath }: { page: number; pages: number; basePath: string }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  const href = (p: number) => (p === 1 ? basePath : `${basePath}?page=${p}`);
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev">
          ← {t('pagination.previous')}
        </Link>
      ) : null}
      <span aria-current="page">{t('pagination.status', { page, pages })}</span>
      {page < pages ? (
        <Link to={href(page + 1)} rel="next">
          {t('pagination.next')} →
        </Link>
      ) : null}
    </nav>
  );
}

/** ?page=N from a request URL; null when it is not a positive integer. */
export function pageParam(url: string): number | null {
  const raw = new URL(url).searchParams.get('page');
  if (raw === null) return 1;
  return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : null;
}
