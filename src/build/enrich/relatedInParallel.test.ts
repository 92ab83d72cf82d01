import { describe, expect, it } from 'vitest';
import { type RelatedInput, findRelated } from './related.ts';
import { CHUNK, findRelatedInParallel } from './relatedInParallel.ts';

const WORDS = ['Київ', 'НАТО', 'вибори', 'газ', 'Rada', 'ціни', 'уряд', 'банк', 'grain', 'порт', 'війна', 'зерно'];
const TOPICS = ['economy', 'politics', 'energy', 'nato', 'kyiv', 'grain', 'banks'];

/** Articles enough for several chunks: topics, texts and dates varied, some translations and editor's picks. */
function corpus(n: number): RelatedInput[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    slug: `story-${i}`,
    lang: i % 3 === 0 ? 'en' : 'uk',
    headline: `Headline ${i}`,
    publishedAt: new Date(Date.UTC(2022, 0, 1) + (i % 97) * 3_600_000).toISOString(),
    topics: TOPICS.filter((_, k) => (i * (k + 3)) % (k + 2) === 0),
    group: i % 10 === 1 ? `a${i - 1}` : `a${i}`,
    picks: i % 50 === 7 ? [`Headline ${i + 1}`, 'No such headline', `Headline ${i}`] : [],
    text: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} ${WORDS[(i * 5 + 1) % WORDS.length]} story ${i % 13}`,
  }));
}

describe('findRelatedInParallel', { timeout: 30_000 }, () => { // worker threads boot tsx: slow on a busy machine
  const articles = corpus(CHUNK * 100 + 5);
  const expected = findRelated(articles);

  it('gives exactly what findRelated gives, with the work shared with a helper thread', async () => {
    const got = await findRelatedInParallel(articles, undefined, { minArticles: 0 });
    expect(got.helped).toBeGreaterThan(0);
    expect(got.helped).toBeLessThan(articles.length);
    expect(got.redone).toBe(0);
    expect([...got.links.keys()]).toEqual([...expected.links.keys()]);
    expect(got.links).toEqual(expected.links);
    expect(got.unresolved).toEqual(expected.unresolved);
    expect(expected.unresolved.length).toBeGreaterThan(0);
  });

  it('finds the links of the chunks a failed helper had been given itself', async () => {
    const got = await findRelatedInParallel(articles, undefined, {
      minArticles: 0,
      helper: new URL('./fixtures/failingRelatedHelper.ts', import.meta.url),
    });
    expect(got.helped).toBe(0);
    expect(got.redone).toBe(2 * CHUNK);
    expect(got.links).toEqual(expected.links);
    expect(got.unresolved).toEqual(expected.unresolved);
  });
});
