import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AfterWritten, JsonText, SpilledFile } from '../lib/jsonText.ts';
import { PARALLEL_WRITE_FILES, recoverDataset, writeDataset } from './write.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kontekst-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** n article-like files; some long enough that batches end inside their Cyrillic text */
function articles(n: number): Map<string, unknown> {
  const files = new Map<string, unknown>();
  for (let k = 0; k < n; k++) {
    files.set(`articles/a${k}.json`, { id: k, headline: `Новина ${k} — пʼять`, body: 'слово '.repeat(k % 7 === 0 ? 2000 : 20) });
  }
  return files;
}

const sha256 = (texts: readonly string[]): string => {
  const hash = createHash('sha256');
  for (const t of texts) hash.update(t, 'utf8');
  return hash.digest('hex');
};

/** Writes `files` plus a manifest that hashes the article files, then checks every file against its value. */
async function roundTrip(files: Map<string, unknown>): Promise<void> {
  const out = join(dir, 'out');
  // what each file should hold, read before the writer moves a spilled file away
  const want = new Map([...files].map(([path, value]) => [path, `${JSON.stringify(value)}\n`]));
  files.set('manifest.json', new AfterWritten((path) => path.startsWith('articles/'), (hash) => ({ hash })));
  const written = await writeDataset(out, files);
  expect(written).toBe(files.size);
  const expected: string[] = [];
  for (const [path, text] of want) {
    expect(await readFile(join(out, path), 'utf8'), path).toBe(text);
    if (path.startsWith('articles/')) expected.push(text);
  }
  expect(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'))).toEqual({ hash: sha256(expected) });
}

// thousands of files: the writer thread is for big datasets
describe('writeDataset', { timeout: 30_000 }, () => {
  it('writes a small dataset on this thread: every file its JSON and a newline, the hash over the files it covers', async () => {
    await roundTrip(articles(50));
  });

  it('writes a big one through the writer thread to the same text, kept text and spilled files included', async () => {
    const files = articles(PARALLEL_WRITE_FILES + 500);
    files.set('search/uk/0.json', new JsonText(new TextEncoder().encode(JSON.stringify({ shard: 'пошук'.repeat(300_000) }))));
    const spilled = join(dir, 'spilled.json');
    await writeFile(spilled, `${JSON.stringify({ spilled: 'так' })}\n`);
    files.set('search/uk/1.json', new SpilledFile(spilled));
    await roundTrip(files);
    expect(await readdir(dir)).toEqual(['out']); // the spilled file was moved in
  });

  it('reports a file the writer thread cannot write, and leaves the old dataset as it was', async () => {
    const out = join(dir, 'out');
    await writeDataset(out, new Map([['manifest.json', { old: true }]]));
    const files = articles(PARALLEL_WRITE_FILES + 10);
    files.set('search/uk/0.json', new SpilledFile(join(dir, 'missing.json')));
    await expect(writeDataset(out, files)).rejects.toThrow(/missing\.json/);
    expect(await readdir(dir)).toEqual(['out']); // no staging folder left
    expect(await readFile(join(out, 'manifest.json'), 'utf8')).toBe('{"old":true}\n');
  });
});

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const child = fileURLToPath(new URL('./fixtures/writeAndStop.ts', import.meta.url));

/** Runs the child writer; gives how it ended (a signal when it stopped itself). */
function writeAndStop(out: string, count: number, stopAt: string): Promise<NodeJS.Signals | number | null> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', child, out, String(count), stopAt], { cwd: repo }, (error) => {
      done(error ? (error.signal ?? (error.code as number)) : 0);
    });
  });
}

/** What a reader would find in `out`: the manifest's run and whether every article it counts is there, from that run. */
async function servable(out: string): Promise<{ run: number; whole: boolean }> {
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as { articleCount: number; run: number };
  const names = await readdir(join(out, 'articles'));
  let whole = names.length === manifest.articleCount;
  for (const name of names) {
    const a = JSON.parse(await readFile(join(out, 'articles', name), 'utf8')) as { run: number };
    if (a.run !== manifest.run) whole = false;
  }
  return { run: manifest.run, whole };
}

describe('a write stopped at any point (SIGKILL of a child process)', { timeout: 60_000 }, () => {
  for (const stopAt of ['writing', 'staged', 'moved-old', 'swapped']) {
    it(`stopped ${stopAt}: the old dataset or the new one stays whole; the next run mends and cleans up, then writes`, async () => {
      const out = join(dir, 'data');
      expect(await writeAndStop(out, 3000, 'never')).toBe(0);
      const first = await servable(out);
      expect(first.whole).toBe(true);
      expect(await writeAndStop(out, 3000, stopAt)).toBe('SIGKILL');
      const left = await readdir(dir);
      expect(left.some((n) => n.startsWith('.data.'))).toBe(true); // it did leave something behind
      if (stopAt === 'moved-old') {
        // stopped between the two renames: the old dataset is beside the folder until the next run puts it back
        expect(left).not.toContain('data');
        expect(await recoverDataset(out)).toEqual([expect.stringMatching(/^restored .*data from \.data\.old-\d+/), expect.stringMatching(/^removed \.data\.tmp-\d+/)]);
      }
      const after = await servable(out);
      expect(after.whole).toBe(true);
      // stopped after the second rename: the new dataset; before it: the old one
      if (stopAt === 'swapped') expect(after.run).not.toBe(first.run);
      else expect(after.run).toBe(first.run);
      // the next run: no refusal, nothing left over
      expect(await writeAndStop(out, 10, 'never')).toBe(0);
      expect(await readdir(dir)).toEqual(['data']);
      expect((await servable(out)).whole).toBe(true);
    });
  }
});
