// Dates and times of the booking pages in the seven visitor languages. Offices keep Swedish time, so every
// instant is shown on Stockholm's clock whatever the visitor's device says.
import { intlLocale } from '../../lib/locale-format.ts';

/** The Intl locale for a visitor language; Latin digits throughout so dates match codes and times. */
function visitorLocale(lang: string): string {
  // Gregorian, as the confirmation messages, the calendar file and the office use (plain fa is Solar Hijri).
  if (lang === 'fa') return 'fa-u-ca-gregory-nu-latn';
  if (lang === 'ti' || lang === 'so' || lang === 'uk') return lang;
  return intlLocale(lang);
}

/** Browsers with a trimmed ICU lack some languages (Tigrinya, Somali): then numeric dates, not English words. */
function hasLocale(lang: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([visitorLocale(lang)]).length > 0;
  } catch {
    return false;
  }
}

function utcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12));
}

/** "onsdag 2 december" for a YYYY-MM-DD date (no time zone shift: the date is already Swedish). */
export function formatDay(iso: string, lang: string, style: 'long' | 'short' = 'long'): string {
  if (!hasLocale(lang)) return iso;
  return new Intl.DateTimeFormat(visitorLocale(lang), {
    weekday: style,
    day: 'numeric',
    month: style === 'long' ? 'long' : 'short',
    timeZone: 'UTC',
  }).format(utcDate(iso));
}

/** "december 2026" for the month holding a YYYY-MM-DD date. */
export function formatMonth(iso: string, lang: string): string {
  if (!hasLocale(lang)) return iso.slice(0, 7);
  return new Intl.DateTimeFormat(visitorLocale(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utcDate(iso));
}

/** HH:MM on Stockholm's clock for an ISO instant. */
export function stockholmTime(instant: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
}

/** YYYY-MM-DD on Stockholm's calendar for an ISO instant. */
export function stockholmDate(instant: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(instant));
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(iso: string, days: number): string {
  const d = utcDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first and last date of the month holding `iso`, and the first day of the next and previous month. */
export function monthOf(iso: string): { first: string; last: string; next: string; previous: string } {
  const d = utcDate(iso);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = (year: number, month: number, date: number) => new Date(Date.UTC(year, month, date, 12)).toISOString().slice(0, 10);
  return { first: day(y, m, 1), last: day(y, m + 1, 0), next: day(y, m + 1, 1), previous: day(y, m - 1, 1) };
}

/** ISO weekday (1 = Monday) of a YYYY-MM-DD date. */
export function isoWeekday(iso: string): number {
  return ((utcDate(iso).getUTCDay() + 6) % 7) + 1;
}
