import { Link, isRouteErrorResponse, useRevalidator, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isDataError } from '../lib/fetchData.ts';
import { NotFound } from '../ui/NotFound.tsx';
import { OfflineHelp } from '../offline/OfflineHelp.tsx';
import { useOnline } from '../offline/useOnline.ts';

/** What a reader sees when a page cannot be shown: not found, or a message with Retry. Never a blank page. */
export function RouteError() {
  const error = useRouteError();
  const { t, i18n } = useTranslation(['common', 'offline']);
  const revalidator = useRevalidator();
  const online = useOnline();

  if ((isRouteErrorResponse(error) && error.status === 404) || isDataError(error, 'not-found')) return <NotFound />;

  const network = isDataError(error, 'network');
  // Offline, the page was in no cache: say so, and point to what can be read.
  const offline = network && !online;
  const title = offline ? t('offline:error.title') : t('error.title');
  const message = offline
    ? t('offline:error.text')
    : network
    ? t('error.network')
    : isDataError(error, 'invalid')
      ? t('error.invalid')
      : t('error.unknown');
  if (!isDataError(error)) console.warn('Kontekst: page failed', error);

  return (
    <section className="message-page" aria-labelledby="page-title" role="alert">
      <title>{`${title} — Kontekst`}</title>
      <h1 id="page-title">{title}</h1>
      <p>{message}</p>
      {network ? <OfflineHelp /> : null}
      <p className="actions">
        <button type="button" onClick={() => void revalidator.revalidate()} disabled={revalidator.state === 'loading'}>
          {t('error.retry')}
        </button>
        <Link to={`/${i18n.language}/`}>{t('error.home')}</Link>
      </p>
    </section>
  );
}
