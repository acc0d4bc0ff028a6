// Gathers what the queue engine needs to estimate a visitor's wait: who waits (with their services),
// which officers are at counters and what they are serving, and recent service times at the office.
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { deskSessions, visitServices, visits } from '../../db/schema-visits.ts';
import { buildServiceTimeModel, estimateWait, type CounterOfficer, type EstimateTicket } from '../../engines/queue/estimate.ts';
import type { QueueTicket } from '../../engines/queue/ordering.ts';

/** An officer who has called within this long counts as an open counter. */
const OPEN_COUNTER_WINDOW_MIN = 45;
/** How far back service times are read. */
const HISTORY_DAYS = 14;

type VisitRow = typeof visits.$inferSelect;

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
type Model = ReturnType<typeof buildServiceTimeModel>;
/** Per database handle, so two databases in one process (tests) never share a model. */
const modelCaches = new WeakMap<object, Map<string, { at: number; model: Model }>>();

async function serviceTimeModel(db: Db | Tx, officeId: string, now: Date) {
  let modelCache = modelCaches.get(db);
  if (!modelCache) modelCaches.set(db, (modelCache = new Map()));
  const cached = modelCache.get(officeId);
  if (cached && Math.abs(now.getTime() - cached.at) < MODEL_TTL_MS) return cached.model;
  const model = buildServiceTimeModel(await recentServiceMinutes(db, officeId, now));
  modelCache.set(officeId, { at: now.getTime(), model });
  return model;
}

/** Estimated minutes until the ticket is called, or null when no counter serves its queue. */
export async function estimateMinutes(db: Db | Tx, visit: VisitRow, asQueueTicket: (v: VisitRow) => QueueTicket, now: Date): Promise<number | null> {
  const since = new Date(now.getTime() - OPEN_COUNTER_WINDOW_MIN * 60_000);
  const [waiting, sessions, history] = await Promise.all([
    db.select().from(visits).where(and(eq(visits.officeId, visit.officeId), eq(visits.serviceDate, visit.serviceDate), eq(visits.state, 'waiting'))),
    db.select().from(deskSessions).where(and(eq(deskSessions.officeId, visit.officeId), gte(deskSessions.lastSeenAt, since))),
    serviceTimeModel(db, visit.officeId, now),
  ]);
  const atCounters = sessions.length
    ? await db.select().from(visits).where(and(eq(visits.officeId, visit.officeId), inArray(visits.state, ['called', 'serving']), inArray(visits.officerUserId, sessions.map((s) => s.officerUserId))))
    : [];
  const ids = [...waiting, ...atCounters].map((v) => v.id);
  const services = ids.length ? await db.select().from(visitServices).where(inArray(visitServices.visitId, ids)) : [];
  const servicesOf = (id: string) => services.filter((s) => s.visitId === id).sort((a, b) => a.position - b.position).map((s) => s.serviceId);

  const tickets: EstimateTicket[] = waiting.map((v) => ({ ...asQueueTicket(v), serviceIds: servicesOf(v.id) }));
  const officers: CounterOfficer[] = sessions.map((s) => {
    const current = atCounters.find((v) => v.officerUserId === s.officerUserId);
    return {
      id: s.officerUserId,
      queueIds: s.queueIds,
      serving: current ? { serviceIds: servicesOf(current.id), startedAt: (current.calledAt ?? now).getTime() } : null,
    };
  });
  const estimate = estimateWait({ now: now.getTime(), tickets, officers, serviceTimes: history, target: { ticketId: visit.id } });
  return estimate.minutes === null ? null : Math.round(estimate.minutes);
}
