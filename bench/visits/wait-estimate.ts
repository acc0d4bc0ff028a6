// Seeded simulation of busy office days, recording wait estimates at arrival and the waits that followed.
//
// At each ticket's arrival it records the engine's estimate and the AHT rule's, then plays the day forward
// to the wait that really happened.
//
// The day itself is driven by the same ordering rules (pickNext) the offices use, with log-normal service
// times the estimators never see: they only get what a queue system knows at that moment.
import { performance } from 'node:perf_hooks';
import {
  ahtRuleEstimate,
  buildServiceTimeModel,
  estimateWait,
  type CounterOfficer,
  type EstimateTicket,
  type ServiceTimeModel,
  type Shift,
} from '../../server/src/engines/queue/estimate.ts';
import { DEFAULT_POLICY, orderQueue, pickNext } from '../../server/src/engines/queue/ordering.ts';

const MINUTE_MS = 60_000;
/** Midnight of the simulated day; the office's clock is minutes after it. */
const DAY0 = Date.UTC(2026, 10, 23);
const at = (minute: number) => DAY0 + minute * MINUTE_MS;
const OPEN = 10 * 60;
const CLOSE = 16 * 60;

/** mulberry32: a small, fast seeded PRNG, so every run of the bench sees the same days. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rand: () => number): number {
  // Box–Muller; 1 - u keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** Log-normal with the given mean (not median): service times are right-skewed. */
function logNormal(rand: () => number, mean: number, sigma: number): number {
  return Math.exp(Math.log(mean) - (sigma * sigma) / 2 + sigma * normal(rand));
}

interface ServiceSpec {
  id: string;
  queueId: string;
  /** Relative popularity. */
  weight: number;
  meanMin: number;
  sigma: number;
}

/** Ten services of four agencies, as at a city servicekontor: many short ID and moving errands, a few long ones. */
const SERVICES: readonly ServiceSpec[] = [
  { id: 'skv_id_card', queueId: 'skv', weight: 22, meanMin: 6, sigma: 0.45 },
  { id: 'skv_moving', queueId: 'skv', weight: 12, meanMin: 4, sigma: 0.5 },
  { id: 'skv_newcomer_registration', queueId: 'skv', weight: 7, meanMin: 20, sigma: 0.5 },
  { id: 'skv_tax_question', queueId: 'skv', weight: 10, meanMin: 8, sigma: 0.6 },
  { id: 'fk_parental_benefit', queueId: 'fk', weight: 9, meanMin: 9, sigma: 0.55 },
  { id: 'fk_sickness_benefit', queueId: 'fk', weight: 6, meanMin: 12, sigma: 0.6 },
  { id: 'fk_housing_allowance', queueId: 'fk', weight: 5, meanMin: 14, sigma: 0.55 },
  { id: 'pm_pension', queueId: 'pm', weight: 8, meanMin: 13, sigma: 0.6 },
  { id: 'af_registration', queueId: 'af', weight: 6, meanMin: 22, sigma: 0.45 },
  { id: 'af_general', queueId: 'af', weight: 8, meanMin: 5, sigma: 0.6 },
];

/** Expected arrivals per hour from 10:00 to 16:00: a late-morning peak, a lunch dip, a post-lunch peak. */
const ARRIVALS_PER_HOUR = [55, 85, 65, 85, 70, 50];
const SECOND_SERVICE_SHARE = 0.22;
const BOOKED_SHARE = 0.1;
const PRIORITY_SHARE = 0.03;

interface OfficerSpec {
  id: string;
  queueIds: string[];
  /** Minutes of the day; the last shift's until is null: they stay until their queues are empty. */
  shifts: { from: number; until: number | null }[];
}

const LUNCH_MIN = 40;
const withLunch = (lunchAt: number): OfficerSpec['shifts'] => [
  { from: OPEN, until: lunchAt },
  { from: lunchAt + LUNCH_MIN, until: null },
];

/** Staggered lunches, officers on one to four agencies' queues, a late starter and an early leaver. */
const OFFICERS: readonly OfficerSpec[] = [
  { id: 'skv-1', queueIds: ['skv'], shifts: withLunch(11 * 60 + 30) },
  { id: 'skv-2', queueIds: ['skv'], shifts: withLunch(11 * 60 + 50) },
  { id: 'skv-3', queueIds: ['skv'], shifts: withLunch(12 * 60 + 30) },
  { id: 'skv-4', queueIds: ['skv'], shifts: withLunch(13 * 60) },
  { id: 'skv-fk', queueIds: ['skv', 'fk'], shifts: withLunch(12 * 60 + 10) },
  { id: 'skv-pm', queueIds: ['skv', 'pm'], shifts: withLunch(12 * 60 + 20) },
  { id: 'fk-1', queueIds: ['fk'], shifts: withLunch(11 * 60 + 40) },
  { id: 'fk-2', queueIds: ['fk'], shifts: withLunch(12 * 60 + 40) },
  { id: 'fk-pm', queueIds: ['fk', 'pm'], shifts: withLunch(13 * 60) },
  { id: 'fk-af', queueIds: ['fk', 'af'], shifts: withLunch(13 * 60 + 10) },
  { id: 'pm-1', queueIds: ['pm'], shifts: withLunch(12 * 60) },
  { id: 'af-1', queueIds: ['af'], shifts: withLunch(11 * 60 + 40) },
  { id: 'af-2', queueIds: ['af'], shifts: withLunch(12 * 60 + 50) },
  { id: 'af-skv', queueIds: ['af', 'skv'], shifts: withLunch(12 * 60 + 20) },
  { id: 'all-late', queueIds: ['skv', 'fk', 'pm', 'af'], shifts: [{ from: 12 * 60, until: null }] },
  { id: 'three-early', queueIds: ['skv', 'fk', 'af'], shifts: [{ from: OPEN, until: 14 * 60 }] },
];

interface SimTicket extends EstimateTicket {
  /** True service minutes per service; the estimators never see these. */
  actualMinutes: number[];
  calledAt: number | null;
}

/** One ticket's estimates at arrival and the wait that followed, in minutes (null: no estimate given). */
export interface WaitRecord {
  actual: number;
  engine: number | null;
  engineRoster: number | null;
  ahtRule: number | null;
  ahtRuleGlobal: number | null;
}

export interface DayResult {
  records: WaitRecord[];
  /** Milliseconds per estimateWait call (present-state engine), best of three per estimate. */
  engineMs: number[];
  /** Tickets waiting in the office at each estimate (the engine's input size). */
  waitingAtEstimate: number[];
  officers: number;
}

function pickWeighted<T extends { weight: number }>(rand: () => number, items: readonly T[]): T {
  const total = items.reduce((s, x) => s + x.weight, 0);
  let r = rand() * total;
  for (const x of items) {
    r -= x.weight;
    if (r < 0) return x;
  }
  return items[items.length - 1]!;
}

/** The day's visitors: a non-homogeneous Poisson process over the hourly profile (by thinning). */
function generateTickets(rand: () => number): SimTicket[] {
  const volume = 0.9 + 0.2 * rand();
  const maxRate = (Math.max(...ARRIVALS_PER_HOUR) * volume) / 60;
  const tickets: SimTicket[] = [];
  let t = OPEN;
  for (;;) {
    t += -Math.log(1 - rand()) / maxRate;
    if (t >= CLOSE) break;
    const rate = (ARRIVALS_PER_HOUR[Math.floor((t - OPEN) / 60)]! * volume) / 60;
    if (rand() * maxRate > rate) continue;
    const first = pickWeighted(rand, SERVICES);
    const services = [first];
    const others = SERVICES.filter((s) => s.queueId === first.queueId && s.id !== first.id);
    if (rand() < SECOND_SERVICE_SHARE && others.length > 0) services.push(pickWeighted(rand, others));
    let bookedAt: number | null = null;
    if (rand() < BOOKED_SHARE) {
      // Slots are on the quarter hour. Most bookers come early (up to 30 minutes, the visit flow's check-in
      // window), some late (under 15 minutes, its late limit).
      const slot = rand() < 0.85 ? Math.ceil((t + 15 * rand()) / 15) * 15 : Math.floor(t / 15) * 15;
      bookedAt = at(Math.min(CLOSE - 15, Math.max(OPEN, slot)));
    }
    const n = tickets.length + 1;
    tickets.push({
      id: `t${n}`,
      number: n,
      queueId: first.queueId,
      arrivedAt: at(t),
      bookedAt,
      checkedInAt: bookedAt === null ? null : at(t),
      priority: rand() < PRIORITY_SHARE,
      state: 'waiting',
      serviceIds: services.map((s) => s.id),
      actualMinutes: services.map((s) => logNormal(rand, s.meanMin, s.sigma)),
      calledAt: null,
    });
  }
  return tickets;
}

interface SimOfficer {
  spec: OfficerSpec;
  current: SimTicket | null;
  startedAt: number;
  busyUntil: number;
}

const inShift = (spec: OfficerSpec, t: number) => spec.shifts.some((s) => at(s.from) <= t && (s.until === null || t < at(s.until)));

/** Recent history a queue system keeps: per-service durations and per-queue / office-wide ticket times. */
class History {
  private readonly byService = new Map<string, number[]>();
  private readonly byQueue = new Map<string, number[]>();
  private readonly all: number[] = [];
  private model: ServiceTimeModel | null = null;

  constructor(private readonly ahtWindow: number) {}

  complete(t: SimTicket): void {
    t.serviceIds.forEach((id, i) => {
      const list = this.byService.get(id) ?? [];
      list.push(t.actualMinutes[i]!);
      this.byService.set(id, list);
    });
    const total = t.actualMinutes.reduce((a, b) => a + b, 0);
    const q = this.byQueue.get(t.queueId) ?? [];
    q.push(total);
    this.byQueue.set(t.queueId, q);
    this.all.push(total);
    this.model = null;
  }

  serviceModel(): ServiceTimeModel {
    this.model ??= buildServiceTimeModel(this.byService);
    return this.model;
  }

  /** Mean handling time of the last tickets of a queue (or of the office), 10 minutes before any. */
  aht(queueId: string | null): number {
    const xs = queueId === null ? this.all : (this.byQueue.get(queueId) ?? []);
    const recent = xs.slice(-this.ahtWindow);
    return recent.length === 0 ? 10 : recent.reduce((a, b) => a + b, 0) / recent.length;
  }
}

/** Simulates one office day and the estimates given at each arrival. */
export function simulateDay(seed: number): DayResult {
  const rand = mulberry32(seed);
  const arrivals = generateTickets(rand);
  const officers: SimOfficer[] = OFFICERS.map((spec) => ({ spec, current: null, startedAt: 0, busyUntil: 0 }));
  const history = new History(50);
  const waiting: SimTicket[] = [];
  const estimates = new Map<SimTicket, Omit<WaitRecord, 'actual'>>();
  const engineMs: number[] = [];
  const waitingAtEstimate: number[] = [];

  // Every shift boundary is an event: an officer coming back from lunch calls the next ticket at once.
  const boundaries = OFFICERS.flatMap((o) => o.shifts.flatMap((s) => (s.until === null ? [at(s.from)] : [at(s.from), at(s.until)])));
  let nextArrival = 0;
  let now = at(OPEN);

  const atCounter = (o: SimOfficer, t: number) => o.current !== null || inShift(o.spec, t);

  const estimateAtArrival = (ticket: SimTicket, t: number) => {
    const present = officers.filter((o) => atCounter(o, t));
    const serving = (o: SimOfficer) =>
      o.current ? { serviceIds: o.current.serviceIds, startedAt: o.startedAt } : null;
    const model = history.serviceModel();
    const common = { now: t, tickets: waiting, serviceTimes: model, target: { ticketId: ticket.id } };

    const presentOfficers: CounterOfficer[] = present.map((o) => ({ id: o.spec.id, queueIds: o.spec.queueIds, serving: serving(o) }));
    const e = estimateWait({ ...common, officers: presentOfficers });
    // Best of three back-to-back calls on the same input: the engine's own cost, not a GC pause or another
    // process on the shared cores landing in the middle of one call.
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      estimateWait({ ...common, officers: presentOfficers });
      best = Math.min(best, performance.now() - t0);
    }
    engineMs.push(best);
    waitingAtEstimate.push(waiting.length);

    // With the day's roster: who is at lunch and comes back when, who leaves early.
    const rosterOfficers: CounterOfficer[] = officers.map((o) => {
      const shifts: Shift[] = o.spec.shifts
        .filter((s) => s.until === null || at(s.until) > t)
        .map((s) => ({ from: at(s.from), until: s.until === null ? null : at(s.until) }));
      return { id: o.spec.id, queueIds: o.spec.queueIds, serving: serving(o), shifts };
    });
    const r = estimateWait({ ...common, officers: rosterOfficers });

    const ahead = orderQueue(waiting, [ticket.queueId], t, DEFAULT_POLICY).indexOf(ticket);
    const queueCounters = present.filter((o) => o.spec.queueIds.includes(ticket.queueId)).length;
    estimates.set(ticket, {
      engine: e.minutes,
      engineRoster: r.minutes,
      ahtRule: ahtRuleEstimate(ahead, history.aht(ticket.queueId), queueCounters),
      ahtRuleGlobal: ahtRuleEstimate(ahead, history.aht(null), present.length),
    });
  };

  for (;;) {
    // 1. Tickets finish.
    for (const o of officers) {
      if (o.current && o.busyUntil <= now) {
        o.current.state = 'done';
        history.complete(o.current);
        o.current = null;
      }
    }
    // 2. Visitors arrive and get their estimate at the ticket machine, before anyone calls.
    while (nextArrival < arrivals.length && arrivals[nextArrival]!.arrivedAt <= now) {
      const ticket = arrivals[nextArrival++]!;
      waiting.push(ticket);
      estimateAtArrival(ticket, now);
    }
    // 3. Free officers in their shift call the next ticket by the office's rules.
    for (const o of officers) {
      if (o.current || !inShift(o.spec, now)) continue;
      const next = pickNext(waiting, o.spec.queueIds, now, DEFAULT_POLICY);
      if (!next) continue;
      waiting.splice(waiting.indexOf(next), 1);
      next.state = 'serving';
      next.calledAt = now;
      o.current = next;
      o.startedAt = now;
      o.busyUntil = now + next.actualMinutes.reduce((a, b) => a + b, 0) * MINUTE_MS;
    }
    // 4. On to the next event: an arrival, a ticket finishing, or a shift starting or ending.
    let next = Infinity;
    if (nextArrival < arrivals.length) next = arrivals[nextArrival]!.arrivedAt;
    for (const o of officers) if (o.current) next = Math.min(next, o.busyUntil);
    for (const b of boundaries) if (b > now) next = Math.min(next, b);
    if (next === Infinity) break;
    now = next;
  }

  const records: WaitRecord[] = [];
  for (const t of arrivals) {
    if (t.calledAt === null) throw new Error(`ticket ${t.id} was never called: the roster leaves queue ${t.queueId} unserved`);
    const est = estimates.get(t)!;
    records.push({ actual: (t.calledAt - t.arrivedAt) / MINUTE_MS, ...est });
  }
  return { records, engineMs, waitingAtEstimate, officers: OFFICERS.length };
}
