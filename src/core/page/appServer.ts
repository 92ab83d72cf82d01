/**
 * What the build asks of the app to prerender pages (src/build/prerender):
 * the app's own routes rendered for a URL, the embed card, and the strings a
 * page's head needs in each UI language. The app implements it in
 * src/app/shell/entry-server.tsx; the build loads that module at run time
 * (as Vite's SSR does), so neither wing's typecheck reaches into the other's.
 */
import type { Strings } from '../links/meta.ts';
import type { Article, Lang } from '../model/article.ts';

export type RenderResult =
  | { kind: 'page'; status: number; html: string; state: unknown; lang: string }
  | { kind: 'redirect'; status: number; location: string };

/** The strings of a page's head, link previews and share image, in one UI language. */
export type HeadStrings = Strings & {
  /** the home page's title */
  homeTitle: string;
  /** the share image's tagline */
  tagline: string;
};

export interface AppServer {
  /** one URL through the app's routes (loaders fetch `/data/…`, answered by the caller's fetch) */
  renderUrl(url: string): Promise<RenderResult>;
  /** loads the UI language's strings (call before the two below) */
  headStrings(ui: Lang): Promise<HeadStrings>;
  /** the embed card's markup and its inline CSS */
  embedCard(article: Article, ui: Lang, articleUrl: string): { body: string; css: string };
}
