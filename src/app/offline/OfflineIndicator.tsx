import { useTranslation } from 'react-i18next';
import { useOnline } from './useOnline.ts';

/** A quiet "offline" note in the header; the live region is always there so the change is announced. */
export function OfflineIndicator() {
  const { t } = useTranslation('offline');
  const online = useOnline();
  return <span role="status">{online ? null : <span className="offline-indicator">{t('indicator')}</span>}</span>;
}
