import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpilledFile, jsonText } from '../lib/jsonText.ts';
import { writeDataset } from '../write/write.ts';
import { article as searchArticle } from '../../core/model/article.test-helpers.ts';
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

describe('startSearchWorker', { timeout: 30_000 }, () => { // worker threads boot tsx: slow on a busy machine
  it('gives the files of the in-line build, one article sent at a time, built files as JSON text', async () => {
    const files = await startSearchWorker({}, undefined, 1).build(ARTICLES);
    const expected = buildSearchIndex(ARTICLES);
    expect([...files.keys()]).toEqual([...expected.keys()]);
    for (const [path, value] of expected) expect(jsonText(files.get(path)), path).toBe(jsonText(value));
  });

  it('with a spill folder, puts each file there as it is built, and the writer moves them into the dataset', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kontekst-spill-'));
    try {
      const spill = join(dir, 'spill');
      await mkdir(spill);
      const files = await startSearchWorker({}, spill, 1).build(ARTICLES);
      const expected = buildSearchIndex(ARTICLES);
      expect([...files.keys()]).toEqual([...expected.keys()]);
      const built = [...files].filter(([path]) => !path.endsWith('manifest.json'));
      expect(built.length).toBeGreaterThan(4);
      for (const [path, value] of built) {
        expect(value, path).toBeInstanceOf(SpilledFile);
        expect(jsonText(value), path).toBe(jsonText(expected.get(path)));
      }
      expect(await readdir(spill)).toHaveLength(built.length);

      await writeDataset(join(dir, 'out'), files);
      expect(await readdir(spill)).toEqual([]); // moved, not copied
      for (const [path, value] of expected) {
        const written = await readFile(join(dir, 'out', path), 'utf8');
        expect(written, path).toBe(`${jsonText(value)}\n`);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
