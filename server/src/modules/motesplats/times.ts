// The day planner counts minutes after midnight (Swedish wall clock); the API speaks HH:MM and stores
// instants. A Mötesplats day never spans a daylight-saving switch (those are at night), so the day's
// UTC offset converts exactly.
import { stockholmDate, stockholmOffset, stockholmTime } from '../../lib/dates.ts';
import type { Interval } from '../../engines/dayplan/types.ts';

export const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function toDayTime(minutes: number): string {
  const m = Math.max(0, Math.min(1439, Math.round(minutes)));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export const intervalIn = (i: { start: string; end: string }): Interval => ({ start: toMinutes(i.start), end: toMinutes(i.end) });
export const intervalOut = (i: Interval) => ({ start: toDayTime(i.start), end: toDayTime(i.end) });

/** Minutes after midnight of an instant on the given Swedish date (negative before, ≥ 1440 after). */
export function minutesOn(date: string, at: Date): number {
  const day = stockholmDate(at);
  const clock = toMinutes(stockholmTime(at));
  if (day === date) return clock;
  return day < date ? -1 : 1440;
}

/** The instant of a minute of a Swedish date. */
export function instantOf(date: string, minutes: number): Date {
  return new Date(`${date}T${toDayTime(minutes)}:00${stockholmOffset(date)}`);
}
