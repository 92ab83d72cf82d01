import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from './reactDom.ts';
import { createBrowserRouter } from 'react-router';
import { createI18n, isLang, loadLanguage, preferredLang } from '../i18n/index.ts';
import { createQueryClient } from './queryClient.ts';
import { createRoutes } from './routes.tsx';
import { readHydrationState, restoreQueries } from './hydration.ts';
import { primeFormattedDates } from '../../core/time/dates.ts';
import { App } from './App.tsx';
import { startServiceWorker } from '../offline/register.ts';
import './styles.css';
// Feature styles of the first view. Imported here, by the client entry only: the prerender
// (Node) renders the same components and cannot load CSS.
import '../saved/saved.css';
import '../offline/offline.css';

/** Gives the main thread back to the browser between start-up steps, so that no step adds up to one long task. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function start(): Promise<void> {
  await nextTask(); // after this module's own evaluation
  const i18n = createI18n();
  const urlLang = location.pathname.split('/')[1];
  // The UI strings first (a prerendered page has already asked for them), then hydrate or render.
  // (An async function, not a top-level await: with top-level await in the entry, the bundler
  // must split every module a lazy chunk shares with it.)
  await loadLanguage(i18n, isLang(urlLang) ? urlLang : preferredLang());
  await nextTask();
  // A prerendered page (src/prerender) carries its data: hydrate it rather than render again.
  const queryClient = createQueryClient();
  const state = readHydrationState(document, location);
  if (state) restoreQueries(queryClient, state.queries);
  if (Array.isArray(state?.dates)) primeFormattedDates(state.dates);
  await nextTask();
  // The router reads session storage (saved view transitions) and writes the history entry's
  // state; a page's first touch of each costs the browser ~10 ms of set-up. Pay those in tasks of
  // their own, so that creating the router does not add up to one long task.
  try {
    sessionStorage.getItem('kontekst');
  } catch {
    /* storage may be blocked: the router copes */
  }
  await nextTask();
  history.replaceState(history.state, '');
  await nextTask();
  const router = createBrowserRouter(createRoutes({ queryClient, i18n }), state ? { hydrationData: state.router } : {});
  await nextTask();
  const root = document.getElementById('root')!;
  const app = (
    <StrictMode>
      <App router={router} queryClient={queryClient} i18n={i18n} onInteractive={startServiceWorker} />
    </StrictMode>
  );
  // Hydrate as a transition: React then yields to the browser every few milliseconds
  // instead of holding the main thread for the whole page (no long task for a tap to wait on).
  if (state && root.firstChild) startTransition(() => void hydrateRoot(root, app));
  else createRoot(root).render(app);
}

void start();
