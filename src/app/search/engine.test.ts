import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../core/model/article.ts';
import { article } from '../../core/model/article.test-helpers.ts';
import { buildSearchIndex } from '../../build/index/buildIndex.ts';
import { PREFIX_PARTS, SearchEngine, TYPO_PARTS, typoParts, SearchError, buildQuery, editDistance, highlight, type Segment } from './engine.ts';
import { DocChunk, MAX_FILE_BYTES, SearchManifest, TermPart, partOf } from '../../core/search/searchData.ts';
import { decodePostings } from '../../core/search/postings.ts';
import { jsonText } from '../../build/lib/jsonText.ts';
import { fold, stem, term } from '../../core/text/words.ts';


const ARTICLES: Article[] = [
  article(1, 'uk', 'У Кремлі прокоментували участь Казахстану та Вірменії у програмах НАТО', 'Росія обговорювала з союзниками їхню співпрацю з НАТО.', '', [
    { slug: 'nato', labels: { uk: 'НАТО', en: 'NATO' } },
  ]),
  article(2, 'uk', 'Переговори у Женеві завершилися', 'Делегації провели переговори про безпекові гарантії.', 'У 2021 році сторони говорили про ракети.'),
  article(3, 'uk', 'Ґрунтовна відповідь США', 'Вашингтон передав п’ять пропозицій.', 'Текст відповіді не оприлюднили.'),
  article(4, 'uk', 'ОДКБ виводить миротворців', 'Контингент залишає Казахстан.', ''),
  article(5, 'en', 'Talks in Geneva ended', 'Delegations negotiated security guarantees.', 'Exports of grain rose in 2021.'),
];

/** Serves the files of buildSearchIndex as JSON, counting fetches. */
function server(files: Map<string, unknown>) {
  const fetched: string[] = [];
  const fetchJson = async (url: string) => {
    fetched.push(url);
    const path = url.replace(/^\/data\//, '').replace(/\?.*$/, '');
    return files.has(path) ? JSON.parse(JSON.stringify(files.get(path))) : null;
  };
  return { fetchJson, fetched };
}

const text = (segs: Segment[]) => segs.map((s) => s.text).join('');
const marked = (segs: Segment[]) => segs.filter((s) => s.mark).map((s) => s.text);

describe('buildSearchIndex', () => {
  it('writes a valid manifest per language, term parts in order, doc chunks newest first, every file within 1 MB', () => {
    const files = buildSearchIndex(ARTICLES, { partBytes: 200, docChunk: 2 });
    const uk = v.parse(SearchManifest, files.get('search/uk/manifest.json'));
    expect(uk.docs).toBe(4);
    expect(uk.parts.length).toBeGreaterThan(2);
    expect(uk.parts[0]).toBe('');
    expect([...uk.parts].sort()).toEqual(uk.parts);
    uk.parts.forEach((first, n) => {
      const part = v.parse(TermPart, JSON.parse(jsonText(files.get(`search/uk/${uk.gen}/t${n}.json`))));
      expect(part.terms[0]! >= first).toBe(true);
      if (n + 1 < uk.parts.length) expect(part.terms.at(-1)! < uk.parts[n + 1]!).toBe(true);
      expect(part.df).toEqual(part.postings.map((p) => decodePostings(p).docs.length));
    });
    const d0 = v.parse(DocChunk, JSON.parse(jsonText(files.get(`search/uk/${uk.gen}/d0.json`))));
    const d1 = v.parse(DocChunk, JSON.parse(jsonText(files.get(`search/uk/${uk.gen}/d1.json`))));
    expect([...d0, ...d1].map((r) => r[0])).toEqual(['a-4', 'a-3', 'a-2', 'a-1']);
    expect(uk.recent).toBe(4);
    expect(files.has(`search/uk/${uk.gen}/recent.json`)).toBe(true);
    expect(uk.topics.nato).toEqual({ uk: 'НАТО', en: 'NATO' });
    for (const [path, value] of files) expect(jsonText(value).length, path).toBeLessThan(MAX_FILE_BYTES);
    const en = v.parse(SearchManifest, files.get('search/en/manifest.json'));
    expect(en.docs).toBe(1);
  });

  it('cuts the offline index of the newest articles to fit a file', () => {
    const files = buildSearchIndex(ARTICLES, { recentDocs: 3 });
    expect(v.parse(SearchManifest, files.get('search/uk/manifest.json')).recent).toBe(3);
  });

  it('gives an empty language a manifest and no other file', () => {
    const files = buildSearchIndex(ARTICLES.filter((a) => a.lang === 'uk'));
    const en = v.parse(SearchManifest, files.get('search/en/manifest.json'));
    expect([en.docs, en.parts, en.recent]).toEqual([0, [], 0]);
    expect([...files.keys()].filter((p) => p.startsWith('search/en/'))).toEqual(['search/en/manifest.json']);
  });

  it('is deterministic, and a changed archive gets a new generation', () => {
    expect(JSON.stringify([...buildSearchIndex(ARTICLES)])).toBe(JSON.stringify([...buildSearchIndex([...ARTICLES].reverse())]));
    const gen = (files: Map<string, unknown>) => v.parse(SearchManifest, files.get('search/uk/manifest.json')).gen;
    expect(gen(buildSearchIndex(ARTICLES))).not.toBe(gen(buildSearchIndex(ARTICLES.slice(1))));
  });
});

describe('SearchEngine', () => {
  const engine = () => new SearchEngine(server(buildSearchIndex(ARTICLES)).fetchJson);
  const slugs = async (q: string, lang: 'uk' | 'en' = 'uk') => (await engine().search(lang, q)).hits.map((h) => h.slug);

  it('finds other inflections: Казахстан finds Казахстану, переговори finds переговорів', async () => {
    expect(await slugs('Казахстан')).toEqual(expect.arrayContaining(['a-1', 'a-4']));
    expect(await slugs('переговорів')).toEqual(['a-2']);
  });

  it('matches words while they are being typed (prefix of the last word)', async () => {
    expect(await slugs('Казах')).toEqual(expect.arrayContaining(['a-1', 'a-4']));
    expect(await slugs('переговори Жен')).toEqual(['a-2']);
  });

  it('forgives a typo in a longer word', async () => {
    expect(await slugs('Казахтан')).toEqual(expect.arrayContaining(['a-1', 'a-4']));
    expect(await slugs('миротварців')).toEqual(['a-4']);
  });

  it('forgives a typo among the first letters, which puts the word in another term part', async () => {
    const files = buildSearchIndex(ARTICLES, { partBytes: 200 });
    const manifest = v.parse(SearchManifest, files.get('search/uk/manifest.json'));
    const own = (w: string) => partOf(manifest.parts, stem(fold(w)));
    expect(own('аКзахстан')).not.toBe(own('Казахстан'));
    expect(typoParts(manifest.parts, stem(fold('аКзахстан')))).toContain(own('Казахстан'));
    const search = async (q: string) => (await new SearchEngine(server(files).fetchJson).search('uk', q)).hits.map((h) => h.slug);
    expect(await search('аКзахстан')).toEqual(expect.arrayContaining(['a-1', 'a-4']));
    expect(await search('Казхастан')).toEqual(expect.arrayContaining(['a-1', 'a-4']));
  });

  it('needs every word (AND)', async () => {
    expect(await slugs('Казахстан миротворці')).toEqual(['a-4']);
    expect(await slugs('Казахстан Женева')).toEqual([]);
  });

  it('finds topics in either language, Latin words, numbers, ґ and apostrophes', async () => {
    expect(await slugs('NATO')).toEqual(['a-1']);
    expect(await slugs('2021')).toEqual(['a-2']);
    expect(await slugs('грунтовна')).toEqual(['a-3']);
    expect(await slugs("п'ять")).toEqual(['a-3']);
    expect(await slugs('пʼять')).toEqual(['a-3']);
  });

  it('ranks a headline match above a body match', async () => {
    expect((await slugs('відповідь'))[0]).toBe('a-3');
    const files = buildSearchIndex([
      article(1, 'uk', 'Новини дня', 'Про все', 'Женева прийняла делегації.'),
      article(2, 'uk', 'Женева прийняла делегації', 'Про все', ''),
    ]);
    const answer = await new SearchEngine(server(files).fetchJson).search('uk', 'Женева');
    expect(answer.hits.map((h) => h.slug)).toEqual(['a-2', 'a-1']);
  });

  it('searches English with the English stemmer', async () => {
    expect(await slugs('negotiation guarantee', 'en')).toEqual(['a-5']);
    expect(await slugs('export', 'en')).toEqual(['a-5']);
    expect(await slugs('Казахстан', 'en')).toEqual([]);
  });

  it('marks the matching words of headline and lead', async () => {
    const [hit] = (await engine().search('uk', 'казахстан нато')).hits;
    expect(text(hit!.headline)).toBe('У Кремлі прокоментували участь Казахстану та Вірменії у програмах НАТО');
    expect(marked(hit!.headline)).toEqual(['Казахстану', 'НАТО']);
    expect(marked(hit!.lead)).toEqual(['НАТО']);
    expect(hit!.topics).toEqual([{ slug: 'nato', labels: { uk: 'НАТО', en: 'NATO' } }]);
  });

  it('answers nothing for a query of stop words or punctuation', async () => {
    expect(buildQuery('та — в !')).toBeNull();
    expect((await engine().search('uk', ' та — ')).hits).toEqual([]);
  });

  it('searches the whole archive on the first try, downloading only the parts of its words', async () => {
    // 60 articles, the oldest the only one with «Жанаозен»; small parts and chunks, as a big archive has
    const many = Array.from({ length: 60 }, (_, k) =>
      article(k + 1, 'uk', k === 0 ? 'Протести в Жанаозені' : `Новини номер ${k} про економіку`, `Подія ${k} дня.`, `Слово${k} ще текст.`),
    ).map((a, k) => ({ ...a, publishedAt: `2021-${String(1 + Math.floor(k / 28)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}T12:00:00Z` }));
    const files = buildSearchIndex(many, { partBytes: 300, docChunk: 10 });
    const manifest = v.parse(SearchManifest, files.get('search/uk/manifest.json'));
    expect(manifest.parts.length).toBeGreaterThan(5);
    const { fetchJson, fetched } = server(files);
    const answer = await new SearchEngine(fetchJson).search('uk', 'жанаозен');
    expect(answer.hits.map((h) => h.slug)).toEqual(['a-1']);
    expect([answer.searched, answer.docs]).toEqual([60, 60]);
    const parts = fetched.filter((u) => /\/t\d+\.json$/.test(u));
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.length).toBeLessThanOrEqual(2 + 2 * PREFIX_PARTS + TYPO_PARTS);
    expect(parts.length).toBeLessThan(manifest.parts.length);
    // the oldest article's card: the last doc chunk only
    expect(fetched.filter((u) => /\/d\d+\.json$/.test(u))).toEqual([`/data/search/uk/${manifest.gen}/d5.json`]);
    expect(fetched.some((u) => u.endsWith('recent.json'))).toBe(false);
  });

  it('ranks by relevance, and the newer article first on a tie', async () => {
    const same = [
      article(1, 'uk', 'Женева прийняла делегації', 'Про все', ''),
      article(2, 'uk', 'Женева прийняла делегації', 'Про все', ''),
      article(3, 'uk', 'Новини дня', 'Про все', 'Женева прийняла делегації.'),
    ];
    const answer = await new SearchEngine(server(buildSearchIndex(same)).fetchJson).search('uk', 'Женева');
    expect(answer.hits.map((h) => h.slug)).toEqual(['a-2', 'a-1', 'a-3']);
  });

  it('works offline: words searched before in every article, any other word among the newest articles', async () => {
    const files = buildSearchIndex(ARTICLES, { partBytes: 200, recentDocs: 2 });
    const { fetchJson } = server(files);
    let online = true;
    const cached = new Map<string, unknown>(); // what the service worker keeps
    const engine = new SearchEngine(async (url) => {
      if (online) {
        const json = await fetchJson(url);
        cached.set(url, json);
        return json;
      }
      if (cached.has(url)) return cached.get(url);
      throw new SearchError('network', url);
    });
    expect((await engine.search('uk', 'Казахстан')).total).toBe(2);
    await engine.prefetchRecent('uk');
    online = false;
    const again = await engine.search('uk', 'Казахстан');
    expect([again.total, again.searched, again.docs]).toEqual([2, 4, 4]);
    // «Женева» is only in a-2, not among the 2 newest (a-4, a-3); «ОДКБ» is in a-4
    const other = await engine.search('uk', 'ОДКБ');
    expect([other.hits.map((h) => h.slug), other.searched, other.docs]).toEqual([['a-4'], 2, 4]);
    expect((await engine.search('uk', 'Женеві')).total).toBe(0);
    online = true;
    expect((await engine.search('uk', 'Женеві')).hits.map((h) => h.slug)).toEqual(['a-2']);
  });

  it('reports an unreachable index as a network error and tries again next time', async () => {
    const files = buildSearchIndex(ARTICLES);
    let online = false;
    const engine = new SearchEngine(async (url) => {
      if (!online) throw new SearchError('network', url);
      return server(files).fetchJson(url);
    });
    await expect(engine.search('uk', 'Казахстан')).rejects.toMatchObject({ kind: 'network' });
    online = true;
    expect((await engine.search('uk', 'Казахстан')).total).toBe(2);
  });

  it('reports a broken manifest or term part as invalid', async () => {
    await expect(new SearchEngine(async () => ({ nope: 1 })).search('uk', 'x')).rejects.toMatchObject({ kind: 'invalid' });
    const files = buildSearchIndex(ARTICLES);
    const broken = new SearchEngine(async (url) => (url.endsWith('manifest.json') ? server(files).fetchJson(url) : { index: 'garbage' }));
    await expect(broken.search('uk', 'x')).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('reads the manifest again when it names a file the server no longer has', async () => {
    const old = buildSearchIndex(ARTICLES.slice(0, 2));
    const current = buildSearchIndex(ARTICLES);
    let calls = 0;
    const engine = new SearchEngine(async (url) => {
      calls++;
      const path = url.replace(/^\/data\//, '').replace(/\?.*$/, '');
      // as fetched: JSON text parsed (a built file is kept as JsonText)
      const file = calls === 1 ? old.get(path) : current.get(path); // the first: a cached, stale manifest
      return file === undefined ? null : JSON.parse(JSON.stringify(file));
    });
    expect((await engine.search('uk', 'миротворців')).hits.map((h) => h.slug)).toEqual(['a-4']);
  });
});

describe('editDistance', () => {
  it('counts edits up to a bound', () => {
    expect(editDistance('казахстан', 'казахтан', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('abc', 'abc', 0)).toBe(0);
  });
});

describe('highlight', () => {
  it('keeps the text and marks whole words by their index term', () => {
    const segs = highlight('Росія, Росії й «Росією»!', new Set([term('Росія')!]));
    expect(text(segs)).toBe('Росія, Росії й «Росією»!');
    expect(marked(segs)).toEqual(['Росія', 'Росії', 'Росією']);
  });

  it('marks nothing when nothing matched', () => {
    expect(highlight('<b>Текст</b>', new Set())).toEqual([{ text: '<b>Текст</b>' }]);
  });
});
