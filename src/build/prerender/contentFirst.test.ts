import { describe, expect, it } from 'vitest';
import { appChunks, contentFirstLoader, withContentFirstLoader, type ViteManifest } from './contentFirst.ts';
import { cspHash } from './cspHash.ts';

const manifest: ViteManifest = {
  'index.html': { file: 'assets/index-abc.js', isEntry: true, imports: ['_shared-1.js', '_app-1.js'] },
  'src/app/shell/islands.tsx': { file: 'assets/islands-abc.js', isEntry: true, imports: ['_shared-1.js'] },
  '_app-1.js': { file: 'assets/app-1.js', imports: ['_shared-1.js'] },
  '_shared-1.js': { file: 'assets/shared-1.js', imports: ['_shared-2.js', 'src/app/shell/islands.tsx'] },
  '_shared-2.js': { file: 'assets/shared-2.js', imports: ['_shared-1.js'] },
  'src/app/i18n/locales/uk/index.ts': { file: 'assets/uk-1.js' },
  'src/app/i18n/locales/en/index.ts': { file: 'assets/en-1.js' },
};

const page = `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; object-src 'none'">
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/shared-1.js">
    <link rel="modulepreload" crossorigin href="/assets/shared-2.js">
    <link rel="modulepreload" crossorigin href="/assets/app-1.js">
</head><body><div id="root"><h1>Hi</h1></div></body></html>`;

describe('content-first loader', () => {
  it("finds the islands entry, every chunk it imports (once, cycles included) and the language's strings", () => {
    expect(appChunks(manifest, 'uk')).toEqual({
      app: '/assets/islands-abc.js',
      shell: '/assets/index-abc.js',
      // dependencies first: shared-1 imports shared-2
      steps: ['/assets/shared-2.js', '/assets/shared-1.js'],
      preload: ['/assets/shared-2.js', '/assets/shared-1.js', '/assets/uk-1.js'],
    });
    expect(appChunks(manifest, 'en').preload.at(-1)).toBe('/assets/en-1.js');
  });

  it('says what is missing from a manifest it cannot use', () => {
    expect(() => appChunks({}, 'uk')).toThrow(/no index.html entry/);
    expect(() => appChunks({ 'index.html': manifest['index.html']! }, 'uk')).toThrow(/no src\/app\/shell\/islands.tsx entry/);
    expect(() => appChunks({ 'index.html': manifest['index.html']!, 'src/app/shell/islands.tsx': manifest['src/app/shell/islands.tsx']! }, 'uk')).toThrow(/no chunk for the uk strings/);
  });

  it("replaces the SPA shell's module script with an inline loader of the islands, whose hash the CSP allows", () => {
    const chunks = appChunks(manifest, 'uk');
    const html = withContentFirstLoader(page, chunks);
    expect(html).not.toContain('<script type="module"');
    // nothing of the app is asked for before the first paint: the head's modulepreload links go too
    expect(html).not.toMatch(/<link rel="modulepreload"/);
    const loader = contentFirstLoader(chunks);
    expect(html).toContain(`<script>${loader}</script>\n</body>`);
    expect(html).toContain(`script-src 'self' ${cspHash(loader)};`);
    expect(html).not.toContain('unsafe-inline');
    // the loader waits for the first contentful paint, then preloads and imports the app
    expect(loader).toContain('first-contentful-paint');
    expect(loader).toContain('"/assets/uk-1.js"');
    expect(loader).toContain('import(app)');
    expect(loader).toContain('"/assets/shared-2.js","/assets/shared-1.js"');
    expect(loader).toContain('"/assets/islands-abc.js"');
    // the full app is not part of it
    expect(html).not.toContain('index-abc');
    expect(html).not.toContain('app-1');
  });

  it('refuses a page it cannot rewrite safely', () => {
    const chunks = appChunks(manifest, 'uk');
    expect(() => withContentFirstLoader(page.replace('index-abc', 'index-other'), chunks)).toThrow(/no module script/);
    expect(() => withContentFirstLoader(page.replace("script-src 'self'", "script-src https:"), chunks)).toThrow(/no script-src 'self'/);
  });
});
