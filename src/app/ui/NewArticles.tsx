/**
 * "3 нові статті — показати / 3 new articles — show": offered over the top of
 * a list (home, a topic) when the list's first page, asked again, counts more
 * articles than the reader sees. It asks when the tab regains focus or becomes
 * visible, and every POLL_MS while it stays visible (never while hidden),
 * revalidating past the HTTP cache. The offer floats over the page (fixed),
 * so nothing the reader is looking at moves (CLS 0); "show" refetches the
 * list and goes to its top.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListScope } from '../../core/model/dataset.ts';

/** How often a visible list asks whether there is news. */
export const POLL_MS = 3 * 60_000;

/** The list an offer is about: the latest articles (of a scope) or a topic's. Plain data: an island's props. */
export type NewsList = { kind: 'latest'; scope: ListScope } | { kind: 'topic'; slug: string };

/** The React Query key of the list's pages (what "show" refetches). */
export const newsListKey = (list: NewsList): readonly unknown[] => (list.kind === 'latest' ? ['latest'] : ['topic', list.slug]);

/** Asks the list's first page again, past the HTTP cache: how many articles it counts now. */
async function askTotal(list: NewsList, signal: AbortSignal): Promise<number> {
  // fetch + schema check load on the first ask (after a focus or visibility change), not with the page
  const [{ fetchData }, { ListPage, TopicPage, paths }] = await Promise.all([import('../lib/fetchData.ts'), import('../../core/model/dataset.ts')]);
  return list.kind === 'latest'
    ? fetchData(paths.latest(list.scope, 1), ListPage, signal, 'no-cache').then((p) => p.total)
    : fetchData(paths.topic(list.slug, 1), TopicPage, signal, 'no-cache').then((p) => p.total);
}

/** `onShow`: brings the new articles in (the app refetches the list; a prerendered page starts the app for it). */
export function NewArticles({ shown, list, onShow }: { shown: number; list: NewsList; onShow: () => void }) {
  const { t } = useTranslation('common');
  const [latest, setLatest] = useState<number | undefined>(undefined);
  const listId = list.kind === 'latest' ? `latest:${list.scope}` : `topic:${list.slug}`;
  const total = useMemo(() => (signal: AbortSignal) => askTotal(list, signal), [listId]);

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
            setLatest(undefined);
            onShow();
          }}
        >
          {t('newArticles', { count })}
        </button>
      ) : null}
    </div>
  );
}
