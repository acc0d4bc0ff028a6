// Language-aware formatting (Intl) and the choice between the registry's Swedish and English texts.
import type { HTMLAttributes } from 'react';

/**
 * The Intl locale for a UI language. Sweden's conventions (24-hour clock, day before month) are kept in
 * English, and Arabic uses Latin digits so dates match the times, phone numbers and postcodes on the page.
 */
export function intlLocale(lang: string): string {
  if (lang === 'ar') return 'ar-u-nu-latn';
  if (lang === 'en') return 'en-GB';
  return 'sv-SE';
}

/** ISO weekday (1 = Monday) to its name; 1 Jan 2024 was a Monday, so day n of that week is weekday n. */
export function weekdayName(weekday: number, lang: string, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { weekday: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday)),
  );
}

export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A 'YYYY-MM-DD' calendar date, formatted without letting the browser's time zone shift the day. */
export function formatIsoDate(iso: string, lang: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(intlLocale(lang), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

export function formatKm(km: number, lang: string): string {
  return new Intl.NumberFormat(intlLocale(lang), {
    style: 'unit',
    unit: 'kilometer',
    maximumFractionDigits: km < 10 ? 1 : 0,
  }).format(km);
}

/** Today's date in Stockholm as 'YYYY-MM-DD' (offices keep Swedish time wherever the visitor is). */
export function todayInStockholm(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

/**
 * A language's name in the UI language, or undefined where the browser has no name for it (Chromium's
 * trimmed ICU lacks Sami, Meänkieli and Romani, Swedish national minority languages; see office.languages.names).
 */
export function languageName(code: string, lang: string): string | undefined {
  try {
    return new Intl.DisplayNames([intlLocale(lang)], { type: 'language', fallback: 'none' }).of(code);
  } catch {
    return undefined;
  }
}

interface Bilingual {
  nameSv: string;
  nameEn: string;
}

/** Registry texts exist in Swedish and English only; other UI languages fall back to Swedish. */
export function localName(item: Bilingual, lang: string): string {
  return lang === 'en' ? item.nameEn : item.nameSv;
}

export function localDescription(item: { descriptionSv: string; descriptionEn: string }, lang: string): string {
  return lang === 'en' && item.descriptionEn.trim() !== '' ? item.descriptionEn : item.descriptionSv;
}

/**
 * Attributes for registry text shown in Swedish inside a page in another language, so screen readers
 * switch voice (WCAG 3.1.2) and Swedish runs left to right inside an Arabic page.
 */
export function swedishTextProps(lang: string, isEnglishVariant = false): HTMLAttributes<HTMLElement> {
  if (lang === 'sv' || (lang === 'en' && isEnglishVariant)) return {};
  return { lang: 'sv', dir: 'ltr' };
}
