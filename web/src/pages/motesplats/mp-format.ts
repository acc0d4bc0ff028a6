// Numbers and times on the staff pages, in Swedish or English (the staff languages).
import { intlLocale } from '../../lib/locale-format.ts';
import { staffLanguage } from '../visits/day-model.ts';

export const staffLocale = (lang: string) => intlLocale(staffLanguage(lang));

/** 754 minutes → "12 h 34 min" (or "34 min"): how long people spend in the building. */
export function formatDuration(minutes: number, lang: string): string {
  const whole = Math.round(minutes);
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  const n = (v: number) => new Intl.NumberFormat(staffLocale(lang)).format(v);
  return h > 0 ? `${n(h)} h ${n(m)} min` : `${n(m)} min`;
}

export function formatPercent(fraction: number, lang: string): string {
  return new Intl.NumberFormat(staffLocale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/**
 * A member's name on the staff pages: the API withholds a protected identity's name from everyone but the
 * coordinator (`nameHidden`), and the page says so in its language; the coordinator sees the name marked.
 */
export function memberName(t: (key: string, values?: Record<string, unknown>) => string, m: { givenName: string; protectedIdentity: boolean; nameHidden: boolean }, reference: string, index: number): string {
  if (m.nameHidden) return t('protected.hidden', { reference, n: index + 1 });
  return m.protectedIdentity ? `${m.givenName} (${t('protected.marker')})` : m.givenName;
}

/** An instant (ISO) as HH:MM on Swedish clocks. */
export function clockOf(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}
