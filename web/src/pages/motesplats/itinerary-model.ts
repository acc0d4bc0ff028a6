// What the household's page shows of its itinerary: which stop is now and which is next, each member's
// stops, and the names of steps and stations in the household's language.
import type { TFunction } from 'i18next';
import type { Itinerary } from '../../../../contracts/motesplats.ts';

export type Stop = Itinerary['stops'][number];

/** Now: a step under way. Next: the first step still ahead (the stops come sorted by time). */
export function nowAndNext(stops: Stop[]): { current: Stop | undefined; next: Stop | undefined } {
  const current = stops.find((s) => s.status === 'in_progress');
  const next = stops.find((s) => s.status === 'planned' && s !== current);
  return { current, next };
}

export const stopsOf = (stops: Stop[], memberId: string) => stops.filter((s) => s.memberIds.includes(memberId));

/**
 * The step's name in the visitor's language, by its key in the default template; a step the office
 * added itself has only its Swedish name, which is then marked as Swedish for screen readers.
 */
export function stepName(t: TFunction, stop: Pick<Stop, 'stepKey' | 'stepName' | 'taskId'>): { text: string; swedish: boolean } {
  const key = `steps.${stop.stepKey}`;
  const followUp = stop.taskId.includes('~fu');
  const translated = t(key, { defaultValue: '' });
  if (!translated) return { text: stop.stepName, swedish: true };
  return { text: followUp ? t('followUp', { step: translated }) : translated, swedish: false };
}

export function stationName(t: TFunction, stop: Pick<Stop, 'station' | 'stationName'>): { text: string; swedish: boolean } {
  const translated = t(`stations.${stop.station}`, { defaultValue: '' });
  return translated ? { text: translated, swedish: false } : { text: stop.stationName, swedish: true };
}

/** Who goes to a stop: everyone, or the members by name ("Amal and Lina"). */
export function whoGoes(t: TFunction, lang: string, stop: Stop, members: Itinerary['members']): string {
  if (members.length > 1 && members.every((m) => stop.memberIds.includes(m.id))) return t('everyone');
  const names = members.filter((m) => stop.memberIds.includes(m.id)).map((m) => m.givenName);
  try {
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/**
 * A date in the visitor's language, on the Gregorian calendar (as on every letter from the agencies) with
 * Latin digits like the times beside it. Where the browser has no words for the language (Chromium lacks
 * Tigrinya, for one) the date is written as 2026-12-01 rather than in another language.
 */
export function formatDay(iso: string, lang: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const at = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  const locale = lang === 'en' ? 'en-GB' : lang;
  try {
    const format = new Intl.DateTimeFormat(`${locale}-u-ca-gregory-nu-latn`, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
    return format.resolvedOptions().locale.startsWith(lang) ? format.format(at) : iso;
  } catch {
    return iso;
  }
}
