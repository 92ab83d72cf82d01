import { useTranslation } from 'react-i18next';
import type { Article, Lang } from '../../core/model/article.ts';

/** Whether an article has no text of its own beyond the lead: the feed gave only a headline (and perhaps a summary). */
export function isLinkOut(article: Pick<Article, 'url' | 'body'>): article is Pick<Article, 'body'> & { url: string } {
  return article.url !== undefined && !article.body.some((b) => b.type !== 'image');
}

/**
 * The way to the full text when the source gave none (issue 18): a short note
 * and a prominent "Read at the source" link to the item's URL, in place of the
 * body, so a link-out article reads as meant, not as a broken page. `lang`:
 * the UI language, when it is not the article's (the note is in the UI's).
 */
export function LinkOut({ url, source, lang }: { url: string; source: string; lang?: Lang }) {
  const { t } = useTranslation('article');
  return (
    <div className="link-out" lang={lang}>
      <p>{t('linkOut.note', { name: source })}</p>
      <a className="link-out-button" href={url} rel="noopener noreferrer">
        {t('linkOut.read')}
      </a>
    </div>
  );
}
