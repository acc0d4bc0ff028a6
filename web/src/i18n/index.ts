// i18next set-up. Swedish is the default; English is complete; Arabic covers the public pages and is
// right to left. Each namespace is one JSON file per language: common, public (visitor pages), admin,
// visits (kiosk, ticket, display board) and booking (the visitor's booking pages), both also in
// Dari/Persian, Tigrinya, Somali and Ukrainian; bookingStaff (staff booking pages, Swedish and English).
// Mötesplats: motesplats (coordinator's board and officer's view, Swedish and English) and
// motesplatsVisitor (the household's itinerary, in all seven visitor languages).
// coverage: the planner's coverage page (Swedish and English).
// The booking and motesplatsVisitor texts in ar, fa, ti, so and uk are drafts awaiting a native speaker's review (their `_review` key).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

const files = import.meta.glob('./locales/*/*.json', { eager: true, import: 'default' }) as Record<string, Record<string, unknown>>;

/** Languages of the whole site (its language selector): every namespace is translated into these. */
export const LANGUAGES = [
  { code: 'sv', name: 'Svenska', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

/** Languages of the visit flow (kiosk, ticket page): the site's plus four with only the visits namespace. */
export const VISITOR_LANGUAGES = [
  ...LANGUAGES,
  { code: 'fa', name: 'دری/فارسی', dir: 'rtl' },
  { code: 'ti', name: 'ትግርኛ', dir: 'ltr' },
  { code: 'so', name: 'Soomaali', dir: 'ltr' },
  { code: 'uk', name: 'Українська', dir: 'ltr' },
] as const;
export type VisitorLanguageCode = (typeof VISITOR_LANGUAGES)[number]['code'];

export function isSiteLanguage(code: string): code is LanguageCode {
  return LANGUAGES.some((l) => l.code === code);
}

const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, content] of Object.entries(files)) {
  const m = /\.\/locales\/([a-z]+)\/([A-Za-z-]+)\.json$/.exec(path);
  if (!m) continue;
  const [, lang, ns] = m as unknown as [string, string, string];
  (resources[lang] ??= {})[ns] = content;
}

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('lang') : null;
const fromUrl = typeof location !== 'undefined' ? new URLSearchParams(location.search).get('lang') : null;
const initial = [fromUrl, stored].find((l) => LANGUAGES.some((x) => x.code === l)) ?? 'sv';

void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: 'sv',
  defaultNS: 'common',
  ns: ['common', 'public', 'admin', 'visits', 'booking', 'bookingStaff', 'motesplats', 'motesplatsVisitor', 'coverage'],
  interpolation: { escapeValue: false },
});

/**
 * Keeps <html lang dir> in step with the language, which screen readers and RTL layout need. Only a
 * site language is remembered: a visitor language chosen at the kiosk does not follow into the site.
 */
export function applyLanguage(code: string): void {
  const lang = VISITOR_LANGUAGES.find((l) => l.code === code) ?? VISITOR_LANGUAGES[0];
  document.documentElement.lang = lang.code;
  document.documentElement.dir = lang.dir;
  if (isSiteLanguage(lang.code)) localStorage.setItem('lang', lang.code);
}

/** The site language to return to when leaving the visit pages: the remembered one, else Swedish. */
export function storedSiteLanguage(): LanguageCode {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('lang') : null;
  return stored !== null && isSiteLanguage(stored) ? stored : 'sv';
}
i18n.on('languageChanged', applyLanguage);
if (typeof document !== 'undefined') applyLanguage(i18n.language);

export default i18n;
