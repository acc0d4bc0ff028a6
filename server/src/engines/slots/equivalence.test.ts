// The engine against the baseline on seeded random cases: random places (offices with hours, exceptions
// and holidays; mobile stops), rules, pools and holds, over ranges that often cross a daylight-saving day.
// The baseline checks every rule directly for every start; the engine must give exactly the same days.
import { describe, expect, it } from 'vitest';
import { addDays, stockholmDate } from '../../lib/dates.ts';
import { computeSlots, firstFree, firstFreeAcross, firstFreeEach } from './slots.ts';
import { computeSlotsBaseline } from './baseline.ts';
import { utcMidnight } from './wall-clock.ts';
import { bookableUnits, datesBetween, lastBookableDate, openIntervals } from './rules.ts';
import type { HolidayInfo } from '../calendar/office-calendar.ts';
import type { Hold, Place, Pool, SlotQuery } from './types.ts';

/** A small seeded generator (xorshift32), so a failure can be replayed from its seed. */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof rng>;

const MIN = 60_000;
const CHANGE_DAYS = new Set(['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31']);
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Hours that sometimes sit over the night-time changeover (01:00–04:00) and sometimes end at 24:00. */
function randomHours(r: Rng): { opens: string; closes: string } {
  const opens = r.chance(0.25) ? r.int(0, 4) * 60 + r.pick([0, 15, 30]) : r.int(6, 14) * 60 + r.pick([0, 10, 30, 45]);
  const closes = Math.min(24 * 60, opens + r.int(1, 40) * 15);
  return { opens: hhmm(opens), closes: hhmm(closes) };
}

/** Hours over the changeover hour, for a change day in the range. */
const nightHours = (r: Rng) => ({ opens: hhmm(r.int(0, 2) * 60 + r.pick([0, 30])), closes: hhmm(r.int(2, 5) * 60 + r.pick([0, 30])) });

function randomPlace(r: Rng, dates: string[]): Place {
  const change = dates.find((d) => CHANGE_DAYS.has(d));
  const night = change !== undefined && r.chance(0.5) ? [{ date: change, ...nightHours(r) }] : [];
  if (r.chance(0.35)) {
    const visits = [...night, ...Array.from({ length: r.int(0, 6) }, () => ({ date: r.pick(dates), ...randomHours(r) }))];
    return { kind: 'mobile', visits };
  }
  const openingHours = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) =>
    r.chance(0.75) ? Array.from({ length: r.int(1, 2) }, () => ({ weekday, ...randomHours(r) })) : []);
  const exceptionDates = [...new Set(Array.from({ length: r.int(0, 3) }, () => r.pick(dates)))];
  const dateExceptions = [
    ...night.map((n) => ({ ...n, closed: false })),
    ...exceptionDates.filter((d) => d !== change).map((date) => (r.chance(0.4) ? { date, closed: true } : { date, closed: false, ...randomHours(r) })),
  ];
  const holidays = new Map<string, HolidayInfo>(
    Array.from({ length: r.int(0, 3) }, () => [r.pick(dates), { nameSv: 'h', nameEn: 'h', nonWorkingDay: r.chance(0.7) }]),
  );
  return { kind: 'office', openingHours, dateExceptions, holidays };
}

/**
 * How a pool's holds carry units: none (counted by overlap, as walk-in time), all numbered (as
 * booking_holds stores bookings) or a mix. Drawn from its own generator, so the rest of a case is the
 * same as before units existed.
 */
type UnitMode = 'none' | 'numbered' | 'mixed';

/** A unit for a numbered hold: mostly 1–3 (pools have 0–3 units a day), some above, a few no unit a booking could take. */
function randomUnit(u: Rng): number {
  if (u.chance(0.02)) return u.pick([0, 2.5]);
  return u.chance(0.1) ? u.int(4, 5) : u.int(1, 3);
}

/**
 * Numbered holds as the database hands them out: in the order booked, each on the first unit with no
 * overlapping hold, then some cancelled. What is left is fragmented the way a real day gets.
 */
function firstFit(holds: readonly Hold[], u: Rng, units = 3): Hold[] {
  const placed: Hold[] = [];
  for (const h of holds) {
    if (h.unit === undefined || h.start >= h.end) { placed.push(h); continue; }
    let unit = 1;
    while (placed.some((o) => o.pool === h.pool && o.unit === unit && o.start < h.end && h.start < o.end)) unit++;
    if (unit <= units) placed.push({ ...h, unit }); // else refused: no unit free
  }
  return placed.filter(() => !u.chance(0.3));
}

function randomQuery(r: Rng, u: Rng): SlotQuery {
  const anchor = r.pick(['2026-03-24', '2026-10-20', '2027-03-24', '2027-10-27', addDays('2026-01-01', r.int(0, 700))]);
  const from = addDays(anchor, r.int(0, 6));
  const to = addDays(from, r.int(0, 14));
  const dates: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  const pools: Pool[] = Array.from({ length: r.int(1, 3) }, (_, i) => ({
    key: `p${i}`,
    unitsByDate: Object.fromEntries(dates.filter(() => r.chance(0.9)).map((d) => [d, r.int(0, 3)])),
    sharedWithWalkIns: r.chance(0.5),
  }));
  const lo = utcMidnight(from) - 86_400_000;
  const span = utcMidnight(to) + 2 * 86_400_000 - lo;
  const modes = new Map<string, UnitMode>([...pools.map((p) => p.key), 'other'].map((key) => [key, u.pick(['none', 'numbered', 'numbered', 'mixed'] as const)]));
  let holds: Hold[] = [];
  const holdCount = r.pick([0, 5, 40, 150]);
  while (holds.length < holdCount) {
    const pool = r.chance(0.9) ? r.pick(pools).key : 'other';
    // Mostly on the minute like real bookings, some at any millisecond; some empty; some in back-to-back runs.
    let start = r.chance(0.8) ? lo + Math.floor((r.next() * span) / MIN) * MIN : lo + Math.floor(r.next() * span);
    // A back-to-back run on numbered units alternates between two units: the fragmentation case, where
    // at most one unit is busy at any moment but no unit is free across the join.
    const units = [randomUnit(u), randomUnit(u)];
    for (let k = r.chance(0.2) ? r.int(2, 4) : 1; k > 0; k--) {
      const length = r.chance(0.05) ? 0 : r.int(1, 36) * 5 * MIN;
      const mode = modes.get(pool)!;
      const numbered = mode === 'numbered' || (mode === 'mixed' && u.chance(0.5));
      holds.push(numbered ? { pool, start, end: start + length, unit: units[k % 2]! } : { pool, start, end: start + length });
      start += length;
    }
  }
  if (u.chance(0.5)) holds = firstFit(holds, u);
  const query: SlotQuery = {
    now: utcMidnight(from) + Math.floor((r.next() * 10 - 4) * 86_400_000),
    from,
    to,
    rules: {
      durationMin: r.pick([10, 15, 20, 30, 45, 60, 90, r.int(1, 150)]),
      stepMin: r.pick([5, 10, 15, 20, 30, 60, r.int(1, 90)]),
      bufferBeforeMin: r.chance(0.5) ? 0 : r.int(1, 20),
      bufferAfterMin: r.chance(0.5) ? 0 : r.int(1, 20),
      minNoticeMin: r.chance(0.3) ? 0 : r.int(0, 3000),
      horizonDays: r.int(0, 20),
      walkInShare: r.pick([0, 0, 0.1, 0.25, 0.5, 0.9, 1, r.next()]),
    },
    place: randomPlace(r, dates),
    pools,
    holds,
  };
  addBusyDay(query, u);
  return query;
}

/**
 * Often one busy day in one pool, on a date with at least two bookable units and open hours: bookings in
 * the open hours, first fit then cancellations, dense enough that units fragment where slots are asked for.
 */
function addBusyDay(q: SlotQuery, u: Rng): void {
  if (!u.chance(0.85)) return;
  const dates = datesBetween(q.from, q.to);
  const open = openIntervals(q.place, dates);
  const first = stockholmDate(new Date(q.now + q.rules.minNoticeMin * MIN));
  const last = lastBookableDate(q.now, q.rules.horizonDays);
  const bookable = (d: string, i: number) => d >= first && d <= last && open[i]!.length > 0 && q.pools.every((p) => bookableUnits(p, d, q.rules.walkInShare) > 0);
  const choices = q.pools.flatMap((p) => dates.flatMap((d, i) => {
    const units = bookableUnits(p, d, q.rules.walkInShare);
    return units >= 2 && bookable(d, i) ? [{ pool: p.key, date: d, open: open[i]!, units }] : [];
  }));
  if (choices.length === 0) return;
  const { pool, date, open: intervals, units } = u.pick(choices);
  const busy = Array.from({ length: u.int(10, 40) }, () => {
    const iv = u.pick(intervals);
    // Wall-clock minutes to an instant, roughly (a Swedish offset of one hour is near enough here).
    const start = utcMidnight(date) + (u.int(iv.opens, Math.max(iv.opens, iv.closes - 10)) - 60) * MIN;
    return { pool, start, end: start + u.pick([10, 15, 20, 30, 45, 60]) * MIN, unit: 1 };
  });
  q.holds = [...q.holds, ...firstFit(busy, u, units)];
}

describe('engine equals baseline on random cases', () => {
  const CASES = 400;
  const cases = Array.from({ length: CASES }, (_, seed) => ({ seed, query: randomQuery(rng(seed + 1), rng(seed + 100_003)) }));

  it(`computeSlots and firstFree (${CASES} cases)`, () => {
    let slots = 0;
    let reduced = 0;
    let night = 0;
    let fragmented = 0;
    let numbered = 0;
    for (const { seed, query } of cases) {
      const expected = computeSlotsBaseline(query);
      expect(computeSlots(query), `seed ${seed}`).toEqual(expected);
      const all = expected.flatMap((d) => d.slots);
      expect(firstFree(query), `seed ${seed}`).toEqual(all[0] ?? null);
      slots += all.length;
      // Slots that counting the same holds by overlap alone would offer, but no single unit could take.
      if (query.holds.some((h) => h.unit !== undefined)) {
        numbered++;
        const offered = new Set(all.map((s) => s.start));
        const counted = computeSlotsBaseline({ ...query, holds: query.holds.map(({ pool, start, end }) => ({ pool, start, end })) });
        fragmented += counted.flatMap((d) => d.slots).filter((s) => !offered.has(s.start)).length;
      }
      for (const day of expected) {
        const units = Math.min(...query.pools.map((p) => bookableUnits(p, day.date, query.rules.walkInShare)));
        reduced += day.slots.filter((s) => s.free < units).length;
        if (CHANGE_DAYS.has(day.date)) night += day.slots.filter((s) => new Date(s.start).getUTCHours() < 3).length;
      }
    }
    // The cases must exercise something: many slots, holds that take capacity, and slots in the
    // night of a change.
    expect(slots).toBeGreaterThan(5_000);
    expect(reduced).toBeGreaterThan(500);
    expect(night).toBeGreaterThan(40);
    // …and holds on numbered units that fragment a pool: times the overlap count alone would have offered.
    expect(numbered).toBeGreaterThan(150);
    expect(fragmented).toBeGreaterThan(40);
    console.log(`equivalence: ${slots} slots, ${reduced} with fewer units free because of holds, ${night} slots before 03:00Z on change days, ` +
      `${numbered} cases with numbered holds, ${fragmented} times only the overlap count would offer`);
  });

  it('firstFreeAcross equals the earliest of the baselines (ties to the earlier entry)', () => {
    for (let g = 0; g + 4 <= cases.length; g += 4) {
      const group = cases.slice(g, g + 4).map(({ seed, query }) => ({ key: seed, query }));
      let best: { key: number; slot: { start: number; end: number; free: number } } | null = null;
      for (const { key, query } of group) {
        const slot = computeSlotsBaseline(query).flatMap((d) => d.slots)[0];
        if (slot && (!best || slot.start < best.slot.start)) best = { key, slot };
      }
      expect(firstFreeAcross(group), `group from seed ${g}`).toEqual(best);
    }
  });

  it('firstFreeEach equals each place\'s baseline first slot, earliest first, cut at the limit', () => {
    for (let g = 0; g + 6 <= cases.length; g += 6) {
      const group = cases.slice(g, g + 6).map(({ seed, query }) => ({ key: seed, query }));
      const expected = group
        .map(({ key, query }, i) => ({ key, i, slot: computeSlotsBaseline(query).flatMap((d) => d.slots)[0] }))
        .filter((x) => x.slot)
        .sort((a, b) => a.slot!.start - b.slot!.start || a.i - b.i)
        .map(({ key, slot }) => ({ key, slot }));
      for (const limit of [1, 3, 6]) expect(firstFreeEach(group, limit), `group from seed ${g}, limit ${limit}`).toEqual(expected.slice(0, limit));
    }
  });
});
