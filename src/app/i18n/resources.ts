import type ukResources from './locales/uk/index.ts';
import type { Lang } from '../../core/model/article.ts';

/** Ukrainian is the reference language: its keys type-check every t() call. */
export type Resources = typeof ukResources;
export type Namespace = keyof Resources;
export const NAMESPACES = ['common', 'article', 'home', 'topics', 'offline', 'saved', 'embed', 'search'] as const satisfies readonly Namespace[];
export const DEFAULT_LANG: Lang = 'uk';

/** Locale bundles are split per language: a reader downloads only the UI language they use. */
export const localeLoaders: Record<Lang, () => Promise<{ default: Resources | Record<Namespace, object> }>> = {
  uk: () => import('./locales/uk/index.ts'),
  en: () => import('./locales/en/index.ts'),
};
