import { useEffect, useState, type ComponentType } from 'react';
import type { ShareDialogProps } from './ShareDialog.tsx';

/**
 * Where the share controls go on the article. They need JavaScript, so the
 * prerendered page (and the first client render, which must match it) has an
 * empty slot; after hydration the dialog's own small chunk loads. The first
 * view's JS does not carry it.
 */
export function ShareSlot(props: ShareDialogProps) {
  const [Dialog, setDialog] = useState<ComponentType<ShareDialogProps> | null>(null);
  useEffect(() => {
    let live = true;
    import('./ShareDialog.tsx').then(
      (m) => live && setDialog(() => m.ShareDialog),
      () => {
        /* offline before the chunk was cached: the article reads fine without sharing */
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return <div className="share-slot">{Dialog ? <Dialog {...props} /> : null}</div>;
}
