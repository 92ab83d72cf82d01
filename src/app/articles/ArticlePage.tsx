import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Lang, TopicRef } from '../../core/model/article.ts';
import { topicLabel } from '../../core/model/topicLabel.ts';
import { articleQuery } from './queries.ts';
import { Blocks } from './Blocks.tsx';
import { ContextAside } from './ContextAside.tsx';
import { TopicList } from './TopicList.tsx';
import { RelatedArticles } from './RelatedArticles.tsx';
import { Time } from './Time.tsx';
import { readingMinutes } from './readingTime.ts';
import { LinkOut, isLinkOut } from './LinkOut.tsx';
import { SaveButton } from '../saved/SaveButton.tsx';
import { ShareSlot } from '../embed/ShareSlot.tsx';
import { Island } from '../islands/Island.tsx';

/** The article's section ("Світ", "Спорт"): a link to its page above the headline. */
function SectionLink({ section, ui }: { section: TopicRef; ui: Lang }) {
  const label = topicLabel(section.labels, ui, section.slug);
  return (
    <p className="kicker">
      <Link to={`/${ui}/topics/${section.slug}`} lang={label.lang}>
        {label.text}
      </Link>
    </p>
  );
}

/** The article page, modelled on the seed: headline, Kyiv time, body, Контекст, Теми, Ще на цю тему. */
export function ArticlePage() {
  const { slug = '', lang } = useParams();
  const ui = lang as Lang;
  const { t } = useTranslation(['article', 'common']);
  const { data: article } = useSuspenseQuery(articleQuery(slug));
  const contentLang = article.lang !== ui ? article.lang : undefined;
  const linkOut = isLinkOut(article);
  const translations = (Object.entries(article.translations) as [Lang, string | undefined][]).filter(
    (entry): entry is [Lang, string] => entry[0] !== article.lang && Boolean(entry[1]),
  );

  return (
    <article className="article">
      <title>{`${article.headline} — Kontekst`}</title>
      <meta name="description" content={(article.lead || article.headline).slice(0, 200)} />
      <header className="article-header">
        {article.section ? <SectionLink section={article.section} ui={ui} /> : null}
        <h1 lang={contentLang}>{article.headline}</h1>
        <p className="meta">
          <Time iso={article.publishedAt} />
          {article.updatedAt ? (
            <>
              {' · '}
              {t('updated')} <Time iso={article.updatedAt} />
            </>
          ) : null}
          {linkOut ? null : (
            <>
              {' · '}
              <span>{t('readingTime', { count: readingMinutes(article.wordCount) })}</span>
            </>
          )}
        </p>
        <p className="meta source">
          {article.url ? (
            <a href={article.url} rel="noopener noreferrer">
              {t('source', { name: article.source.name })}
            </a>
          ) : (
            t('source', { name: article.source.name })
          )}
          {article.author ? <span lang={contentLang}> · {article.author}</span> : null}
          {contentLang ? <span> · {t('contentLanguage', { language: t(`common:langName.${article.lang}`) })}</span> : null}
        </p>
        {translations.map(([l, s]) => (
          <p className="translation" key={l}>
            <Link to={`/${ui}/news/${s}`} hrefLang={l}>
              {t('translation.link', { language: t(`common:langName.${l}`) })}
            </Link>
          </p>
        ))}
        <Island name="save" props={{ slug: article.slug }}>
          <SaveButton article={article} />
        </Island>
        <Island name="share" props={{ slug: article.slug }}>
          <ShareSlot slug={article.slug} headline={article.headline} lead={article.lead} ui={ui} />
        </Island>
      </header>
      <div className="article-grid">
        <div className="article-body" lang={contentLang}>
          {article.lead ? <p className="lead">{article.lead}</p> : null}
          <Blocks blocks={article.body} />
          {linkOut ? <LinkOut url={article.url} source={article.source.name} lang={contentLang ? ui : undefined} /> : null}
        </div>
        <ContextAside article={article} ui={ui} lang={contentLang} />
      </div>
      <TopicList topics={article.topics} ui={ui} />
      <RelatedArticles related={article.related} topics={article.topics} ui={ui} />
    </article>
  );
}
