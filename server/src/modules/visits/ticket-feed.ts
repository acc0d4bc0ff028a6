// Live updates for open ticket pages. Any change at an office can move every waiting ticket's place and
// estimate, so after a change (a burst of changes, gathered for a moment) each office computes one
// snapshot and one simulation for all its open pages, instead of one per page: a waiting room with a
// hundred phones open costs the same as one.
import type { Db } from '../../db/client.ts';
import type { Ticket } from '../../../../contracts/visits.ts';
import { stockholmDate } from '../../lib/dates.ts';
import type { VisitBus } from './bus.ts';
import { estimateEvery, loadOfficeSnapshot } from './snapshot.ts';
import { getTicket, ticketView } from './tickets.ts';

/** Long enough to gather a burst (a desk's call and finish), short enough to feel live. */
const GATHER_MS = 100;

type Listener = (ticket: Ticket) => void;

interface OfficeFeed {
  listeners: Map<string, Set<Listener>>;
  unsubscribe: () => void;
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  again: boolean;
}

export class TicketFeeds {
  private readonly offices = new Map<string, OfficeFeed>();

  constructor(
    private readonly db: Db,
    private readonly bus: VisitBus,
    private readonly now: () => Date,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Calls `listener` with the ticket after changes at its office, until the returned function is called. */
  subscribe(officeId: string, ticketId: string, listener: Listener): () => void {
    let feed = this.offices.get(officeId);
    if (!feed) {
      const created: OfficeFeed = { listeners: new Map(), unsubscribe: () => {}, timer: null, running: null, again: false };
      created.unsubscribe = this.bus.subscribe(officeId, () => this.schedule(officeId, created));
      this.offices.set(officeId, (feed = created));
    }
    const set = feed.listeners.get(ticketId) ?? new Set<Listener>();
    set.add(listener);
    feed.listeners.set(ticketId, set);
    return () => this.remove(officeId, ticketId, listener);
  }

  private remove(officeId: string, ticketId: string, listener: Listener) {
    const feed = this.offices.get(officeId);
    const set = feed?.listeners.get(ticketId);
    if (!feed || !set) return;
    set.delete(listener);
    if (set.size === 0) feed.listeners.delete(ticketId);
    if (feed.listeners.size === 0) {
      feed.unsubscribe();
      if (feed.timer) clearTimeout(feed.timer);
      this.offices.delete(officeId);
    }
  }

  private schedule(officeId: string, feed: OfficeFeed) {
    if (feed.running) {
      feed.again = true;
      return;
    }
    // Not pushed back by later changes, so a steady stream of them still produces updates.
    feed.timer ??= setTimeout(() => {
      feed.timer = null;
      feed.running = this.refresh(officeId, feed)
        .catch(this.onError)
        .finally(() => {
          feed.running = null;
          if (feed.again) {
            feed.again = false;
            this.schedule(officeId, feed);
          }
        });
    }, GATHER_MS);
  }

  private async refresh(officeId: string, feed: OfficeFeed) {
    const now = this.now();
    const snapshot = await loadOfficeSnapshot(this.db, officeId, stockholmDate(now), now);
    const estimates = estimateEvery(snapshot);
    const live = new Map(snapshot.visits.map((v) => [v.row.id, v]));
    for (const [ticketId, listeners] of [...feed.listeners]) {
      const v = live.get(ticketId);
      // A ticket that has left the queue (served, parked, no-show) is read on its own; there are few.
      const ticket = v ? ticketView(v.row, v.serviceIds, estimates.get(ticketId) ?? null) : await getTicket(this.db, ticketId, now);
      for (const listener of [...listeners]) listener(ticket);
    }
  }
}
