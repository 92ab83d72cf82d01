import * as v from 'valibot';
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Article } from '../core/model/article.ts';
import { ListPage, Manifest, TopicIndex, TopicPage } from '../core/model/dataset.ts';
import { type Io, NODE_FLAGS, main } from './cli.ts';
import { contentHash } from './write/layout.ts';
import { SearchManifest, SearchShard } from '../core/search/searchData.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const tsxCli = join(repo, 'node_modules/tsx/dist/cli.mjs');

const GOOD = ['Кремль і НАТО', '', '16:00 21.12.2021', '', 'Лід статті.', '', 'Абзац.', '', 'Теми: НАТО, Кремль', ''].join('\n');
const BROKEN = ['A headline', '', 'not a time', '', 'Lead.'].join('\n');

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kontekst-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function files(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'));
  }
  return out.sort();
}

function schemaFor(path: string) {
  if (path === 'manifest.json') return Manifest;
  if (path.startsWith('articles/')) return Article;
  if (path === 'topics/index.json') return TopicIndex;
  if (path.startsWith('topics/')) return TopicPage;
  if (path.startsWith('latest/')) return ListPage;
  if (/^search\/(uk|en)\/manifest\.json$/.test(path)) return SearchManifest;
  if (/^search\/(uk|en)\/[0-9a-f]{12}\/(t\d+|d\d+|recent)\.json$/.test(path)) return SearchShard;
  throw new Error(`unexpected file ${path}`);
}

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), now: () => new Date('2021-12-21T14:00:00Z') };
}

describe('cli (a real process)', () => {
  it('imports the good file, names the broken one with its line, exits 1', async () => {
    const content = join(dir, 'content');
    const out = join(dir, 'out');
    await mkdir(content);
    await writeFile(join(content, 'good.txt'), GOOD);
    await writeFile(join(content, 'broken.txt'), BROKEN);

    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [tsxCli, 'src/build/cli.ts', content, '--out', out], { cwd: repo }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      });
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(content, 'broken.txt')}:3: expected a timestamp "HH:MM DD.MM.YYYY", found "not a time"`);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.stdout).toContain('1 imported, 1 skipped');

    const written = await files(out);
    expect(written).toContain('articles/kreml-i-nato.json');
    expect(written).toContain('manifest.json');
    for (const path of written) {
      const value: unknown = JSON.parse(await readFile(join(out, path), 'utf8'));
      expect(v.safeParse(schemaFor(path), value).success, path).toBe(true);
    }
  }, 30_000);
});

describe('cli main()', () => {
  it('exits 0 and writes a complete dataset when everything imports', async () => {
    await writeFile(join(dir, 'a.txt'), GOOD);
    await writeFile(join(dir, 'a.json'), JSON.stringify({ slug: 'from-sidecar' }));
    await writeFile(join(dir, 'topics.json'), JSON.stringify({ nato: { uk: 'НАТО', en: 'NATO' } }));
    const io = capture();
    expect(await main([dir, '--out', join(dir, 'out')], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(io.stdout[0]).toBe('1 imported, 0 skipped');
    const article = v.parse(Article, JSON.parse(await readFile(join(dir, 'out/articles/from-sidecar.json'), 'utf8')));
    expect(article.topics.map((t) => [t.slug, t.labels])).toEqual([
      ['nato', { uk: 'НАТО', en: 'NATO' }],
      ['kreml', { uk: 'Кремль' }],
    ]);
    expect(await files(join(dir, 'out'))).toEqual([
      'articles/from-sidecar.json',
      'latest/all/1.json',
      'latest/en/1.json',
      'latest/uk/1.json',
      'manifest.json',
      'search/en/manifest.json',
      expect.stringMatching(/^search\/uk\/[0-9a-f]{12}\/d0\.json$/),
      expect.stringMatching(/^search\/uk\/[0-9a-f]{12}\/recent\.json$/),
      expect.stringMatching(/^search\/uk\/[0-9a-f]{12}\/t0\.json$/),
      'search/uk/manifest.json',
      'topics/index.json',
      'topics/kreml/1.json',
      'topics/nato/1.json',
    ]);
  });

  it('names an archived file that is not an article and leaves it out; --fresh clears the previous dataset', async () => {
    const out = join(dir, 'out');
    await mkdir(join(out, 'articles'), { recursive: true });
    await writeFile(join(out, 'manifest.json'), '{}');
    await writeFile(join(out, 'articles/stale.json'), '{}');
    await writeFile(join(dir, 'a.txt'), GOOD);
    const io = capture();
    expect(await main([join(dir, 'a.txt'), '--out', out], io)).toBe(0);
    expect(io.stderr).toEqual([`${join(out, 'articles/stale.json')}: warning: archived article unreadable (not an article); left out of this run`]);
    expect(await files(out)).not.toContain('articles/stale.json');
    await writeFile(join(dir, 'b.txt'), GOOD.replace('Кремль і НАТО', 'Інший заголовок'));
    expect(await main([join(dir, 'b.txt'), '--out', out, '--fresh'], capture())).toBe(0);
    expect((await files(out)).filter((f) => f.startsWith('articles/'))).toEqual(['articles/inshyi-zaholovok.json']);
  });

  it('never clears a folder that is not a dataset', async () => {
    const out = join(dir, 'precious');
    await mkdir(out);
    await writeFile(join(out, 'notes.md'), 'keep me');
    await writeFile(join(dir, 'a.txt'), GOOD);
    const io = capture();
    expect(await main([join(dir, 'a.txt'), `--out=${out}`], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/refusing to clear .*precious/);
    expect(await readFile(join(out, 'notes.md'), 'utf8')).toBe('keep me');
  });

  it('writes nothing when the glossary is broken', async () => {
    await writeFile(join(dir, 'a.txt'), GOOD);
    await writeFile(join(dir, 'topics.json'), '{"nato": {"uk": 1}}');
    const io = capture();
    expect(await main([dir, '--out', join(dir, 'out')], io)).toBe(1);
    expect(io.stderr).toEqual([`${join(dir, 'topics.json')}:1: field "nato.uk": expected string, found 1`]);
    await expect(readdir(join(dir, 'out'))).rejects.toThrow();
  });

  it('reports a sidecar error against the sidecar and skips the article', async () => {
    await writeFile(join(dir, 'a.txt'), GOOD);
    await writeFile(join(dir, 'a.json'), '{\n  "lang": "uk",\n  "autor": "X"\n}');
    await writeFile(join(dir, 'orphan.json'), '{}');
    const io = capture();
    expect(await main([dir, '--out', join(dir, 'out')], io)).toBe(1);
    expect(io.stderr).toEqual([
      `${join(dir, 'orphan.json')}: warning: sidecar without a text file: expected orphan.txt beside it`,
      `${join(dir, 'a.json')}:3: unknown field "autor"`,
    ]);
    expect(io.stdout[0]).toBe('0 imported, 1 skipped, 1 warning');
  });

  it('a missing source or a bad option is a clear message, not a stack trace', async () => {
    const io = capture();
    expect(await main([join(dir, 'nope'), '--out', join(dir, 'out')], io)).toBe(1);
    expect(io.stderr).toEqual([`${join(dir, 'nope')}: cannot read: no such file or folder`]);
    expect(io.stdout).toEqual(['0 imported, 1 skipped', `nothing written: fix the errors above (${join(dir, 'out')} is unchanged)`]);
    await expect(readdir(join(dir, 'out'))).rejects.toThrow();

    const bad = capture();
    expect(await main(['--frobnicate'], bad)).toBe(1);
    expect(bad.stderr[0]).toBe('error: unknown option --frobnicate');
  });
});

describe('the written manifest', () => {
  it('has the content hash of the articles written with it, computed as they were written', async () => {
    const seeds = ['Перша новина', 'Друга новина', 'Третя новина'].map((h, k) => GOOD.replace('Кремль і НАТО', h).replace('21.12.2021', `2${k}.12.2021`));
    for (const [k, text] of seeds.entries()) await writeFile(join(dir, `s${k}.txt`), text);
    expect(await main([dir, '--out', join(dir, 'out')], capture())).toBe(0);
    const paths = (await files(join(dir, 'out'))).filter((p) => p.startsWith('articles/'));
    expect(paths).toHaveLength(3);
    const articles = await Promise.all(paths.map(async (p) => v.parse(Article, JSON.parse(await readFile(join(dir, 'out', p), 'utf8')))));
    const manifest = v.parse(Manifest, JSON.parse(await readFile(join(dir, 'out/manifest.json'), 'utf8')));
    expect(manifest.contentHash).toBe(contentHash(articles));
    expect(manifest.contentHash).not.toBe(contentHash(articles.slice(1)));
    expect((await readdir(dir)).filter((name) => name.includes('.search-'))).toEqual([]); // the search worker's spill folder is gone
  });
});

describe('npm run data', () => {
  it('starts Node with the young generation and heap growth the import is tuned for', async () => {
    const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.data).toBe(`tsx ${NODE_FLAGS.join(' ')} src/build/cli.ts`);
  });
});
