/** Build-time constants (vite.config.ts `define`). */
/** This build's id, shown in the footer: KONTEKST_BUILD_ID, else the git commit and a hash of the app's sources. */
declare const __BUILD_ID__: string;
/** How many article files the service worker keeps (besides saved ones): KONTEKST_ARTICLE_CACHE_MAX, default 80. */
declare const __ARTICLE_CACHE_MAX__: number;
