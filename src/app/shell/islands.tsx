/**
 * The islands runtime: the entry of a prerendered page (its content-first loader imports it after
 * the first paint, src/build/prerender/contentFirst.ts). The page's HTML is the page: this hydrates
 * only what a reader can touch, the `<Island>` wrappers (src/app/islands/Island.tsx), each in its
 * own root and its own unit of work:
 *
 * - at once when the reader reaches for it (pointer down, touch, focus), and a tap that comes before
 *   its hydration is held and replayed on the same element once it has hydrated;
 * - else one by one when the browser is idle, in page order, yielding between them (and React
 *   yields inside each: transitions).
 *
 * Links stay plain links until the reader follows one: the first in-app navigation (a link, the
 * search form, "show" on the new-articles offer) loads the full app (start.tsx: router, React Query,
 * every page), which routes there and replaces the page; from then on the app routes in place.
 * Nothing else of the page is hydrated: its text, dates and links are the prerendered HTML.
 * docs/adr/0012-islands.md.
 */
import { startTransition, useLayoutEffect, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { hydrateRoot } from './reactDom.ts';
import { createI18n, isLang, loadLanguage, saveLangChoice } from '../i18n/index.ts';
import { readHydrationState, type HydrationState } from './hydration.ts';
import { ISLAND_ATTR, ISLAND_PROPS_ATTR, type IslandName } from '../islands/Island.tsx';
import { SaveButton } from '../saved/SaveButton.tsx';
import { ShareSlot } from '../embed/ShareSlot.tsx';
import { SearchForm } from '../search/SearchForm.tsx';
import { OfflineIndicator } from '../offline/OfflineIndicator.tsx';
import { UpdateBanner } from '../offline/UpdateBanner.tsx';
import { NewArticles, newsListKey, type NewsList } from '../ui/NewArticles.tsx';
import { startServiceWorker } from '../offline/register.ts';
import { INTERACTIVE_MARK } from '../../core/page/state.ts';
import { FRESH_FOR_MS } from '../../core/time/fresh.ts';
import { nextTask } from '../lib/tasks.ts';
import type { Article, Lang } from '../../core/model/article.ts';
import type { ListPage, ListScope } from '../../core/model/dataset.ts';

const whenIdle = () =>
  new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 50);
  });

type Takeover = { to?: string; invalidate?: readonly unknown[] };
type Context = { ui: Lang; state: HydrationState; takeover: (how: Takeover) => void };
type Props = Record<string, unknown>;

/** The article of the page, from its state block (the islands read it rather than carrying it twice). */
function articleIn(state: HydrationState, slug: unknown): Article | null {
  const q = state.queries.find((x) => Array.isArray(x.key) && x.key[0] === 'article' && x.key[1] === slug);
  return (q?.data as Article | undefined) ?? null;
}

/** What hydrates each island: the same component, with the same props, as the prerender rendered. Null: leave it static. */
const hydrators: Record<IslandName, (props: Props, ctx: Context) => ReactNode | null> = {
  save: ({ slug }, { state }) => {
    const article = articleIn(state, slug);
    return article ? <SaveButton article={article} /> : null;
  },
  share: ({ slug }, { state, ui }) => {
    const article = articleIn(state, slug);
    return article ? <ShareSlot slug={article.slug} headline={article.headline} lead={article.lead} ui={ui} /> : null;
  },
  search: ({ ui }, { takeover }) =>
    isLang(ui) ? <SearchForm ui={ui} q="" contentLang={null} onSearchPage={false} navigate={(to) => takeover({ to })} /> : null,
  offline: () => <OfflineIndicator />,
  update: () => <UpdateBanner />,
  'new-articles': ({ shown, list }, { takeover }) =>
    typeof shown === 'number' && list ? (
      <NewArticles shown={shown} list={list as NewsList} onShow={() => takeover({ invalidate: newsListKey(list as NewsList) })} />
    ) : null,
};

/** Calls `done` once its island has committed (hydrated). */
function Hydrated({ done, children }: { done: () => void; children: ReactNode }) {
  useLayoutEffect(done, [done]);
  return children;
}

type IslandState = { el: HTMLElement; name: IslandName; hydrated: boolean; done?: Promise<void> };
const unmounts: (() => void)[] = [];
const cleanups: (() => void)[] = [];

/**
 * "2 години тому" for fresh articles, as the app's <Time> shows them (with the Kyiv time as its
 * title), every minute: the prerendered text is the absolute time, which a page cannot know is
 * fresh until it runs. Plain DOM, no hydration: these <time> elements are in no island.
 */
async function freshTimes(root: HTMLElement, ui: Lang, justNow: string): Promise<void> {
  const times = [...root.querySelectorAll<HTMLTimeElement>('time[datetime]')].map((el) => ({ el, iso: el.dateTime, absolute: el.textContent ?? '' }));
  // the date code loads only when a time on the page may be fresh (under 10 hours; a day-only value is never)
  if (!times.some((t) => t.iso.includes('T') && Date.now() - Date.parse(t.iso) < FRESH_FOR_MS)) return;
  const { formatRelative } = await import('../../core/time/dates.ts');
  const update = (): boolean => {
    const now = Date.now();
    let fresh = false;
    for (const t of times) {
      if (!t.el.isConnected) continue;
      const relative = formatRelative(t.iso, ui, now, justNow);
      if (relative) {
        fresh = true;
        if (t.el.textContent !== relative) t.el.textContent = relative;
        t.el.title = t.absolute;
      } else if (t.el.title) {
        t.el.textContent = t.absolute;
        t.el.removeAttribute('title');
      }
    }
    return fresh;
  };
  if (update()) {
    const timer = setInterval(update, 60_000);
    cleanups.push(() => clearInterval(timer));
  }
}

/**
 * A prerendered home page caches the newest articles ahead for offline reading, as the app's home
 * page does (offline/latestAhead.ts); its code loads after the islands, in idle time.
 */
async function homeAhead(state: HydrationState): Promise<void> {
  if (!/^\/(uk|en)\/?$/.test(state.path)) return;
  const home = Object.values(state.router.loaderData ?? {}).find(
    (v): v is { scope: ListScope; page: number } => typeof v === 'object' && v !== null && 'scope' in v && 'page' in v,
  );
  const list = home && state.queries.find((q) => Array.isArray(q.key) && q.key[0] === 'latest' && q.key[1] === home.scope && q.key[2] === home.page);
  if (!home || !list) return;
  const [{ latestAhead }, { fetchData }, { ListPage, paths }] = await Promise.all([
    import('../offline/latestAhead.ts'),
    import('../lib/fetchData.ts'),
    import('../../core/model/dataset.ts'),
  ]);
  latestAhead(home.scope, home.page, (list.data as ListPage).items, () => fetchData(paths.latest('all', 1), ListPage));
}

function startIslands(i18n: I18n, ctx: Context, root: HTMLElement): IslandState[] {
  const islands: IslandState[] = [...root.querySelectorAll<HTMLElement>(`[${ISLAND_ATTR}]`)].flatMap((el) => {
    const name = el.getAttribute(ISLAND_ATTR) as IslandName;
    return name in hydrators ? [{ el, name, hydrated: false }] : [];
  });

  const hydrate = (island: IslandState): Promise<void> => {
    if (island.done) return island.done;
    let props: Props = {};
    try {
      props = JSON.parse(island.el.getAttribute(ISLAND_PROPS_ATTR) ?? '{}') as Props;
    } catch {
      /* damaged props: the hydrator gets none and leaves the island static */
    }
    const node = hydrators[island.name](props, ctx);
    island.done = node
      ? new Promise<void>((resolve) => {
          const done = () => {
            island.hydrated = true;
            resolve();
          };
          const r = hydrateRoot(
            island.el,
            <I18nextProvider i18n={i18n}>
              <Hydrated done={done}>{node}</Hydrated>
            </I18nextProvider>,
          );
          unmounts.push(() => r.unmount());
        })
      : Promise.resolve();
    return island.done;
  };

  for (const island of islands) {
    // Reaching for an island hydrates it now, ahead of the idle queue.
    const now = () => void hydrate(island);
    for (const type of ['pointerdown', 'touchstart', 'focusin'] as const) island.el.addEventListener(type, now, { capture: true, passive: true, once: true });
    // A click before hydration (a fast tap, a keyboard, a script) is held and replayed on the same
    // element once React has hydrated it: hydration keeps the prerendered DOM nodes.
    const early = (e: MouseEvent) => {
      if (island.hydrated) return;
      const target = e.target instanceof Element ? e.target.closest<HTMLElement>('button, a[href], input, summary, [role="button"]') : null;
      if (!target) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      void hydrate(island).then(() => {
        if (target.isConnected) target.click();
      });
    };
    island.el.addEventListener('click', early, { capture: true });
    cleanups.push(() => island.el.removeEventListener('click', early, { capture: true }));
  }
  // Taps the page's loader kept before this runtime was there (contentFirst.ts): replayed in order,
  // each once its island has hydrated.
  const kept = (window as unknown as { kontekstTaps?: Element[] & { done?: boolean } }).kontekstTaps;
  if (kept) {
    kept.done = true;
    void (async () => {
      for (const tap of kept.splice(0)) {
        const island = islands.find((i) => i.el.contains(tap));
        if (!island) continue;
        await hydrate(island);
        if (tap.isConnected && tap instanceof HTMLElement) tap.click();
      }
    })();
  }
  void (async () => {
    for (const island of islands) {
      if (island.done) continue;
      await whenIdle();
      // a transition: React yields to the browser every few milliseconds while it hydrates
      startTransition(() => void hydrate(island));
      await island.done;
      await nextTask();
    }
    await freshTimes(root, ctx.ui, i18n.t('time.justNow')).catch(() => undefined);
    performance.mark(INTERACTIVE_MARK);
    startServiceWorker();
    await homeAhead(ctx.state).catch(() => undefined);
  })();
  return islands;
}

/** A click on a link of the app (same origin, /uk/… or /en/…, same tab): the reader navigates in place. */
function appLink(e: MouseEvent): URL | null {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return null;
  const a = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a[href]') : null;
  if (!a || (a.target && a.target !== '_self') || a.hasAttribute('download')) return null;
  const url = new URL(a.href);
  if (url.origin !== location.origin || !/^\/(uk|en)(\/|$)/.test(url.pathname)) return null;
  // a link within the page (#…) stays the browser's
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return null;
  return url;
}

async function start(): Promise<void> {
  await nextTask(); // after this module's own evaluation
  const root = document.getElementById('root');
  if (!root) return;
  const urlLang = location.pathname.split('/')[1];
  const ui: Lang = isLang(urlLang) ? urlLang : 'uk';
  const i18n = createI18n();
  await loadLanguage(i18n, ui);
  await nextTask();
  const state = readHydrationState(document, location);

  let started: Promise<void> | null = null;
  const takeover = ({ to, invalidate }: Takeover): void => {
    if (started) return;
    // as the app shows a navigation: the page stays, marked busy, with the progress bar, until the next one is ready
    root.querySelector('.progress')?.classList.add('active');
    document.getElementById('main')?.setAttribute('aria-busy', 'true');
    started = import('./start.tsx')
      .then(({ startApp }) =>
        startApp({
          i18n,
          root,
          state,
          mode: 'replace',
          to,
          beforeReplace: () => {
            for (const c of cleanups.splice(0)) c();
            for (const u of unmounts.splice(0)) u();
          },
          afterRender: ({ queryClient }) => {
            if (invalidate) void queryClient.invalidateQueries({ queryKey: invalidate }).then(() => window.scrollTo({ top: 0 }));
            else if (to !== undefined) {
              if (!new URL(to, location.href).hash) window.scrollTo({ top: 0 });
              // as after any in-app navigation (Layout): focus moves to the new page's content
              document.getElementById('main')?.focus({ preventScroll: true });
            }
          },
        }),
      )
      .catch((e: unknown) => {
        // offline before the app was cached, or a build the host no longer has: the browser goes there itself
        console.warn('Kontekst: the app did not start', e);
        if (to !== undefined) location.assign(to);
        else location.reload();
      });
  };

  // The host answered another URL with this page (?page=2, say): the app renders that URL itself,
  // and the loader stops keeping taps (they belong to a page that is going away).
  if (!state) {
    const kept = (window as unknown as { kontekstTaps?: Element[] & { done?: boolean } }).kontekstTaps;
    if (kept) kept.done = true;
    return takeover({});
  }

  const onClick = (e: MouseEvent) => {
    const url = appLink(e);
    if (!url) return;
    e.preventDefault();
    const a = (e.target as Element).closest('a');
    if (a?.classList.contains('lang-switch')) {
      const lang = a.getAttribute('hreflang');
      if (isLang(lang)) saveLangChoice(lang);
    }
    takeover({ to: url.pathname + url.search + url.hash });
  };
  document.addEventListener('click', onClick);
  cleanups.push(() => document.removeEventListener('click', onClick));
  startIslands(i18n, { ui, state, takeover }, root);
}

void start();
