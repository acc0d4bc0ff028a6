// Estimated wait for a ticket, by simulating the officers pulling tickets; and the AHT-rule baseline.
//
// The simulation (simulate.ts) uses the real calling order and robust per-service expected durations,
// deterministically.
//
// Why simulate rather than divide: officers serve different, overlapping sets of queues, tickets hold one
// or several services of very different lengths, officers are part-way through a ticket, and bookings and
// priority change the order. A simulation with the real ordering rules gets all of that right by
// construction; a formula (AHT × people ahead ÷ counters) gets none of it. See docs/queue.md.
import { DEFAULT_POLICY, nextEligibleAt, orderQueue, rankTicket, type QueuePolicy, type QueueTicket } from './ordering.ts';
import { simulateCalls, startTime, type Shift, type SimOfficer, type SimTicket } from './simulate.ts';

export type { Shift } from './simulate.ts';

const MINUTE_MS = 60_000;

// ---------------------------------------------------------------------------------------------------
// Service times

export interface ServiceTimeOptions {
  /** Only the most recent durations count, so the estimate follows today's pace. */
  window: number;
  /** The prior counts as this many observations: a service seen twice today is not trusted blindly. */
  priorWeight: number;
  /** Durations above this many times the median are clipped to it (a visitor who needed an hour must
   * not double the estimate for everyone), while the long right tail of normal visits still counts. */
  clipFactor: number;
  /** Prior for a service with no configured prior when nothing at all has been observed yet. */
  defaultMinutes: number;
}

export const DEFAULT_SERVICE_TIME_OPTIONS: Readonly<ServiceTimeOptions> = Object.freeze({
  window: 40,
  priorWeight: 3,
  clipFactor: 3,
  defaultMinutes: 10,
});

export interface ServiceTimeModel {
  /** Expected minutes per service id. */
  minutesByService: ReadonlyMap<string, number>;
  /** Expected minutes of a service the model has never seen. */
  fallbackMinutes: number;
}

function median(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Expected duration in minutes from recent durations (oldest first): the mean of the last `window`
 * durations winsorised at clipFactor × their median, shrunk towards `priorMinutes`. A mean rather than
 * a median because waits add up durations, and service times are right-skewed; the clip keeps one
 * extreme visit from moving it.
 */
export function robustServiceMinutes(
  durations: readonly number[],
  priorMinutes: number,
  options: ServiceTimeOptions = DEFAULT_SERVICE_TIME_OPTIONS,
): number {
  const recent = durations.slice(Math.max(0, durations.length - options.window)).filter((d) => Number.isFinite(d) && d >= 0);
  if (recent.length === 0) return priorMinutes;
  const cap = median([...recent].sort((a, b) => a - b)) * options.clipFactor;
  let sum = 0;
  for (const d of recent) sum += Math.min(d, cap);
  return (sum + options.priorWeight * priorMinutes) / (recent.length + options.priorWeight);
}

/**
 * The service-time model from recent durations per service id. Each service's prior is its configured
 * prior, else the robust mean over all services (so a rare service starts from the office's pace).
 */
export function buildServiceTimeModel(
  recentByService: ReadonlyMap<string, readonly number[]> | Readonly<Record<string, readonly number[]>>,
  priors: Readonly<Record<string, number>> = {},
  options: ServiceTimeOptions = DEFAULT_SERVICE_TIME_OPTIONS,
): ServiceTimeModel {
  const entries: [string, readonly number[]][] =
    recentByService instanceof Map ? [...recentByService.entries()] : Object.entries(recentByService);
  const pooled: number[] = [];
  for (const [, ds] of entries) pooled.push(...ds.slice(Math.max(0, ds.length - options.window)));
  // The pooled figure has the whole office's data behind it: a wide window, no further prior needed.
  const fallbackMinutes = robustServiceMinutes(pooled, options.defaultMinutes, { ...options, window: pooled.length });
  const minutesByService = new Map<string, number>();
  for (const [id, ds] of entries) minutesByService.set(id, robustServiceMinutes(ds, priors[id] ?? fallbackMinutes, options));
  for (const [id, prior] of Object.entries(priors)) if (!minutesByService.has(id)) minutesByService.set(id, prior);
  return { minutesByService, fallbackMinutes };
}

/** Expected minutes of a ticket: the sum over its services (a ticket without services yet counts as one). */
export function expectedTicketMinutes(model: ServiceTimeModel, serviceIds: readonly string[]): number {
  if (serviceIds.length === 0) return model.fallbackMinutes;
  let sum = 0;
  for (const id of serviceIds) sum += model.minutesByService.get(id) ?? model.fallbackMinutes;
  return sum;
}

// ---------------------------------------------------------------------------------------------------
// The estimate

export interface EstimateTicket extends QueueTicket {
  serviceIds: readonly string[];
}

export interface CounterOfficer {
  id: string;
  queueIds: readonly string[];
  /** The ticket at this counter now, if any. */
  serving?: { serviceIds: readonly string[]; startedAt: number } | null;
  /** Known shifts from now on (e.g. back from lunch at 12:45), in time order. Absent: on duty now, open-ended
   * — all a queue system knows from who is logged in at a counter. */
  shifts?: readonly Shift[] | null;
}

export type EstimateTarget =
  | { ticketId: string }
  | { newTicket: { queueId: string; serviceIds: readonly string[]; priority?: boolean } };

export interface EstimateOptions {
  policy: QueuePolicy;
  /** A ticket running over its expected time still has at least this share of it left: long visits tend to
   * go on (right-skewed durations), so "due any second" would be too optimistic. */
  minRemainingShare: number;
}

export const DEFAULT_ESTIMATE_OPTIONS: Readonly<EstimateOptions> = Object.freeze({
  policy: DEFAULT_POLICY,
  minRemainingShare: 0.3,
});

export interface EstimateInput {
  /** Epoch ms. */
  now: number;
  /** The office's tickets (waiting and parked ones matter; others are ignored). */
  tickets: readonly EstimateTicket[];
  officers: readonly CounterOfficer[];
  serviceTimes: ServiceTimeModel;
  target: EstimateTarget;
  options?: Partial<EstimateOptions>;
}

export type EstimateReason =
  /** Nobody serves the ticket's queue now or in a known later shift. */
  | 'no_open_counters'
  /** Officers serve the queue, but their known shifts end before they would reach the ticket. */
  | 'beyond_known_shifts'
  | 'ticket_not_found'
  /** Served, cancelled, or parked until an officer resumes it: there is no wait to estimate. */
  | 'ticket_not_waiting';

export interface WaitEstimate {
  /** Minutes until the ticket is called (unrounded; the caller rounds for display), or null with a reason. */
  minutes: number | null;
  reason: EstimateReason | null;
  /** 1-based place in its own queue's calling order now (aheadCount + 1). */
  position: number;
  /** Tickets in the same queue that would be called before it if called now. */
  aheadCount: number;
  /** Officers on duty now whose queues include the ticket's queue. */
  openCounters: number;
}

function onDutyAt(o: CounterOfficer, t: number): boolean {
  if (!o.shifts) return true;
  return o.shifts.some((s) => s.from <= t && (s.until === null || t < s.until));
}

const NEW_TICKET_ID = '\u0000new';

type Prepared = EstimateTicket & SimTicket;

/** Everything that may still be called, now or by the passing of time, with its expected duration. */
function prepare(tickets: readonly EstimateTicket[], now: number, model: ServiceTimeModel, policy: QueuePolicy): Map<EstimateTicket, Prepared> {
  const out = new Map<EstimateTicket, Prepared>();
  for (const t of tickets) {
    if (rankTicket(t, now, policy) === null && nextEligibleAt(t, now, policy) === null) continue;
    out.set(t, { ...t, durationMs: expectedTicketMinutes(model, t.serviceIds) * MINUTE_MS });
  }
  return out;
}

/** The counters as the simulation sees them: free when their current ticket is expected to end. */
function simOfficers(officers: readonly CounterOfficer[], now: number, model: ServiceTimeModel, opts: EstimateOptions): SimOfficer[] {
  return officers
    .filter((o) => o.queueIds.length > 0)
    .map((o) => {
      let freeAt = now;
      if (o.serving) {
        const expected = expectedTicketMinutes(model, o.serving.serviceIds);
        const elapsed = (now - o.serving.startedAt) / MINUTE_MS;
        freeAt = now + Math.max(expected - elapsed, opts.minRemainingShare * expected) * MINUTE_MS;
      }
      return { queues: new Set(o.queueIds), freeAt, shifts: o.shifts ?? [{ from: now, until: null }] };
    });
}

const willServe = (officers: readonly SimOfficer[], queueId: string) => officers.some((o) => o.queues.has(queueId) && startTime(o, o.freeAt) !== null);

export function estimateWait(input: EstimateInput): WaitEstimate {
  const { now, serviceTimes } = input;
  const opts: EstimateOptions = { ...DEFAULT_ESTIMATE_OPTIONS, ...input.options };
  const policy = opts.policy;

  let tickets: readonly EstimateTicket[] = input.tickets;
  let target: EstimateTicket | undefined;
  if ('ticketId' in input.target) {
    const id = input.target.ticketId;
    target = tickets.find((t) => t.id === id);
  } else {
    const { queueId, serviceIds, priority } = input.target.newTicket;
    let maxNumber = 0;
    for (const t of tickets) maxNumber = Math.max(maxNumber, t.number);
    target = { id: NEW_TICKET_ID, number: maxNumber + 1, queueId, arrivedAt: now, priority: priority ?? false, state: 'waiting', serviceIds };
    tickets = [...tickets, target];
  }

  const openCounters = target ? input.officers.filter((o) => o.queueIds.includes(target.queueId) && onDutyAt(o, now)).length : 0;
  if (!target) return { minutes: null, reason: 'ticket_not_found', position: 0, aheadCount: 0, openCounters };

  const inQueue = orderQueue(tickets, [target.queueId], now, policy);
  const idx = inQueue.indexOf(target);
  const aheadCount = idx >= 0 ? idx : inQueue.length;
  const base = { position: aheadCount + 1, aheadCount, openCounters };

  const pending = prepare(tickets, now, serviceTimes, policy);
  const simTarget = pending.get(target);
  if (!simTarget) return { ...base, minutes: null, reason: 'ticket_not_waiting' };
  const officers = simOfficers(input.officers, now, serviceTimes, opts);
  if (!willServe(officers, target.queueId)) return { ...base, minutes: null, reason: 'no_open_counters' };

  const at = simulateCalls([...pending.values()], officers, now, policy, simTarget).get(simTarget);
  return at === undefined ? { ...base, minutes: null, reason: 'beyond_known_shifts' } : { ...base, minutes: Math.max(0, (at - now) / MINUTE_MS), reason: null };
}

/**
 * The estimate for every ticket of the office at once, from one simulation: what a live board or a
 * hundred open ticket pages need after each change, for the price of one estimate.
 */
export function estimateAllWaits(input: Omit<EstimateInput, 'target'>): Map<string, WaitEstimate> {
  const { now, serviceTimes, tickets } = input;
  const opts: EstimateOptions = { ...DEFAULT_ESTIMATE_OPTIONS, ...input.options };
  const policy = opts.policy;
  const pending = prepare(tickets, now, serviceTimes, policy);
  const officers = simOfficers(input.officers, now, serviceTimes, opts);
  const served = new Map<string, boolean>();
  for (const q of new Set(tickets.map((t) => t.queueId))) served.set(q, willServe(officers, q));
  const callAt = simulateCalls([...pending.values()], officers, now, policy);

  const out = new Map<string, WaitEstimate>();
  for (const queueId of served.keys()) {
    const openCounters = input.officers.filter((o) => o.queueIds.includes(queueId) && onDutyAt(o, now)).length;
    const inQueue = orderQueue(tickets, [queueId], now, policy);
    const ahead = new Map(inQueue.map((t, i) => [t, i]));
    const length = inQueue.length;
    for (const t of tickets) {
      if (t.queueId !== queueId) continue;
      const aheadCount = ahead.get(t) ?? length;
      const base = { position: aheadCount + 1, aheadCount, openCounters };
      const sim = pending.get(t);
      const at = sim ? callAt.get(sim) : undefined;
      if (!sim) out.set(t.id, { ...base, minutes: null, reason: 'ticket_not_waiting' });
      else if (!served.get(queueId)) out.set(t.id, { ...base, minutes: null, reason: 'no_open_counters' });
      else if (at === undefined) out.set(t.id, { ...base, minutes: null, reason: 'beyond_known_shifts' });
      else out.set(t.id, { ...base, minutes: Math.max(0, (at - now) / MINUTE_MS), reason: null });
    }
  }
  return out;
}

/**
 * The baseline most open-source queue systems show: average handling time × people ahead ÷ counters.
 * Null when no counter is open (never Infinity).
 */
export function ahtRuleEstimate(aheadCount: number, averageHandlingMinutes: number, counters: number): number | null {
  if (counters <= 0) return null;
  return (averageHandlingMinutes * aheadCount) / counters;
}
