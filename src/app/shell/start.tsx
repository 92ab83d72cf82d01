/**
 * The full app: router, React Query, every page. The SPA shell (main.tsx) starts it at once; a
 * prerendered page starts it only when the reader first navigates in place (a link, the search
 * form, "show" on the new-articles offer), from its islands runtime (islands.tsx). Until then a
 * prerendered page is its HTML plus a few hydrated islands.
 */
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import type { i18n as I18n } from 'i18next';
import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter } from 'react-router';
import { createRoot } from './reactDom.ts';
import { createQueryClient } from './queryClient.ts';
import { createRoutes } from './routes.tsx';
import { restoreQueries, type HydrationState } from './hydration.ts';
import { primeFormattedDates } from '../../core/time/dates.ts';
import { App } from './App.tsx';
import { startServiceWorker } from '../offline/register.ts';
import { nextTask } from '../lib/tasks.ts';


export type StartOptions = {
  i18n: I18n;
  root: HTMLElement;
  /** the page's state block, when it was rendered for this URL */
  state: HydrationState | null;
  /**
   * 'render': the SPA shell (its root holds only a boot message);
   * 'replace': the root holds a prerendered page with islands: the app renders in its place,
   * after its router has loaded `to` (when given), so the reader sees the old page until the new one is ready.
   */
  mode: 'render' | 'replace';
  to?: string;
  /** runs just before the app replaces the page (the islands unmount) */
  beforeReplace?: () => void;
  /** runs once the app is on the screen */
  afterRender?: (app: { queryClient: QueryClient }) => void;
};

export async function startApp({ i18n, root, state, mode, to, beforeReplace, afterRender }: StartOptions): Promise<void> {
  const queryClient = createQueryClient();
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
  const app = (
    <StrictMode>
      <App router={router} queryClient={queryClient} i18n={i18n} onInteractive={startServiceWorker} />
    </StrictMode>
  );
  if (mode === 'render') {
    createRoot(root).render(app);
    afterRender?.({ queryClient });
    return;
  }
  if (to !== undefined) await router.navigate(to);
  // Without the page's state (the host answered another URL, ?page=2, with this page) the router is
  // still loading the URL: the app renders at once, its loading view first, as the SPA shell does.
  beforeReplace?.();
  // One commit: the prerendered page is replaced by the app's render in the same task, no blank frame.
  flushSync(() => createRoot(root).render(app));
  afterRender?.({ queryClient });
}
