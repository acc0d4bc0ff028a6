// The slot engine: the free start times of a service at a place over a date range (docs/slots.md).
//
// Same answers as computeSlotsBaseline (baseline.ts, the test oracle), computed so that a month costs
// about O(holds log holds + candidate starts × (pools + units with holds)): each pool's holds are sorted
// once into occupancy step functions, one per numbered unit and one for the holds without a unit, that the
// day-by-day sweep reads forward (occupancy.ts).
import { dayClock, utcMidnight } from './wall-clock.ts';
import { MINUTE_MS, bookableUnits, checkQuery, datesBetween, lastBookableDate, openIntervals, type WallInterval } from './rules.ts';
import { Occupancy, PoolOccupancy } from './occupancy.ts';
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
  private occupancy: PoolOccupancy[] | null = null;

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

  /**
   * One occupancy per pool, built on first need from the holds that can touch the range: the holds without
   * a unit as one step function, and each numbered unit's holds as its own.
   */
  private pools(): PoolOccupancy[] {
    if (this.occupancy) return this.occupancy;
    const { rules, pools, holds } = this.query;
    const lo = utcMidnight(this.query.from) - 3 * HOUR_MS - rules.bufferBeforeMin * MINUTE_MS;
    const hi = utcMidnight(this.query.to) + 27 * HOUR_MS + (rules.durationMin + rules.bufferAfterMin) * MINUTE_MS;
    // Two passes over the holds (count, then fill typed arrays): no per-pool lists of objects. Group s of
    // a pool is its holds without a unit (s = 0) or those of its s-th distinct unit (s = 1, 2, …).
    const index = new Map(pools.map((p, i) => [p.key, i]));
    const unitGroups = pools.map(() => new Map<number, number>());
    const touches = (h: Hold) => h.end > lo && h.start < hi && h.start < h.end;
    // A unit that is not a whole number from 1 up is never one of the units 1..n a booking takes: it blocks nothing.
    const groupOf = (h: Hold, p: number): number => {
      if (h.unit === undefined) return 0;
      if (!Number.isInteger(h.unit) || h.unit < 1) return -1;
      const groups = unitGroups[p]!;
      let s = groups.get(h.unit);
      if (s === undefined) groups.set(h.unit, (s = groups.size + 1));
      return s;
    };
    const sizes: number[][] = pools.map(() => [0]);
    for (const h of holds) {
      const p = index.get(h.pool);
      if (p === undefined || !touches(h)) continue;
      const s = groupOf(h, p);
      if (s < 0) continue;
      sizes[p]![s] = (sizes[p]![s] ?? 0) + 1;
    }
    const starts = sizes.map((list) => list.map((n) => new Float64Array(n)));
    const ends = sizes.map((list) => list.map((n) => new Float64Array(n)));
    const filled = sizes.map((list) => new Int32Array(list.length));
    for (const h of holds) {
      const p = index.get(h.pool);
      if (p === undefined || !touches(h)) continue;
      const s = groupOf(h, p);
      if (s < 0) continue;
      const k = filled[p]![s]!++;
      starts[p]![s]![k] = h.start;
      ends[p]![s]![k] = h.end;
    }
    this.occupancy = pools.map((_, p) => {
      const units = [...unitGroups[p]!].sort((a, b) => a[0] - b[0]);
      return new PoolOccupancy(
        new Occupancy(starts[p]![0]!, ends[p]![0]!),
        Float64Array.from(units, ([u]) => u),
        units.map(([, s]) => new Occupancy(starts[p]![s]!, ends[p]![s]!)),
      );
    });
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
          free = Math.min(free, occupancy[p]!.spare(units[p]!, start - before, end + after));
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

/**
 * The earliest free slot of each place, for the `limit` places whose first free slot comes earliest
 * (earliest first; equal start times in the order of `queries`), as the booking page's "first free time
 * near me" lists them. Like firstFreeAcross, dates are walked in order across all places and a place
 * leaves the walk at its first slot; the walk stops after the first date by which `limit` places have
 * one, since any place still without a slot can only have later ones.
 */
export function firstFreeEach<K>(queries: ReadonlyArray<{ key: K; query: SlotQuery }>, limit: number): Array<{ key: K; slot: Slot }> {
  const active = queries.map(({ key, query }, i) => ({ s: new SlotScanner(query), i, key })).filter((x) => x.s.dates.length > 0);
  const found: Array<{ key: K; slot: Slot; i: number }> = [];
  if (active.length === 0 || limit < 1) return [];
  const first = active.reduce((d, x) => (x.s.dates[0]! < d ? x.s.dates[0]! : d), active[0]!.s.dates[0]!);
  const last = active.reduce((d, x) => (x.s.dates.at(-1)! > d ? x.s.dates.at(-1)! : d), active[0]!.s.dates.at(-1)!);
  const done = new Set<number>();
  for (const date of datesBetween(first, last)) {
    for (const { s, i, key } of active) {
      if (done.has(i)) continue;
      const offset = Math.round((utcMidnight(date) - utcMidnight(s.dates[0]!)) / (24 * HOUR_MS));
      if (offset < 0 || offset >= s.dates.length) continue;
      const [slot] = s.day(offset, true);
      if (slot) {
        found.push({ key, slot, i });
        done.add(i);
      }
    }
    if (found.length >= limit) break;
  }
  found.sort((a, b) => a.slot.start - b.slot.start || a.i - b.i);
  return found.slice(0, limit).map(({ key, slot }) => ({ key, slot }));
}
