import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** Under a "could not load" message: what can be read without the network, and where. */
export function OfflineHelp() {
  const { t, i18n } = useTranslation('offline');
  const lang = i18n.language;
  return (
    <>
      <p>{t('error.help')}</p>
      <ul className="offline-links">
        <li>
          <Link to={`/${lang}/saved`}>{t('error.saved')}</Link>
        </li>
        <li>
          <Link to={`/${lang}/`}>{t('error.latest')}</Link>
        </li>
      </ul>
    </>
  );
}
