// The slot rules, each on a small constructed case worked out by hand. Every case runs against both the
// engine and the baseline, so the two are held to the same written rules (the random equivalence test
// in equivalence.test.ts then compares them on many cases nobody worked out).
import { describe, expect, it } from 'vitest';
import { computeSlots } from './slots.ts';
import { computeSlotsBaseline } from './baseline.ts';
import { bookableUnits } from './rules.ts';
import { NO_HOLIDAYS, at, everyDay, hold, pool, query, startsUtc, visit } from './test-helpers.ts';
import type { HolidayInfo } from '../calendar/office-calendar.ts';
import type { Place } from './types.ts';

// 2026-06-01 is a Monday in summer time (UTC+2): 09:00 in Sweden is 07:00Z.
const MON = '2026-06-01';
const office = (extra: Partial<Extract<Place, { kind: 'office' }>> = {}): Place => ({
  kind: 'office',
  openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '11:00' })),
  dateExceptions: [],
  holidays: NO_HOLIDAYS,
  ...extra,
});
const MIDSUMMER_EVE = '2026-06-19'; // a Friday
const HOLIDAYS: ReadonlyMap<string, HolidayInfo> = new Map([
  [MIDSUMMER_EVE, { nameSv: 'Midsommarafton', nameEn: 'Midsummer Eve', nonWorkingDay: true }],
  ['2026-06-18', { nameSv: 'Ett namn', nameEn: 'A named day', nonWorkingDay: false }],
]);

describe.each([
  ['engine', computeSlots],
  ['baseline', computeSlotsBaseline],
])('slot rules (%s)', (_name, compute) => {
  describe('open intervals', () => {
    it('follows the weekly hours: 09:00–11:00 in 30-minute steps', () => {
      expect(startsUtc(compute(query({ place: office() })))).toEqual(['07:00 07:30 08:00 08:30']);
    });

    it('lists every date of the range, closed ones with no slots', () => {
      const days = compute(query({ place: office(), from: '2026-06-05', to: '2026-06-08' })); // Fri … Mon
      expect(days.map((d) => d.date)).toEqual(['2026-06-05', '2026-06-06', '2026-06-07', '2026-06-08']);
      expect(days.map((d) => d.slots.length)).toEqual([4, 0, 0, 4]);
    });

    it('gives nothing when `to` is before `from`', () => {
      expect(compute(query({ from: '2026-06-02', to: '2026-06-01' }))).toEqual([]);
    });

    it('is closed on a Swedish non-working day, open on a named day that is a working day', () => {
      const days = compute(query({ place: office({ holidays: HOLIDAYS }), from: '2026-06-18', to: MIDSUMMER_EVE }));
      expect(days.map((d) => d.slots.length)).toEqual([4, 0]);
    });

    it('lets a date exception win over the holiday, and close or shorten an ordinary day', () => {
      const place = office({
        holidays: HOLIDAYS,
        dateExceptions: [
          { date: MIDSUMMER_EVE, closed: false, opens: '10:00', closes: '11:00' },
          { date: '2026-06-16', closed: true },
          { date: '2026-06-17', closed: false, opens: '09:00', closes: '10:00' },
        ],
      });
      const days = compute(query({ place, from: '2026-06-16', to: MIDSUMMER_EVE }));
      expect(startsUtc(days)).toEqual(['', '07:00 07:30', '07:00 07:30 08:00 08:30', '08:00 08:30']);
    });

    it('opens a mobile stop only on its dated visits', () => {
      const place: Place = { kind: 'mobile', visits: [{ date: '2026-06-02', opens: '13:00', closes: '14:00' }] };
      expect(startsUtc(compute(query({ place, from: MON, to: '2026-06-03' })))).toEqual(['', '11:00 11:30', '']);
    });

    it('starts the grid at each interval’s opening and needs the service to end by closing', () => {
      const place: Place = {
        kind: 'mobile',
        visits: [{ date: MON, opens: '09:00', closes: '10:00' }, { date: MON, opens: '13:10', closes: '14:00' }],
      };
      // 20-minute service every 20 minutes: 13:50 would end 14:10, after closing.
      expect(startsUtc(compute(query({ place, rules: { durationMin: 20, stepMin: 20 } })))).toEqual(['07:00 07:20 07:40 11:10 11:30']);
      // 45 minutes every 30: 09:30 would end 10:15 and 13:40 would end 14:25, so 09:00 and 13:10 only.
      expect(startsUtc(compute(query({ place, rules: { durationMin: 45, stepMin: 30 } })))).toEqual(['07:00 11:10']);
    });

    it('merges touching intervals, so a service can run across the join and no start repeats', () => {
      const place: Place = {
        kind: 'mobile',
        visits: [{ date: MON, opens: '09:00', closes: '10:00' }, { date: MON, opens: '10:00', closes: '11:00' }, { date: MON, opens: '09:30', closes: '10:30' }],
      };
      expect(startsUtc(compute(query({ place, rules: { durationMin: 60 } })))).toEqual(['07:00 07:30 08:00']);
    });
  });

  describe('notice and horizon', () => {
    it('starts no sooner than the minimum notice after now', () => {
      // Now 09:10, one hour's notice: 10:10 at the earliest, so 10:30 on the grid.
      const q = query({ now: at(`${MON}T09:10`, 2), rules: { minNoticeMin: 60 } });
      expect(startsUtc(compute(q))).toEqual(['08:30']);
    });

    it('offers nothing already started, even with no notice', () => {
      expect(startsUtc(compute(query({ now: at(`${MON}T09:30`, 2) })))).toEqual(['07:30 08:00 08:30']);
    });

    it('ends at today + horizonDays, counted in Swedish dates', () => {
      const place = office();
      const q = query({ place, now: at(`${MON}T08:00`, 2), from: MON, to: '2026-06-04', rules: { horizonDays: 2 } });
      expect(compute(q).map((d) => d.slots.length)).toEqual([4, 4, 4, 0]);
      // 22:30Z on Monday is already 00:30 on Tuesday in Sweden: Tuesday is today, and a horizon of 0 is today only.
      const late = query({ place, now: Date.UTC(2026, 5, 1, 22, 30), from: MON, to: '2026-06-03', rules: { horizonDays: 0 } });
      expect(compute(late).map((d) => d.slots.length)).toEqual([0, 4, 0]);
    });
  });

  describe('buffers', () => {
    it('lets a booking start right at opening: buffers need not fit in the opening hours', () => {
      const q = query({ rules: { bufferBeforeMin: 15, bufferAfterMin: 15 } });
      expect(startsUtc(compute(q))).toEqual(['07:00 07:30 08:00 08:30']);
    });

    it('keeps the buffers clear of holds', () => {
      // A hold 10:40–11:00. With 10 minutes after, 10:00–10:30 occupies until 10:40: still free.
      // With 15 after it reaches 10:45 and is taken, and so is 10:30.
      const holds = [hold('desk', at(`${MON}T10:40`, 2), at(`${MON}T11:00`, 2))];
      expect(startsUtc(compute(query({ holds, rules: { bufferAfterMin: 10 } })))).toEqual(['07:00 07:30 08:00']);
      expect(startsUtc(compute(query({ holds, rules: { bufferAfterMin: 15 } })))).toEqual(['07:00 07:30']);
      // A hold 09:00–09:20, 10 minutes before: 09:30 occupies from 09:20, free; 15 before: from 09:15, taken.
      const early = [hold('desk', at(`${MON}T09:00`, 2), at(`${MON}T09:20`, 2))];
      expect(startsUtc(compute(query({ holds: early, rules: { bufferBeforeMin: 10 } })))).toEqual(['07:30 08:00 08:30']);
      expect(startsUtc(compute(query({ holds: early, rules: { bufferBeforeMin: 15 } })))).toEqual(['08:00 08:30']);
    });
  });

  describe('capacity', () => {
    const nine = at(`${MON}T09:00`, 2);
    const min = (m: number) => nine + m * 60_000;

    it('counts free units per slot: two desks, one hold', () => {
      const days = compute(query({ pools: [everyDay('desk', 2)], holds: [hold('desk', min(0), min(30))] }));
      expect(days[0]!.slots.map((s) => s.free)).toEqual([1, 2, 2, 2]);
    });

    it('counts holds in progress at the same moment, not holds touching the window', () => {
      // Two desks, a 60-minute service. 09:00–09:30 and 09:30–10:00 are back to back: one desk busy at a
      // time, so 09:00 still has a desk free all hour.
      const backToBack = [hold('desk', min(0), min(30)), hold('desk', min(30), min(60))];
      const q = (holds: typeof backToBack) => query({ pools: [everyDay('desk', 2)], holds, rules: { durationMin: 60 } });
      expect(compute(q(backToBack))[0]!.slots.map((s) => [s.start, s.free])).toEqual([[min(0), 1], [min(30), 1], [min(60), 2]]);
      // Overlapping 09:00–09:40 and 09:20–10:00: both desks busy 09:20–09:40, so 09:00 and 09:30 are full.
      const overlapping = [hold('desk', min(0), min(40)), hold('desk', min(20), min(60))];
      expect(compute(q(overlapping))[0]!.slots.map((s) => [s.start, s.free])).toEqual([[min(60), 2]]);
    });

    it('ends a hold at its end: a hold until 09:30 leaves a one-desk 09:30 free', () => {
      const days = compute(query({ holds: [hold('desk', min(0), min(30))] }));
      expect(startsUtc(days)).toEqual(['07:30 08:00 08:30']);
    });

    it('ignores holds of other pools and holds that take no time', () => {
      const holds = [hold('video', min(0), min(120)), hold('desk', min(30), min(30))];
      expect(startsUtc(compute(query({ holds })))).toEqual(['07:00 07:30 08:00 08:30']);
    });

    it('needs a unit of every pool: free is the smallest spare', () => {
      const pools = [everyDay('desk', 3), everyDay('room', 1)];
      const days = compute(query({ pools, holds: [hold('room', min(60), min(90)), hold('desk', min(0), min(30))] }));
      expect(days[0]!.slots.map((s) => [s.start, s.free])).toEqual([[min(0), 1], [min(30), 1], [min(90), 1]]);
    });

    it('has no slots on a date a pool has no units (the agency is not there that day)', () => {
      const pools = [pool('skv', { '2026-06-02': 2 }), everyDay('desk', 2)];
      const days = compute(query({ place: office(), pools, from: MON, to: '2026-06-02' }));
      expect(days.map((d) => d.slots.length)).toEqual([0, 4]);
    });

    it('has no slots with no pools: a booking must hold something', () => {
      expect(startsUtc(compute(query({ pools: [] })))).toEqual(['']);
    });

    describe('numbered units (as booking_holds stores them)', () => {
      // Two desks; desk 1 held 09:00–09:30, desk 2 held 09:30–10:00. A 30-minute service every 15 minutes.
      const fragmented = [hold('desk', min(0), min(30), 1), hold('desk', min(30), min(60), 2)];
      const q = (holds: Parameters<typeof query>[0]['holds'], extra: Parameters<typeof query>[0] = {}) =>
        query({ pools: [everyDay('desk', 2)], holds, rules: { durationMin: 30, stepMin: 15 }, ...extra });

      it('offers only times one unit is free for throughout: not 09:15 when the desks are held back to back', () => {
        // 09:15–09:45: at most one desk busy at any moment, but desk 1 is busy until 09:30 and desk 2 from
        // 09:30, so no desk is free for the whole half hour and the database could not take it.
        const days = compute(q(fragmented));
        expect(days[0]!.slots.map((s) => [new Date(s.start).toISOString().slice(11, 16), s.free])).toEqual([
          ['07:00', 1], ['07:30', 1], ['07:45', 1], ['08:00', 2], ['08:15', 2], ['08:30', 2],
        ]);
        // The same holds without units count by the most in progress at once, and do offer 09:15.
        const counted = fragmented.map(({ pool: p, start, end }) => hold(p, start, end));
        expect(startsUtc(compute(q(counted)))).toEqual(['07:00 07:15 07:30 07:45 08:00 08:15 08:30']);
      });

      it('counts a unit busy once however many of its holds overlap the window', () => {
        const days = compute(q([hold('desk', min(0), min(20), 1), hold('desk', min(10), min(30), 1)]));
        expect(days[0]!.slots.map((s) => s.free)).toEqual([1, 1, 2, 2, 2, 2, 2]);
      });

      it('widens the window by the buffers for numbered holds too', () => {
        // With 15 minutes after, 09:00 occupies until 09:45 and meets desk 2 at 09:30: desk 1 is busy, so full.
        const days = compute(q(fragmented, { rules: { durationMin: 30, stepMin: 15, bufferAfterMin: 15 } }));
        expect(startsUtc(days)).toEqual(['07:30 07:45 08:00 08:15 08:30']);
      });

      it('blocks nothing with a hold on a unit above the bookable count, which stays valid', () => {
        // Two officers, a walk-in share of 0.5: one bookable. A booking made on officer 2 before the share
        // was raised does not make officer 1 busy.
        const shared = [everyDay('officers', 2, true)];
        const rules = { durationMin: 30, stepMin: 30, walkInShare: 0.5 };
        expect(startsUtc(compute(query({ pools: shared, rules, holds: [hold('officers', min(0), min(120), 2)] })))).toEqual(['07:00 07:30 08:00 08:30']);
        expect(startsUtc(compute(query({ pools: shared, rules, holds: [hold('officers', min(0), min(60), 1)] })))).toEqual(['08:00 08:30']);
        // Units that are no whole number from 1 up are never taken by a booking either.
        expect(startsUtc(compute(query({ holds: [hold('desk', min(0), min(120), 0), hold('desk', min(0), min(120), 1.5)] })))).toEqual(['07:00 07:30 08:00 08:30']);
      });

      it('lets holds without a unit take as many of the free units as are in progress at once', () => {
        // Three desks: desk 1 busy 09:00–10:00, and two walk-in holds without a unit overlapping 09:30–10:00.
        const holds = [hold('desk', min(0), min(60), 1), hold('desk', min(0), min(60)), hold('desk', min(30), min(90))];
        const days = compute(query({ pools: [everyDay('desk', 3)], holds }));
        expect(days[0]!.slots.map((s) => [s.start, s.free])).toEqual([[min(0), 1], [min(60), 2], [min(90), 3]]);
      });
    });

    it('keeps the walk-in share back from shared pools, rounding in favour of walk-ins', () => {
      const pools = [everyDay('officers', 3, true), everyDay('room', 2, false)];
      const days = compute(query({ pools, rules: { walkInShare: 0.5 } }));
      // floor(3 × 0.5) = 1 officer for bookings; the room is not shared.
      expect(days[0]!.slots.map((s) => s.free)).toEqual([1, 1, 1, 1]);
      // One officer and any share: nothing bookable.
      expect(startsUtc(compute(query({ pools: [everyDay('o', 1, true)], rules: { walkInShare: 0.2 } })))).toEqual(['']);
    });
  });
});

describe('bookableUnits', () => {
  it('applies floor(units × (1 − share)) to shared pools only, without float noise', () => {
    expect(bookableUnits(pool('a', { d: 4 }, true), 'd', 0)).toBe(4);
    expect(bookableUnits(pool('a', { d: 4 }, true), 'd', 0.25)).toBe(3);
    expect(bookableUnits(pool('a', { d: 4 }, true), 'd', 0.3)).toBe(2);
    expect(bookableUnits(pool('a', { d: 10 }, true), 'd', 0.9)).toBe(1);
    expect(bookableUnits(pool('a', { d: 4 }, true), 'd', 1)).toBe(0);
    expect(bookableUnits(pool('a', { d: 4 }, false), 'd', 0.9)).toBe(4);
    expect(bookableUnits(pool('a', {}, false), 'd', 0)).toBe(0);
  });
});

describe('query checks', () => {
  it('rejects rules no booking could follow', () => {
    expect(() => computeSlots(query({ rules: { stepMin: 0 } }))).toThrow(RangeError);
    expect(() => computeSlots(query({ rules: { walkInShare: 1.5 } }))).toThrow(RangeError);
    expect(() => computeSlots(query({ pools: [everyDay('desk', 1), everyDay('desk', 2)] }))).toThrow(RangeError);
    expect(() => computeSlots(query({ place: visit(MON, '9:00', '10:00') }))).toThrow(RangeError);
  });
});
