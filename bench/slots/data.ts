// In-memory data for the slots bench, no database: the demo network's offices (the seed's own pure
// builder over data/), the real Swedish holidays from data/, and bookings placed by a seeded generator
// that never overbooks a pool (so the calendar looks like one the booking system would have produced).
import { buildDemoNetwork, readReferenceInput, type DemoOffice } from '../../server/src/db/seed/demo-network.ts';
import { readHolidays } from '../../server/src/db/seed/reference-data.ts';
import { isoWeekday } from '../../server/src/lib/dates.ts';
import type { HolidayInfo } from '../../server/src/engines/calendar/office-calendar.ts';
import { dayClock, utcMidnight } from '../../server/src/engines/slots/wall-clock.ts';
import { bookableUnits, datesBetween, openIntervals } from '../../server/src/engines/slots/rules.ts';
import type { BookingRules, Hold, Place, Pool } from '../../server/src/engines/slots/types.ts';

export { mulberry32 } from '../visits/wait-estimate.ts';

const MIN = 60_000;

/** Sweden's non-working days and other named days of 2026–2027, from data/sweden_holidays_2020_2035.csv. */
export function holidays2026to2027(): Map<string, HolidayInfo> {
  return new Map(
    readHolidays()
      .filter((h) => h.date >= '2026-01-01' && h.date <= '2027-12-31')
      .map((h) => [h.date, { nameSv: h.nameSv, nameEn: h.nameEn, nonWorkingDay: h.nonWorkingDay }]),
  );
}

export function demoNetwork(): DemoOffice[] {
  return buildDemoNetwork(readReferenceInput());
}

export function officePlace(o: Pick<DemoOffice, 'openingHours' | 'dateExceptions'>, holidays: ReadonlyMap<string, HolidayInfo>): Place {
  return {
    kind: 'office',
    openingHours: o.openingHours,
    dateExceptions: o.dateExceptions.map((e) => ({ date: e.date, closed: e.closed, opens: e.opens, closes: e.closes })),
    holidays,
  };
}

/** A pool with `units` on each date whose ISO weekday is in `weekdays`. */
export function weekdayPool(key: string, units: number, weekdays: readonly number[], dates: readonly string[], sharedWithWalkIns: boolean): Pool {
  const unitsByDate: Record<string, number> = {};
  for (const d of dates) if (weekdays.includes(isoWeekday(d))) unitsByDate[d] = units;
  return { key, unitsByDate, sharedWithWalkIns };
}

export interface BookableService { rules: BookingRules; pools: Pool[] }

/**
 * Places `count` bookings of the given services on the place's grid in [from, to], each taking one unit
 * of every pool of its service for its time with buffers, never more units than bookable. `pickDay`
 * chooses a day index (near days busier). Returns the holds (one per booking and pool) and how many
 * bookings found room.
 */
export function placeBookings(opts: {
  rand: () => number;
  place: Place;
  from: string;
  to: string;
  services: readonly BookableService[];
  weights: readonly number[];
  count: number;
  pickDay: (rand: () => number, days: number) => number;
}): { holds: Hold[]; placed: number } {
  const { rand, place, services, weights } = opts;
  const dates = datesBetween(opts.from, opts.to);
  const intervals = openIntervals(place, dates);
  const t0 = utcMidnight(opts.from) - 3 * 60 * MIN;
  const minutes = (dates.length + 1) * 24 * 60;
  // Minutes in use per pool key, from t0.
  const used = new Map<string, Uint8Array>();
  const usage = (key: string) => {
    let u = used.get(key);
    if (!u) used.set(key, (u = new Uint8Array(minutes)));
    return u;
  };
  const total = weights.reduce((a, b) => a + b, 0);
  const pickService = () => {
    let r = rand() * total;
    for (let i = 0; i < services.length; i++) if ((r -= weights[i]!) < 0) return services[i]!;
    return services[services.length - 1]!;
  };
  const holds: Hold[] = [];
  let placed = 0;
  for (let attempt = 0; placed < opts.count && attempt < opts.count * 30; attempt++) {
    const s = pickService();
    const day = opts.pickDay(rand, dates.length);
    const date = dates[day]!;
    const open = intervals[day]!;
    if (open.length === 0) continue;
    const iv = open[Math.floor(rand() * open.length)]!;
    const steps = Math.floor((iv.closes - iv.opens - s.rules.durationMin) / s.rules.stepMin) + 1;
    if (steps <= 0) continue;
    const clock = dayClock(date);
    const start = clock.first(iv.opens + Math.floor(rand() * steps) * s.rules.stepMin);
    if (start === null) continue;
    const from = start - s.rules.bufferBeforeMin * MIN;
    const to = start + (s.rules.durationMin + s.rules.bufferAfterMin) * MIN;
    const a = Math.max(0, (from - t0) / MIN);
    const b = Math.min(minutes, (to - t0) / MIN);
    const fits = s.pools.every((p) => {
      const units = bookableUnits(p, date, s.rules.walkInShare);
      const u = usage(p.key);
      for (let m = a; m < b; m++) if (u[m]! >= units) return false;
      return true;
    });
    if (!fits) continue;
    for (const p of s.pools) {
      const u = usage(p.key);
      for (let m = a; m < b; m++) u[m] = u[m]! + 1;
      holds.push({ pool: p.key, start: from, end: to });
    }
    placed++;
  }
  // Shuffle: the engine must not rely on the holds' order.
  for (let i = holds.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [holds[i], holds[j]] = [holds[j]!, holds[i]!];
  }
  return { holds, placed };
}
