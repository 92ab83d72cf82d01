/**
 * Where an article's shareable pieces live, and the embed snippet. Shared by
 * the share dialog (client) and the prerender (build): one definition of the
 * URLs a publisher copies.
 */
import type { Lang } from '../model/article.ts';

export const EMBED_WIDTH = 600;
export const EMBED_HEIGHT = 360;
export const SHARE_IMAGE = { width: 1200, height: 630 } as const;

export const sitePaths = {
  article: (lang: Lang, slug: string) => `/${lang}/news/${slug}`,
  embed: (lang: Lang, slug: string) => `/embed/${lang}/news/${slug}`,
  oembed: (lang: Lang, slug: string) => `/oembed/${lang}/${slug}.json`,
  shareImage: (slug: string) => `/share/${slug}.png`,
  home: (lang: Lang) => `/${lang}/`,
  topic: (lang: Lang, slug: string) => `/${lang}/topics/${slug}`,
};

/** Attribute-safe text: & < > " ' escaped. */
export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * The iframe a publisher pastes: lazy, titled, sized, sandboxed (scripts only
 * for its height report; popups so "Read on Kontekst" opens a normal tab).
 */
export function embedSnippet(embedUrl: string, title: string): string {
  return (
    `<iframe src="${escapeAttr(embedUrl)}" title="${escapeAttr(title)}" width="${EMBED_WIDTH}" height="${EMBED_HEIGHT}" ` +
    `loading="lazy" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" style="border:0;max-width:100%"></iframe>`
  );
}
