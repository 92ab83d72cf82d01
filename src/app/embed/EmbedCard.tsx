/**
 * The embed card (/embed/<lang>/news/<slug>): a static page other sites put in
 * a sandboxed iframe. Rendered once at build with renderToStaticMarkup; its
 * CSS is inline and its only script (public/embed/card.js) reports its height.
 */
import type { Article, Lang } from '../../core/model/article.ts';
import { formatDateTime } from '../../core/time/dates.ts';
import { topicLabel } from '../../core/model/topicLabel.ts';
import { summary } from '../../core/links/meta.ts';

export type EmbedCardProps = {
  article: Article;
  ui: Lang;
  articleUrl: string;
  labels: { readOn: string; newTab: string; cardLabel: string; topics: string; kyivTime: string };
};

export const EMBED_CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#16181b;--muted:#545b63;--accent:#0b4f8a;--line:#d6dae0;--chip:#eef2f7}
@media (prefers-color-scheme:dark){:root{--bg:#17191c;--fg:#eceef1;--muted:#aab2bc;--accent:#8cc4ff;--line:#3a3f46;--chip:#262a30}}
*{box-sizing:border-box}html,body{margin:0;background:var(--bg);color:var(--fg)}
body{font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
.card{border:1px solid var(--line);border-radius:8px;padding:16px 18px;max-width:100%}
.brand{margin:0 0 6px;font-size:13px;font-weight:700;letter-spacing:.04em;text-transform:uppercase;color:var(--accent)}
h1{margin:0 0 6px;font-size:20px;line-height:1.25}
.when{color:var(--muted);font-size:14px;margin:0 0 8px}
.lead{margin:0 0 10px}
.topics{display:flex;flex-wrap:wrap;gap:6px;list-style:none;margin:0 0 12px;padding:0}
.topics li{background:var(--chip);border-radius:999px;padding:2px 10px;font-size:13px}
a{color:var(--accent);font-weight:600}a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

/** A card is a glance: the first topics (the article's own order) are enough. */
const MAX_TOPICS = 5;

export function EmbedCard({ article, ui, articleUrl, labels }: EmbedCardProps) {
  const contentLang = article.lang !== ui ? article.lang : undefined;
  return (
    <article className="card" aria-label={labels.cardLabel}>
      <p className="brand">Kontekst</p>
      <h1 lang={contentLang}>{article.headline}</h1>
      <p className="when">
        <time dateTime={article.publishedAt}>{formatDateTime(article.publishedAt, ui)}</time> ({labels.kyivTime})
      </p>
      {article.lead ? (
        <p className="lead" lang={contentLang}>
          {summary(article.lead, 280)}
        </p>
      ) : null}
      {article.topics.length > 0 ? (
        <ul className="topics" aria-label={labels.topics}>
          {article.topics.slice(0, MAX_TOPICS).map((t) => {
            const label = topicLabel(t.labels, ui, t.slug);
            return (
              <li key={t.slug} lang={label.lang}>
                {label.text}
              </li>
            );
          })}
        </ul>
      ) : null}
      <a href={articleUrl} target="_blank" rel="noopener">
        {labels.readOn} <span className="vh">{labels.newTab}</span>
      </a>
    </article>
  );
}
