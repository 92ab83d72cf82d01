/**
 * The SPA shell's entry (index.html, 404.html): a URL that was not prerendered (search, saved,
 * ?page=2, an unknown path), and every page the service worker answers offline. It starts the
 * full app at once. A prerendered page loads the islands runtime instead (islands.tsx).
 */
import { createI18n, isLang, loadLanguage, preferredLang } from '../i18n/index.ts';
import { readHydrationState } from './hydration.ts';
import { startApp } from './start.tsx';
import { nextTask } from '../lib/tasks.ts';
import './styles.css';
// Feature styles of the first view. Imported here, by the client entry only: the prerender
// (Node) renders the same components and cannot load CSS.
import '../saved/saved.css';
import '../offline/offline.css';
import '../search/search.css';

async function start(): Promise<void> {
  await nextTask(); // after this module's own evaluation
  const i18n = createI18n();
  const urlLang = location.pathname.split('/')[1];
  // The UI strings first, then render.
  // (An async function, not a top-level await: with top-level await in the entry, the bundler
  // must split every module a lazy chunk shares with it.)
  await loadLanguage(i18n, isLang(urlLang) ? urlLang : preferredLang());
  await nextTask();
  await startApp({ i18n, root: document.getElementById('root')!, state: readHydrationState(document, location), mode: 'render' });
}

void start();
