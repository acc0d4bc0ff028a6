// The straightforward slot computation: the reference the engine is tested against and benchmarked
// beside. For each date and each start time on the grid it checks every rule directly and, for each pool,
// scans all holds: each unit 1..n is free when no hold on it overlaps the window, and the holds without
// a unit take as many of those as are in progress at once. It shares with the engine only the reading of
// the calendar (rules.ts); wall-clock times are turned into instants here by asking Intl about each
// candidate, independently of wall-clock.ts.
import { stockholmOffsetAt, utcMidnight } from './wall-clock.ts';
import { MINUTE_MS, bookableUnits, checkQuery, datesBetween, lastBookableDate, openIntervals } from './rules.ts';
import type { Hold, Slot, SlotDay, SlotQuery } from './types.ts';

/** Every instant at which the Swedish clock shows `minute` on `date`, ascending (0, 1 or 2 of them). */
function instantsOf(date: string, minute: number): number[] {
  const wall = utcMidnight(date) + minute * MINUTE_MS;
  return [120, 60].map((off) => wall - off * MINUTE_MS).filter((t) => stockholmOffsetAt(t) * MINUTE_MS === wall - t);
}

/** Opening or closing: the first (last) instant showing the minute, or, in the spring gap, the next minute that exists. */
function boundary(date: string, minute: number, which: 'first' | 'last'): number {
  for (let m = minute; ; m++) {
    const ts = instantsOf(date, m);
    if (ts.length > 0) return which === 'first' ? ts[0]! : ts[ts.length - 1]!;
  }
}

/** Most holds without a unit in progress at one moment within [from, to). */
function maxOverlap(holds: readonly Hold[], pool: string, from: number, to: number): number {
  const touching = holds.filter((h) => h.pool === pool && h.unit === undefined && h.start < h.end && h.start < to && h.end > from);
  // The count only rises at a hold's start, so its maximum is at the window's start or at a start inside it.
  const points = [from, ...touching.map((h) => h.start).filter((s) => s > from)];
  let best = 0;
  for (const p of points) best = Math.max(best, touching.filter((h) => h.start <= p && p < h.end).length);
  return best;
}

/** Units u of 1..bookable with no hold on u overlapping [from, to): those a booking could take for the whole window. */
function freeUnits(holds: readonly Hold[], pool: string, bookable: number, from: number, to: number): number {
  const busy = new Set(holds.filter((h) => h.pool === pool && h.unit !== undefined && h.start < h.end && h.start < to && h.end > from).map((h) => h.unit));
  let free = 0;
  for (let u = 1; u <= bookable; u++) if (!busy.has(u)) free++;
  return free;
}

export function computeSlotsBaseline(query: SlotQuery): SlotDay[] {
  checkQuery(query);
  const { rules, now, pools, holds } = query;
  const dates = datesBetween(query.from, query.to);
  const intervals = openIntervals(query.place, dates);
  const lastDate = lastBookableDate(now, rules.horizonDays);
  const earliest = now + rules.minNoticeMin * MINUTE_MS;
  return dates.map((date, i) => {
    const slots: Slot[] = [];
    for (const iv of intervals[i]!) {
      const close = boundary(date, iv.closes, 'last');
      for (let m = iv.opens; m < iv.closes; m += rules.stepMin) {
        const at = instantsOf(date, m);
        if (at.length === 0) continue; // a time the clock skips
        const start = at[0]!;
        const end = start + rules.durationMin * MINUTE_MS;
        if (end > close || start < earliest || date > lastDate || pools.length === 0) continue;
        const from = start - rules.bufferBeforeMin * MINUTE_MS;
        const to = end + rules.bufferAfterMin * MINUTE_MS;
        let free = Infinity;
        for (const pool of pools) {
          const bookable = bookableUnits(pool, date, rules.walkInShare);
          free = Math.min(free, freeUnits(holds, pool.key, bookable, from, to) - maxOverlap(holds, pool.key, from, to));
        }
        if (free > 0) slots.push({ start, end, free });
      }
    }
    return { date, slots };
  });
}
