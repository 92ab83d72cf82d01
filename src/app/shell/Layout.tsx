import { useEffect, useRef } from 'react';
import { Link, Outlet, ScrollRestoration, useLocation, useNavigation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../core/model/article.ts';
import { saveLangChoice } from '../i18n/index.ts';
import { buildId } from '../offline/buildId.ts';
import { OfflineIndicator } from '../offline/OfflineIndicator.tsx';
import { UpdateBanner } from '../offline/UpdateBanner.tsx';
import { SearchBox } from '../search/SearchBox.tsx';
import { Island } from '../islands/Island.tsx';

/** The page shell: skip link, header with the language switch, main, footer. */
export function Layout({ children }: { children?: React.ReactNode }) {
  const { t, i18n } = useTranslation(['common', 'saved', 'offline']);
  const params = useParams();
  const ui = (params.lang === 'en' || params.lang === 'uk' ? params.lang : i18n.language) as Lang;
  const other: Lang = ui === 'uk' ? 'en' : 'uk';
  const location = useLocation();
  const navigation = useNavigation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After an in-app navigation, move focus to the new page's content for keyboard and screen-reader users.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  const switchPath =
    (location.pathname.match(/^\/(uk|en)(\/.*)?$/) ? location.pathname.replace(/^\/(uk|en)/, `/${other}`) : `/${other}/`) +
    location.search;
  const busy = navigation.state !== 'idle';

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <div className={busy ? 'progress active' : 'progress'} aria-hidden="true" />
      <header className="site-header">
        <div className="wrap header-row">
          <Link to={`/${ui}/`} className="brand" aria-label={t('site.home')}>
            <span className="brand-name">{t('site.name')}</span>
            <span className="brand-tagline">{t('site.tagline')}</span>
          </Link>
          <Island name="search" props={{ ui }}>
            <SearchBox ui={ui} />
          </Island>
          <nav className="site-nav" aria-label={t('nav.label')}>
            <Link to={`/${ui}/`}>{t('nav.latest')}</Link>
            <Link to={`/${ui}/saved`}>{t('saved:nav')}</Link>
            <Island name="offline">
              <OfflineIndicator />
            </Island>
            <Link
              to={switchPath}
              lang={other}
              hrefLang={other}
              title={t('language.switchToHint')}
              onClick={() => saveLangChoice(other)}
              className="lang-switch"
            >
              {t('language.switchTo')}
            </Link>
          </nav>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="wrap" aria-busy={busy}>
        {children ?? <Outlet />}
      </main>
      <footer className="site-footer">
        <div className="wrap">
          <p>{t('footer.about')}</p>
          <p className="build-id">{t('offline:build', { id: buildId() })}</p>
        </div>
      </footer>
      <Island name="update">
        <UpdateBanner />
      </Island>
      <ScrollRestoration />
    </>
  );
}
