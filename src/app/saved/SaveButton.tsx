import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../core/model/article.ts';
import { savedStore } from './store.ts';
import { useSaved } from './useSaved.ts';

/** Save for offline / Remove from saved, on every article page. */
export function SaveButton({ article }: { article: Article }) {
  const { t } = useTranslation('saved');
  const { available, entries } = useSaved();
  const [status, setStatus] = useState<'saved' | 'removed' | 'failed' | null>(null);
  const [busy, setBusy] = useState(false);
  if (!available) return null;
  const saved = entries?.some((e) => e.slug === article.slug) ?? false;

  async function toggle() {
    setBusy(true);
    try {
      if (saved) {
        await savedStore.remove(article.slug);
        setStatus('removed');
      } else {
        await savedStore.save(article);
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
      <button type="button" className={saved ? 'save-button secondary' : 'save-button'} onClick={() => void toggle()} disabled={busy || entries === null}>
        {saved ? t('remove') : t('save')}
      </button>
      <span role="status" className="save-status">
        {status ? t(`status.${status}`) : null}
      </span>
    </p>
  );
}
