/**
 * Topics found in an article's own text (entities/: people, places,
 * organisations), for every article, whatever its source gives. A topic is one
 * entity across inflections and languages (its key: Казахстану, Kazakhstan →
 * one key) and is named by the base form a reader writes, chosen from all its
 * mentions in the archive (TopicCatalogue). Only names that at least
 * MIN_ARTICLES articles mention become topics (a topic page of one article
 * links nowhere, and most one-off names are noise); each article keeps its
 * MAX_PER_ARTICLE most salient (in the headline first, then most mentioned).
 */
import type { Lang, TopicLabels } from '../../core/model/article.ts';
import { type Mention, TopicCatalogue, extractEntities } from './entities/index.ts';

export const MIN_ARTICLES = 2;
export const MAX_PER_ARTICLE = 12;

/** What an article keeps of a mention: its key, the forms it was written in, and how salient it is. */
export type SlimMention = [key: string, altKey: string, forms: Array<[string, number]>, aliases: string[], salience: number];

/** The mentions of one article's text (run where the draft is made: on a parser thread for a big import). */
export function mentionsOf(headline: string, text: string, lang: Lang): SlimMention[] {
  return extractEntities(headline, text, lang).map((m) => [m.key, m.altKey, m.forms, m.aliases, (m.inTitle ? 1000 : 0) + m.count]);
}

const CYRILLIC = /[\u0400-\u04ff]/;

/** Each article's entity topics (by id), their labels in the languages the archive writes them in, most salient first. */
export function entityTopics(articles: ReadonlyArray<{ id: string; mentions: readonly SlimMention[] }>): Map<string, Array<{ key: string; labels: TopicLabels }>> {
  const catalogue = new TopicCatalogue();
  for (const a of articles) {
    catalogue.add(
      a.id,
      a.mentions.map(([key, altKey, forms, aliases]): Mention => ({ key, altKey, forms, aliases, label: forms[0]?.[0] ?? key, count: 0, inTitle: false })),
    );
  }
  const labels = new Map<string, TopicLabels>();
  const labelsOf = (key: string): TopicLabels => {
    let l = labels.get(key);
    if (!l) {
      const uk = catalogue.label(key, 'uk');
      const en = catalogue.label(key, 'en');
      l = {};
      if (uk !== undefined && CYRILLIC.test(uk)) l.uk = uk;
      if (en !== undefined && !CYRILLIC.test(en)) l.en = en;
      if (l.uk === undefined && l.en === undefined && uk !== undefined) l.uk = uk;
      labels.set(key, l);
    }
    return l;
  };
  const out = new Map<string, Array<{ key: string; labels: TopicLabels }>>();
  for (const a of articles) {
    const best = new Map<string, number>();
    for (const [key, , , , salience] of a.mentions) {
      const k = catalogue.resolve(key);
      best.set(k, Math.max(best.get(k) ?? 0, salience));
    }
    const keys = [...best]
      .filter(([k]) => catalogue.articleCount(k) >= MIN_ARTICLES)
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, MAX_PER_ARTICLE)
      .map(([k]) => ({ key: k, labels: labelsOf(k) }));
    out.set(a.id, keys);
  }
  return out;
}
