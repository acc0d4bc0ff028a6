// The household's own itinerary at /resplan/:token: phone first and printable, in the household's
// language (any of the seven visitor languages), updating live as the day is re-planned. The token is
// the only key: the page reads this household and nothing else.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { VisitorLanguageSelect } from '../visits/visitor-language-select.tsx';
import { ItineraryDay } from './itinerary-day.tsx';
import { formatDay } from './itinerary-model.ts';
import { useItinerary } from './use-itinerary.ts';
import { useItineraryLanguage } from './use-itinerary-language.ts';
import '../visits/visits.css';
import './motesplats.css';

/** Says "the times have changed" once a newer plan arrives, so a screen reader hears it too. */
function useChangedNotice(planVersion: number | null | undefined): boolean {
  const first = useRef<number | null | undefined>(undefined);
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    if (planVersion === undefined) return;
    if (first.current === undefined) first.current = planVersion;
    else if (planVersion !== first.current) setChanged(true);
  }, [planVersion]);
  return changed;
}

export function ItineraryPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation('motesplatsVisitor');
  const state = useItinerary(token);
  const itinerary = state.kind === 'ready' ? state.itinerary : undefined;
  const [language, chooseLanguage] = useItineraryLanguage(token, itinerary?.language);
  const changed = useChangedNotice(itinerary?.planVersion);
  useDocumentTitle(t('title'));

  let content;
  if (state.kind === 'missing') content = <p role="alert">{t('notFound')}</p>;
  else if (state.kind === 'error') content = <p role="alert">{t('loadError')}</p>;
  else if (state.kind === 'loading') content = <p role="status">{t('loading')}</p>;
  else {
    const it = state.itinerary;
    content = (
      <>
        <p className="mp-it-place">
          <span lang="sv" dir="ltr">
            {it.officeName}
          </span>
          <br />
          {formatDay(it.date, language)}
        </p>
        <dl className="mp-it-facts">
          <div>
            <dt>{t('reference')}</dt>
            <dd dir="ltr">{it.reference}</dd>
          </div>
          <div>
            <dt>{t('arrival')}</dt>
            <dd dir="ltr">{it.arrival}</dd>
          </div>
        </dl>
        <p className="mp-it-changed" role="status">
          {changed ? t('changed') : ''}
          {state.offline ? ` ${t('offline')}` : ''}
        </p>
        <ItineraryDay itinerary={it} />
        <p className="mp-it-help">{t('help')}</p>
        <button type="button" className="mp-print" onClick={() => window.print()}>
          {t('print')}
        </button>
      </>
    );
  }

  return (
    <div className="visits mp-itinerary">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="visit-bar">
        <p className="visit-brand">{t('brand')}</p>
        <VisitorLanguageSelect value={language} onChange={chooseLanguage} />
      </header>
      <main id="main" className="mp-itinerary-main" tabIndex={-1}>
        <h1>{t('title')}</h1>
        {content}
      </main>
    </div>
  );
}
