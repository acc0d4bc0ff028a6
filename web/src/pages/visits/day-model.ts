// Day view rules and formats on the client: who may open it, and minutes and clock times for the tables.
import type { Me } from '../../../../contracts/auth.ts';
import { intlLocale } from '../../lib/locale-format.ts';

/** Mirrors the server's `visits.day.read`: admins, and the office's own manager and service officers. */
export function mayReadDay(me: Me, officeId: string): boolean {
  return me.roles.some(
    (g) => g.role === 'admin' || ((g.role === 'office_manager' || g.role === 'service_officer') && g.officeId === officeId),
  );
}

/** Staff pages are Swedish and English; in any other site language they are Swedish, numbers and dates too. */
export const staffLanguage = (lang: string): 'sv' | 'en' => (lang === 'en' ? 'en' : 'sv');

/** Minutes with at most one decimal, with the page language's decimal sign ("12,5"). */
export function formatMinutes(minutes: number, lang: string): string {
  return new Intl.NumberFormat(intlLocale(staffLanguage(lang)), { maximumFractionDigits: 1 }).format(minutes);
}

/** An instant as HH:MM on Swedish clocks, wherever the manager's computer is. */
export function formatClock(iso: string, lang: string, seconds = false): string {
  return new Intl.DateTimeFormat(intlLocale(staffLanguage(lang)), {
    timeZone: 'Europe/Stockholm',
    hour: '2-digit',
    minute: '2-digit',
    second: seconds ? '2-digit' : undefined,
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** "10" → "10:00", the start of an hour bucket. */
export const hourLabel = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

/** Whether a YYYY-MM-DD string from the address is a real calendar date. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
