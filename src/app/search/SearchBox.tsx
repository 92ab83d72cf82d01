import { useEffect, useId, useRef } from 'react';
import { Form, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../core/model/article.ts';
import { searchPath } from './searchPath.ts';
import './search.css';

/** Is a key press meant for a field (so "/" is typed, not a shortcut)? */
function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

const LIVE_DELAY_MS = 200;

/**
 * The header search box on every page: a GET form to /:lang/search (it works
 * before the app's JS has loaded, too). "/" focuses it. On the search page,
 * the results follow the words as they are typed. Renders the same on the
 * server and in the browser: nothing reads `window` while rendering.
 */
export function SearchBox({ ui }: { ui: Lang }) {
  const { t } = useTranslation('search');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const location = useLocation();
  const navigate = useNavigate();
  const onSearchPage = /^\/(uk|en)\/search\/?$/.test(location.pathname);
  const params = new URLSearchParams(location.search);
  const q = onSearchPage ? (params.get('q') ?? '') : '';
  const contentLang = params.get('in');

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
    if (!onSearchPage) return;
    const value = e.currentTarget.value;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const lang = contentLang === 'uk' || contentLang === 'en' ? contentLang : undefined;
      void navigate(searchPath(ui, value, lang), { replace: true, preventScrollReset: true });
    }, LIVE_DELAY_MS);
  };

  return (
    <Form role="search" method="get" action={`/${ui}/search`} className="site-search" aria-label={t('box.label')} onSubmit={() => clearTimeout(timer.current)}>
      <label htmlFor={id} className="visually-hidden">
        {t('box.label')}
      </label>
      <input
        ref={input}
        id={id}
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
    </Form>
  );
}
