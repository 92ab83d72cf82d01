import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** "Сторінку не знайдено / Page not found", for unknown articles, topics and paths. */
export function NotFound() {
  const { t, i18n } = useTranslation();
  return (
    <section className="message-page" aria-labelledby="page-title">
      <title>{`${t('notFound.title')} — Kontekst`}</title>
      <meta name="robots" content="noindex" />
      <h1 id="page-title">{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to={`/${i18n.language}/`}>{t('notFound.home')}</Link>
      </p>
    </section>
  );
}
