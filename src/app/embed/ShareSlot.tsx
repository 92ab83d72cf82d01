import { useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShareDialogProps, ShareLabels } from './ShareDialog.tsx';
import { afterLoad } from '../lib/afterLoad.ts';

/**
 * Where the share controls go on the article. They need JavaScript, so the
 * prerendered page (and the first client render, which must match it) has an
 * empty slot; after the page's load event the dialog's own small chunk loads.
 * The first view's JS does not carry it.
 */
export function ShareSlot(props: Omit<ShareDialogProps, 'labels'>) {
  const { t } = useTranslation('embed');
  const [Dialog, setDialog] = useState<ComponentType<ShareDialogProps> | null>(null);
  useEffect(() => {
    let live = true;
    afterLoad(() =>
      import('./ShareDialog.tsx').then(
        (m) => live && setDialog(() => m.ShareDialog),
        () => {
          /* offline before the chunk was cached: the article reads fine without sharing */
        },
      ),
    );
    return () => {
      live = false;
    };
  }, []);
  const labels: ShareLabels = {
    label: t('share.label'),
    share: t('share.share'),
    copyLink: t('share.copyLink'),
    copyEmbed: t('share.copyEmbed'),
    copiedLink: t('share.copiedLink'),
    copiedEmbed: t('share.copiedEmbed'),
    copyFailed: t('share.copyFailed'),
    embedCode: t('share.embedCode'),
  };
  return <div className="share-slot">{Dialog ? <Dialog {...props} labels={labels} /> : null}</div>;
}
