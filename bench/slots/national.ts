// national_first_free: the first free time for a service within 100 km of a place, over all offices.
//
// All 115 offices of the demo network (their coordinates, weekly hours and exceptions; mobile stops by
// their weekly stop days), the real holidays, and per office bookings of its service placed by a seeded
// generator, near days fuller than far ones, as when people book ahead. The places asked from are
// municipal seats (data/sweden_municipalities.csv) drawn with a seeded generator.
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import { firstFreeAcross } from '../../server/src/engines/slots/slots.ts';
import { computeSlotsBaseline } from '../../server/src/engines/slots/baseline.ts';
import { datesBetween } from '../../server/src/engines/slots/rules.ts';
import type { BookingRules, Slot, SlotQuery } from '../../server/src/engines/slots/types.ts';
import { haversineKm } from '../../server/src/lib/geo.ts';
import { readMunicipalities } from '../../server/src/db/seed/reference-data.ts';
import { stableUuid } from '../../server/src/db/seed/catalogue.ts';
import { demoNetwork, holidays2026to2027, mulberry32, officePlace, placeBookings, weekdayPool } from './data.ts';

const RADIUS_KM = 100;
/** Monday 2026-10-19 08:00 in Sweden; the 60 days cross the autumn clock change and Christmas is near the end. */
const NOW = Date.UTC(2026, 9, 19, 6, 0);
const FROM = '2026-10-19';
const TO = '2026-12-17';
/** Föräldrapenning at the counter: offered nearly everywhere (servicepunkter and mobile stops too). */
const RULES: BookingRules = {
  durationMin: 20, stepMin: 10, bufferBeforeMin: 0, bufferAfterMin: 5, minNoticeMin: 120, horizonDays: 60, walkInShare: 0.25,
};

interface Office { id: string; name: string; lat: number; lon: number; query: SlotQuery }
export interface National { offices: Office[]; network: number; places: Array<{ name: string; lat: number; lon: number }>; holds: number }
const SERVICE_ID = stableUuid('service:FK:foraldrapenning');

export function buildNational(queryCount: number): National {
  const holidays = holidays2026to2027();
  const dates = datesBetween(FROM, TO);
  const rand = mulberry32(115);
  let holdCount = 0;
  const network = demoNetwork();
  const offices = network.filter((o) => o.serviceIds.includes(SERVICE_ID)).map((o): Office => {
    const place = officePlace(o, holidays);
    const open = [...new Set(o.openingHours.map((h) => h.weekday))];
    // Every counter is staffed for this service; one is kept for walk-ins where there are several (a share
    // of 0.25 leaves floor(0.75 × units)), a single-counter office is not shared.
    const counters = weekdayPool('counter', o.counters, open, dates, o.counters > 1);
    const pools = [counters];
    const service = { rules: RULES, pools };
    // Up to 150 bookings a counter over the 60 days, drawn mostly in the next two weeks: the first days are full.
    const pickDay = (r: () => number, days: number) => Math.min(days - 1, Math.floor(-Math.log(1 - r()) * 7));
    const { holds } = placeBookings({ rand, place, from: FROM, to: TO, services: [service], weights: [1], count: 150 * o.counters, pickDay });
    holdCount += holds.length;
    return { id: o.id, name: o.name, lat: o.lat, lon: o.lon, query: { now: NOW, from: FROM, to: TO, rules: RULES, place, pools, holds } };
  });
  const seats = readMunicipalities();
  const places = Array.from({ length: queryCount }, () => seats[Math.floor(rand() * seats.length)]!)
    .map((m) => ({ name: m.seatName, lat: m.lat, lon: m.lon }));
  return { offices, network: network.length, places, holds: holdCount };
}

/** Offices within the radius, nearest first (so that a tie in time goes to the nearer office). */
function nearby(n: National, p: { lat: number; lon: number }): Office[] {
  return n.offices
    .map((o) => ({ o, km: haversineKm(p.lat, p.lon, o.lat, o.lon) }))
    .filter((x) => x.km <= RADIUS_KM)
    .sort((a, b) => a.km - b.km)
    .map((x) => x.o);
}

type Answer = { key: string; slot: Slot } | null;

export function engineFirstFree(n: National, p: { lat: number; lon: number }): Answer {
  return firstFreeAcross(nearby(n, p).map((o) => ({ key: o.id, query: o.query })));
}

/** Every office's whole horizon minute-grid by minute-grid, then the earliest (ties to the nearer office). */
export function baselineFirstFree(n: National, p: { lat: number; lon: number }): Answer {
  let best: Answer = null;
  for (const o of nearby(n, p)) {
    const slot = computeSlotsBaseline(o.query).flatMap((d) => d.slots)[0];
    if (slot && (!best || slot.start < best.slot.start)) best = { key: o.id, slot };
  }
  return best;
}

export interface NationalTimed {
  engine: number[];
  baseline: number[];
  identical: boolean;
  /** Of the baseline's queries: how many found a slot, and the median days from now to it. */
  found: number;
  medianDaysAhead: number;
  meanOffices: number;
}

export function timeNational(n: National, engineRounds: number, baselineQueries: number): NationalTimed {
  const engine: number[] = [];
  const baseline: number[] = [];
  for (const p of n.places.slice(0, 10)) engineFirstFree(n, p); // warm-up
  for (let r = 0; r < engineRounds; r++) {
    for (const p of n.places) {
      const t0 = performance.now();
      engineFirstFree(n, p);
      engine.push(performance.now() - t0);
    }
  }
  let identical = true;
  const daysAhead: number[] = [];
  for (const p of n.places.slice(0, baselineQueries)) {
    const t0 = performance.now();
    const expected = baselineFirstFree(n, p);
    baseline.push(performance.now() - t0);
    identical &&= isDeepStrictEqual(engineFirstFree(n, p), expected);
    if (expected) daysAhead.push((expected.slot.start - NOW) / 86_400_000);
  }
  daysAhead.sort((a, b) => a - b);
  const meanOffices = n.places.reduce((s, p) => s + nearby(n, p).length, 0) / n.places.length;
  const sort = (xs: number[]) => xs.sort((a, b) => a - b);
  return {
    engine: sort(engine), baseline: sort(baseline), identical, found: daysAhead.length,
    medianDaysAhead: daysAhead[Math.floor(daysAhead.length / 2)] ?? NaN, meanOffices,
  };
}
