import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { applyUpdate, updateReady } from './register.ts';

/** "Нова версія — Оновити": shown when a new build is installed and waiting for the reader. */
export function UpdateBanner() {
  const { t } = useTranslation('offline');
  const ready = useSyncExternalStore(updateReady.subscribe, updateReady.get, () => false);
  const [later, setLater] = useState(false);
  const [reloading, setReloading] = useState(false);
  const show = ready && !later;
  return (
    <div role="status" className={show ? 'update-banner' : undefined}>
      {show ? (
        <>
          <p>{t('update.text')}</p>
          <button
            type="button"
            disabled={reloading}
            onClick={() => {
              setReloading(true);
              applyUpdate();
            }}
          >
            {t('update.reload')}
          </button>
          <button type="button" className="secondary" onClick={() => setLater(true)}>
            {t('update.later')}
          </button>
        </>
      ) : null}
    </div>
  );
}
