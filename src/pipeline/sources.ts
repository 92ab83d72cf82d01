/**
 * Reading the sources named on the command line: files or folders (read
 * recursively). `*.txt` are seed texts, `topics.json` is the glossary, any other
 * `*.json` is the sidecar of the `.txt` with the same name beside it.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { type ImportError, importError, importWarning } from './errors.ts';

export interface TextFile {
  file: string;
  text: string;
}

export interface SeedSource extends TextFile {
  sidecar?: TextFile;
}

export interface Sources {
  seeds: SeedSource[];
  glossaries: TextFile[];
  errors: ImportError[];
  /** files that could not be read at all */
  unreadable: string[];
}

export const GLOSSARY_NAME = 'topics.json';

const decoder = new TextDecoder('utf-8', { fatal: true });

async function readText(file: string): Promise<string> {
  const bytes = await readFile(file);
  try {
    return decoder.decode(bytes);
  } catch {
    throw new Error('not valid UTF-8 text');
  }
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out);
    else if (entry.isFile() && /\.(txt|json)$/i.test(entry.name)) out.push(path);
  }
}

const sidecarPath = (txt: string): string => txt.slice(0, -extname(txt).length) + '.json';

export async function readSources(args: readonly string[]): Promise<Sources> {
  const errors: ImportError[] = [];
  const unreadable: string[] = [];
  const found: string[] = [];
  const explicit = new Set<string>();
  for (const arg of args) {
    try {
      if ((await stat(arg)).isDirectory()) {
        const before = found.length;
        await walk(arg, found);
        if (!found.slice(before).some((f) => /\.txt$/i.test(f))) errors.push(importWarning(arg, 0, 'no .txt files in this folder'));
      } else if (/\.(txt|json)$/i.test(arg)) {
        found.push(join(arg));
        explicit.add(join(arg));
      } else {
        errors.push(importError(arg, 0, 'not a source: expected a .txt seed text, a .json sidecar or topics.json, or a folder'));
        unreadable.push(arg);
      }
    } catch (e) {
      errors.push(importError(arg, 0, `cannot read: ${reason(e)}`));
      unreadable.push(arg);
    }
  }

  const files = [...new Set(found)].sort();
  const texts = new Map<string, string>();
  for (const file of files) {
    try {
      texts.set(file, await readText(file));
    } catch (e) {
      errors.push(importError(file, 0, `cannot read: ${reason(e)}`));
      unreadable.push(file);
    }
  }
  // A .txt named on its own still brings its sidecar along.
  for (const file of files) {
    if (!explicit.has(file) || !/\.txt$/i.test(file)) continue;
    const side = sidecarPath(file);
    if (texts.has(side)) continue;
    try {
      texts.set(side, await readText(side));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        errors.push(importError(side, 0, `cannot read: ${reason(e)}`));
        unreadable.push(side);
      }
    }
  }

  const seeds: SeedSource[] = [];
  const glossaries: TextFile[] = [];
  const usedSidecars = new Set<string>();
  for (const [file, text] of [...texts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (/\.txt$/i.test(file)) {
      const side = sidecarPath(file);
      const sideText = texts.get(side);
      if (sideText !== undefined && basename(side) !== GLOSSARY_NAME) {
        usedSidecars.add(side);
        seeds.push({ file, text, sidecar: { file: side, text: sideText } });
      } else seeds.push({ file, text });
    } else if (basename(file) === GLOSSARY_NAME) glossaries.push({ file, text });
  }
  for (const file of texts.keys()) {
    if (/\.json$/i.test(file) && basename(file) !== GLOSSARY_NAME && !usedSidecars.has(file)) {
      errors.push(importWarning(file, 0, `sidecar without a text file: expected ${basename(file, '.json')}.txt beside it`));
    }
  }
  return { seeds, glossaries, errors, unreadable };
}
