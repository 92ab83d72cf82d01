import type { Lang } from '../../core/model/article.ts';

/** The search page of a UI language; `q` when there is a query. */
export function searchPath(ui: Lang, q?: string, contentLang?: Lang): string {
  const params = new URLSearchParams();
  if (q !== undefined) params.set('q', q);
  if (contentLang && contentLang !== ui) params.set('in', contentLang);
  const search = params.toString();
  return `/${ui}/search${search ? `?${search}` : ''}`;
}
