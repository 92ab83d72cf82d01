/**
 * i18next set-up. The UI language comes from the URL (/uk/…, /en/…); the
 * locale bundle of a language is fetched the first time it is needed, so the
 * first view carries one language only.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGS } from '../../core/model/paths.ts';
import type { Lang } from '../../core/model/article.ts';
import { DEFAULT_LANG, NAMESPACES, localeLoaders, type Namespace } from './resources.ts';

export { DEFAULT_LANG };

export function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && (LANGS as readonly string[]).includes(x);
}

/** A fresh i18next instance with no resources yet (the client has one; a prerender may make one per page). */
export function createI18n(): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: DEFAULT_LANG,
    fallbackLng: false,
    supportedLngs: [...LANGS],
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

/** Loads the language's bundle if needed, then switches the UI to it. */
export async function loadLanguage(instance: I18n, lang: Lang): Promise<void> {
  if (!instance.hasResourceBundle(lang, 'common')) {
    const bundle = (await localeLoaders[lang]()).default as Record<Namespace, object>;
    for (const ns of NAMESPACES) instance.addResourceBundle(lang, ns, bundle[ns], true, true);
  }
  if (instance.language !== lang) await instance.changeLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

const STORAGE_KEY = 'kontekst.lang';

/** The reader's saved language choice, else the browser's, else Ukrainian. */
export function preferredLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    /* storage may be blocked */
  }
  if (typeof navigator !== 'undefined') {
    for (const tag of navigator.languages ?? [navigator.language]) {
      const base = tag?.toLowerCase().split('-')[0];
      if (isLang(base)) return base;
    }
  }
  return DEFAULT_LANG;
}

export function saveLangChoice(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* storage may be blocked: the URL still carries the language */
  }
}
