import { describe, expect, it } from 'vitest';
import type { Article } from '../../core/model/article.ts';
import { emptyArchive, keepPublishedRelated } from './archive.ts';

/** An article reduced to what keepPublishedRelated reads: its content and its related ids. */
const article = (id: string, related: string[], headline = `Headline ${id}`): Article =>
  ({ id, slug: id.toLowerCase(), headline, related: related.map((r) => ({ id: r, slug: r.toLowerCase(), headline: `Headline ${r}`, reason: { type: 'text' } })) }) as unknown as Article;

const ids = (a: Article | undefined): string[] => (a?.related ?? []).map((r) => r.id);

describe('keepPublishedRelated: what a new article rewrites of the archive is bounded', () => {
  it("keeps an old article's published list unless it, a related article, or a new article's choice of it changed", () => {
    const archive = emptyArchive();
    for (const a of [article('A', ['B']), article('B', ['A']), article('C', ['D']), article('D', ['C']), article('F', ['G']), article('G', ['F'])]) archive.articles.set(a.id, a);
    // found again over the whole archive: E is new and picks A; every old list now names E too; G's headline changed
    const now = [
      article('A', ['B', 'E']),
      article('B', ['A', 'E']),
      article('C', ['D', 'E']),
      article('D', ['C', 'E']),
      article('E', ['A']),
      article('F', ['G', 'E']),
      article('G', ['F', 'E'], 'A corrected headline'),
    ];
    expect(keepPublishedRelated(archive, now)).toBe(3);
    const by = new Map(now.map((a) => [a.id, a]));
    expect(ids(by.get('A'))).toEqual(['B', 'E']); // E chose it
    expect(ids(by.get('B'))).toEqual(['A']); // kept: A's content did not change (a related list is not content)
    expect(ids(by.get('C'))).toEqual(['D']); // kept as published
    expect(ids(by.get('D'))).toEqual(['C']);
    expect(ids(by.get('F'))).toEqual(['G', 'E']); // its related G changed
    expect(ids(by.get('G'))).toEqual(['F', 'E']); // G itself changed
  });
});
