import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Lang, TopicRef } from '../../core/model/article.ts';
import { topicLabel } from '../../core/model/topicLabel.ts';

/** "Теми / Topics": a labelled list of links to topic pages. */
export function TopicList({ topics, ui }: { topics: readonly TopicRef[]; ui: Lang }) {
  const { t } = useTranslation('article');
  const id = useId();
  if (topics.length === 0) return null;
  return (
    <section className="topics" aria-labelledby={id}>
      <h2 id={id}>{t('topics.title')}</h2>
      <TopicLinks topics={topics} ui={ui} aria-labelledby={id} />
    </section>
  );
}

/** Links to topic pages, labelled in the UI language (else the other one, marked with its `lang`). */
export function TopicLinks({
  topics,
  ui,
  className,
  ...label
}: { topics: readonly TopicRef[]; ui: Lang; className?: string } & ({ 'aria-labelledby': string } | { 'aria-label': string })) {
  return (
    <ul className={className} {...label}>
      {topics.map((topic) => {
        const text = topicLabel(topic.labels, ui, topic.slug);
        return (
          <li key={topic.slug}>
            <Link to={`/${ui}/topics/${topic.slug}`} lang={text.lang}>
              {text.text}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
