import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, RelatedArticle, TopicRef } from '../../core/model/article.ts';
import { ArticleCard } from './ArticleCard.tsx';
import { topicLabel } from '../../core/model/topicLabel.ts';

/** "Ще на цю тему / More on this topic": chosen at data build, with the reason each is here. */
export function RelatedArticles({ related, topics, ui }: { related: readonly RelatedArticle[]; topics: readonly TopicRef[]; ui: Lang }) {
  const { t } = useTranslation('article');
  const id = useId();
  if (related.length === 0) return null;
  const labelOf = (slug: string) => {
    const ref = topics.find((x) => x.slug === slug);
    return ref ? topicLabel(ref.labels, ui, slug).text : slug;
  };
  const reason = (r: RelatedArticle): string => {
    switch (r.reason.type) {
      case 'topics':
        return t('related.reasonTopics', { topics: r.reason.topics.map(labelOf).join(', ') });
      case 'text':
        return t('related.reasonText');
      case 'editorial':
        return t('related.reasonEditorial');
      case 'story':
        return t('related.reasonStory');
    }
  };
  return (
    <section className="related" aria-labelledby={id}>
      <h2 id={id}>{t('related.title')}</h2>
      <ul className="card-list">
        {related.map((r) => (
          <li key={r.id}>
            <ArticleCard article={r} ui={ui} level={3} showLead={false}>
              <p className="reason">{reason(r)}</p>
            </ArticleCard>
          </li>
        ))}
      </ul>
    </section>
  );
}
