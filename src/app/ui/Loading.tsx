import { useTranslation } from 'react-i18next';

/** Shown while the first page's data arrives; reserves the page's space so nothing jumps. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  );
}
