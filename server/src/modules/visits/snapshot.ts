// One read of an office's live state — the tickets in the queues and at the counters, the open counters,
// and recent service times — from which every ticket's place and wait estimate is computed. One snapshot
// serves a take-ticket response, or every open ticket page after a change; the queue itself comes from
// the in-memory copy in live.ts, so a snapshot costs two small queries whatever the queue's length.
import { and, eq, gte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { deskSessions, type visits } from '../../db/schema-visits.ts';
import { liveVisits, type LiveVisit } from './live.ts';

export type { LiveVisit } from './live.ts';
import { buildServiceTimeModel, estimateAllWaits, estimateWait, type CounterOfficer, type EstimateTicket, type ServiceTimeModel, type WaitEstimate } from '../../engines/queue/estimate.ts';
import type { QueueTicket } from '../../engines/queue/ordering.ts';

/** An officer who has called within this long counts as an open counter. */
const OPEN_COUNTER_WINDOW_MIN = 45;
/** How far back service times are read. */
const HISTORY_DAYS = 14;

export type VisitRow = typeof visits.$inferSelect;

/**
 * The engine's view of a visit. A booked visitor's place is their booked time (`queued_at`) and their
 * check-in is `arrived_at`; a walk-in's place is their arrival, which a transfer keeps.
 */
export function asQueueTicket(v: Pick<VisitRow, 'id' | 'seq' | 'queueId' | 'priority' | 'state' | 'arrivedAt' | 'queuedAt' | 'appointmentId'>): QueueTicket {
  const booked = v.appointmentId !== null;
  return {
    id: v.id, number: v.seq, queueId: v.queueId, priority: v.priority, state: v.state,
    arrivedAt: (booked ? v.arrivedAt : v.queuedAt).getTime(),
    bookedAt: booked ? v.queuedAt.getTime() : null,
    checkedInAt: booked ? v.arrivedAt.getTime() : null,
  };
}

/** Minutes per service from finished visits: call to finish, shared equally among the visit's services. */
async function recentServiceMinutes(db: Db | Tx, officeId: string, now: Date): Promise<Map<string, number[]>> {
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
  const rows = await queryRows<{ service_id: string; minutes: number }>(db, sql`
    with spans as (
      select e.visit_id, min(e.at) filter (where e.kind = 'called') as called_at, max(e.at) filter (where e.kind = 'finished') as finished_at
      from visit_events e join visits v on v.id = e.visit_id
      where v.office_id = ${officeId} and e.at >= ${since.toISOString()}::timestamptz
      group by e.visit_id
    )
    select vs.service_id, extract(epoch from (s.finished_at - s.called_at)) / 60.0
             / (select count(*) from visit_services x where x.visit_id = s.visit_id) as minutes
    from spans s join visit_services vs on vs.visit_id = s.visit_id
    where s.finished_at is not null and s.called_at is not null
    order by s.finished_at desc
    limit 2000`);
  const out = new Map<string, number[]>();
  for (const r of rows) out.set(r.service_id, [...(out.get(r.service_id) ?? []), Number(r.minutes)]);
  return out;
}

/**
 * Service times change slowly, but reading them scans the office's recent events: keep each office's
 * model for a minute instead of rebuilding it for every ticket shown.
 */
const MODEL_TTL_MS = 60_000;
/** Per database handle, so two databases in one process (tests) never share a model. */
const modelCaches = new WeakMap<object, Map<string, { at: number; model: ServiceTimeModel }>>();

async function serviceTimeModel(db: Db | Tx, officeId: string, now: Date): Promise<ServiceTimeModel> {
  let modelCache = modelCaches.get(db);
  if (!modelCache) modelCaches.set(db, (modelCache = new Map()));
  const cached = modelCache.get(officeId);
  if (cached && Math.abs(now.getTime() - cached.at) < MODEL_TTL_MS) return cached.model;
  const model = buildServiceTimeModel(await recentServiceMinutes(db, officeId, now));
  modelCache.set(officeId, { at: now.getTime(), model });
  return model;
}

export interface OfficeSnapshot {
  now: Date;
  /** Today's visits that are waiting, called or being served. */
  visits: LiveVisit[];
  officers: CounterOfficer[];
  model: ServiceTimeModel;
}

/**
 * The office's live state now. `db` is the root handle (it keys the in-memory queue); pass `reader` to
 * read inside a transaction that has not written visits yet.
 */
export async function loadOfficeSnapshot(db: Db, officeId: string, serviceDate: string, now: Date, reader: Db | Tx = db): Promise<OfficeSnapshot> {
  const since = new Date(now.getTime() - OPEN_COUNTER_WINDOW_MIN * 60_000);
  const live = await liveVisits(db, reader, officeId, serviceDate);
  const [sessions, model] = await Promise.all([
    reader.select({ officerUserId: deskSessions.officerUserId, queueIds: deskSessions.queueIds }).from(deskSessions)
      .where(and(eq(deskSessions.officeId, officeId), gte(deskSessions.lastSeenAt, since))),
    serviceTimeModel(db, officeId, now),
  ]);
  const atCounter = new Map(live.filter((v) => v.row.state !== 'waiting' && v.row.officerUserId).map((v) => [v.row.officerUserId!, v]));
  const officers: CounterOfficer[] = sessions.map((s) => {
    const current = atCounter.get(s.officerUserId);
    return {
      id: s.officerUserId,
      queueIds: s.queueIds,
      serving: current ? { serviceIds: current.serviceIds, startedAt: (current.row.calledAt ?? now).getTime() } : null,
    };
  });
  return { now, visits: live, officers, model };
}

const waitingTickets = (s: OfficeSnapshot): EstimateTicket[] =>
  s.visits.filter((v) => v.row.state === 'waiting').map((v) => ({ ...asQueueTicket(v.row), serviceIds: v.serviceIds }));

/** The estimate for one waiting ticket of the snapshot. */
export function estimateOne(s: OfficeSnapshot, ticketId: string): WaitEstimate {
  return estimateWait({ now: s.now.getTime(), tickets: waitingTickets(s), officers: s.officers, serviceTimes: s.model, target: { ticketId } });
}

/** The estimates for every waiting ticket of the snapshot, from one simulation. */
export function estimateEvery(s: OfficeSnapshot): Map<string, WaitEstimate> {
  return estimateAllWaits({ now: s.now.getTime(), tickets: waitingTickets(s), officers: s.officers, serviceTimes: s.model });
}
