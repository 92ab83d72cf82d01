import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../core/model/article.ts';
import { searchPath } from './searchPath.ts';

/** Is a key press meant for a field (so "/" is typed, not a shortcut)? */
function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

const LIVE_DELAY_MS = 200;
/** One search box per page: a fixed id, the same in the prerendered page, an island and the app. */
const INPUT_ID = 'site-search-q';

export type SearchFormProps = {
  ui: Lang;
  /** the query shown (on the search page) */
  q: string;
  /** the content language asked for (?in=), if any */
  contentLang: string | null;
  /** on the search page, results follow the words as they are typed */
  onSearchPage: boolean;
  /** goes to a URL of the app (in place); without it the form submits as a plain GET form */
  navigate?: (to: string, options?: { replace?: boolean }) => void;
};

/**
 * The header search box as a plain GET form to /:lang/search: it works before any script has run.
 * No router here: the app (SearchBox.tsx) and the islands runtime each pass their own `navigate`.
 * "/" focuses it. Renders the same on the server and in the browser: nothing reads `window` while rendering.
 */
export function SearchForm({ ui, q, contentLang, onSearchPage, navigate }: SearchFormProps) {
  const { t } = useTranslation('search');
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // "/" anywhere but in a field focuses the box.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typingInField(e.target)) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // When the query changes from outside (back button, a link), show it.
  useEffect(() => {
    const el = input.current;
    if (el && document.activeElement !== el && el.value !== q) el.value = q;
  }, [q]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const warm = () => {
    void import('./searchClient.ts').then((m) => m.warm(contentLang === 'uk' || contentLang === 'en' ? contentLang : ui));
  };

  const onInput = (e: React.ChangeEvent<HTMLInputElement>) => {
    if (!onSearchPage || !navigate) return;
    const value = e.currentTarget.value;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const lang = contentLang === 'uk' || contentLang === 'en' ? contentLang : undefined;
      navigate(searchPath(ui, value, lang), { replace: true });
    }, LIVE_DELAY_MS);
  };

  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    clearTimeout(timer.current);
    if (!navigate) return;
    e.preventDefault();
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(e.currentTarget)) if (typeof v === 'string') params.append(k, v);
    navigate(`/${ui}/search?${params.toString()}`);
  };

  return (
    <form role="search" method="get" action={`/${ui}/search`} className="site-search" aria-label={t('box.label')} onSubmit={onSubmit}>
      <label htmlFor={INPUT_ID} className="visually-hidden">
        {t('box.label')}
      </label>
      <input
        ref={input}
        id={INPUT_ID}
        name="q"
        type="search"
        defaultValue={q}
        placeholder={t('box.placeholder')}
        title={t('box.hint')}
        aria-keyshortcuts="/"
        autoComplete="off"
        enterKeyHint="search"
        spellCheck={false}
        onFocus={warm}
        onChange={onInput}
      />
      {contentLang === 'uk' || contentLang === 'en' ? <input type="hidden" name="in" value={contentLang} /> : null}
      <button type="submit">{t('box.submit')}</button>
    </form>
  );
}
