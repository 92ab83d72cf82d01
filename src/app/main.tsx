import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { i18n, isLang, loadLanguage, preferredLang } from '../i18n/index.ts';
import { createQueryClient } from './queryClient.ts';
import { createRoutes } from './routes.tsx';
import { readHydrationState, restoreQueries } from './hydration.ts';
import { App } from './App.tsx';
import { startServiceWorker } from '../offline/register.ts';
import './styles.css';
// Feature styles of the first view. Imported here, by the client entry only: the prerender
// (Node) renders the same components and cannot load CSS.
import '../saved/saved.css';
import '../offline/offline.css';

const queryClient = createQueryClient();
const urlLang = location.pathname.split('/')[1];
// The shell's strings are ready before the first paint. (A promise, not a top-level await: with
// top-level await in the entry, the bundler must split every module a lazy chunk shares with it.)
void loadLanguage(i18n, isLang(urlLang) ? urlLang : preferredLang()).then(() => {
  // A prerendered page (src/prerender) carries its data: hydrate it rather than render again.
  const state = readHydrationState(document, location);
  if (state) restoreQueries(queryClient, state.queries);
  const router = createBrowserRouter(createRoutes({ queryClient, i18n }), state ? { hydrationData: state.router } : {});
  const root = document.getElementById('root')!;
  const app = (
    <StrictMode>
      <App router={router} queryClient={queryClient} i18n={i18n} />
    </StrictMode>
  );
  if (state && root.firstChild) hydrateRoot(root, app);
  else createRoot(root).render(app);
});

startServiceWorker();
