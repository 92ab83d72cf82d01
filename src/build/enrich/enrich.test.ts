import * as v from 'valibot';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Article, summarise } from '../../core/model/article.ts';
import type { Draft } from '../feeds/draft.ts';
import { buildArticles, draftFacts, draftId, truncateText } from './enrich.ts';
import { countWords } from '../../core/text/words.ts';
import { formatError } from '../errors.ts';
import { parseSeed } from '../feeds/seed.ts';
import type { Glossary } from './topics.ts';

/** A draft from seed text, the way the CLI makes one. */
function seed(file: string, lines: string[], sidecar?: object): Draft {
  const result = parseSeed(lines.join('\n'), file, sidecar ? { file: file.replace(/\.txt$/, '.json'), text: JSON.stringify(sidecar) } : undefined);
  if (!result.draft) throw new Error(result.errors.map(formatError).join('\n'));
  return result.draft;
}

const glossary: Glossary = new Map([
  ['nato', { uk: 'НАТО', en: 'NATO' }],
  ['pivnichnyi-potik', { uk: '«Північний потік»', en: 'Nord Stream' }],
]);

describe('ids', () => {
  it('are the first 16 hex of sha-256 of "seed:" + the file base name, or the sidecar id', () => {
    const expected = createHash('sha256').update('seed:000_cb2fd77c0b4dd6b1').digest('hex').slice(0, 16);
    expect(draftId({ idSource: 'seed:000_cb2fd77c0b4dd6b1' })).toBe(expected);
    expect(expected).toBe('9efa58f0974a828e');
    expect(draftId({ idSource: 'seed:x', id: 'my-id' })).toBe('my-id');
  });

  it('do not depend on the folder or the content', () => {
    const a = buildArticles([seed('content/a/story.txt', ['One', '16:00 21.12.2021', '', 'Lead.'])]).articles[0];
    const b = buildArticles([seed('elsewhere/story.txt', ['Other', '10:00 01.01.2022', '', 'Text.'])]).articles[0];
    expect(a?.id).toBe(b?.id);
  });

  it('two sources with one id: the second is skipped with an error', () => {
    const { articles, errors, skipped } = buildArticles([
      seed('content/a/story.txt', ['One', '16:00 21.12.2021', '', 'Lead.']),
      seed('content/b/story.txt', ['Two', '16:00 21.12.2021', '', 'Lead.']),
    ]);
    expect(articles.map((a) => a.headline)).toEqual(['One']);
    expect(skipped).toEqual(['content/b/story.txt']);
    expect(errors.map(formatError)).toEqual([
      'content/b/story.txt: the file name "story" is already used by content/a/story.txt: names (or sidecar ids) must be unique',
    ]);
  });
});

describe('slugs', () => {
  const same = (file: string, time: string) => seed(file, ['Одна й та сама назва', time, '', 'Лід.']);

  it('come from the headline, or the sidecar', () => {
    const { articles } = buildArticles([
      seed('c/a.txt', ['Кремль і НАТО', '16:00 21.12.2021', '', 'Лід.']),
      seed('c/b.txt', ['Кремль і НАТО 2', '16:00 21.12.2021', '', 'Лід.'], { slug: 'chosen-slug' }),
    ]);
    expect(articles.map((a) => a.slug).sort()).toEqual(['chosen-slug', 'kreml-i-nato']);
  });

  it('on a clash the oldest keeps the slug, the others get a short id suffix, whatever the order', () => {
    const drafts = [same('c/new.txt', '10:00 05.01.2022'), same('c/old.txt', '10:00 01.01.2022')];
    const one = buildArticles(drafts).articles;
    const two = buildArticles([...drafts].reverse()).articles;
    const slugs = (list: Article[]) => Object.fromEntries(list.map((a) => [a.headline + a.publishedAt, a.slug]));
    expect(slugs(one)).toEqual(slugs(two));
    const old = one.find((a) => a.publishedAt.startsWith('2022-01-01'));
    const newer = one.find((a) => a.publishedAt.startsWith('2022-01-05'));
    expect(old?.slug).toBe('odna-y-ta-sama-nazva');
    expect(newer?.slug).toBe(`odna-y-ta-sama-nazva-${newer?.id.slice(0, 6)}`);
  });

  it('an explicit slug used twice is an error', () => {
    const { articles, errors } = buildArticles([
      seed('c/a.txt', ['A', '16:00 21.12.2021', '', 'Lead.'], { slug: 'same' }),
      seed('c/b.txt', ['B', '16:00 21.12.2021', '', 'Lead.'], { slug: 'same' }),
    ]);
    expect(articles).toHaveLength(1);
    expect(errors.map(formatError)).toEqual(['c/b.txt: slug "same" is already used by c/a.txt']);
  });
});

describe('translations', () => {
  const uk = seed('c/story-uk.txt', ['Історія', '16:00 21.12.2021', '', 'Лід.']);
  const en = seed('c/story-en.txt', ['Story', '16:00 21.12.2021', '', 'Lead.'], { translationOf: 'story-uk' });

  it('link both ways from translationOf', () => {
    const { articles, errors } = buildArticles([uk, en]);
    expect(errors).toEqual([]);
    const byLang = Object.fromEntries(articles.map((a) => [a.lang, a]));
    expect(byLang.uk?.translations).toEqual({ en: 'story' });
    expect(byLang.en?.translations).toEqual({ uk: 'istoriia' });
  });

  it('translationOf a file that does not exist is an error at the sidecar line', () => {
    const lost = seed('c/lost.txt', ['Lost', '16:00 21.12.2021', '', 'Lead.'], { translationOf: 'nowhere' });
    const { articles, errors } = buildArticles([uk, lost]);
    expect(articles).toHaveLength(1);
    expect(errors.map(formatError)).toEqual(['c/lost.json:1: translationOf: no article comes from a file named "nowhere"']);
  });

  it('a second version in the same language is an error', () => {
    const en2 = seed('c/story-en2.txt', ['Story again', '16:00 21.12.2021', '', 'Lead.'], { translationOf: 'story-uk' });
    const { articles, errors } = buildArticles([uk, en, en2]);
    expect(articles).toHaveLength(2);
    expect(errors.map(formatError)).toEqual([
      'c/story-en2.json:1: translationOf "story-uk": the story already has a en version, c/story-en.txt',
    ]);
  });
});

describe('topics', () => {
  it('resolve through the glossary by slug or label, folded; unknown names get slugs and merged labels', () => {
    const { articles } = buildArticles(
      [
        seed('c/a.txt', ['Стаття', '16:00 21.12.2021', '', 'Лід.', '', 'Теми: нато, Північний  потік, Кремль'], { topics: ['nato'] }),
        seed('c/b.txt', ['Article', '16:00 21.12.2021', '', 'Lead.', '', 'Topics: NATO, "Nord Stream", Kreml'], { lang: 'en' }),
      ],
      glossary,
    );
    const uk = articles.find((a) => a.lang === 'uk');
    const en = articles.find((a) => a.lang === 'en');
    expect(uk?.topics).toEqual([
      { slug: 'nato', labels: { uk: 'НАТО', en: 'NATO' } },
      { slug: 'pivnichnyi-potik', labels: { uk: '«Північний потік»', en: 'Nord Stream' } },
      { slug: 'kreml', labels: { uk: 'Кремль', en: 'Kreml' } },
    ]);
    expect(en?.topics.map((t) => t.slug)).toEqual(['nato', 'pivnichnyi-potik', 'kreml']);
  });
});

describe('articles', () => {
  it('count words of lead and body, and pass the model schema', () => {
    const { articles } = buildArticles([seed('c/a.txt', ['H', '16:00 21.12.2021', '', 'Один два – три.', '', '> «Чотири» п’ять', '', 'Контекст', '', 'Не рахується.'])]);
    expect(articles[0]?.wordCount).toBe(5);
    for (const a of articles) expect(v.safeParse(Article, a).success).toBe(true);
  });

  it('take the slug and word count from facts worked out where the draft was made, the same as worked out here', () => {
    const draft = seed('c/a.txt', ['Заголовок новини', '16:00 21.12.2021', '', 'Один два – три.']);
    expect(draftFacts(draft)).toEqual({ slugBase: 'zaholovok-novyny', wordCount: 3, checked: true, mentions: [] });
    const given = buildArticles([{ ...draft, facts: { slugBase: 'given-slug', wordCount: 42 } }]).articles[0];
    expect([given?.slug, given?.wordCount]).toEqual(['given-slug', 42]);
    const own = buildArticles([draft]).articles[0];
    expect([own?.slug, own?.wordCount]).toEqual(['zaholovok-novyny', 3]);
  });

  it('check the draft’s fields once, where its facts were worked out, and the rest here', () => {
    const draft = seed('c/a.txt', ['Заголовок новини', '16:00 21.12.2021', '', 'Один два – три.']);
    const broken = { ...draft, publishedAt: 'not a date' };
    expect(draftFacts(broken).checked).toBe(false);
    const inLine = buildArticles([broken]);
    const withFacts = buildArticles([{ ...broken, facts: draftFacts(broken) }]);
    expect(inLine.skipped).toEqual(['c/a.txt']);
    expect(withFacts.errors.map(formatError)).toEqual(inLine.errors.map(formatError));
    expect(inLine.errors.map(formatError).join('\n')).toMatch(/invalid article: .*publishedAt/);
    // facts that say the draft passed still leave its id, slug and topics to be checked here
    const badSlug = buildArticles([{ ...draft, facts: { ...draftFacts(draft), slugBase: 'Not a slug!' } }]);
    expect(badSlug.articles).toEqual([]);
    expect(badSlug.errors.map(formatError).join('\n')).toMatch(/invalid article: .*slug/);
  });

  it('list related articles as slim cards, and warn about a pick no article has', () => {
    const { articles, errors, skipped } = buildArticles([
      seed('c/a.txt', ['A story', '16:00 21.12.2021', '', 'Lead A.', '', 'Topics: x', '', 'More on this topic', 'B story', 'Missing story']),
      seed('c/b.txt', ['B story', '16:00 22.12.2021', '', `${'word '.repeat(100)}end.`, '', 'Topics: x']),
    ]);
    expect(skipped).toEqual([]);
    expect(errors.map(formatError)).toEqual(['c/a.txt:10: warning: no article has the headline "Missing story"; the link is left out']);
    const a = articles.find((x) => x.headline === 'A story');
    expect(a?.related).toHaveLength(1);
    expect(a?.related[0]).toMatchObject({ headline: 'B story', reason: { type: 'editorial' } });
    // a related card is slim: the lead and topics stay in the list files
    expect(a?.related[0]).not.toHaveProperty('lead');
    expect(a?.related[0]).not.toHaveProperty('topics');
    // everything else a summary shows, in its order, then the reason
    const b0 = articles.find((x) => x.headline === 'B story');
    if (b0) expect(Object.keys(a?.related[0] ?? {})).toEqual([...Object.keys(summarise(b0)).filter((k) => k !== 'lead' && k !== 'topics'), 'reason']);
    const b = articles.find((x) => x.headline === 'B story');
    expect(b?.related.map((r) => [r.headline, r.reason])).toEqual([['A story', { type: 'topics', topics: ['x'] }]]);
    // the cards are not checked one by one when made: whole articles pass the schema
    for (const x of articles) expect(v.safeParse(Article, x).success).toBe(true);
  });
});

describe('helpers', () => {
  it('countWords counts words, not punctuation', () => {
    expect(countWords('Раз, два — три… «чотири» 5')).toBe(5);
    expect(countWords('Раз, два — три… «чотири» 5')).toBe(5); // the same again: the pattern's position starts afresh
    expect(countWords('')).toBe(0);
    expect(countWords(' — ')).toBe(0);
  });
  it('countWords counts what the pattern of words counts, on any text', () => {
    // the definition: a run of non-space that has a letter or digit in it
    const pattern = (text: string): number => text.match(/(?:^|\s)[^\s\p{L}\p{N}]*[\p{L}\p{N}]/gu)?.length ?? 0;
    const alphabet = ['а', 'b', 'Ї', '7', '½', "'", '—', ' ', '\t', '\n', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u200b', '\u0301', '𝒜', '😀', '\ud800', '-'];
    let seed = 99;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let k = 0; k < 3000; k++) {
      const text = Array.from({ length: Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(countWords(text), JSON.stringify(text)).toBe(pattern(text));
    }
  });
  it('truncateText cuts at a word boundary with an ellipsis', () => {
    expect(truncateText('short')).toBe('short');
    expect(truncateText('alpha beta gamma delta', 12)).toBe('alpha beta…');
    expect(truncateText('alpha, beta gamma', 7)).toBe('alpha…');
  });
});
