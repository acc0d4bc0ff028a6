// A visitor's ticket as the API shows it: the visit, its services, and — while waiting — its place in
// the calling order and the estimated wait, from one snapshot of the office.
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { visits } from '../../db/schema-visits.ts';
import type { Ticket } from '../../../../contracts/visits.ts';
import type { WaitEstimate } from '../../engines/queue/estimate.ts';
import { notFound } from '../../lib/errors.ts';
import { maskPhone } from '../../lib/phone.ts';
import { estimateOne, loadOfficeSnapshot, type LiveVisit, type OfficeSnapshot, type VisitRow } from './snapshot.ts';

/** Who the ticket is shown to: staff at the desk also see the visitor's SMS number, masked. */
export interface ViewOptions {
  staff?: boolean;
}

export function ticketView(v: VisitRow, serviceIds: string[], estimate: WaitEstimate | null, options: ViewOptions = {}): Ticket {
  const waiting = v.state === 'waiting' && estimate !== null;
  return {
    // Masked, so the officer knows notifications go out (and can check the last digits) without reading the number.
    ...(options.staff ? { phoneMasked: v.phone ? maskPhone(v.phone) : null } : {}),
    id: v.id, number: v.number, officeId: v.officeId, queueId: v.queueId, state: v.state,
    serviceIds, arrivedAt: v.arrivedAt.toISOString(), priority: v.priority, language: v.language,
    calledAt: v.calledAt?.toISOString() ?? null, counterName: v.counterName, recallCount: v.recallCount,
    // How many are ahead in the ticket's own queue, as the desk would call now (0: next).
    position: waiting ? estimate.aheadCount : null,
    estimateMinutes: waiting && estimate.minutes !== null ? Math.round(estimate.minutes) : null,
  };
}

/** The ticket of a visit in the snapshot (with its estimate when waiting), or null when it is not live. */
export function ticketFromSnapshot(s: OfficeSnapshot, id: string, options: ViewOptions = {}): Ticket | null {
  const live = s.visits.find((v) => v.row.id === id);
  if (!live) return null;
  return ticketView(live.row, live.serviceIds, live.row.state === 'waiting' ? estimateOne(s, id) : null, options);
}

async function loadVisit(db: Db | Tx, id: string): Promise<LiveVisit | undefined> {
  const [v] = await db.select({
    row: visits,
    serviceIds: sql<string[]>`array(select vs.service_id::text from visit_services vs where vs.visit_id = ${visits.id} order by vs.position)`,
  }).from(visits).where(eq(visits.id, id));
  return v;
}

export async function getTicket(db: Db, id: string, now: Date, options: ViewOptions = {}): Promise<Ticket> {
  const live = await loadVisit(db, id);
  if (!live) throw notFound('Ticket', 'id');
  if (live.row.state !== 'waiting') return ticketView(live.row, live.serviceIds, null, options);
  const snapshot = await loadOfficeSnapshot(db, live.row.officeId, live.row.serviceDate, now);
  return ticketFromSnapshot(snapshot, id, options) ?? ticketView(live.row, live.serviceIds, null, options);
}
