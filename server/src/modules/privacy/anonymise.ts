// The anonymising steps shared by retention (by age) and erasure (by person): each step is given WHICH rows
// (an SQL condition) and knows HOW to strip them. A step only touches rows that still hold personal data,
// so its count is what it would change (a dry run) and a second run changes nothing (idempotent).
// No schema change: columns are cleared in place and pure personal payload (notes, messages) is deleted,
// while the rows statistics are built from (visit times, events, appointment status, step times) stay.
import { and, count, eq, gt, isNotNull, lt, ne, notLike, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/client.ts';
import { emailOutbox, sessions, smsOutbox } from '../../db/schema.ts';
import { appointments, bookingHolds, visitEvents, visits } from '../../db/schema-visits.ts';
import { mpHouseholds, mpMembers, mpStepNotes, mpStepStatuses } from '../../db/schema-motesplats.ts';
import type { RetentionCounts } from '../../../../contracts/privacy.ts';

export type CountKey = keyof RetentionCounts;

export interface Step {
  key: CountKey;
  /** Rows the step would change now. */
  count(q: Db | Tx): Promise<number>;
  /** Changes them; returns how many. */
  apply(tx: Tx): Promise<number>;
}

export const zeroCounts = (): RetentionCounts => ({
  visits: 0, transferNotes: 0, bookings: 0, bookingsCancelled: 0, households: 0, members: 0, stepNotes: 0, stepReasons: 0,
  smsOutbox: 0, emailOutbox: 0, sessions: 0,
});

/** Marks a household as anonymised: its link token can no longer be a real one (those are base64url). */
const ERASED_TOKEN = 'erased:';
/** Statuses needs_follow_up and not_applicable must keep a reason (check constraint), so it is replaced. */
const ERASED_REASON = '[raderad]';

async function countWhere(q: Db | Tx, table: PgTable, where: SQL | undefined): Promise<number> {
  const [row] = await q.select({ n: count() }).from(table).where(where);
  return row?.n ?? 0;
}

function step(key: CountKey, table: PgTable, pending: SQL | undefined, apply: (tx: Tx, pending: SQL | undefined) => Promise<unknown[]>): Step {
  return { key, count: (q) => countWhere(q, table, pending), apply: async (tx) => (await apply(tx, pending)).length };
}

/** The mobile number the visitor gave for SMS; the visit itself (times, queue, outcome) stays. */
export const visitPhones = (where: SQL): Step =>
  step('visits', visits, and(where, isNotNull(visits.phone)), (tx, p) =>
    tx.update(visits).set({ phone: null }).where(p).returning({ id: visits.id }));

/** Free-text transfer notes of the visits (the transfer event, with its times and agencies, stays). Run before visitPhones when `where` is by phone. */
export const transferNotes = (visitWhere: SQL): Step =>
  step('transferNotes', visitEvents, and(
    eq(visitEvents.kind, 'transferred'),
    sql`${visitEvents.details}->>'note' is not null`,
    sql`${visitEvents.visitId} in (select ${visits.id} from ${visits} where ${visitWhere})`,
  ), (tx, p) => tx.update(visitEvents).set({ details: sql`${visitEvents.details} - 'note'` }).where(p).returning({ id: visitEvents.id }));

/** Name, contact, identity number and link secrets of a booking; office, service, times, channel, status stay. */
export const bookings = (where: SQL): Step =>
  step('bookings', appointments, and(where, or(
    ne(appointments.visitorName, ''), isNotNull(appointments.email), isNotNull(appointments.phone),
    isNotNull(appointments.personnummer), isNotNull(appointments.manageToken), isNotNull(appointments.joinUrl),
  )), (tx, p) => tx.update(appointments)
    .set({ visitorName: '', email: null, phone: null, personnummer: null, manageToken: null, joinUrl: null })
    .where(p).returning({ id: appointments.id }));

/**
 * Erasure only: a booking still ahead cannot stand without a name and contact, so it is cancelled and its
 * capacity freed (as a visitor's own cancellation does). Run before `bookings`, which clears what `where` may match on.
 */
export const cancelAhead = (where: SQL, now: Date): Step => {
  const pending = and(where, eq(appointments.status, 'booked'), gt(appointments.startsAt, now));
  return {
    key: 'bookingsCancelled',
    count: (q) => countWhere(q, appointments, pending),
    apply: async (tx) => {
      const rows = await tx.update(appointments).set({ status: 'cancelled', cancelledAt: now }).where(pending).returning({ id: appointments.id });
      for (const r of rows) await tx.delete(bookingHolds).where(eq(bookingHolds.appointmentId, r.id));
      return rows.length;
    },
  };
};

const ofHouseholds = (column: AnyPgColumn, where: SQL) =>
  sql`${column} in (select ${mpHouseholds.id} from ${mpHouseholds} where ${where})`;

/**
 * A Mötesplats household: dossier number, housing address and the itinerary link go; members lose name and
 * identity number; notes are deleted and free-text reasons replaced. Kept: the day, arrival, language,
 * members' birth years and interpreter needs (the day's tasks and the lead-time report are computed from
 * them), step statuses and times, and consent rows (append-only: the record that sharing was lawful).
 */
export const households = (where: SQL): Step[] => [
  step('members', mpMembers, and(ofHouseholds(mpMembers.householdId, where), or(ne(mpMembers.givenName, ''), isNotNull(mpMembers.identityNumber))),
    (tx, p) => tx.update(mpMembers).set({ givenName: '', identityNumber: null }).where(p).returning({ id: mpMembers.id })),
  step('stepNotes', mpStepNotes, ofHouseholds(mpStepNotes.householdId, where),
    (tx, p) => tx.delete(mpStepNotes).where(p).returning({ id: mpStepNotes.id })),
  step('stepReasons', mpStepStatuses, and(ofHouseholds(mpStepStatuses.householdId, where), isNotNull(mpStepStatuses.reason), ne(mpStepStatuses.reason, ERASED_REASON)),
    (tx, p) => tx.update(mpStepStatuses)
      .set({ reason: sql`case when ${mpStepStatuses.status} in ('needs_follow_up', 'not_applicable') then ${ERASED_REASON} else null end` })
      .where(p).returning({ id: mpStepStatuses.taskId })),
  step('households', mpHouseholds, and(where, notLike(mpHouseholds.itineraryToken, `${ERASED_TOKEN}%`)),
    (tx, p) => tx.update(mpHouseholds)
      .set({ dossierNumber: null, housingAddress: null, itineraryToken: sql`${ERASED_TOKEN} || ${mpHouseholds.id}::text` })
      .where(p).returning({ id: mpHouseholds.id })),
];

/** Outbox messages are pure personal payload (recipient and text) with no statistic in them: deleted. */
export const smsMessages = (where: SQL): Step =>
  step('smsOutbox', smsOutbox, where, (tx, p) => tx.delete(smsOutbox).where(p).returning({ id: smsOutbox.id }));
export const emailMessages = (where: SQL): Step =>
  step('emailOutbox', emailOutbox, where, (tx, p) => tx.delete(emailOutbox).where(p).returning({ id: emailOutbox.id }));

/** Sessions expire by the real clock (auth/service.ts), not the app's, which demos and tests move. */
export const expiredSessions = (): Step =>
  step('sessions', sessions, lt(sessions.expiresAt, new Date()), (tx, p) => tx.delete(sessions).where(p).returning({ id: sessions.tokenHash }));

/**
 * Runs groups of steps: each group in one transaction (a group is one kind of data, so a failure leaves
 * every kind either done or untouched). A dry run only counts.
 */
export async function runGroups(db: Db, groups: Step[][], dryRun: boolean): Promise<RetentionCounts> {
  const counts = zeroCounts();
  for (const group of groups) {
    if (dryRun) {
      for (const s of group) counts[s.key] += await s.count(db);
      continue;
    }
    const done = await db.transaction(async (tx) => {
      const out: Array<[CountKey, number]> = [];
      for (const s of group) out.push([s.key, await s.apply(tx)]);
      return out;
    });
    for (const [key, n] of done) counts[key] += n;
  }
  return counts;
}
