import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { JsonText } from '../lib/jsonText.ts';
import { onWorker, writeDataset } from './write.ts';

const work = await mkdtemp(join(tmpdir(), 'kontekst-write-'));
afterAll(() => rm(work, { recursive: true, force: true }));

/** Every file under `dir`: relative path → contents. */
async function tree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      out.set(relative(dir, path), await readFile(path, 'utf8'));
    }
  }
  return out;
}

// Several batches' worth: Cyrillic text, a file bigger than a batch, a value kept as its bytes.
const files = new Map<string, unknown>();
for (let k = 0; k < 300; k++) files.set(`articles/a-${k}.json`, { id: k, headline: `Новина ${k} — «тест» ’`, body: 'ї'.repeat(k * 8) });
files.set('latest/all/1.json', { items: Array.from({ length: 40_000 }, (_, k) => ({ k, text: 'слово word' })) });
files.set('search/uk/0-abc.json', new JsonText(new TextEncoder().encode('{"documentCount":1,"x":"ґ"}')));
files.set('manifest.json', { version: 1, articleCount: 300 });

describe('writeDataset', { timeout: 30_000 }, () => {
  it('writes the same files on a worker thread as in line', async () => {
    await writeDataset(join(work, 'inline'), files);
    await writeDataset(join(work, 'worker'), files, () => {}, undefined, { sink: () => onWorker() });
    const inline = await tree(join(work, 'inline'));
    expect(inline.size).toBe(files.size);
    expect(inline.get('manifest.json')).toBe('{"version":1,"articleCount":300}\n');
    expect(inline.get('search/uk/0-abc.json')).toBe('{"documentCount":1,"x":"ґ"}\n');
    expect(await tree(join(work, 'worker'))).toEqual(inline);
  });

  it('writes everything in line when the worker fails', async () => {
    let started = 0;
    const dying = (): Worker => {
      started++;
      // a worker that stops as soon as it is sent a batch, none written
      return new Worker("require('node:worker_threads').parentPort.on('message', () => process.exit(3))", { eval: true });
    };
    await writeDataset(join(work, 'dying'), files, () => {}, undefined, { sink: () => onWorker(dying) });
    expect(started).toBe(1);
    expect(await tree(join(work, 'dying'))).toEqual(await tree(join(work, 'inline')));
  });

  it('writes everything in line when the worker reports a failed write', async () => {
    const refusing = (): Worker =>
      new Worker("const { parentPort } = require('node:worker_threads'); parentPort.on('message', () => parentPort.postMessage({ failed: 'disk full' }))", {
        eval: true,
      });
    await writeDataset(join(work, 'refusing'), files, () => {}, undefined, { sink: () => onWorker(refusing) });
    expect(await tree(join(work, 'refusing'))).toEqual(await tree(join(work, 'inline')));
  });
});
