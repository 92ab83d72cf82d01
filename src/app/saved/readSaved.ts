/**
 * Reading a saved copy back: the article schema's check (valibot) and its summary. Loaded the
 * first time the saved list is read (store.ts), so that the Save button of a prerendered page
 * (an island, docs/adr/0012-islands.md) does not carry the schema in the page's first view.
 */
import * as v from 'valibot';
import { Article, summarise, type ArticleSummary } from '../../core/model/article.ts';

/** The saved copy's summary, or null when this version cannot show it (damaged, another schema). */
export function readSavedArticle(json: unknown): ArticleSummary | null {
  const parsed = v.safeParse(Article, json, { abortEarly: true });
  return parsed.success ? summarise(parsed.output) : null;
}
