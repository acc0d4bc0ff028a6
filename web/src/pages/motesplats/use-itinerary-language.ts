// The itinerary's language: the household's own by default, or the one picked on this device for this
// itinerary (a family member reading in Swedish or English keeps that choice on reload). Fa, ti, so and
// uk exist only for the visitor pages, so the site's own language comes back when the page is left.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import i18next, { isSiteLanguage, storedSiteLanguage, type VisitorLanguageCode } from '../../i18n/index.ts';
import { isVisitorLanguage } from '../visits/use-visitor-language.ts';

const storageKey = (token: string) => `itinerary-lang:${token}`;

export function useItineraryLanguage(token: string, householdLanguage: string | undefined) {
  const { i18n } = useTranslation('motesplatsVisitor');
  // On leaving only. Not keyed on `i18n` from the hook: react-i18next hands out a new wrapper on every
  // language change, and a cleanup keyed on it would switch back to the site language at each switch
  // between two visitor-only languages (so → uk).
  useEffect(
    () => () => {
      if (!isSiteLanguage(i18next.language)) void i18next.changeLanguage(storedSiteLanguage());
    },
    [],
  );
  const language: VisitorLanguageCode = isVisitorLanguage(i18n.language) ? i18n.language : 'sv';
  const applied = useRef(false);
  useEffect(() => {
    if (householdLanguage === undefined || applied.current) return;
    applied.current = true;
    const chosen = localStorage.getItem(storageKey(token));
    const wanted = isVisitorLanguage(chosen) ? chosen : householdLanguage;
    if (isVisitorLanguage(wanted) && wanted !== i18next.language) void i18next.changeLanguage(wanted);
  }, [token, householdLanguage]);
  const choose = (code: VisitorLanguageCode) => {
    localStorage.setItem(storageKey(token), code);
    if (code !== i18next.language) void i18next.changeLanguage(code);
  };
  return [language, choose] as const;
}
