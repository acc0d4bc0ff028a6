// The slot engine: the free start times of a service at a place over a date range (docs/slots.md).
//
// Same answers as computeSlotsBaseline (baseline.ts, the test oracle), computed so that a month costs
// about O(holds log holds + candidate starts × pools): each pool's holds are sorted once into an
// occupancy step function that the day-by-day sweep reads forward (occupancy.ts).
import { dayClock, utcMidnight } from './wall-clock.ts';
import { MINUTE_MS, bookableUnits, checkQuery, datesBetween, lastBookableDate, openIntervals, type WallInterval } from './rules.ts';
import { Occupancy } from './occupancy.ts';
import type { Hold, Slot, SlotDay, SlotQuery } from './types.ts';

const HOUR_MS = 60 * MINUTE_MS;
/** Calendars are read a week at a time, so a search that stops early reads little. */
const CALENDAR_CHUNK = 7;

/** Walks one query's dates in order. Dates must be asked for in ascending order (the occupancy reads forward). */
class SlotScanner {
  readonly dates: string[];
  private readonly intervals: WallInterval[][] = [];
  private readonly lastDate: string;
  private readonly earliest: number;
  private occupancy: Occupancy[] | null = null;

  constructor(private readonly query: SlotQuery) {
    checkQuery(query);
    this.dates = datesBetween(query.from, query.to);
    this.lastDate = lastBookableDate(query.now, query.rules.horizonDays);
    this.earliest = query.now + query.rules.minNoticeMin * MINUTE_MS;
  }

  private intervalsOf(i: number): WallInterval[] {
    if (i >= this.intervals.length) {
      const chunk = this.dates.slice(this.intervals.length, Math.max(i + 1, this.intervals.length + CALENDAR_CHUNK));
      this.intervals.push(...openIntervals(this.query.place, chunk));
    }
    return this.intervals[i]!;
  }

  /** One occupancy per pool, built on first need from the holds that can touch the range. */
  private pools(): Occupancy[] {
    if (this.occupancy) return this.occupancy;
    const { rules, pools, holds } = this.query;
    const lo = utcMidnight(this.query.from) - 3 * HOUR_MS - rules.bufferBeforeMin * MINUTE_MS;
    const hi = utcMidnight(this.query.to) + 27 * HOUR_MS + (rules.durationMin + rules.bufferAfterMin) * MINUTE_MS;
    // Two passes over the holds (count, then fill typed arrays): no per-pool lists of objects.
    const index = new Map(pools.map((p, i) => [p.key, i]));
    const touches = (h: Hold) => h.end > lo && h.start < hi && h.start < h.end;
    const sizes = new Int32Array(pools.length);
    for (const h of holds) {
      const p = index.get(h.pool);
      if (p !== undefined && touches(h)) sizes[p]!++;
    }
    const starts = pools.map((_, p) => new Float64Array(sizes[p]!));
    const ends = pools.map((_, p) => new Float64Array(sizes[p]!));
    const filled = new Int32Array(pools.length);
    for (const h of holds) {
      const p = index.get(h.pool);
      if (p === undefined || !touches(h)) continue;
      const k = filled[p]!++;
      starts[p]![k] = h.start;
      ends[p]![k] = h.end;
    }
    this.occupancy = pools.map((_, p) => new Occupancy(starts[p]!, ends[p]!));
    return this.occupancy;
  }

  /** Free slots on the i-th date; with `firstOnly`, stops at the first one. */
  day(i: number, firstOnly = false): Slot[] {
    const date = this.dates[i]!;
    const { rules, pools } = this.query;
    const slots: Slot[] = [];
    if (date > this.lastDate || pools.length === 0) return slots;
    const intervals = this.intervalsOf(i);
    if (intervals.length === 0) return slots;
    const units = pools.map((p) => bookableUnits(p, date, rules.walkInShare));
    if (units.some((u) => u <= 0)) return slots;
    const clock = dayClock(date);
    const duration = rules.durationMin * MINUTE_MS;
    const before = rules.bufferBeforeMin * MINUTE_MS;
    const after = rules.bufferAfterMin * MINUTE_MS;
    for (const iv of intervals) {
      const close = clock.closing(iv.closes);
      for (let m = iv.opens; m < iv.closes; m += rules.stepMin) {
        const start = clock.first(m);
        if (start === null) continue; // a time the clock skips
        const end = start + duration;
        if (end > close) break; // later starts end later still
        if (start < this.earliest) continue;
        const occupancy = this.pools();
        let free = Infinity;
        for (let p = 0; p < units.length && free > 0; p++) {
          free = Math.min(free, units[p]! - occupancy[p]!.maxIn(start - before, end + after));
        }
        if (free > 0) {
          slots.push({ start, end, free });
          if (firstOnly) return slots;
        }
      }
    }
    return slots;
  }
}

/** Every date from `query.from` to `query.to` (inclusive) with its free slots; a day with none has `slots: []`. */
export function computeSlots(query: SlotQuery): SlotDay[] {
  const scanner = new SlotScanner(query);
  return scanner.dates.map((date, i) => ({ date, slots: scanner.day(i) }));
}

/** The earliest free slot in the query's range, or null; stops at the first day with one. */
export function firstFree(query: SlotQuery): Slot | null {
  const scanner = new SlotScanner(query);
  for (let i = 0; i < scanner.dates.length; i++) {
    const [slot] = scanner.day(i, true);
    if (slot) return slot;
  }
  return null;
}

/**
 * The earliest free slot over several places (the national "first free time near me"). Dates are walked
 * in order across all places, and the walk stops at the first date on which any place has a slot, so a
 * place's later days are never computed. Equal start times go to the earlier entry of `queries`.
 */
export function firstFreeAcross<K>(queries: ReadonlyArray<{ key: K; query: SlotQuery }>): { key: K; slot: Slot } | null {
  const scanners = queries.map(({ query }) => new SlotScanner(query));
  const active = scanners.map((s, i) => ({ s, i, key: queries[i]!.key })).filter((x) => x.s.dates.length > 0);
  if (active.length === 0) return null;
  const first = active.reduce((d, x) => (x.s.dates[0]! < d ? x.s.dates[0]! : d), active[0]!.s.dates[0]!);
  const last = active.reduce((d, x) => (x.s.dates.at(-1)! > d ? x.s.dates.at(-1)! : d), active[0]!.s.dates.at(-1)!);
  for (const date of datesBetween(first, last)) {
    let best: { key: K; slot: Slot } | null = null;
    for (const { s, key } of active) {
      const offset = Math.round((utcMidnight(date) - utcMidnight(s.dates[0]!)) / (24 * HOUR_MS));
      if (offset < 0 || offset >= s.dates.length) continue;
      const [slot] = s.day(offset, true);
      if (slot && (!best || slot.start < best.slot.start)) best = { key, slot };
    }
    if (best) return best;
  }
  return null;
}
