// Node module hooks for the prerender (scripts/prerender.ts and its worker threads).
// Components import their CSS (Vite bundles it for the browser); in Node such an import is an
// empty module. And react-router's package exports name only its development build
// (remix-run/react-router#14102): the prerender takes the production build it also ships, as
// vite.config.ts does for the browser (no development checks per render; scripts/prerender.ts
// sets NODE_ENV=production for React likewise).
const PRODUCTION_ROUTER = new URL('../node_modules/react-router/dist/production/index.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'react-router') return { url: PRODUCTION_ROUTER, shortCircuit: true };
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (/\.css(\?.*)?$/.test(url)) return { format: 'module', source: '', shortCircuit: true };
  return nextLoad(url, context);
}
