// Node module hook for the prerender: components import their CSS (Vite bundles it for
// the browser); in Node such an import is an empty module.
export async function load(url, context, nextLoad) {
  if (/\.css(\?.*)?$/.test(url)) return { format: 'module', source: '', shortCircuit: true };
  return nextLoad(url, context);
}
