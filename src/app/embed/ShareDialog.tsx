import { useId, useRef, useState } from 'react';
import type { Lang } from '../../core/model/article.ts';
import { embedSnippet, sitePaths } from '../../core/links/links.ts';
import './share.css';

export type ShareLabels = Record<'label' | 'share' | 'copyLink' | 'copyEmbed' | 'copiedLink' | 'copiedEmbed' | 'copyFailed' | 'embedCode', string>;
export type ShareDialogProps = { slug: string; headline: string; lead: string; ui: Lang; labels: ShareLabels };

type Status = { kind: 'link' | 'embed' | 'failed'; text?: string } | null;

/** Share, Copy link, Copy embed code, with a visible, announced confirmation. */
/** Labels come from the slot (the first view already has i18next): this chunk stays tiny. */
export function ShareDialog({ slug, headline, lead, ui, labels }: ShareDialogProps) {
  const [status, setStatus] = useState<Status>(null);
  const manualRef = useRef<HTMLTextAreaElement>(null);
  const manualId = useId();
  const url = location.origin + sitePaths.article(ui, slug);
  const code = embedSnippet(location.origin + sitePaths.embed(ui, slug), headline);
  const canShare = typeof navigator.share === 'function';

  async function copy(kind: 'link' | 'embed', text: string) {
    setStatus(null);
    try {
      await navigator.clipboard.writeText(text);
      setStatus({ kind });
    } catch {
      setStatus({ kind: 'failed', text });
      requestAnimationFrame(() => manualRef.current?.select());
    }
  }

  async function share() {
    try {
      await navigator.share({ title: headline, text: lead, url });
    } catch {
      /* the reader closed the share sheet */
    }
  }

  const message =
    status?.kind === 'link' ? labels.copiedLink : status?.kind === 'embed' ? labels.copiedEmbed : status?.kind === 'failed' ? labels.copyFailed : '';

  return (
    <section className="share" aria-label={labels.label}>
      <div className="share-buttons">
        {canShare ? (
          <button type="button" onClick={share}>
            {labels.share}
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={() => copy('link', url)}>
          {labels.copyLink}
        </button>
        <button type="button" className="secondary" onClick={() => copy('embed', code)}>
          {labels.copyEmbed}
        </button>
      </div>
      <p className="share-status" role="status" aria-live="polite">
        {message}
      </p>
      {status?.kind === 'failed' && status.text ? (
        <>
          <label htmlFor={manualId} className="share-manual-label">
            {labels.embedCode}
          </label>
          <textarea id={manualId} ref={manualRef} className="share-manual" readOnly value={status.text} rows={3} />
        </>
      ) : null}
    </section>
  );
}
