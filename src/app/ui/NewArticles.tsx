/**
 * "3 нові статті — показати / 3 new articles — show": offered over the top of
 * a list (home, a topic) when the list's first page, asked again, counts more
 * articles than the reader sees. It asks when the tab regains focus or becomes
 * visible, and every POLL_MS while it stays visible (never while hidden),
 * revalidating past the HTTP cache. The offer floats over the page (fixed),
 * so nothing the reader is looking at moves (CLS 0); "show" refetches the
 * list and goes to its top.
 */
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** How often a visible list asks whether there is news. */
export const POLL_MS = 3 * 60_000;

export function NewArticles({ shown, queryKey, total }: { shown: number; queryKey: QueryKey; total: (signal: AbortSignal) => Promise<number> }) {
  const { t } = useTranslation('common');
  const queryClient = useQueryClient();
  const [latest, setLatest] = useState<number | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    let asking = false;
    const look = (): void => {
      if (document.visibilityState !== 'visible' || asking) return;
      asking = true;
      total(controller.signal)
        .then(setLatest, () => {}) // offline or a bad answer: nothing to offer
        .finally(() => (asking = false));
    };
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') look();
    };
    window.addEventListener('focus', look);
    document.addEventListener('visibilitychange', onVisible);
    const timer = window.setInterval(look, POLL_MS);
    return () => {
      controller.abort();
      window.removeEventListener('focus', look);
      document.removeEventListener('visibilitychange', onVisible);
      window.clearInterval(timer);
    };
  }, [total]);

  const count = latest !== undefined && latest > shown ? latest - shown : 0;
  return (
    <div className="new-articles" role="status">
      {count > 0 ? (
        <button
          type="button"
          onClick={() => {
            void queryClient.invalidateQueries({ queryKey }).then(() => window.scrollTo({ top: 0 }));
          }}
        >
          {t('newArticles', { count })}
        </button>
      ) : null}
    </div>
  );
}
