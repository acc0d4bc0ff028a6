// The office manager's day view: reads the day's visits with their events, the office's queues and the
// desk sessions (three queries, run together), and leaves the arithmetic to day-figures.ts.
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { offices, users } from '../../db/schema.ts';
import { deskSessions, officeQueues, visitEvents, visits } from '../../db/schema-visits.ts';
import type { OfficeDay } from '../../../../contracts/visits.ts';
import { notFound } from '../../lib/errors.ts';
import { addDays, stockholmDate } from '../../lib/dates.ts';
import { summariseDay, type DayEvent, type DayVisit } from './day-figures.ts';

/** The office and its queues; one row with null queue columns when the office has no queue yet. */
function officeWithQueues(db: Db, officeId: string) {
  return db.select({ officeId: offices.id, queueId: officeQueues.id, letter: officeQueues.letter, agencyId: officeQueues.agencyId })
    .from(offices)
    .leftJoin(officeQueues, eq(officeQueues.officeId, offices.id))
    .where(eq(offices.id, officeId));
}

/**
 * Every event of the office's visits of the day, oldest first, each with its visit's current state
 * and the acting officer's name. The visits index (office, day) finds the visits, the events index
 * (visit) their events: one pass, however busy the day.
 */
function dayEvents(db: Db, officeId: string, date: string) {
  return db.select({
    visitId: visitEvents.visitId, kind: visitEvents.kind, at: visitEvents.at, queueId: visitEvents.queueId,
    officerUserId: visitEvents.officerUserId, officerName: users.displayName, counterName: visitEvents.counterName,
    number: visits.number, state: visits.state, visitQueueId: visits.queueId, visitOfficerUserId: visits.officerUserId,
    arrivedAt: visits.arrivedAt, queuedAt: visits.queuedAt,
  })
    .from(visitEvents)
    .innerJoin(visits, eq(visits.id, visitEvents.visitId))
    .leftJoin(users, eq(users.id, visitEvents.officerUserId))
    .where(and(eq(visits.officeId, officeId), eq(visits.serviceDate, date)))
    .orderBy(asc(visitEvents.at), asc(visitEvents.id));
}

/**
 * Desk sessions last seen on the day. The window of noon the day before to noon the day after holds
 * the Swedish day whatever the UTC offset; the exact date is checked afterwards.
 */
async function dayDesks(db: Db, officeId: string, date: string) {
  const rows = await db.select({
    officerUserId: deskSessions.officerUserId, officerName: users.displayName, counterName: deskSessions.counterName,
    queueIds: deskSessions.queueIds, lastSeenAt: deskSessions.lastSeenAt,
  })
    .from(deskSessions)
    .innerJoin(users, eq(users.id, deskSessions.officerUserId))
    .where(and(
      eq(deskSessions.officeId, officeId),
      gte(deskSessions.lastSeenAt, new Date(`${addDays(date, -1)}T12:00:00Z`)),
      lt(deskSessions.lastSeenAt, new Date(`${addDays(date, 1)}T12:00:00Z`)),
    ));
  return rows.filter((d) => stockholmDate(d.lastSeenAt) === date);
}

export async function officeDay(db: Db, officeId: string, date: string, now: Date): Promise<OfficeDay> {
  const [queueRows, eventRows, desks] = await Promise.all([officeWithQueues(db, officeId), dayEvents(db, officeId, date), dayDesks(db, officeId, date)]);
  if (queueRows.length === 0) throw notFound('Office', 'id');

  const visitsById = new Map<string, DayVisit>();
  const events: DayEvent[] = eventRows.map((r) => {
    if (!visitsById.has(r.visitId)) {
      visitsById.set(r.visitId, {
        id: r.visitId, number: r.number, state: r.state, queueId: r.visitQueueId, officerUserId: r.visitOfficerUserId,
        arrivedAt: r.arrivedAt, queuedAt: r.queuedAt,
      });
    }
    return { visitId: r.visitId, kind: r.kind, at: r.at, queueId: r.queueId, officerUserId: r.officerUserId, officerName: r.officerName, counterName: r.counterName };
  });
  const queues = queueRows.flatMap((q) => (q.queueId && q.letter && q.agencyId ? [{ id: q.queueId, letter: q.letter, agencyId: q.agencyId }] : []));
  const live = date === stockholmDate(now);
  const summary = summariseDay({ queues, visits: [...visitsById.values()], events, desks, now, live });
  return { officeId, date, live, generatedAt: now.toISOString(), ...summary };
}
