import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Article, Lang } from '../../core/model/article.ts';
import { topicLabel } from '../../core/model/topicLabel.ts';
import { formatDate } from '../../core/time/dates.ts';
import { Blocks } from './Blocks.tsx';

/**
 * The background box ("Контекст"): beside the body on wide screens, after it on narrow ones.
 * The editor's context comes first and is never replaced; then the story so far (earlier
 * articles of the same story, oldest first, as the archive had them when the article came out) and facts about the article's
 * main topics. Nothing is shown for an article the archive says nothing about.
 */
export function ContextAside({ article, ui, lang }: { article: Pick<Article, 'context' | 'story' | 'facts'>; ui: Lang; lang: Lang | undefined }) {
  const { t } = useTranslation('article');
  const id = useId();
  const { context, story, facts = [] } = article;
  const earlier = story?.earlier ?? [];
  if (context.length === 0 && !story && facts.length === 0) return null;
  return (
    <aside className="context" aria-labelledby={id}>
      <h2 id={id}>{t('context.title')}</h2>
      {context.length > 0 ? (
        <div lang={lang}>
          <Blocks blocks={context} />
        </div>
      ) : null}
      {story ? (
        <section className="story" aria-labelledby={`${id}-story`}>
          <h3 id={`${id}-story`}>{t('context.storyTitle')}</h3>
          {earlier.length > 0 ? (
            <>
              <ol className="timeline">
                {earlier.map((item) => (
                  <li key={item.slug}>
                    <time dateTime={item.publishedAt}>{formatDate(item.publishedAt, ui)}</time>{' '}
                    <Link to={`/${ui}/news/${item.slug}`} lang={item.lang !== ui ? item.lang : undefined}>
                      {item.headline}
                    </Link>
                  </li>
                ))}
              </ol>
              <p className="story-size">{t('context.storySize', { count: story.size })}</p>
            </>
          ) : (
            <p>{t('context.storyFirst')}</p>
          )}
        </section>
      ) : null}
      {facts.length > 0 ? (
        <section className="facts" aria-labelledby={`${id}-facts`}>
          <h3 id={`${id}-facts`}>{t('context.factsTitle')}</h3>
          <ul>
            {facts.map((fact) => {
              const label = topicLabel(fact.topic.labels, ui, fact.topic.slug);
              return (
                <li key={fact.topic.slug}>
                  <Link to={`/${ui}/topics/${fact.topic.slug}`} lang={label.lang}>
                    {label.text}
                  </Link>
                  {': '}
                  {t('context.factCount', { count: fact.count, date: formatDate(fact.since, ui) })}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </aside>
  );
}
