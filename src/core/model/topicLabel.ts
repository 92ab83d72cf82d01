import type { Lang, TopicLabels } from './article.ts';

/** A topic's label in the UI language, else in the other one (with that language, for `lang`). */
export function topicLabel(labels: TopicLabels, ui: Lang, fallback: string): { text: string; lang: Lang | undefined } {
  const own = labels[ui];
  if (own) return { text: own, lang: undefined };
  const other: Lang = ui === 'uk' ? 'en' : 'uk';
  const alt = labels[other];
  return alt ? { text: alt, lang: other } : { text: fallback, lang: undefined };
}
