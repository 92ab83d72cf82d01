import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../core/model/article.ts';
import { savedStore } from './store.ts';

const never = () => () => undefined;

/**
 * Save for offline / Remove from saved, on every article page. It asks the store about this one
 * article (one Cache Storage lookup), not for the whole list, and asks again when the saved
 * articles change (here or in another tab). It is enabled before that answer (and in the
 * prerendered HTML): a tap then does what the label says, "Save"; the islands runtime replays a
 * tap that came before hydration (src/app/shell/islands.tsx).
 */
export function SaveButton({ article }: { article: Article }) {
  const { t } = useTranslation('saved');
  // A prerender and the hydrating client both see "available, not known yet", so they agree.
  const available = useSyncExternalStore(never, () => savedStore.available, () => true);
  const [saved, setSaved] = useState(false);
  const [status, setStatus] = useState<'saved' | 'removed' | 'failed' | null>(null);
  const [busy, setBusy] = useState(false);
  const slug = article.slug;

  useEffect(() => {
    if (!savedStore.available) return;
    let live = true;
    const ask = () =>
      void savedStore.has(slug).then(
        (has) => live && setSaved(has),
        (e: unknown) => console.warn('Kontekst: saved articles unreadable', e),
      );
    ask();
    const stop = savedStore.subscribe(ask);
    return () => {
      live = false;
      stop();
    };
  }, [slug]);

  if (!available) return null;

  async function toggle() {
    setBusy(true);
    try {
      if (saved) {
        await savedStore.remove(article.slug);
        setSaved(false);
        setStatus('removed');
      } else {
        await savedStore.save(article);
        setSaved(true);
        setStatus('saved');
      }
    } catch (e) {
      console.warn('Kontekst: saving failed', e);
      setStatus('failed');
    } finally {
      setBusy(false);
    }
  }

  return (
    <p className="save-row">
      <button type="button" className={saved ? 'save-button secondary' : 'save-button'} onClick={() => void toggle()} disabled={busy}>
        {saved ? t('remove') : t('save')}
      </button>
      <span role="status" className="save-status">
        {status ? t(`status.${status}`) : null}
      </span>
    </p>
  );
}
