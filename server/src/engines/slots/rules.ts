// The parts of the slot rules that both the engine and the baseline read the same way: which wall-clock
// intervals a place is open on each date, how many units of a pool can be booked, and the horizon.
import { addDays, stockholmDate } from '../../lib/dates.ts';
import { officeCalendar } from '../calendar/office-calendar.ts';
import type { HolidayInfo } from '../calendar/office-calendar.ts';
import type { DateException, OpeningHours } from '../../../../contracts/registry.ts';
import type { Place, Pool, SlotQuery } from './types.ts';

export const MINUTE_MS = 60_000;

/** Wall-clock minutes after the date's midnight: [opens, closes). */
export interface WallInterval { opens: number; closes: number }

export function parseTime(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})(?::00)?$/.exec(hhmm);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  // 24:00 is allowed as a closing time (the end of the day).
  if (!m || Number(m[2]) > 59 || minutes > 24 * 60) throw new RangeError(`bad time of day "${hhmm}"`);
  return minutes;
}

/** Throws on rules no booking could follow, so neither engine loops forever or divides by zero. */
export function checkQuery(q: SlotQuery): void {
  const r = q.rules;
  const positive = (v: number) => Number.isFinite(v) && v > 0;
  const nonNegative = (v: number) => Number.isFinite(v) && v >= 0;
  if (!positive(r.durationMin)) throw new RangeError('durationMin must be positive');
  if (!positive(r.stepMin)) throw new RangeError('stepMin must be positive');
  if (!nonNegative(r.bufferBeforeMin) || !nonNegative(r.bufferAfterMin)) throw new RangeError('buffers must be zero or more');
  if (!nonNegative(r.minNoticeMin)) throw new RangeError('minNoticeMin must be zero or more');
  if (!Number.isInteger(r.horizonDays) || r.horizonDays < 0) throw new RangeError('horizonDays must be a whole number of days, zero or more');
  if (!(r.walkInShare >= 0 && r.walkInShare <= 1)) throw new RangeError('walkInShare must be between 0 and 1');
  if (new Set(q.pools.map((p) => p.key)).size !== q.pools.length) throw new RangeError('pool keys must differ');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(q.from) || !/^\d{4}-\d{2}-\d{2}$/.test(q.to)) throw new RangeError('from and to must be YYYY-MM-DD');
}

/** Every date from `from` to `to` inclusive (none if `to` is before `from`). */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The last date a booking may start on: today in Sweden plus the horizon. */
export function lastBookableDate(now: number, horizonDays: number): string {
  return addDays(stockholmDate(new Date(now)), horizonDays);
}

/**
 * Units of a pool a booking may take on a date. The walk-in share is kept back rounding in favour of the
 * walk-ins: floor(units × (1 − share)); 3 officers with a share of 0.5 leave 1 for bookings. The small
 * epsilon keeps float noise (10 × (1 − 0.9) = 0.9999…) from costing a whole unit.
 */
export function bookableUnits(pool: Pool, date: string, walkInShare: number): number {
  const units = Math.max(0, Math.floor(pool.unitsByDate[date] ?? 0));
  if (!pool.sharedWithWalkIns || walkInShare <= 0) return units;
  return Math.max(0, Math.floor(units * (1 - walkInShare) + 1e-9));
}

/** Sorted and merged where they overlap or touch, so that no start time is offered twice. */
function merge(intervals: WallInterval[]): WallInterval[] {
  const sorted = intervals.filter((i) => i.closes > i.opens).sort((a, b) => a.opens - b.opens || a.closes - b.closes);
  const out: WallInterval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.opens <= last.closes) last.closes = Math.max(last.closes, i.closes);
    else out.push({ ...i });
  }
  return out;
}

/** The place's open wall-clock intervals for each of `dates` (consecutive, ascending). */
export function openIntervals(place: Place, dates: readonly string[]): WallInterval[][] {
  if (dates.length === 0) return [];
  if (place.kind === 'mobile') {
    const byDate = new Map<string, WallInterval[]>();
    for (const v of place.visits) {
      const list = byDate.get(v.date) ?? [];
      list.push({ opens: parseTime(v.opens), closes: parseTime(v.closes) });
      byDate.set(v.date, list);
    }
    return dates.map((d) => merge(byDate.get(d) ?? []));
  }
  // officeCalendar only reads its inputs; the casts drop `readonly` for its signature.
  const office = {
    openingHours: place.openingHours as OpeningHours[],
    dateExceptions: place.dateExceptions as DateException[],
    agencyDays: [],
  };
  const days = officeCalendar(office, place.holidays as Map<string, HolidayInfo>, dates[0]!, dates.length);
  return days.map((day) => merge(day.intervals.map((i) => ({ opens: parseTime(i.opens), closes: parseTime(i.closes) }))));
}
