// The visit pages' language: any of the seven visitor languages, handed back to the site's on leaving.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import i18next, { VISITOR_LANGUAGES, isSiteLanguage, storedSiteLanguage, type VisitorLanguageCode } from '../../i18n/index.ts';

export function isVisitorLanguage(code: string | null | undefined): code is VisitorLanguageCode {
  return VISITOR_LANGUAGES.some((l) => l.code === code);
}

/**
 * The current visitor language and a setter. Fa, ti, so and uk exist only for the visit pages, so
 * when the visitor leaves for another page of the site, the site's own language comes back.
 */
export function useVisitorLanguage(): [VisitorLanguageCode, (code: VisitorLanguageCode) => void] {
  const { i18n } = useTranslation('visits');
  // On leaving only. Not keyed on `i18n` from the hook: react-i18next hands out a new wrapper on every
  // language change, so such a cleanup would switch back to the site language at each switch between
  // two visitor-only languages (so → uk).
  useEffect(
    () => () => {
      if (!isSiteLanguage(i18next.language)) void i18next.changeLanguage(storedSiteLanguage());
    },
    [],
  );
  const current = isVisitorLanguage(i18n.language) ? i18n.language : 'sv';
  const set = (code: VisitorLanguageCode) => {
    if (code !== i18n.language) void i18n.changeLanguage(code);
  };
  return [current, set];
}
