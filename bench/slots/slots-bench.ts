// The `slots` bench (issue 4, point 7): the slot engine against the straightforward baseline, on the same
// in-memory data in the same run, with every result compared. Timings are single-threaded, in-process
// (server-side engine time; no HTTP or database).
import { percentile, type BenchReport, type BenchRow } from '../harness.ts';
import { buildOfficeMonth, timeOfficeMonth } from './office-month.ts';
import { buildNational, timeNational } from './national.ts';
import { timeNationalHttp } from './national-http.ts';
import { computeSlots } from '../../server/src/engines/slots/slots.ts';
import type { SlotQuery } from '../../server/src/engines/slots/types.ts';

const OFFICE_ROUNDS = { engine: 30, baseline: 3 };
const NATIONAL = { places: 200, engineRounds: 5, baselineQueries: 60 };
const NATIONAL_HTTP = { places: 40, rounds: 5 };
const GOAL_P95_MS = { office_month: 20, national_first_free: 100 };

/** engine/baseline, with how many times faster that is. */
const ratio = (engine: number, baseline: number) => `${(engine / baseline).toPrecision(2)} (${(baseline / engine).toFixed(0)}x faster)`;
const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

function timingRows(rows: BenchRow[], c: string, method: string, xs: number[]) {
  rows.push({ case: c, method, metric: 'p50_ms', value: percentile(xs, 50), unit: 'ms' });
  rows.push({ case: c, method, metric: 'p95_ms', value: percentile(xs, 95), unit: 'ms' });
}

/**
 * Slots that counting the holds by overlap alone (as the engine did before holds had units) would offer,
 * but no single unit is free for: times the database would refuse.
 */
function fragmentedSlots(queries: ReadonlyArray<{ query: SlotQuery }>): number {
  let n = 0;
  for (const { query } of queries) {
    const offered = new Set(computeSlots(query).flatMap((d) => d.slots.map((x) => x.start)));
    const counted = computeSlots({ ...query, holds: query.holds.map(({ pool, start, end }) => ({ pool, start, end })) });
    n += counted.flatMap((d) => d.slots).filter((x) => !offered.has(x.start)).length;
  }
  return n;
}

export async function run(): Promise<BenchReport> {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const summary: string[][] = [];
  const summarise = (c: keyof typeof GOAL_P95_MS, engine: number[], baseline: number[], identical: boolean) => {
    const e95 = percentile(engine, 95);
    const b95 = percentile(baseline, 95);
    summary.push([
      c, fmt(percentile(engine, 50)), fmt(e95), fmt(percentile(baseline, 50)), fmt(b95),
      `${ratio(percentile(engine, 50), percentile(baseline, 50))} / ${ratio(e95, b95)}`,
      `< ${GOAL_P95_MS[c]} ms: ${e95 < GOAL_P95_MS[c] ? 'met' : 'NOT met'}`, identical ? 'yes' : 'NO',
    ]);
  };

  const month = buildOfficeMonth();
  const m = timeOfficeMonth(month, OFFICE_ROUNDS.engine, OFFICE_ROUNDS.baseline);
  timingRows(rows, 'office_month', 'engine', m.engine);
  timingRows(rows, 'office_month', 'baseline', m.baseline);
  rows.push({ case: 'office_month', method: 'engine', metric: 'results_identical', value: m.identical ? 1 : 0, unit: 'bool' });
  rows.push({ case: 'office_month', method: 'engine', metric: 'all_services_p50_ms', value: percentile(m.sweepMs, 50), unit: 'ms' });
  rows.push({ case: 'office_month', method: 'engine', metric: 'all_services_p95_ms', value: percentile(m.sweepMs, 95), unit: 'ms' });
  summarise('office_month', m.engine, m.baseline, m.identical);
  notes.push(
    `office_month: Servicekontor Stockholm City (demo network) over ${month.bookingDays} days from 2026-03-23 (spring clock change, Easter, 1 May, Ascension, klämdag, one closed day), real holidays; 20 services; ${month.placed} bookings as ${month.holds} holds (one per booking and pool needed, each on the first free unit); ${m.slots} free slots in all, and ${fragmentedSlots(month.queries)} more that counting holds by overlap alone would offer but no single unit is free for`,
    `office_month: p50/p95 of one computeSlots call (one service, 60 days): engine ${m.engine.length} calls (${OFFICE_ROUNDS.engine} rounds of 20 services), baseline ${m.baseline.length} (${OFFICE_ROUNDS.baseline} rounds); all_services_* = the 20 services one after another; results_identical compares every service's 60 days with the baseline's`,
  );

  const national = buildNational(NATIONAL.places);
  const n = timeNational(national, NATIONAL.engineRounds, NATIONAL.baselineQueries);
  timingRows(rows, 'national_first_free', 'engine', n.engine);
  timingRows(rows, 'national_first_free', 'baseline', n.baseline);
  rows.push({ case: 'national_first_free', method: 'engine', metric: 'results_identical', value: n.identical ? 1 : 0, unit: 'bool' });
  summarise('national_first_free', n.engine, n.baseline, n.identical);
  notes.push(
    `national_first_free: ${national.offices.length} of the ${national.network} demo offices offer the service (Föräldrapenning, 20 min); ${national.holds} holds, near days full; ${national.places.length} municipal seats as places, ${n.meanOffices.toFixed(1)} offices within 100 km on average`,
    `national_first_free: p50/p95 of one query (distance filter + firstFreeAcross): engine ${n.engine.length} queries (${NATIONAL.engineRounds} rounds of ${national.places.length}); baseline (every nearby office's whole 60 days, then the earliest) on the first ${n.baseline.length}, where results_identical compares the engine's answer; ${n.found} of them found a slot, median ${n.medianDaysAhead.toFixed(1)} days ahead`,
  );

  const http = await timeNationalHttp(NATIONAL_HTTP.places, NATIONAL_HTTP.rounds);
  timingRows(rows, 'national_first_free_http', 'engine', http.engine);
  timingRows(rows, 'national_first_free_http', 'baseline', http.baseline);
  rows.push({ case: 'national_first_free_http', method: 'engine', metric: 'results_identical', value: http.identical ? 1 : 0, unit: 'bool' });
  summary.push([
    'national_first_free_http', fmt(percentile(http.engine, 50)), fmt(percentile(http.engine, 95)), fmt(percentile(http.baseline, 50)), fmt(percentile(http.baseline, 95)),
    `${ratio(percentile(http.engine, 50), percentile(http.baseline, 50))} / ${ratio(percentile(http.engine, 95), percentile(http.baseline, 95))}`, '-', http.identical ? 'yes' : 'NO',
  ]);
  notes.push(
    `national_first_free_http: GET /services/:id/first-free (Föräldrapenning, 100 km, limit 8) through Fastify inject over the seeded demo database in PGlite, clock at 2026-12-01 11:00; ${http.places} municipal seats × ${NATIONAL_HTTP.rounds} rounds = ${http.engine.length} requests; baseline = each place within the radius asked on its own (loadPlaceContext, its holds, firstFree; the route's path before it read all places at once), once per seat; results_identical compares the offices and start times of every answer. The demo database has few bookings: this measures the reads and the request path more than the engine`,
  );

  const header = ['case', 'engine p50', 'engine p95', 'baseline p50', 'baseline p95', 'engine/baseline p50 / p95', 'goal (engine p95)', 'identical'];
  const widths = header.map((h, i) => Math.max(h.length, ...summary.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log('\nslots: milliseconds per call');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of summary) console.log(line(r));
  return { rows, notes };
}
