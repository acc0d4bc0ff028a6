// Page frame shared by every route: skip link, header (name, language, staff sign-in), nav, main, footer.
import { useEffect, useRef, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation, useSearchParams } from 'react-router';
import { LANGUAGES } from '../i18n/index.ts';
import { MeIndicator } from '../components/me-indicator.tsx';

function LanguageSelect() {
  const { t, i18n } = useTranslation('common');
  const [params, setParams] = useSearchParams();
  const onChange = (e: ChangeEvent<HTMLSelectElement>) => {
    const code = e.target.value;
    void i18n.changeLanguage(code);
    // A ?lang= in the address would win on reload, so it follows the choice.
    if (params.has('lang')) {
      const next = new URLSearchParams(params);
      next.set('lang', code);
      setParams(next, { replace: true });
    }
  };
  return (
    <div className="language-select">
      <label htmlFor="language">{t('language.label')}</label>
      <select id="language" value={i18n.resolvedLanguage ?? i18n.language} onChange={onChange}>
        {LANGUAGES.map((l) => (
          // Each name in its own language, so a reader who knows no Swedish still finds theirs.
          <option key={l.code} value={l.code} lang={l.code} dir={l.dir}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Layout() {
  const { t } = useTranslation('common');
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(pathname);

  // After client-side navigation, move focus to the new content as a full page load would
  // (otherwise keyboard and screen-reader users are left on the link they followed).
  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = pathname;
    mainRef.current?.focus();
  }, [pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="site-header">
        <div className="container header-bar">
          <Link to="/" className="brand">
            <span className="brand-name">{t('appName')}</span>
            <span className="brand-tagline">{t('tagline')}</span>
          </Link>
          <div className="header-tools">
            <LanguageSelect />
            <MeIndicator />
          </div>
        </div>
        <nav className="site-nav" aria-label={t('nav.label')}>
          <ul className="container">
            <li>
              <NavLink to="/" end>
                {t('nav.finder')}
              </NavLink>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="container">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('footer.demo')}</p>
          <p>
            {t('footer.dataIntro')} <a href="https://www.scb.se/vara-tjanster/oppna-data/">{t('footer.scb')}</a>
            {t('footer.separator')}
            <a href="https://www.geonames.org/">{t('footer.geonames')}</a>
            {t('footer.separator')}
            {t('footer.boundaries')}
          </p>
        </div>
      </footer>
      <ScrollRestoration />
    </div>
  );
}
