import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Lang } from '../../core/model/article.ts';
import { SearchForm } from './SearchForm.tsx';

/**
 * The header search box inside the app: the form (SearchForm.tsx) with the router's location and
 * navigation. On the search page, the results follow the words as they are typed.
 */
export function SearchBox({ ui }: { ui: Lang }) {
  const location = useLocation();
  const routerNavigate = useNavigate();
  const onSearchPage = /^\/(uk|en)\/search\/?$/.test(location.pathname);
  const params = new URLSearchParams(location.search);
  const q = onSearchPage ? (params.get('q') ?? '') : '';
  const navigate = useCallback(
    (to: string, options?: { replace?: boolean }) => void routerNavigate(to, { replace: options?.replace, preventScrollReset: options?.replace }),
    [routerNavigate],
  );
  return <SearchForm ui={ui} q={q} contentLang={params.get('in')} onSearchPage={onSearchPage} navigate={navigate} />;
}
