/**
 * Topics found in an article's own text (entities/: people, places,
 * organisations), for every article, whatever its source gives. A topic is one
 * entity across inflections and languages (its key: Казахстану, Kazakhstan →
 * one key) and is named by the base form a reader writes, chosen from all its
 * mentions in the archive (TopicCatalogue). Only names that at least
 * MIN_ARTICLES articles mention become topics (a topic page of one article
 * links nowhere, and most one-off names are noise); each article keeps its
 * MAX_PER_ARTICLE most salient (in the headline first, then most mentioned).
 *
 * An article that names fewer than PHRASES_UNTIL of them also gets up to
 * MAX_PHRASES key phrases (entities/phrases.ts: "crude oil", "воєнний стан"),
 * those that at least PHRASE_MIN_ARTICLES articles and at most
 * PHRASE_MAX_SHARE of the archive use (more is a word of the trade, not a topic).
 */
import type { Lang, TopicLabels } from '../../core/model/article.ts';
import { type Mention, TopicCatalogue, extractEntities } from './entities/index.ts';
import { PHRASE, extractPhrases } from './entities/phrases.ts';
import { releaseLemmas } from './entities/lemmas.ts';

export const MIN_ARTICLES = 2;
export const MAX_PER_ARTICLE = 12;
export const PHRASES_UNTIL = 5;
export const MAX_PHRASES = 3;
export const PHRASE_MIN_ARTICLES = 3;
export const PHRASE_MAX_SHARE = 0.03;

/** What an article keeps of a mention: its key, the forms it was written in, and how salient it is. */
export type SlimMention = [key: string, altKey: string, forms: Array<[string, number]>, aliases: string[], salience: number];

/** The mentions of one article's text (run where the draft is made: on a parser thread for a big import). */
export function mentionsOf(headline: string, text: string, lang: Lang): SlimMention[] {
  return [...extractEntities(headline, text, lang), ...extractPhrases(headline, text)].map((m) => [m.key, m.altKey, m.forms, m.aliases, (m.inTitle ? 1000 : 0) + m.count]);
}

const isPhrase = (key: string): boolean => key.startsWith(PHRASE);
/** Whether one phrase key is the other or a part of it ("p:crude oil" and "p:crude oil price"). */
const overlaps = (a: string, b: string): boolean => ` ${a.slice(PHRASE.length)} `.includes(` ${b.slice(PHRASE.length)} `) || ` ${b.slice(PHRASE.length)} `.includes(` ${a.slice(PHRASE.length)} `);
const capitalised = (s: string): string => s.charAt(0).toLocaleUpperCase() + s.slice(1);

const CYRILLIC = /[\u0400-\u04ff]/;

/** Each article's entity topics (by id), their labels in the languages the archive writes them in, most salient first. */
export function entityTopics(articles: ReadonlyArray<{ id: string; mentions: readonly SlimMention[] }>): Map<string, Array<{ key: string; labels: TopicLabels }>> {
  // phrases few or too many articles use never become topics: counted first, kept out of the catalogue (memory)
  const phraseArticles = new Map<string, number>();
  for (const a of articles) for (const [key] of a.mentions) if (isPhrase(key)) phraseArticles.set(key, (phraseArticles.get(key) ?? 0) + 1);
  const maxPhraseArticles = Math.max(PHRASE_MIN_ARTICLES, PHRASE_MAX_SHARE * articles.length);
  const wanted = (key: string): boolean => {
    if (!isPhrase(key)) return true;
    const n = phraseArticles.get(key) ?? 0;
    return n >= PHRASE_MIN_ARTICLES && n <= maxPhraseArticles;
  };
  const catalogue = new TopicCatalogue();
  for (const a of articles) {
    catalogue.add(
      a.id,
      a.mentions.filter(([key]) => wanted(key)).map(([key, altKey, forms, aliases]): Mention => ({ key, altKey, forms, aliases, label: forms[0]?.[0] ?? key, count: 0, inTitle: false })),
    );
  }
  phraseArticles.clear();
  const labels = new Map<string, TopicLabels>();
  const labelsOf = (key: string): TopicLabels => {
    let l = labels.get(key);
    if (!l) {
      const uk = catalogue.label(key, 'uk');
      const en = catalogue.label(key, 'en');
      l = {};
      const shown = isPhrase(key) ? capitalised : (x: string) => x;
      if (uk !== undefined && CYRILLIC.test(uk)) l.uk = shown(uk);
      if (en !== undefined && !CYRILLIC.test(en)) l.en = shown(en);
      if (l.uk === undefined && l.en === undefined && uk !== undefined) l.uk = shown(uk);
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
    // most salient first; of two as salient, the longer ("crude oil prices" before "crude oil"), then by key
    const ranked = [...best].sort((x, y) => y[1] - x[1] || y[0].split(' ').length - x[0].split(' ').length || (x[0] < y[0] ? -1 : 1));
    const names = ranked.filter(([k]) => !isPhrase(k) && catalogue.articleCount(k) >= MIN_ARTICLES).slice(0, MAX_PER_ARTICLE);
    const phrases: string[] = [];
    if (names.length < PHRASES_UNTIL) {
      for (const [k] of ranked) {
        if (phrases.length === MAX_PHRASES) break;
        // the catalogue holds only the phrases enough and not too many articles use (wanted above)
        if (isPhrase(k) && catalogue.articleCount(k) > 0 && !phrases.some((p) => overlaps(p, k))) phrases.push(k);
      }
    }
    out.set(a.id, [...names.map(([k]) => k), ...phrases].map((k) => ({ key: k, labels: labelsOf(k) })));
  }
  releaseLemmas();
  return out;
}
