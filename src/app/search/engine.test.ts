import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../core/model/article.ts';
import { article } from '../../core/model/article.test-helpers.ts';
import { buildSearchIndex } from '../../build/index/buildIndex.ts';
import { SearchEngine, SearchError, buildQuery, highlight, type Segment } from './engine.ts';
import { SearchManifest } from '../../core/search/searchData.ts';
import { term } from '../../core/text/words.ts';


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
  it('writes a valid manifest per language, shards newest first', () => {
    const files = buildSearchIndex(ARTICLES, { shardDocs: 2 });
    const uk = v.parse(SearchManifest, files.get('search/uk/manifest.json'));
    expect(uk.docs).toBe(4);
    expect(uk.shards.map((s) => s.docs)).toEqual([2, 2]);
    expect(uk.shards[0]!.newest > uk.shards[1]!.newest).toBe(true);
    for (const s of uk.shards) expect(files.has(`search/uk/${s.file}`)).toBe(true);
    expect(uk.topics.nato).toEqual({ uk: 'НАТО', en: 'NATO' });
    const en = v.parse(SearchManifest, files.get('search/en/manifest.json'));
    expect(en.docs).toBe(1);
  });

  it('splits a shard that would be too big to download at once', () => {
    const whole = v.parse(SearchManifest, buildSearchIndex(ARTICLES).get('search/uk/manifest.json'));
    expect(whole.shards).toHaveLength(1);
    const max = Math.floor(whole.shards[0]!.gzip * 0.8);
    const files = buildSearchIndex(ARTICLES, { maxShardBytes: max });
    const uk = v.parse(SearchManifest, files.get('search/uk/manifest.json'));
    expect(uk.shards.length).toBeGreaterThan(1);
    for (const s of uk.shards) expect(s.gzip <= max || s.docs === 1).toBe(true);
    expect(uk.shards.reduce((n, s) => n + s.docs, 0)).toBe(4);
    expect(uk.shards.map((s) => s.file.split('-')[0])).toEqual(uk.shards.map((_, k) => String(k)));
  });

  it('gives an empty language a manifest with no shards', () => {
    const files = buildSearchIndex(ARTICLES.filter((a) => a.lang === 'uk'));
    expect(v.parse(SearchManifest, files.get('search/en/manifest.json')).shards).toEqual([]);
  });

  it('is deterministic', () => {
    expect(JSON.stringify([...buildSearchIndex(ARTICLES)])).toBe(JSON.stringify([...buildSearchIndex([...ARTICLES].reverse())]));
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

  it('loads shards newest first within the download budget, then more on demand', async () => {
    const files = buildSearchIndex(ARTICLES, { shardDocs: 1 });
    const { fetchJson, fetched } = server(files);
    const manifest = v.parse(SearchManifest, files.get('search/uk/manifest.json'));
    const engine = new SearchEngine(fetchJson, manifest.shards[0]!.gzip + manifest.shards[1]!.gzip);
    const first = await engine.search('uk', 'Казахстан');
    expect(fetched.filter((u) => !u.endsWith('manifest.json'))).toHaveLength(2);
    expect(first.searched).toBe(2);
    expect(first.docs).toBe(4);
    expect(first.hits.map((h) => h.slug)).toEqual(['a-4']);
    await engine.more('uk');
    const more = await engine.search('uk', 'Казахстан');
    expect(more.searched).toBeGreaterThan(2);
    while ((await engine.search('uk', 'Казахстан')).searched < 4) await engine.more('uk');
    const all = await engine.search('uk', 'Казахстан');
    expect(all.searched).toBe(4);
    expect(all.hits.map((h) => h.slug).sort()).toEqual(['a-1', 'a-4']);
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

  it('reports a broken manifest or shard as invalid', async () => {
    await expect(new SearchEngine(async () => ({ nope: 1 })).search('uk', 'x')).rejects.toMatchObject({ kind: 'invalid' });
    const files = buildSearchIndex(ARTICLES);
    const broken = new SearchEngine(async (url) => (url.endsWith('manifest.json') ? server(files).fetchJson(url) : { index: 'garbage' }));
    await expect(broken.search('uk', 'x')).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('reads the manifest again when it names a shard the server no longer has', async () => {
    const old = buildSearchIndex(ARTICLES.slice(0, 2));
    const current = buildSearchIndex(ARTICLES);
    let calls = 0;
    const engine = new SearchEngine(async (url) => {
      calls++;
      const path = url.replace(/^\/data\//, '').replace(/\?.*$/, '');
      // as fetched: JSON text parsed (a shard is kept as JsonText)
      const file = calls === 1 ? old.get(path) : current.get(path); // the first: a cached, stale manifest
      return file === undefined ? null : JSON.parse(JSON.stringify(file));
    });
    expect((await engine.search('uk', 'миротворців')).hits.map((h) => h.slug)).toEqual(['a-4']);
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
