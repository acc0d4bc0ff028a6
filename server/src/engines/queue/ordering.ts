// Which waiting ticket an officer gets next: oldest first, bookings at their time, bounded priority.
//
// Every eligible ticket gets a rank time — the moment from which it counts as waiting, minus any credit —
// and the lowest rank time is called first. One mechanism for walk-ins, bookings and priority keeps the
// rules explainable to visitors and staff, and keeps every advantage bounded (see docs/queue.md).

export type TicketState = 'waiting' | 'parked' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled';

export interface QueueTicket {
  id: string;
  /** The number shown to the visitor; breaks ties between equal rank times. */
  number: number;
  queueId: string;
  /** Epoch ms of the visitor's original arrival. A transfer moves the ticket to another queue but keeps
   * this time, so a visitor sent on to a second agency does not start over at the back. */
  arrivedAt: number;
  /** Epoch ms of the booked appointment, for visitors who booked. */
  bookedAt?: number | null;
  /** Epoch ms of check-in; a booked ticket that has not checked in is not in the building and not called. */
  checkedInAt?: number | null;
  /** Accessibility priority (e.g. a visitor who needs extra support): a bounded time credit, not a jump. */
  priority: boolean;
  /** A parked ticket comes back by itself at this epoch ms; parked with null waits for an officer to resume it. */
  parkedUntil?: number | null;
  /** Recalled later: not called before this epoch ms. */
  notBefore?: number | null;
  state: TicketState;
}

export interface QueuePolicy {
  /** Head start of a priority ticket. A walk-in who has waited longer than this is still called first. */
  priorityCreditMinutes: number;
  /** Head start of a booked visitor at their booked time: they go ahead of walk-ins who have waited less
   * than this, so a booking means "called at about your time" without letting bookings starve a backlog.
   * Set it very large for absolute appointment precedence. */
  bookingCreditMinutes: number;
  /** A booked visitor who checks in later than this after the booked time has lost the booking and
   * queues as a walk-in from check-in. */
  bookingLateToleranceMinutes: number;
}

export const DEFAULT_POLICY: Readonly<QueuePolicy> = Object.freeze({
  priorityCreditMinutes: 10,
  bookingCreditMinutes: 30,
  bookingLateToleranceMinutes: 15,
});

const MINUTE_MS = 60_000;

/** Tier 0 is called by rank; tier 1 (booked visitors early for their time) only when tier 0 is empty. */
export interface Rank {
  tier: 0 | 1;
  time: number;
}

function isBookingKept(t: QueueTicket, policy: QueuePolicy): boolean {
  return t.bookedAt != null && t.checkedInAt != null && t.checkedInAt <= t.bookedAt + policy.bookingLateToleranceMinutes * MINUTE_MS;
}

/** The rank of a ticket at `now`, or null when it cannot be called now (parked, recalled later, not here). */
export function rankTicket(t: QueueTicket, now: number, policy: QueuePolicy = DEFAULT_POLICY): Rank | null {
  const autoResumes = t.state === 'parked' && t.parkedUntil != null;
  if (t.state !== 'waiting' && !autoResumes) return null;
  if (t.parkedUntil != null && now < t.parkedUntil) return null;
  if (t.notBefore != null && now < t.notBefore) return null;
  // A booking that has not checked in is a promise, not a person at the counter.
  if (t.bookedAt != null && t.checkedInAt == null) return null;

  const credit = t.priority ? policy.priorityCreditMinutes * MINUTE_MS : 0;
  if (t.bookedAt != null && isBookingKept(t, policy)) {
    // Early for the booking: only if nobody else waits, so an early booker never overtakes a walk-in.
    if (now < t.bookedAt) return { tier: 1, time: t.bookedAt - credit };
    return { tier: 0, time: t.bookedAt - policy.bookingCreditMinutes * MINUTE_MS - credit };
  }
  return { tier: 0, time: t.arrivedAt - credit };
}

/** When a ticket that cannot be called now may become callable by the passing of time, or null if only
 * an officer's action (resume, check-in) can change it. Lets a simulation wake idle officers. */
export function nextEligibleAt(t: QueueTicket, now: number, policy: QueuePolicy = DEFAULT_POLICY): number | null {
  if (t.state !== 'waiting' && !(t.state === 'parked' && t.parkedUntil != null)) return null;
  if (t.bookedAt != null && t.checkedInAt == null) return null;
  let at = Math.max(t.parkedUntil ?? -Infinity, t.notBefore ?? -Infinity);
  // An early booker is callable from tier 1 already; their tier changes at the booked time.
  if (t.bookedAt != null && isBookingKept(t, policy) && now < t.bookedAt) at = Math.max(at, t.bookedAt);
  return at > now ? at : null;
}

/** The calling order: tier, then rank time, then ticket number, then id (a total order). */
export function compareRanked(a: QueueTicket, ra: Rank, b: QueueTicket, rb: Rank): number {
  return ra.tier - rb.tier || ra.time - rb.time || a.number - b.number || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function servedSet(servedQueueIds: ReadonlySet<string> | readonly string[]): ReadonlySet<string> {
  return 'has' in servedQueueIds ? servedQueueIds : new Set(servedQueueIds);
}

/** The tickets an officer serving `servedQueueIds` could call at `now`, in calling order. */
export function orderQueue<T extends QueueTicket>(
  tickets: readonly T[],
  servedQueueIds: ReadonlySet<string> | readonly string[],
  now: number,
  policy: QueuePolicy = DEFAULT_POLICY,
): T[] {
  const served = servedSet(servedQueueIds);
  const ranked: { t: T; r: Rank }[] = [];
  for (const t of tickets) {
    if (!served.has(t.queueId)) continue;
    const r = rankTicket(t, now, policy);
    if (r) ranked.push({ t, r });
  }
  ranked.sort((x, y) => compareRanked(x.t, x.r, y.t, y.r));
  return ranked.map((x) => x.t);
}

/** The next ticket for an officer serving `servedQueueIds` at `now`, or null. Same order as orderQueue's
 * first element, in one linear pass (the estimator calls this many times). */
export function pickNext<T extends QueueTicket>(
  tickets: readonly T[],
  servedQueueIds: ReadonlySet<string> | readonly string[],
  now: number,
  policy: QueuePolicy = DEFAULT_POLICY,
): T | null {
  const served = servedSet(servedQueueIds);
  let best: T | null = null;
  let bestRank: Rank | null = null;
  for (const t of tickets) {
    if (!served.has(t.queueId)) continue;
    const r = rankTicket(t, now, policy);
    if (!r) continue;
    if (!best || !bestRank || compareRanked(t, r, best, bestRank) < 0) {
      best = t;
      bestRank = r;
    }
  }
  return best;
}
