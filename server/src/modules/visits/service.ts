// The visit flow's rules: take a ticket (unique number per office, day and letter, even under
// concurrency and across restarts), and call the next visitor (never the same one to two officers).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { officeServices, services } from '../../db/schema.ts';
import { appointments, deskSessions, officeQueues, visitEvents, visits } from '../../db/schema-visits.ts';
import type { CallNextInput, TakeTicketInput, Ticket } from '../../../../contracts/visits.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { stockholmDate, stockholmTime } from '../../lib/dates.ts';
import { mayServeQueue, type Principal } from '../auth/policy.ts';
import { loadOfficeDay } from '../registry/repo.ts';
import { officeCalendar } from '../../engines/calendar/office-calendar.ts';
import { ensureQueue } from './queues.ts';
import { asQueueTicket, loadOfficeSnapshot } from './snapshot.ts';
import { liveVisits } from './live.ts';
import { getTicket, ticketFromSnapshot, ticketView } from './tickets.ts';
import { pickNext } from '../../engines/queue/ordering.ts';
import type { VisitBus } from './bus.ts';

/** A kiosk hands out tickets only while the office is open (holidays and exceptions included). */
async function assertOpen(db: Db, officeId: string, now: Date) {
  const today = stockholmDate(now);
  const day = await loadOfficeDay(db, officeId, today);
  if (!day) throw notFound('Office', 'officeId');
  const [hours] = officeCalendar(day.office, day.holidays, today, 1);
  const time = stockholmTime(now);
  if (!hours?.intervals.some((i) => i.opens <= time && time < i.closes)) {
    throw new AppError('rule_violation', 'The office is closed now', { field: 'officeId', reason: 'office_closed' });
  }
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

/** The queue a visit joins: its first service's agency's, after checking the office offers every service. */
async function queueFor(db: Db | Tx, officeId: string, serviceIds: string[]) {
  const offered = await db
    .select({ id: services.id, agencyId: services.agencyId, queueId: officeQueues.id, letter: officeQueues.letter })
    .from(officeServices)
    .innerJoin(services, eq(services.id, officeServices.serviceId))
    .leftJoin(officeQueues, and(eq(officeQueues.officeId, officeServices.officeId), eq(officeQueues.agencyId, services.agencyId)))
    .where(and(eq(officeServices.officeId, officeId), inArray(officeServices.serviceId, serviceIds)));
  serviceIds.forEach((id, i) => {
    if (!offered.some((s) => s.id === id)) {
      throw new AppError('validation_failed', 'This office does not offer the service', { field: `serviceIds[${i}]`, reason: 'service_not_offered' });
    }
  });
  const first = offered.find((s) => s.id === serviceIds[0])!;
  const queue = first.queueId && first.letter ? { id: first.queueId, letter: first.letter } : await ensureQueue(db, officeId, first.agencyId);
  return { ...queue, agencyId: first.agencyId };
}

/**
 * Creates a visit with the next number of its queue's letter, its services and its arrival event, in one
 * statement (atomic without a transaction). INSERT … ON CONFLICT DO UPDATE locks the counter row, so
 * concurrent kiosks queue up there and each gets the next number; the counter is in the database, so a
 * restart continues from it. A number is never reused: at worst a failed insert leaves a gap. Numbers
 * have three digits, and more once past 999 (A999, A1000; lpad alone would cut 1000 to 100).
 */
async function createVisit(db: Db | Tx, n: NewVisit): Promise<{ id: string; serviceDate: string }> {
  const serviceDate = stockholmDate(n.now);
  const queue = await queueFor(db, n.officeId, n.serviceIds);
  const details = n.appointmentId ? { appointmentId: n.appointmentId, bookedAt: n.queuedAt.toISOString() } : {};
  const serviceArray = sql`array[${sql.join(n.serviceIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;
  const [row] = await queryRows<{ id: string }>(db, sql`
    with seq as (
      insert into ticket_sequences (office_id, service_date, letter, last_number)
      values (${n.officeId}, ${serviceDate}, ${queue.letter}, 1)
      on conflict (office_id, service_date, letter) do update set last_number = ticket_sequences.last_number + 1
      returning last_number
    ), v as (
      insert into visits (office_id, service_date, letter, seq, number, queue_id, arrived_at, queued_at, priority, language, phone, appointment_id)
      select ${n.officeId}, ${serviceDate}, ${queue.letter}, seq.last_number, ${queue.letter} || lpad(seq.last_number::text, greatest(3, length(seq.last_number::text)), '0'), ${queue.id},
             ${n.now.toISOString()}::timestamptz, ${n.queuedAt.toISOString()}::timestamptz, ${n.priority}, ${n.language}, ${n.phone}, ${n.appointmentId}
      from seq
      returning id
    ), services as (
      insert into visit_services (visit_id, position, service_id)
      select v.id, u.ord - 1, u.service_id from v, unnest(${serviceArray}) with ordinality as u(service_id, ord)
    ), arrival as (
      insert into visit_events (visit_id, at, kind, queue_id, agency_id, details)
      select v.id, ${n.now.toISOString()}::timestamptz, 'arrived', ${queue.id}, ${queue.agencyId}, ${JSON.stringify(details)}::jsonb from v
    )
    select id from v`);
  return { id: row!.id, serviceDate };
}

/** The new ticket as the visitor sees it, with their place and wait from a fresh snapshot of the office. */
async function newTicket(db: Db, officeId: string, visit: { id: string; serviceDate: string }, now: Date): Promise<Ticket> {
  return ticketFromSnapshot(await loadOfficeSnapshot(db, officeId, visit.serviceDate, now), visit.id) ?? getTicket(db, visit.id, now);
}

export async function takeTicket(db: Db, officeId: string, input: TakeTicketInput, now: Date): Promise<Ticket> {
  await assertOpen(db, officeId, now);
  const visit = await createVisit(db, {
    officeId, serviceIds: input.serviceIds, now, queuedAt: now, priority: input.priority ?? false,
    language: input.language ?? 'sv', phone: input.phone ?? null, appointmentId: null,
  });
  return newTicket(db, officeId, visit, now);
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
  return newTicket(db, officeId, visit, now);
}

/** Which of the office's queues this officer may serve: by their agency, or their competences (policy.ts). */
async function servableQueues(db: Db, officeId: string, principal: Principal, queueIds: string[]) {
  const queues = await db.select().from(officeQueues).where(and(eq(officeQueues.officeId, officeId), inArray(officeQueues.id, queueIds)));
  queueIds.forEach((id, i) => {
    const q = queues.find((x) => x.id === id);
    if (!q) throw new AppError('validation_failed', 'No such queue at this office', { field: `queueIds[${i}]`, reason: 'unknown_queue' });
    if (!mayServeQueue(principal, officeId, q.agencyId)) {
      throw new AppError('forbidden', 'You may not serve this queue', { field: `queueIds[${i}]`, reason: 'not_your_queue' });
    }
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
    // The office's live queue (in memory, brought up to date inside this transaction, under the lock):
    // is this officer still busy, and who waits in the served queues.
    const queue = await liveVisits(db, tx, officeId, serviceDate);
    const live = queue.map((v) => v.row);
    const busy = live.find((v) => v.officerUserId === principal.userId && v.state !== 'waiting');
    if (busy) {
      throw new AppError('conflict', `Finish ${busy.number} before calling the next visitor`, { reason: 'officer_busy' });
    }
    // The officer's counter and queues, so the wait estimate knows which counters are open.
    await tx.insert(deskSessions)
      .values({ officeId, officerUserId: principal.userId, counterName: input.counterName, queueIds: input.queueIds, lastSeenAt: now })
      .onConflictDoUpdate({ target: [deskSessions.officeId, deskSessions.officerUserId], set: { counterName: input.counterName, queueIds: input.queueIds, lastSeenAt: now } });
    const next = pickNext(live.filter((v) => v.state === 'waiting').map(asQueueTicket), input.queueIds, now.getTime());
    if (!next) return null;
    const serviceIds = queue.find((v) => v.row.id === next.id)!.serviceIds;
    const [updated] = await tx.update(visits)
      .set({ state: 'called', calledAt: now, counterName: input.counterName, officerUserId: principal.userId, updatedAt: now })
      .where(and(eq(visits.id, next.id), eq(visits.state, 'waiting')))
      .returning();
    await tx.insert(visitEvents).values({
      visitId: next.id, at: now, kind: 'called', officerUserId: principal.userId, counterName: input.counterName, queueId: next.queueId,
      agencyId: sql`(select agency_id from office_queues where id = ${next.queueId})`,
    });
    return updated ? { row: updated, serviceIds } : null;
  });
  if (!called) return null;
  bus.publish({ type: 'call', officeId, call: { ticketId: called.row.id, number: called.row.number, counterName: input.counterName, at: now.toISOString(), recall: false } });
  bus.publish({ type: 'changed', officeId, ticketId: called.row.id });
  return ticketView(called.row, called.serviceIds, null, { staff: true });
}

/** The visit this officer has at their counter now (called, serving or parked), if any. */
export async function currentVisit(db: Db, officeId: string, principal: Principal, now: Date): Promise<Ticket | null> {
  const [v] = await db.select({ id: visits.id }).from(visits)
    .where(and(eq(visits.officeId, officeId), eq(visits.officerUserId, principal.userId), inArray(visits.state, ['called', 'serving', 'parked'])))
    // The visitor at the counter comes before any parked visit.
    .orderBy(sql`case when ${visits.state} = 'parked' then 1 else 0 end`, asc(visits.calledAt))
    .limit(1);
  return v ? getTicket(db, v.id, now, { staff: true }) : null;
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
