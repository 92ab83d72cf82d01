import type { Article } from './article.ts';

/** A small valid article for search tests: number n, language, headline and lead; body and topics optional. */
export function article(n: number, lang: 'uk' | 'en', headline: string, lead: string, body = '', topics: Article['topics'] = []): Article {
  return {
    id: `id${n}`,
    slug: `a-${n}`,
    lang,
    headline,
    publishedAt: `2021-12-${String(10 + n).padStart(2, '0')}T12:00:00+02:00`,
    source: { name: 'Test' },
    lead,
    body: body ? [{ type: 'paragraph', content: [{ type: 'text', text: body }] }] : [],
    context: [],
    topics,
    related: [],
    translations: {},
    wordCount: 10,
  };
}
