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
 * of every pool of its service for its time with buffers, as the booking transaction does: the first
 * unit of 1..bookable free for the whole time, and no booking where some pool has none. Bookings come
 * in random order, so the units fragment as they do in the database. `pickDay` chooses a day index (near
 * days busier). Returns the holds (one per booking and pool, each with its unit) and how many bookings
 * found room.
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
  // Units in use per pool key and minute from t0, as a bit mask (bit u − 1 for unit u).
  const used = new Map<string, Uint32Array>();
  const usage = (key: string) => {
    let u = used.get(key);
    if (!u) used.set(key, (u = new Uint32Array(minutes)));
    return u;
  };
  const total = weights.reduce((a, b) => a + b, 0);
  const pickService = () => {
    let r = rand() * total;
    for (let i = 0; i < services.length; i++) if ((r -= weights[i]!) < 0) return services[i]!;
    return services[services.length - 1]!;
  };
  /** The first unit of 1..units free in every minute of [a, b), or 0. */
  const firstFreeUnit = (mask: Uint32Array, units: number, a: number, b: number) => {
    if (units > 32) throw new Error('placeBookings tracks at most 32 units a pool');
    let busy = 0;
    for (let m = a; m < b; m++) busy |= mask[m]!;
    for (let u = 1; u <= units; u++) if ((busy & (1 << (u - 1))) === 0) return u;
    return 0;
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
    const units = s.pools.map((p) => firstFreeUnit(usage(p.key), bookableUnits(p, date, s.rules.walkInShare), a, b));
    if (units.some((u) => u === 0)) continue;
    s.pools.forEach((p, i) => {
      const mask = usage(p.key);
      const bit = 1 << (units[i]! - 1);
      for (let m = a; m < b; m++) mask[m] = mask[m]! | bit;
      holds.push({ pool: p.key, start: from, end: to, unit: units[i]! });
    });
    placed++;
  }
  // Shuffle: the engine must not rely on the holds' order.
  for (let i = holds.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [holds[i], holds[j]] = [holds[j]!, holds[i]!];
  }
  return { holds, placed };
}
