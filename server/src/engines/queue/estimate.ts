// Estimated wait for a ticket, by simulating the officers pulling tickets; and the AHT-rule baseline.
//
// The simulation uses pickNext and robust per-service expected durations, deterministically.
//
// Why simulate rather than divide: officers serve different, overlapping sets of queues, tickets hold one
// or several services of very different lengths, officers are part-way through a ticket, and bookings and
// priority change the order. A simulation with the real ordering rules gets all of that right by
// construction; a formula (AHT × people ahead ÷ counters) gets none of it. See docs/queue.md.
import { DEFAULT_POLICY, nextEligibleAt, orderQueue, pickNext, rankTicket, type QueuePolicy, type QueueTicket } from './ordering.ts';

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

export interface Shift {
  /** Epoch ms. */
  from: number;
  /** Epoch ms, or null: until the queue is empty (the last shift of the day serves whoever is inside). */
  until: number | null;
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

interface SimOfficer {
  queues: ReadonlySet<string>;
  freeAt: number;
  shifts: readonly Shift[];
}

/** The earliest time ≥ t at which the officer can start a ticket, or null when no shift is left. */
function startTime(o: SimOfficer, t: number): number | null {
  for (const s of o.shifts) if (s.until === null || s.until > t) return Math.max(t, s.from);
  return null;
}

function onDutyAt(o: CounterOfficer, t: number): boolean {
  if (!o.shifts) return true;
  return o.shifts.some((s) => s.from <= t && (s.until === null || t < s.until));
}

const NEW_TICKET_ID = '\u0000new';

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

  // Everything that may still be called, now or by the passing of time.
  const callable = (t: EstimateTicket) => rankTicket(t, now, policy) !== null || nextEligibleAt(t, now, policy) !== null;
  if (!callable(target)) return { ...base, minutes: null, reason: 'ticket_not_waiting' };
  const pending = tickets.filter(callable);
  const durationMs = new Map<EstimateTicket, number>();
  for (const t of pending) durationMs.set(t, expectedTicketMinutes(serviceTimes, t.serviceIds) * MINUTE_MS);

  const officers: SimOfficer[] = input.officers
    .filter((o) => o.queueIds.length > 0)
    .map((o) => {
      let freeAt = now;
      if (o.serving) {
        const expected = expectedTicketMinutes(serviceTimes, o.serving.serviceIds);
        const elapsed = (now - o.serving.startedAt) / MINUTE_MS;
        freeAt = now + Math.max(expected - elapsed, opts.minRemainingShare * expected) * MINUTE_MS;
      }
      return { queues: new Set(o.queueIds), freeAt, shifts: o.shifts ?? [{ from: now, until: null }] };
    });
  const willServe = (o: SimOfficer) => o.queues.has(target.queueId) && startTime(o, o.freeAt) !== null;
  if (!officers.some(willServe)) return { ...base, minutes: null, reason: 'no_open_counters' };

  // Each step either calls a ticket or moves an idle officer's clock forward to the next time a ticket
  // becomes callable for them (or retires them), so the loop ends; the guard is a second line of defence.
  const maxSteps = (pending.length + 2) * (officers.length + 2) * 4;
  for (let step = 0; step < maxSteps; step++) {
    let who = -1;
    let at = Infinity;
    for (let i = 0; i < officers.length; i++) {
      const s = startTime(officers[i]!, officers[i]!.freeAt);
      if (s !== null && s < at) {
        at = s;
        who = i;
      }
    }
    if (who < 0) break;
    const o = officers[who]!;
    const next = pickNext(pending, o.queues, at, policy);
    if (next === target) return { ...base, minutes: Math.max(0, (at - now) / MINUTE_MS), reason: null };
    if (next) {
      const i = pending.indexOf(next);
      pending[i] = pending[pending.length - 1]!;
      pending.pop();
      o.freeAt = at + durationMs.get(next)!;
      continue;
    }
    let wake = Infinity;
    for (const t of pending) {
      if (!o.queues.has(t.queueId)) continue;
      const w = nextEligibleAt(t, at, policy);
      if (w !== null && w < wake) wake = w;
    }
    if (wake === Infinity) officers.splice(who, 1);
    else o.freeAt = wake;
  }
  return { ...base, minutes: null, reason: 'beyond_known_shifts' };
}

/**
 * The baseline most open-source queue systems show: average handling time × people ahead ÷ counters.
 * Null when no counter is open (never Infinity).
 */
export function ahtRuleEstimate(aheadCount: number, averageHandlingMinutes: number, counters: number): number | null {
  if (counters <= 0) return null;
  return (averageHandlingMinutes * aheadCount) / counters;
}
