import { Link } from 'react-router';
import type { ArticleSummary, Lang } from '../../core/model/article.ts';
import { Time } from './Time.tsx';

/** One article in a list: headline link, time, lead. Carries no outer margin. */
export function ArticleCard({
  article,
  ui,
  level = 2,
  showLead = true,
  children,
}: {
  article: ArticleSummary;
  ui: Lang;
  level?: 2 | 3;
  showLead?: boolean;
  children?: React.ReactNode;
}) {
  const H = `h${level}` as const;
  const lang = article.lang !== ui ? article.lang : undefined;
  return (
    <article className="card">
      <H className="card-title">
        <Link to={`/${ui}/news/${article.slug}`} lang={lang}>
          {article.headline}
        </Link>
      </H>
      <p className="meta">
        <Time iso={article.publishedAt} />
      </p>
      {showLead && article.lead ? (
        <p className="card-lead" lang={lang}>
          {article.lead}
        </p>
      ) : null}
      {children}
    </article>
  );
}
