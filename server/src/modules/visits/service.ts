// The visit flow's rules: take a ticket (unique number per office, day and letter, even under
// concurrency and across restarts), and call the next visitor (never the same one to two officers).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { officeServices, services } from '../../db/schema.ts';
import { appointments, deskSessions, officeQueues, ticketSequences, visitEvents, visitServices, visits } from '../../db/schema-visits.ts';
import type { CallNextInput, TakeTicketInput, Ticket } from '../../../../contracts/visits.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { stockholmDate, stockholmTime } from '../../lib/dates.ts';
import type { Principal } from '../auth/policy.ts';
import { loadHolidays, loadOffices } from '../registry/repo.ts';
import { officeCalendar } from '../registry/calendar.ts';
import { ensureQueue } from './queues.ts';
import { estimateMinutes } from './wait-estimate.ts';
import { orderQueue, pickNext, type QueueTicket } from '../../engines/queue/ordering.ts';
import type { VisitBus } from './bus.ts';

type VisitRow = typeof visits.$inferSelect;

/**
 * The engine's view of a visit. A booked visitor's place is their booked time (`queued_at`) and their
 * check-in is `arrived_at`; a walk-in's place is their arrival, which a transfer keeps.
 */
function asQueueTicket(v: VisitRow): QueueTicket {
  const booked = v.appointmentId !== null;
  return {
    id: v.id, number: v.seq, queueId: v.queueId, priority: v.priority, state: v.state,
    arrivedAt: (booked ? v.arrivedAt : v.queuedAt).getTime(),
    bookedAt: booked ? v.queuedAt.getTime() : null,
    checkedInAt: booked ? v.arrivedAt.getTime() : null,
  };
}

async function waitingVisits(db: Db | Tx, officeId: string, serviceDate: string, queueIds: string[]): Promise<VisitRow[]> {
  if (queueIds.length === 0) return [];
  return db.select().from(visits)
    .where(and(eq(visits.officeId, officeId), eq(visits.serviceDate, serviceDate), eq(visits.state, 'waiting'), inArray(visits.queueId, queueIds)));
}

export async function toTicket(db: Db | Tx, v: VisitRow, now: Date = new Date()): Promise<Ticket> {
  const [svc, queue] = await Promise.all([
    db.select({ serviceId: visitServices.serviceId }).from(visitServices).where(eq(visitServices.visitId, v.id)).orderBy(asc(visitServices.position)),
    v.state === 'waiting' ? waitingVisits(db, v.officeId, v.serviceDate, [v.queueId]) : Promise.resolve(null),
  ]);
  // Position in the calling order of the ticket's own queue, as the desk will call it now.
  const position = queue ? orderQueue(queue.map(asQueueTicket), [v.queueId], now.getTime()).findIndex((t) => t.id === v.id) : -1;
  return {
    id: v.id, number: v.number, officeId: v.officeId, queueId: v.queueId, state: v.state,
    serviceIds: svc.map((s) => s.serviceId), arrivedAt: v.arrivedAt.toISOString(), priority: v.priority, language: v.language,
    calledAt: v.calledAt?.toISOString() ?? null, counterName: v.counterName, recallCount: v.recallCount,
    position: position >= 0 ? position : null,
    estimateMinutes: v.state === 'waiting' ? await estimateMinutes(db, v, asQueueTicket, now) : null,
  };
}

export async function getTicket(db: Db | Tx, id: string, now?: Date): Promise<Ticket> {
  const [v] = await db.select().from(visits).where(eq(visits.id, id));
  if (!v) throw notFound('Ticket', 'id');
  return toTicket(db, v, now);
}

/** A kiosk hands out tickets only while the office is open (holidays and exceptions included). */
async function assertOpen(db: Db, officeId: string, now: Date) {
  const office = (await loadOffices(db, [officeId]))[0];
  if (!office) throw notFound('Office', 'officeId');
  const today = stockholmDate(now);
  const [day] = officeCalendar(office, await loadHolidays(db, today, today), today, 1);
  const time = stockholmTime(now);
  if (!day?.intervals.some((i) => i.opens <= time && time < i.closes)) {
    throw new AppError('rule_violation', 'The office is closed now', { field: 'officeId', reason: 'office_closed' });
  }
  return office;
}

interface NewVisit {
  officeId: string;
  serviceIds: string[];
  now: Date;
  /** The visitor's place in line: now for walk-ins, the booked time for booked visitors. */
  queuedAt: Date;
  priority: boolean;
  language: string;
  phone: string | null;
  appointmentId: string | null;
}

/** Creates a visit in the queue of its first service's agency, with the next number of that letter. */
async function createVisit(tx: Tx, n: NewVisit): Promise<VisitRow> {
  const serviceDate = stockholmDate(n.now);
  const offered = await tx
    .select({ id: services.id, agencyId: services.agencyId })
    .from(officeServices)
    .innerJoin(services, eq(services.id, officeServices.serviceId))
    .where(and(eq(officeServices.officeId, n.officeId), inArray(officeServices.serviceId, n.serviceIds)));
  n.serviceIds.forEach((id, i) => {
    if (!offered.some((s) => s.id === id)) {
      throw new AppError('validation_failed', 'This office does not offer the service', { field: `serviceIds[${i}]`, reason: 'service_not_offered' });
    }
  });
  const first = offered.find((s) => s.id === n.serviceIds[0])!;
  const queue = await ensureQueue(tx, n.officeId, first.agencyId);
  // INSERT … ON CONFLICT DO UPDATE locks the counter row: concurrent kiosks queue up here and each
  // gets the next number; the counter is in the database, so a restart continues from it.
  const [sequence] = await tx
    .insert(ticketSequences)
    .values({ officeId: n.officeId, serviceDate, letter: queue.letter, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [ticketSequences.officeId, ticketSequences.serviceDate, ticketSequences.letter],
      set: { lastNumber: sql`${ticketSequences.lastNumber} + 1` },
    })
    .returning({ n: ticketSequences.lastNumber });
  const seq = sequence!.n;
  const [row] = await tx
    .insert(visits)
    .values({
      officeId: n.officeId, serviceDate, letter: queue.letter, seq, number: `${queue.letter}${String(seq).padStart(3, '0')}`,
      queueId: queue.id, arrivedAt: n.now, queuedAt: n.queuedAt, priority: n.priority, language: n.language, phone: n.phone,
      appointmentId: n.appointmentId,
    })
    .returning();
  await tx.insert(visitServices).values(n.serviceIds.map((serviceId, position) => ({ visitId: row!.id, position, serviceId })));
  await tx.insert(visitEvents).values({
    visitId: row!.id, at: n.now, kind: 'arrived', queueId: queue.id, agencyId: first.agencyId,
    details: n.appointmentId ? { appointmentId: n.appointmentId, bookedAt: n.queuedAt.toISOString() } : {},
  });
  return row!;
}

export async function takeTicket(db: Db, officeId: string, input: TakeTicketInput, now: Date): Promise<Ticket> {
  await assertOpen(db, officeId, now);
  const visit = await db.transaction((tx) => createVisit(tx, {
    officeId, serviceIds: input.serviceIds, now, queuedAt: now, priority: input.priority ?? false,
    language: input.language ?? 'sv', phone: input.phone ?? null, appointmentId: null,
  }));
  return toTicket(db, visit, now);
}

/** How early and how late a booked visitor may check in, in minutes around the booked time. */
export const CHECK_IN_EARLY_MIN = 30;
export const CHECK_IN_LATE_MIN = 15;

/**
 * A booked visitor checks in with their code and joins the queue of the booked service with their
 * booked time as their place in line.
 */
export async function checkIn(db: Db, officeId: string, code: string, now: Date): Promise<Ticket> {
  const visit = await db.transaction(async (tx) => {
    const [appointment] = await tx.select().from(appointments)
      .where(and(eq(appointments.code, code.trim().toUpperCase()), eq(appointments.officeId, officeId))).for('update');
    if (!appointment) throw new AppError('not_found', 'No booking with this code at this office', { field: 'code', reason: 'unknown_booking' });
    if (appointment.status !== 'booked') {
      throw new AppError('conflict', `The booking is ${appointment.status.replace('_', ' ')}`, { field: 'code', reason: appointment.status === 'checked_in' ? 'already_checked_in' : 'booking_not_active' });
    }
    const minutes = (appointment.startsAt.getTime() - now.getTime()) / 60_000;
    if (minutes > CHECK_IN_EARLY_MIN) {
      throw new AppError('rule_violation', `Check-in opens ${CHECK_IN_EARLY_MIN} minutes before the booked time`, { field: 'code', reason: 'too_early', details: { startsAt: appointment.startsAt.toISOString() } });
    }
    if (minutes < -CHECK_IN_LATE_MIN) {
      throw new AppError('rule_violation', `Check-in closed ${CHECK_IN_LATE_MIN} minutes after the booked time`, { field: 'code', reason: 'too_late', details: { startsAt: appointment.startsAt.toISOString() } });
    }
    await tx.update(appointments).set({ status: 'checked_in' }).where(eq(appointments.id, appointment.id));
    return createVisit(tx, {
      officeId, serviceIds: [appointment.serviceId], now, queuedAt: appointment.startsAt, priority: false,
      language: appointment.language, phone: null, appointmentId: appointment.id,
    });
  });
  return toTicket(db, visit, now);
}

/** Which of the office's queues this officer may serve: admins and office staff all, agency officers their agency's. */
async function servableQueues(db: Db, officeId: string, principal: Principal, queueIds: string[]) {
  const queues = await db.select().from(officeQueues).where(and(eq(officeQueues.officeId, officeId), inArray(officeQueues.id, queueIds)));
  queueIds.forEach((id, i) => {
    const q = queues.find((x) => x.id === id);
    if (!q) throw new AppError('validation_failed', 'No such queue at this office', { field: `queueIds[${i}]`, reason: 'unknown_queue' });
    const officeWide = principal.roles.some((g) => g.role === 'admin' || (['service_officer', 'office_manager'].includes(g.role) && g.officeId === officeId));
    const ownAgency = principal.roles.some((g) => g.role === 'agency_officer' && g.agencyId === q.agencyId);
    if (!officeWide && !ownAgency) throw new AppError('forbidden', 'You may not serve this queue', { field: `queueIds[${i}]` });
  });
  return queues;
}

/**
 * Calls the next visitor for an officer at a counter. Calls at one office are serialised by a
 * transaction-scoped advisory lock, so two officers pressing at the same instant get different
 * visitors; the order is oldest arrival first (transfers keep their arrival time).
 */
export async function callNext(db: Db, bus: VisitBus, officeId: string, input: CallNextInput, principal: Principal, now: Date): Promise<Ticket | null> {
  await servableQueues(db, officeId, principal, input.queueIds);
  const serviceDate = stockholmDate(now);
  const called = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`visits:${officeId}:${serviceDate}`}))`);
    const busy = await tx.select({ number: visits.number }).from(visits)
      .where(and(eq(visits.officeId, officeId), eq(visits.officerUserId, principal.userId), inArray(visits.state, ['called', 'serving'])));
    if (busy[0]) {
      throw new AppError('conflict', `Finish ${busy[0].number} before calling the next visitor`, { reason: 'officer_busy' });
    }
    // The officer's counter and queues, so the wait estimate knows which counters are open.
    await tx.insert(deskSessions)
      .values({ officeId, officerUserId: principal.userId, counterName: input.counterName, queueIds: input.queueIds, lastSeenAt: now })
      .onConflictDoUpdate({ target: [deskSessions.officeId, deskSessions.officerUserId], set: { counterName: input.counterName, queueIds: input.queueIds, lastSeenAt: now } });
    const waiting = await waitingVisits(tx, officeId, serviceDate, input.queueIds);
    const pick = pickNext(waiting.map(asQueueTicket), input.queueIds, now.getTime());
    const next = pick ? waiting.find((v) => v.id === pick.id) : undefined;
    if (!next) return null;
    const [updated] = await tx.update(visits)
      .set({ state: 'called', calledAt: now, counterName: input.counterName, officerUserId: principal.userId, updatedAt: now })
      .where(and(eq(visits.id, next.id), eq(visits.state, 'waiting')))
      .returning();
    const [queue] = await tx.select().from(officeQueues).where(eq(officeQueues.id, next.queueId));
    await tx.insert(visitEvents).values({ visitId: next.id, at: now, kind: 'called', officerUserId: principal.userId, counterName: input.counterName, queueId: next.queueId, agencyId: queue?.agencyId ?? null });
    return updated!;
  });
  if (!called) return null;
  bus.publish({ type: 'call', officeId, call: { ticketId: called.id, number: called.number, counterName: input.counterName, at: now.toISOString(), recall: false } });
  bus.publish({ type: 'changed', officeId, ticketId: called.id });
  return toTicket(db, called, now);
}

/** The visit this officer has at their counter now (called, serving or parked), if any. */
export async function currentVisit(db: Db, officeId: string, principal: Principal, now: Date): Promise<Ticket | null> {
  const [v] = await db.select().from(visits)
    .where(and(eq(visits.officeId, officeId), eq(visits.officerUserId, principal.userId), inArray(visits.state, ['called', 'serving', 'parked'])))
    // The visitor at the counter comes before any parked visit.
    .orderBy(sql`case when ${visits.state} = 'parked' then 1 else 0 end`, asc(visits.calledAt))
    .limit(1);
  return v ? toTicket(db, v, now) : null;
}

/** The latest calls and recalls at an office today, newest first, for the display board. */
export async function latestCalls(db: Db, officeId: string, now: Date, limit: number) {
  const rows = await queryRows<{ ticket_id: string; number: string; counter_name: string; at: Date | string; kind: string }>(db, sql`
    select e.visit_id as ticket_id, v.number, e.counter_name, e.at, e.kind
    from visit_events e join visits v on v.id = e.visit_id
    where v.office_id = ${officeId} and v.service_date = ${stockholmDate(now)} and e.kind in ('called', 'recalled') and e.counter_name is not null
    order by e.id desc limit ${limit}`);
  return rows.map((r) => ({ ticketId: r.ticket_id, number: r.number, counterName: r.counter_name, at: new Date(r.at).toISOString(), recall: r.kind === 'recalled' }));
}

export async function listQueues(db: Db, officeId: string, now: Date) {
  const serviceDate = stockholmDate(now);
  const rows = await queryRows<{ id: string; office_id: string; agency_id: string; letter: string; waiting: number }>(db, sql`
    select q.id, q.office_id, q.agency_id, q.letter,
      (select count(*)::int from visits v where v.queue_id = q.id and v.service_date = ${serviceDate} and v.state = 'waiting') as waiting
    from office_queues q where q.office_id = ${officeId} order by q.letter`);
  return rows.map((r) => ({ id: r.id, officeId: r.office_id, agencyId: r.agency_id, letter: r.letter, waiting: r.waiting }));
}
