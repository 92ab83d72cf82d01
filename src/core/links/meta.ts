/**
 * Link-preview metadata of a prerendered page (build time): canonical and
 * hreflang, Open Graph, Twitter card, one JSON-LD NewsArticle, oEmbed
 * discovery; and the oEmbed document itself. Pure functions over the article
 * and the site's base URL, so the build test can check them page by page.
 */
import type { Article, Lang } from '../model/article.ts';
import { LANGS } from '../model/article.ts';
import { jsonForScript } from '../page/state.ts';
import { EMBED_HEIGHT, EMBED_WIDTH, SHARE_IMAGE, embedSnippet, escapeAttr, sitePaths } from './links.ts';

export const SITE_NAME = 'Kontekst';
export const OG_LOCALE: Record<Lang, string> = { uk: 'uk_UA', en: 'en_US' };

export type Strings = {
  siteDescription: string;
  section: string;
  shareImageAlt: (headline: string) => string;
  topicLabel: (labels: Article['topics'][number]) => string;
};

export type ImageInfo = { url: string; width: number; height: number; alt: string };

const meta = (property: string, content: string) => `<meta property="${property}" content="${escapeAttr(content)}">`;
const named = (name: string, content: string) => `<meta name="${name}" content="${escapeAttr(content)}">`;

/** Shortens text at a word boundary for descriptions. */
export function summary(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:—–-]+$/, '')}…`;
}

/** Canonical, hreflang for every UI language and x-default (Ukrainian): the same set on every language version. */
function alternates(base: string, pathFor: (lang: Lang) => string, ui: Lang): string[] {
  return [
    `<link rel="canonical" href="${escapeAttr(base + pathFor(ui))}">`,
    ...LANGS.map((l) => `<link rel="alternate" hreflang="${l}" href="${escapeAttr(base + pathFor(l))}">`),
    `<link rel="alternate" hreflang="x-default" href="${escapeAttr(base + pathFor('uk'))}">`,
  ];
}

function locales(ui: Lang): string[] {
  return [meta('og:locale', OG_LOCALE[ui]), ...LANGS.filter((l) => l !== ui).map((l) => meta('og:locale:alternate', OG_LOCALE[l]))];
}

/** The article's share image: its first sized image block, else the one rendered at build. */
export function articleImage(article: Article, base: string, alt: string): ImageInfo {
  for (const b of article.body) {
    if (b.type === 'image' && b.width && b.height) {
      return { url: b.src.startsWith('/') ? base + b.src : b.src, width: b.width, height: b.height, alt: b.alt || alt };
    }
  }
  return { url: base + sitePaths.shareImage(article.slug), ...SHARE_IMAGE, alt };
}

export function newsArticleJsonLd(article: Article, ui: Lang, base: string, image: ImageInfo, s: Strings) {
  const url = base + sitePaths.article(ui, article.slug);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    description: summary(article.lead || article.headline),
    datePublished: article.publishedAt,
    dateModified: article.updatedAt ?? article.publishedAt,
    author: article.author ? { '@type': 'Person', name: article.author } : { '@type': 'Organization', name: article.source.name },
    publisher: { '@type': 'Organization', name: SITE_NAME, url: `${base}/`, logo: { '@type': 'ImageObject', url: `${base}/favicon.svg` } },
    image: { '@type': 'ImageObject', url: image.url, width: image.width, height: image.height },
    inLanguage: article.lang,
    about: article.topics.map((t) => ({ '@type': 'Thing', name: s.topicLabel(t) })),
    keywords: article.topics.map((t) => s.topicLabel(t)).join(', '),
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
  };
}

/** Everything an article page adds to <head> besides the <title> and description React renders. */
export function articleHead(article: Article, ui: Lang, base: string, s: Strings): string {
  const url = base + sitePaths.article(ui, article.slug);
  const description = summary(article.lead || article.headline);
  const image = articleImage(article, base, s.shareImageAlt(article.headline));
  const modified = article.updatedAt ?? article.publishedAt;
  const section = article.topics[0] ? s.topicLabel(article.topics[0]) : s.section;
  return [
    ...alternates(base, (l) => sitePaths.article(l, article.slug), ui),
    `<link rel="alternate" type="application/json+oembed" href="${escapeAttr(base + sitePaths.oembed(ui, article.slug))}" title="${escapeAttr(article.headline)}">`,
    meta('og:type', 'article'),
    meta('og:site_name', SITE_NAME),
    meta('og:title', article.headline),
    meta('og:description', description),
    meta('og:url', url),
    meta('og:image', image.url),
    meta('og:image:width', String(image.width)),
    meta('og:image:height', String(image.height)),
    meta('og:image:alt', image.alt),
    ...locales(ui),
    meta('article:published_time', article.publishedAt),
    meta('article:modified_time', modified),
    meta('article:section', section),
    ...article.topics.map((t) => meta('article:tag', s.topicLabel(t))),
    ...(article.author ? [meta('article:author', article.author)] : []),
    named('twitter:card', 'summary_large_image'),
    named('twitter:title', article.headline),
    named('twitter:description', description),
    named('twitter:image', image.url),
    named('twitter:image:alt', image.alt),
    `<script type="application/ld+json">${jsonForScript(newsArticleJsonLd(article, ui, base, image, s))}</script>`,
  ].join('\n');
}

/** Head of a list page (home, topic): canonical, hreflang, a website card. */
export function listHead(opts: { ui: Lang; base: string; pathFor: (lang: Lang) => string; title: string; description: string }): string {
  const { ui, base, pathFor, title, description } = opts;
  return [
    ...alternates(base, pathFor, ui),
    meta('og:type', 'website'),
    meta('og:site_name', SITE_NAME),
    meta('og:title', title),
    meta('og:description', description),
    meta('og:url', base + pathFor(ui)),
    ...locales(ui),
    named('twitter:card', 'summary'),
  ].join('\n');
}

export type OEmbed = {
  version: '1.0';
  type: 'rich';
  title: string;
  html: string;
  width: number;
  height: number;
  provider_name: string;
  provider_url: string;
  author_name: string;
  author_url?: string;
  cache_age: number;
  thumbnail_url: string;
  thumbnail_width: number;
  thumbnail_height: number;
};

/** The oEmbed (https://oembed.com, type "rich") of an article in one UI language. */
export function oembedFor(article: Article, ui: Lang, base: string, s: Strings): OEmbed {
  const image = articleImage(article, base, s.shareImageAlt(article.headline));
  return {
    version: '1.0',
    type: 'rich',
    title: article.headline,
    html: embedSnippet(base + sitePaths.embed(ui, article.slug), article.headline),
    width: EMBED_WIDTH,
    height: EMBED_HEIGHT,
    provider_name: SITE_NAME,
    provider_url: `${base}/`,
    author_name: article.author ?? article.source.name,
    ...(article.source.url ? { author_url: article.source.url } : {}),
    cache_age: 86_400,
    thumbnail_url: image.url,
    thumbnail_width: image.width,
    thumbnail_height: image.height,
  };
}
