// The frame of the visitor's booking pages: a bar with the site's name and the seven-language choice of the
// visit flow, then the page. Outside the site frame because the site menu offers only three languages.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useVisitorLanguage } from '../visits/use-visitor-language.ts';
import { VisitorLanguageSelect } from '../visits/visitor-language-select.tsx';
import '../visits/visits.css';
import './booking.css';

export function BookingFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation('booking');
  const [language, setLanguage] = useVisitorLanguage();
  return (
    <div className="visits booking">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="visit-bar">
        <Link to="/" className="visit-brand booking-brand">
          {t('common:appName')}
        </Link>
        <VisitorLanguageSelect value={language} onChange={setLanguage} />
      </header>
      <main id="main" className="booking-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
