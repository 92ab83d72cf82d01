/**
 * The compiler holds the line between the wings (docs/adr/0008-two-wings.md):
 * a probe module is added to each wing's own TypeScript program (its
 * tsconfig.json, as `npm run typecheck` reads it) and must fail to typecheck
 * when it reaches across — and pass when it stays in its lane.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The errors of `wing`'s program with one more module, `source`, in the wing's folder. */
function probe(wing: 'app' | 'build' | 'core', source: string): string[] {
  const configPath = join(repo, 'src', wing, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error(`cannot read ${configPath}`);
  const probeFile = join(repo, 'src', wing, '__wing_probe__.ts');
  // useSourceOfProjectReferenceRedirect: read by createProgram (the language service's option); not in CompilerHost's typings
  const host: ts.CompilerHost & { useSourceOfProjectReferenceRedirect?: () => boolean } = ts.createCompilerHost(config.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => f === probeFile || fileExists.call(host, f);
  host.readFile = (f) => (f === probeFile ? source : readFile.call(host, f));
  // the other wings' sources, not their built declarations: no `tsc -b` needed first
  host.useSourceOfProjectReferenceRedirect = () => true;
  host.getSourceFile = (f, lang, ...rest) => (f === probeFile ? ts.createSourceFile(f, source, lang) : getSourceFile.call(host, f, lang, ...rest));
  const program = ts.createProgram({
    rootNames: [...config.fileNames, probeFile],
    options: { ...config.options, noEmit: true, emitDeclarationOnly: false },
    projectReferences: config.projectReferences,
    host,
  });
  const probeSource = program.getSourceFile(probeFile);
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getSemanticDiagnostics(probeSource), ...program.getSyntacticDiagnostics(probeSource)];
  return diagnostics.map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

describe('the wings (one tsconfig each, composed by npm run typecheck)', { timeout: 60_000 }, () => {
  it('a browser module that imports node:fs does not typecheck', () => {
    expect(probe('app', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n").join('\n')).toMatch(/TS2307: Cannot find module 'node:fs'/);
  });

  it('a browser module that imports a build module does not typecheck', () => {
    expect(probe('app', "import { parseSeed } from '../build/feeds/seed.ts';\nexport const parse = parseSeed;\n").join('\n')).toMatch(/TS6307/);
  });

  it('a build module that imports a browser module or uses the DOM does not typecheck', () => {
    expect(probe('build', "import { createRoutes } from '../app/shell/routes.tsx';\nexport const routes = createRoutes;\n").join('\n')).toMatch(/TS6307/);
    expect(probe('build', 'export const title = document.title;\n').join('\n')).toMatch(/TS2584|TS2304/);
  });

  it('a core module may use neither Node nor the DOM', () => {
    expect(probe('core', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n").join('\n')).toMatch(/TS2307/);
    expect(probe('core', 'export const title = document.title;\n').join('\n')).toMatch(/TS2584|TS2304/);
  });

  it('each wing may use the core, and its own platform', () => {
    expect(probe('app', "import { slugify } from '../core/text/slug.ts';\nexport const s = slugify(document.title);\n")).toEqual([]);
    expect(probe('build', "import { readFileSync } from 'node:fs';\nimport { slugify } from '../core/text/slug.ts';\nexport const s = slugify(readFileSync('x', 'utf8'));\n")).toEqual([]);
  });
});

/** Every relative import of the modules (tests left out) under `dir`: [importing file, imported file]. */
function imports(dir: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!/\.tsx?$/.test(name) || /\.test(-helpers)?\.tsx?$/.test(name)) continue;
    const file = join(dir, name);
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|new URL\(\s*)'(\.{1,2}\/[^']+)'/g)) {
      out.push([relative(repo, file), relative(repo, resolve(dirname(file), m[1] as string))]);
    }
  }
  return out;
}

describe('no arrow runs back up', () => {
  it("the app's feature folders never import from its shell", () => {
    const all = imports(join(repo, 'src/app'));
    expect(all.length).toBeGreaterThan(100);
    const up = all.filter(([from, to]) => !from.startsWith('src/app/shell/') && to.startsWith('src/app/shell/'));
    expect(up).toEqual([]);
  });

  it("the build's steps never import the pipeline or the CLI that compose them", () => {
    const up = imports(join(repo, 'src/build')).filter(([from, to]) => from.split('/').length > 3 && /^src\/build\/(pipeline|cli)\.ts$/.test(to));
    expect(up).toEqual([]);
  });
});
