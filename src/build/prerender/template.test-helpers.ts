/** The shell (dist/index.html) and Vite manifest the prerender tests build pages from, as `vite build` makes them. */
import type { ViteManifest } from './contentFirst.ts';

export const TEMPLATE = `<!doctype html>
<html lang="uk">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'" />
    <title>Kontekst</title>
    <script type="module" crossorigin src="/assets/index-test.js"></script>
  </head>
  <body>
    <div id="root"><!-- boot --><div class="boot"><p class="boot-failed">Kontekst не вдалося запустити.</p></div><!-- /boot --></div>
    <noscript>Kontekst потребує JavaScript.</noscript>
  </body>
</html>
`;

/** Vite's build manifest for that template: the SPA shell's entry, the islands runtime's and one locale chunk per language. */
export const VITE_MANIFEST: ViteManifest = {
  'index.html': { file: 'assets/index-test.js', isEntry: true },
  'src/app/shell/islands.tsx': { file: 'assets/islands-test.js', isEntry: true },
  'src/app/i18n/locales/uk/index.ts': { file: 'assets/uk-test.js' },
  'src/app/i18n/locales/en/index.ts': { file: 'assets/en-test.js' },
};

