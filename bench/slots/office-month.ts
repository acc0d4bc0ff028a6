// office_month: 60 days of slots for each of 20 services at one busy office with 5,000 existing bookings.
//
// The office is the demo network's Servicekontor Stockholm City (its weekly hours with late Thursdays and
// Saturdays, its klämdag exception, 10 counters, 2 video rooms) plus one closed training day, with the
// real holidays. The 60 days from Monday 2026-03-23 include the spring clock change, Easter, 1 May,
// Ascension and the klämdag. Services are 20 of the catalogue's, with their durations; steps, buffers,
// notice and walk-in shares vary per service.
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import { computeSlots } from '../../server/src/engines/slots/slots.ts';
import { computeSlotsBaseline } from '../../server/src/engines/slots/baseline.ts';
import { datesBetween } from '../../server/src/engines/slots/rules.ts';
import type { BookingRules, Pool, SlotDay, SlotQuery } from '../../server/src/engines/slots/types.ts';
import { SERVICES } from '../../server/src/db/seed/catalogue.ts';
import { demoNetwork, holidays2026to2027, mulberry32, officePlace, placeBookings, weekdayPool, type BookableService } from './data.ts';

const FROM = '2026-03-23';
const TO = '2026-05-21';
/** Monday 08:00 in Sweden. */
const NOW = Date.UTC(2026, 2, 23, 7, 0);
const BOOKINGS = 5_000;
const EXCLUDED = new Set(['SKV:hindersprovning', 'FK:underhallsstod', 'PM:premiepension', 'PM:pensionsprognos']);

export interface OfficeMonth { queries: Array<{ key: string; query: SlotQuery }>; holds: number; placed: number; bookingDays: number }

export function buildOfficeMonth(): OfficeMonth {
  const office = demoNetwork().find((o) => o.name === 'Servicekontor Stockholm City')!;
  const place = officePlace(
    { ...office, dateExceptions: [...office.dateExceptions, { date: '2026-04-22', closed: true, opens: null, closes: null, note: 'Utbildningsdag' }] },
    holidays2026to2027(),
  );
  const dates = datesBetween(FROM, TO);
  const open = [...new Set(office.openingHours.map((h) => h.weekday))];
  const agencyPool = (code: string, units: number) => weekdayPool(code, units, office.agencyDays[code] ?? [], dates, true);
  const pools: Record<string, Pool> = {
    counter: weekdayPool('counter', office.counters, open, dates, true),
    staff: weekdayPool('staff', 6, open, dates, true),
    SKV: agencyPool('SKV', 4), FK: agencyPool('FK', 4), PM: agencyPool('PM', 2), AF: agencyPool('AF', 3),
    video: weekdayPool('video', office.videoRooms, open, dates, false),
    room: weekdayPool('room', 2, open, dates, false),
  };
  const services = SERVICES.filter((s) => ['SKV', 'FK', 'PM', 'AF'].includes(s.agency) && !EXCLUDED.has(s.key));
  if (services.length !== 20) throw new Error(`expected 20 services, got ${services.length}`);
  const bookable: BookableService[] = services.map((s, i) => {
    // Video meetings take a video room and the agency's officer; a private-room service its room and the
    // agency; services the office staff may give (tjänstesamverkan) staff and a counter.
    const needs = s.channels.includes('video') && s.capabilities.includes('video_room') ? ['video', s.agency]
      : s.capabilities.includes('private_room') ? ['room', s.agency]
      : s.performers.length > 0 ? ['staff', 'counter'] : [s.agency, 'counter'];
    const rules: BookingRules = {
      durationMin: s.durationMin,
      stepMin: s.durationMin >= 60 ? 30 : s.durationMin >= 30 ? 15 : [5, 10][i % 2]!,
      bufferBeforeMin: [0, 5, 0, 10][i % 4]!,
      bufferAfterMin: [5, 0, 10, 5][i % 4]!,
      minNoticeMin: [60, 120, 1440][i % 3]!,
      horizonDays: 60,
      walkInShare: [0.3, 0.25, 0.5, 0][i % 4]!,
    };
    return { rules, pools: needs.map((k) => pools[k]!) };
  });
  const rand = mulberry32(2026);
  // Near days fill first: a day index drawn with an exponential mean of 15 days (cut at 60).
  const pickDay = (r: () => number, days: number) => Math.min(days - 1, Math.floor(-Math.log(1 - r()) * 15));
  const { holds, placed } = placeBookings({
    rand, place, from: FROM, to: TO, services: bookable, weights: services.map((s) => 60 / s.durationMin), count: BOOKINGS, pickDay,
  });
  const queries = services.map((s, i) => ({
    key: s.key,
    query: { now: NOW, from: FROM, to: TO, rules: bookable[i]!.rules, place, pools: bookable[i]!.pools, holds },
  }));
  return { queries, holds: holds.length, placed, bookingDays: dates.length };
}

export interface Timed { engine: number[]; baseline: number[]; identical: boolean; slots: number; sweepMs: number[] }

/** Times each service's month separately: `engineRuns` rounds of the 20 services, `baselineRuns` rounds of the baseline. */
export function timeOfficeMonth(m: OfficeMonth, engineRuns: number, baselineRuns: number): Timed {
  const engine: number[] = [];
  const baseline: number[] = [];
  const sweepMs: number[] = [];
  for (const { query } of m.queries) computeSlots(query); // warm-up
  for (let r = 0; r < engineRuns; r++) {
    const s0 = performance.now();
    for (const { query } of m.queries) {
      const t0 = performance.now();
      computeSlots(query);
      engine.push(performance.now() - t0);
    }
    sweepMs.push(performance.now() - s0);
  }
  let identical = true;
  let slots = 0;
  for (let r = 0; r < baselineRuns; r++) {
    for (const { query } of m.queries) {
      const t0 = performance.now();
      const expected: SlotDay[] = computeSlotsBaseline(query);
      baseline.push(performance.now() - t0);
      if (r === 0) {
        const got = computeSlots(query);
        identical &&= isDeepStrictEqual(got, expected);
        slots += expected.reduce((n, d) => n + d.slots.length, 0);
      }
    }
  }
  const sort = (xs: number[]) => xs.sort((a, b) => a - b);
  return { engine: sort(engine), baseline: sort(baseline), identical, slots, sweepMs: sort(sweepMs) };
}
