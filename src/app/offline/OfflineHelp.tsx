import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** Under a "could not load" message: what can be read without the network, and where. */
export function OfflineHelp() {
  const { t, i18n } = useTranslation('offline');
  return (
    <p>
      {t('error.help')} <Link to={`/${i18n.language}/saved`}>{t('error.saved')}</Link>
    </p>
  );
}
