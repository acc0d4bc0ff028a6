// i18next set-up. Swedish is the default; English is complete; Arabic covers the public pages and is
// right to left. Each namespace is one JSON file per language: common, public (visitor pages), admin.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

const files = import.meta.glob('./locales/*/*.json', { eager: true, import: 'default' }) as Record<string, Record<string, unknown>>;

export const LANGUAGES = [
  { code: 'sv', name: 'Svenska', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, content] of Object.entries(files)) {
  const m = /\.\/locales\/([a-z]+)\/([a-z-]+)\.json$/.exec(path);
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
  ns: ['common', 'public', 'admin'],
  interpolation: { escapeValue: false },
});

/** Keeps <html lang dir> in step with the language, which screen readers and RTL layout need. */
export function applyLanguage(code: string): void {
  const lang = LANGUAGES.find((l) => l.code === code) ?? LANGUAGES[0];
  document.documentElement.lang = lang.code;
  document.documentElement.dir = lang.dir;
  localStorage.setItem('lang', lang.code);
}
i18n.on('languageChanged', applyLanguage);
if (typeof document !== 'undefined') applyLanguage(i18n.language);

export default i18n;
