// Plays an office forward: officers pull tickets with the real calling order (pickNext's order) and
// expected durations, and the simulation records when each ticket would be called.
//
// Why not call pickNext at every step: that scans every waiting ticket per call, O(n²) for a queue of n,
// and a busy office's ticket page or a 1,000-ticket backlog would spend tens of milliseconds per estimate.
// A ticket's rank only changes at a few known instants (a parked ticket coming back, a recall's
// not-before, a booked time), so between those instants every queue's order is fixed: sort each queue
// once per such epoch, and an officer's next ticket is the best head among the queues they serve.
// The result is identical to scanning with pickNext (estimate.test.ts checks this on random offices).
import { DEFAULT_POLICY, compareRanked, nextEligibleAt, rankTicket, type QueuePolicy, type QueueTicket, type Rank } from './ordering.ts';

export interface Shift {
  /** Epoch ms. */
  from: number;
  /** Epoch ms, or null: until the queue is empty (the last shift of the day serves whoever is inside). */
  until: number | null;
}

export interface SimOfficer {
  queues: ReadonlySet<string>;
  /** Epoch ms from which the officer is free for the next ticket. */
  freeAt: number;
  shifts: readonly Shift[];
}

export interface SimTicket extends QueueTicket {
  /** Expected duration at the counter, ms. */
  durationMs: number;
}

/** The earliest time ≥ t at which the officer can start a ticket, or null when no shift is left. */
export function startTime(o: SimOfficer, t: number): number | null {
  for (const s of o.shifts) if (s.until === null || s.until > t) return Math.max(t, s.from);
  return null;
}

interface Entry<T> {
  t: T;
  r: Rank;
}

/**
 * Per-queue calling order, valid for one epoch (an interval in which no ticket's rank changes).
 * Called tickets are skipped lazily at the heads.
 */
class EpochOrder<T extends SimTicket> {
  private readonly byQueue = new Map<string, { entries: Entry<T>[]; head: number }>();

  constructor(pending: Iterable<T>, called: ReadonlySet<T>, at: number, policy: QueuePolicy) {
    for (const t of pending) {
      if (called.has(t)) continue;
      const r = rankTicket(t, at, policy);
      if (!r) continue;
      let q = this.byQueue.get(t.queueId);
      if (!q) this.byQueue.set(t.queueId, (q = { entries: [], head: 0 }));
      q.entries.push({ t, r });
    }
    for (const q of this.byQueue.values()) q.entries.sort((x, y) => compareRanked(x.t, x.r, y.t, y.r));
  }

  /** The best callable ticket across `queues`, as pickNext would choose it. */
  best(queues: ReadonlySet<string>, called: ReadonlySet<T>): T | null {
    let best: Entry<T> | null = null;
    for (const id of queues) {
      const q = this.byQueue.get(id);
      if (!q) continue;
      while (q.head < q.entries.length && called.has(q.entries[q.head]!.t)) q.head++;
      const head = q.entries[q.head];
      if (head && (!best || compareRanked(head.t, head.r, best.t, best.r) < 0)) best = head;
    }
    return best?.t ?? null;
  }
}

/**
 * When each ticket would be called (epoch ms), playing the officers forward from `now`. Stops early once
 * `stopAt` is called. Tickets the officers never reach (shifts end, nobody serves the queue, parked until
 * resumed) are absent from the result. `officers` is consumed (their freeAt moves).
 */
export function simulateCalls<T extends SimTicket>(
  tickets: readonly T[],
  officers: SimOfficer[],
  now: number,
  policy: QueuePolicy = DEFAULT_POLICY,
  stopAt?: T,
): Map<T, number> {
  const callAt = new Map<T, number>();
  const called = new Set<T>();
  const byQueue = new Map<string, T[]>();
  // The instants at which some ticket's rank changes: the epochs' boundaries.
  const boundaries = new Set<number>();
  for (const t of tickets) {
    if (!byQueue.has(t.queueId)) byQueue.set(t.queueId, []);
    byQueue.get(t.queueId)!.push(t);
    for (const b of [t.parkedUntil, t.notBefore, t.bookedAt]) if (b != null && b > now) boundaries.add(b);
  }
  const sortedBoundaries = [...boundaries].sort((a, b) => a - b);
  let epoch = -1;
  let order: EpochOrder<T> | null = null;
  const orderAt = (at: number) => {
    let e = epoch;
    while (e + 1 < sortedBoundaries.length && sortedBoundaries[e + 1]! <= at) e++;
    if (!order || e !== epoch) {
      epoch = e;
      order = new EpochOrder(tickets, called, at, policy);
    }
    return order;
  };

  const active = [...officers];
  // Each step calls a ticket, moves an idle officer's clock to the next instant a ticket of theirs becomes
  // callable, or retires them; the guard is a second line of defence against a loop that does not end.
  const maxSteps = (tickets.length + 2) * (active.length + 2) * 4;
  for (let step = 0; step < maxSteps && active.length > 0; step++) {
    let who = -1;
    let at = Infinity;
    for (let i = 0; i < active.length; i++) {
      const s = startTime(active[i]!, active[i]!.freeAt);
      if (s !== null && s < at) {
        at = s;
        who = i;
      }
    }
    if (who < 0) break;
    const o = active[who]!;
    const next = orderAt(at).best(o.queues, called);
    if (next) {
      called.add(next);
      callAt.set(next, at);
      if (next === stopAt) break;
      o.freeAt = at + next.durationMs;
      continue;
    }
    let wake = Infinity;
    for (const q of o.queues) {
      for (const t of byQueue.get(q) ?? []) {
        if (called.has(t)) continue;
        const w = nextEligibleAt(t, at, policy);
        if (w !== null && w < wake) wake = w;
      }
    }
    if (wake === Infinity) active.splice(who, 1);
    else o.freeAt = wake;
  }
  return callAt;
}
