// The engine against the baseline on seeded random cases: random places (offices with hours, exceptions
// and holidays; mobile stops), rules, pools and holds, over ranges that often cross a daylight-saving day.
// The baseline checks every rule directly for every start; the engine must give exactly the same days.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../lib/dates.ts';
import { computeSlots, firstFree, firstFreeAcross } from './slots.ts';
import { computeSlotsBaseline } from './baseline.ts';
import { utcMidnight } from './wall-clock.ts';
import { bookableUnits } from './rules.ts';
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

function randomQuery(r: Rng): SlotQuery {
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
  const holds: Hold[] = [];
  const holdCount = r.pick([0, 5, 40, 150]);
  while (holds.length < holdCount) {
    const pool = r.chance(0.9) ? r.pick(pools).key : 'other';
    // Mostly on the minute like real bookings, some at any millisecond; some empty; some in back-to-back runs.
    let start = r.chance(0.8) ? lo + Math.floor((r.next() * span) / MIN) * MIN : lo + Math.floor(r.next() * span);
    for (let k = r.chance(0.2) ? r.int(2, 4) : 1; k > 0; k--) {
      const length = r.chance(0.05) ? 0 : r.int(1, 36) * 5 * MIN;
      holds.push({ pool, start, end: start + length });
      start += length;
    }
  }
  return {
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
}

describe('engine equals baseline on random cases', () => {
  const CASES = 400;
  const cases = Array.from({ length: CASES }, (_, seed) => ({ seed, query: randomQuery(rng(seed + 1)) }));

  it(`computeSlots and firstFree (${CASES} cases)`, () => {
    let slots = 0;
    let reduced = 0;
    let night = 0;
    for (const { seed, query } of cases) {
      const expected = computeSlotsBaseline(query);
      expect(computeSlots(query), `seed ${seed}`).toEqual(expected);
      const all = expected.flatMap((d) => d.slots);
      expect(firstFree(query), `seed ${seed}`).toEqual(all[0] ?? null);
      slots += all.length;
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
    console.log(`equivalence: ${slots} slots, ${reduced} with fewer units free because of holds, ${night} slots before 03:00Z on change days`);
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
});
