import { describe, expect, it } from 'vitest';
import { jsonText } from '../lib/jsonText.ts';
import { article as searchArticle } from './article.test-helpers.ts';
import { buildSearchIndex } from './buildIndex.ts';
import { startSearchWorker } from './buildIndexInWorker.ts';


/** Body: lead + headline; topic: NATO. */
const article = (n: number, lang: 'uk' | 'en', headline: string, lead: string) =>
  searchArticle(n, lang, headline, lead, `${lead} ${headline}`, [{ slug: 'nato', labels: { uk: 'НАТО', en: 'NATO' } }]);

const ARTICLES = [
  article(1, 'uk', 'Переговори у Женеві завершилися', 'Делегації провели переговори про безпекові гарантії.'),
  article(2, 'uk', 'Ґрунтовна відповідь США', 'Вашингтон передав п’ять пропозицій.'),
  article(3, 'en', 'Talks in Geneva ended', 'Delegations negotiated security guarantees.'),
];

describe('startSearchWorker', () => {
  it('gives the files of the in-line build, shards as JSON text', async () => {
    const files = await startSearchWorker({ shardDocs: 1 }).build(ARTICLES);
    const expected = buildSearchIndex(ARTICLES, { shardDocs: 1 });
    expect([...files.keys()]).toEqual([...expected.keys()]);
    expect(files.size).toBe(2 + 3);
    for (const [path, value] of expected) expect(jsonText(files.get(path)), path).toBe(jsonText(value));
  });
});
