// The arithmetic of the office manager's day view, pure: the visits and events of one office and day
// in, the figures per queue, per officer, per hour and for the office out. No database, clock or
// environment; `now` is passed in. docs/day-view.md defines each figure.
import type { DayCounter, DayFigures, DayHour, DayQueue } from '../../../../contracts/visits.ts';
import type { VISIT_EVENT_KINDS, VISIT_STATES } from '../../db/schema-visits.ts';
import { stockholmTime } from '../../lib/dates.ts';

type VisitState = (typeof VISIT_STATES)[number];
type EventKind = (typeof VISIT_EVENT_KINDS)[number];

export interface DayVisit {
  id: string;
  number: string;
  state: VisitState;
  /** The queue the visit is in now (after any transfers). */
  queueId: string;
  officerUserId: string | null;
  arrivedAt: Date;
  /** Place in line: the arrival for walk-ins, the booked time for booked visitors. */
  queuedAt: Date;
}

export interface DayEvent {
  visitId: string;
  kind: EventKind;
  at: Date;
  queueId: string | null;
  officerUserId: string | null;
  officerName: string | null;
  counterName: string | null;
}

export interface DayDesk {
  officerUserId: string;
  officerName: string;
  counterName: string;
  queueIds: string[];
  lastSeenAt: Date;
}

export interface DayInput {
  queues: Array<{ id: string; letter: string; agencyId: string }>;
  visits: DayVisit[];
  /** Every event of those visits, in the order they happened. */
  events: DayEvent[];
  /** Desk sessions seen on the day. */
  desks: DayDesk[];
  now: Date;
  /** The day is today: waits and tickets at the counters are measured against `now`. */
  live: boolean;
}

export interface DaySummary {
  queues: DayQueue[];
  counters: DayCounter[];
  hours: DayHour[];
  totals: DayFigures;
}

const MINUTE = 60_000;

/** One decimal is as precise as a manager needs, and keeps the JSON stable. */
export const roundMinutes = (minutes: number): number => Math.round(minutes * 10) / 10;

export function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * The p-th percentile (0–1) with linear interpolation between the closest ranks, as PostgreSQL's
 * percentile_cont and spreadsheets' PERCENTILE.INC compute it, so a manager can check it by hand.
 */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

/** The hour of the day (0–23) on Swedish clocks at an instant. */
export function stockholmHour(at: Date): number {
  return Number(stockholmTime(at).slice(0, 2));
}

/**
 * Arrivals and calls per Swedish clock hour, from the first to the last hour with either, empty hours
 * in between included so a chart shows the lull at lunch. On the autumn night the clocks go back, the
 * two 02:00 hours fall into one bucket; offices are closed then.
 */
export function hourlyCounts(arrivals: Date[], calls: Date[]): DayHour[] {
  const counts = new Map<number, DayHour>();
  const bucket = (at: Date) => {
    const hour = stockholmHour(at);
    let row = counts.get(hour);
    if (!row) counts.set(hour, (row = { hour, arrivals: 0, calls: 0 }));
    return row;
  };
  for (const at of arrivals) bucket(at).arrivals += 1;
  for (const at of calls) bucket(at).calls += 1;
  if (counts.size === 0) return [];
  const hours = [...counts.keys()];
  const first = Math.min(...hours);
  const last = Math.max(...hours);
  return Array.from({ length: last - first + 1 }, (_, i) => counts.get(first + i) ?? { hour: first + i, arrivals: 0, calls: 0 });
}

/** What one visit contributes to the figures, derived from its events. */
interface VisitFacts {
  visit: DayVisit;
  events: DayEvent[];
  /** Minutes from the visitor being due (arrival, or booked time if later) to the first call. */
  waitMinutes: number | null;
  waitQueueId: string | null;
  /** Minutes from the call that led to the finish to the finish (parked time included). */
  serviceMinutes: number | null;
  serviceQueueId: string | null;
  /** When a still-waiting visitor started their current wait: their due time, or their last transfer. */
  waitingSince: Date | null;
}

function factsOf(visit: DayVisit, events: DayEvent[]): VisitFacts {
  // A booked visitor who checks in early is not waiting until the booked time; one who comes late
  // has only waited since they checked in.
  const due = Math.max(visit.arrivedAt.getTime(), visit.queuedAt.getTime());
  const firstCall = events.find((e) => e.kind === 'called');
  const finish = events.find((e) => e.kind === 'finished');
  // A transferred visitor is called again by the next agency: their service is timed from that call,
  // not from the first agency's (the time between was spent waiting in the second queue).
  const lastCall = finish ? events.filter((e) => e.kind === 'called' && e.at <= finish.at).at(-1) : undefined;
  const lastTransfer = events.filter((e) => e.kind === 'transferred').at(-1);
  return {
    visit,
    events,
    waitMinutes: firstCall ? Math.max(0, firstCall.at.getTime() - due) / MINUTE : null,
    waitQueueId: firstCall?.queueId ?? null,
    serviceMinutes: finish && lastCall ? (finish.at.getTime() - lastCall.at.getTime()) / MINUTE : null,
    serviceQueueId: finish?.queueId ?? null,
    waitingSince: visit.state === 'waiting' ? (lastTransfer?.at ?? new Date(due)) : null,
  };
}

function figures(facts: VisitFacts[], events: DayEvent[], input: DayInput, queueId: string | null): DayFigures {
  const inQueue = (id: string | null) => queueId === null || id === queueId;
  const count = (kind: EventKind) => events.filter((e) => e.kind === kind && inQueue(e.queueId)).length;
  const waiting = facts.filter((f) => f.waitingSince && inQueue(f.visit.queueId));
  const waits = facts.filter((f) => f.waitMinutes !== null && inQueue(f.waitQueueId)).map((f) => f.waitMinutes!);
  const services = facts.filter((f) => f.serviceMinutes !== null && inQueue(f.serviceQueueId)).map((f) => f.serviceMinutes!);
  const longest = waiting.length > 0 && input.live
    ? Math.max(...waiting.map((f) => Math.max(0, input.now.getTime() - f.waitingSince!.getTime()) / MINUTE))
    : null;
  const rounded = (v: number | null) => (v === null ? null : roundMinutes(v));
  return {
    waiting: waiting.length,
    longestWaitMinutes: rounded(longest),
    taken: count('arrived'),
    served: count('finished'),
    noShows: count('no_show'),
    transferredOut: count('transferred'),
    meanWaitMinutes: rounded(mean(waits)),
    p90WaitMinutes: rounded(percentile(waits, 0.9)),
    meanServiceMinutes: rounded(mean(services)),
  };
}

const byCounter = (a: DayCounter, b: DayCounter) =>
  (a.counterName ?? '\uffff').localeCompare(b.counterName ?? '\uffff', 'sv', { numeric: true }) || a.officerName.localeCompare(b.officerName, 'sv');

/** Everyone who sat at a counter that day: from their desk session and from what they did. */
function counters(facts: VisitFacts[], events: DayEvent[], input: DayInput): DayCounter[] {
  const ids = new Set([...input.desks.map((d) => d.officerUserId), ...events.flatMap((e) => (e.officerUserId ? [e.officerUserId] : []))]);
  return [...ids].map((officerUserId): DayCounter => {
    const desk = input.desks.find((d) => d.officerUserId === officerUserId);
    const own = events.filter((e) => e.officerUserId === officerUserId);
    const latest = own.at(-1);
    const calledQueues = [...new Set(own.filter((e) => e.kind === 'called' && e.queueId).map((e) => e.queueId!))];
    // The visitor at the counter before any parked visit, as the desk shows them.
    const held = input.live
      ? facts.filter((f) => f.visit.officerUserId === officerUserId && ['called', 'serving', 'parked'].includes(f.visit.state))
        .sort((a, b) => Number(a.visit.state === 'parked') - Number(b.visit.state === 'parked'))[0]
      : undefined;
    const lastActive = Math.max(desk?.lastSeenAt.getTime() ?? 0, latest?.at.getTime() ?? 0);
    return {
      officerUserId,
      officerName: desk?.officerName ?? latest?.officerName ?? '',
      counterName: desk?.counterName ?? [...own].reverse().find((e) => e.counterName)?.counterName ?? null,
      queueIds: desk?.queueIds ?? calledQueues,
      current: held
        ? { ticketId: held.visit.id, number: held.visit.number, state: held.visit.state, since: held.events.at(-1)!.at.toISOString() }
        : null,
      finished: own.filter((e) => e.kind === 'finished').length,
      lastActiveAt: new Date(lastActive).toISOString(),
    };
  }).sort(byCounter);
}

export function summariseDay(input: DayInput): DaySummary {
  const eventsByVisit = new Map<string, DayEvent[]>();
  for (const e of input.events) {
    let list = eventsByVisit.get(e.visitId);
    if (!list) eventsByVisit.set(e.visitId, (list = []));
    list.push(e);
  }
  const facts = input.visits.map((v) => factsOf(v, eventsByVisit.get(v.id) ?? []));
  const events = input.events;
  return {
    queues: [...input.queues]
      .sort((a, b) => a.letter.localeCompare(b.letter))
      .map((q) => ({ queueId: q.id, letter: q.letter, agencyId: q.agencyId, ...figures(facts, events, input, q.id) })),
    counters: counters(facts, events, input),
    hours: hourlyCounts(
      events.filter((e) => e.kind === 'arrived').map((e) => e.at),
      events.filter((e) => e.kind === 'called').map((e) => e.at),
    ),
    totals: figures(facts, events, input, null),
  };
}
