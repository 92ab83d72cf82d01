/**
 * react-dom's client, run when its chunk is evaluated. react-dom is CommonJS: the bundler wraps
 * its code in a function that runs where it is first required. Required from here (a module of
 * the react-dom chunk, vite.config.ts codeSplitting), it runs in that chunk's own task when the
 * content-first loader evaluates the chunks one by one (src/build/prerender/contentFirst.ts), not inside
 * the app chunk's evaluation.
 */
export { createRoot, hydrateRoot } from 'react-dom/client';
