// Tables of the visit flow at an office: queues, tickets (visits) with their services, the numbering
// counter, and the append-only event log every report is built from. Integrity lives here: ticket
// numbers are unique per office and day, and states and event kinds are checked.
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, bigint, bigserial, boolean, check, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies, mobileVisits, offices, services, users } from './schema.ts';

/** One queue per agency at an office; its letter prefixes the ticket numbers (A012). */
export const officeQueues = pgTable('office_queues', {
  id: uuid('id').primaryKey().defaultRandom(),
  officeId: uuid('office_id').notNull().references(() => offices.id, { onDelete: 'cascade' }),
  agencyId: uuid('agency_id').notNull().references(() => agencies.id),
  letter: text('letter').notNull(),
}, (t) => [
  uniqueIndex('office_queues_office_letter').on(t.officeId, t.letter),
  uniqueIndex('office_queues_office_agency').on(t.officeId, t.agencyId),
  check('office_queues_letter', sql`${t.letter} ~ '^[A-Z]$'`),
]);

/**
 * The last number handed out per office, day and letter. Taking a ticket increments it with
 * INSERT … ON CONFLICT DO UPDATE … RETURNING, which row-locks, so two kiosks never get the same number
 * and a restart continues where it stopped. No upper bound: after 999 the numbers go on with four
 * digits (A999, A1000; docs/queue.md).
 */
export const ticketSequences = pgTable('ticket_sequences', {
  officeId: uuid('office_id').notNull().references(() => offices.id, { onDelete: 'cascade' }),
  serviceDate: date('service_date', { mode: 'string' }).notNull(),
  letter: text('letter').notNull(),
  lastNumber: integer('last_number').notNull(),
}, (t) => [primaryKey({ columns: [t.officeId, t.serviceDate, t.letter] }), check('ticket_sequences_range', sql`${t.lastNumber} >= 1`)]);

export const VISIT_STATES = ['waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'cancelled'] as const;

/** A visit: one ticket, one or more services, moving through the queues of one office on one day. */
export const visits = pgTable('visits', {
  id: uuid('id').primaryKey().defaultRandom(),
  officeId: uuid('office_id').notNull().references(() => offices.id, { onDelete: 'cascade' }),
  serviceDate: date('service_date', { mode: 'string' }).notNull(),
  letter: text('letter').notNull(),
  seq: integer('seq').notNull(),
  /** Display form: the letter and at least three digits, e.g. A012, A999, A1000. */
  number: text('number').notNull(),
  queueId: uuid('queue_id').notNull().references(() => officeQueues.id),
  state: text('state', { enum: VISIT_STATES }).notNull().default('waiting'),
  /** When the visitor took the ticket or checked in. */
  arrivedAt: timestamp('arrived_at', { withTimezone: true }).notNull().defaultNow(),
  /**
   * The visitor's place in line: the arrival time for walk-ins, the booked time for booked visitors who
   * checked in. Kept on transfer, so a transferred visitor keeps their place.
   */
  queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
  appointmentId: uuid('appointment_id').references((): AnyPgColumn => appointments.id),
  priority: boolean('priority').notNull().default(false),
  language: text('language').notNull().default('sv'),
  phone: text('phone'),
  recallCount: integer('recall_count').notNull().default(0),
  calledAt: timestamp('called_at', { withTimezone: true }),
  counterName: text('counter_name'),
  officerUserId: uuid('officer_user_id').references(() => users.id),
  /**
   * When the "you are next" SMS was sent. Set by the same UPDATE that claims the sending (where it is
   * still null), so two app instances never both send it; cleared again if the send fails.
   */
  nextNotifiedAt: timestamp('next_notified_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  /**
   * The office's change counter at this row's last write, set by a trigger (migration 0004) from
   * office_visit_versions. Lets a server keep the office's live queue in memory and read only what
   * changed since (modules/visits/live.ts).
   */
  version: bigint('version', { mode: 'number' }).notNull().default(0),
}, (t) => [
  index('visits_office_version_idx').on(t.officeId, t.version),
  uniqueIndex('visits_office_day_number').on(t.officeId, t.serviceDate, t.letter, t.seq),
  index('visits_waiting_idx').on(t.officeId, t.serviceDate, t.state),
  uniqueIndex('visits_appointment_unique').on(t.appointmentId),
  check('visits_state', sql`${t.state} in ('waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'cancelled')`),
  check('visits_seq_range', sql`${t.seq} >= 1`),
  check('visits_called_has_officer', sql`${t.state} not in ('called', 'serving') or (${t.officerUserId} is not null and ${t.counterName} is not null)`),
]);

export const visitServices = pgTable('visit_services', {
  visitId: uuid('visit_id').notNull().references(() => visits.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  serviceId: uuid('service_id').notNull().references(() => services.id),
  status: text('status', { enum: ['pending', 'done', 'not_done'] }).notNull().default('pending'),
  /** The agency whose officer performed it, when another agency or office staff acted on the owner's behalf. */
  performedByAgencyId: uuid('performed_by_agency_id').references(() => agencies.id),
}, (t) => [
  primaryKey({ columns: [t.visitId, t.position] }),
  check('visit_services_status', sql`${t.status} in ('pending', 'done', 'not_done')`),
]);

export const VISIT_EVENT_KINDS = ['arrived', 'called', 'recalled', 'serving_started', 'parked', 'resumed', 'transferred', 'finished', 'no_show', 'cancelled'] as const;

/** Every moment of a visit, append-only, with who, where and for which agency. */
export const visitEvents = pgTable('visit_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  visitId: uuid('visit_id').notNull().references(() => visits.id, { onDelete: 'cascade' }),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  kind: text('kind', { enum: VISIT_EVENT_KINDS }).notNull(),
  officerUserId: uuid('officer_user_id').references(() => users.id),
  counterName: text('counter_name'),
  agencyId: uuid('agency_id').references(() => agencies.id),
  queueId: uuid('queue_id').references(() => officeQueues.id),
  details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
}, (t) => [
  index('visit_events_visit_idx').on(t.visitId),
  check('visit_events_kind', sql`${t.kind} in ('arrived', 'called', 'recalled', 'serving_started', 'parked', 'resumed', 'transferred', 'finished', 'no_show', 'cancelled')`),
]);

/**
 * Booked appointments (issue 4, docs/booking.md). The visit flow checks a booked visitor in with the
 * code; the booking module creates and manages the rows. Capacity is not checked here but in
 * booking_holds, whose exclusion constraint makes a double booking impossible.
 */
export const appointments = pgTable('appointments', {
  id: uuid('id').primaryKey().defaultRandom(),
  officeId: uuid('office_id').notNull().references(() => offices.id, { onDelete: 'cascade' }),
  serviceId: uuid('service_id').notNull().references(() => services.id),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  code: text('code').notNull().unique(),
  /**
   * The random token in the visitor's manage link (with the code it opens the booking). Kept as is, not
   * hashed: reminders repeat the link, and it unlocks only this row, whose data sits beside it anyway.
   */
  manageToken: text('manage_token'),
  channel: text('channel', { enum: ['in_person', 'video'] }).notNull().default('in_person'),
  mobileVisitId: uuid('mobile_visit_id').references(() => mobileVisits.id, { onDelete: 'cascade' }),
  visitorName: text('visitor_name').notNull(),
  /** Skyddade personuppgifter: staff lists show a label instead of the name (docs/booking.md, "Protected identity"). */
  protectedIdentity: boolean('protected_identity').notNull().default(false),
  email: text('email'),
  /** E.164. */
  phone: text('phone'),
  /** 12 digits (lib/personnummer.ts); API responses show it masked only. */
  personnummer: text('personnummer'),
  interpreterLanguage: text('interpreter_language'),
  language: text('language').notNull().default('sv'),
  status: text('status', { enum: ['booked', 'checked_in', 'cancelled', 'no_show'] }).notNull().default('booked'),
  /** The staff member who booked on the visitor's behalf; null when the visitor booked. */
  createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  /** Video meetings: the office's video room (1..videoRooms), the agency officer and the join link. */
  videoRoom: integer('video_room'),
  officerUserId: uuid('officer_user_id').references(() => users.id),
  joinUrl: text('join_url'),
  /** Set by the UPDATE that claims the reminder, so two servers never both send it. */
  reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
}, (t) => [
  index('appointments_office_start').on(t.officeId, t.startsAt),
  index('appointments_officer_start').on(t.officerUserId, t.startsAt),
  index('appointments_mobile_visit').on(t.mobileVisitId),
  index('appointments_reminder_due').on(t.startsAt).where(sql`${t.reminderSentAt} is null and ${t.status} = 'booked'`),
  // The open-booking cap per contact and service (booking/contact-cap.ts) looks open bookings up by each contact.
  index('appointments_open_email').on(sql`lower(regexp_replace(${t.email}, '\\+[^@]*@', '@'))`).where(sql`${t.status} = 'booked'`),
  index('appointments_open_phone').on(t.phone).where(sql`${t.status} = 'booked'`),
  index('appointments_open_personnummer').on(t.personnummer).where(sql`${t.status} = 'booked'`),
  check('appointments_status', sql`${t.status} in ('booked', 'checked_in', 'cancelled', 'no_show')`),
  check('appointments_code_format', sql`${t.code} ~ '^[A-Z0-9]{6,10}$'`),
  check('appointments_channel', sql`${t.channel} in ('in_person', 'video')`),
  check('appointments_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  check('appointments_video_has_room', sql`${t.channel} <> 'video' or (${t.videoRoom} is not null and ${t.officerUserId} is not null)`),
  check('appointments_cancelled_at', sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null)`),
]);

/** A PostgreSQL tstzrange, written and read as its text form ('[2026-12-03 09:00:00+00,2026-12-03 09:30:00+00)'). */
const tstzrange = customType<{ data: string; driverData: string }>({ dataType: () => 'tstzrange' });

/**
 * The units of capacity a booking holds: one row per pool it needs (an agency's officers at the office,
 * the counters, a video room, one agency officer, a mobile team), each on one unit number 1..capacity,
 * during the booked time plus buffers. `EXCLUDE USING gist (pool_key WITH =, unit WITH =, during WITH &&)`
 * (migration 0005) rejects two overlapping holds on one unit, so no interleaving of requests can put more
 * bookings in a pool than it has units. Cancelling deletes the rows.
 */
export const bookingHolds = pgTable('booking_holds', {
  appointmentId: uuid('appointment_id').notNull().references(() => appointments.id, { onDelete: 'cascade' }),
  poolKey: text('pool_key').notNull(),
  unit: integer('unit').notNull(),
  during: tstzrange('during').notNull(),
}, (t) => [
  primaryKey({ columns: [t.appointmentId, t.poolKey] }),
  check('booking_holds_unit', sql`${t.unit} >= 1`),
]);

/**
 * Who is at which counter serving which queues, refreshed at every call: the wait estimate counts the
 * officers seen recently as open counters.
 */
export const deskSessions = pgTable('desk_sessions', {
  officeId: uuid('office_id').notNull().references(() => offices.id, { onDelete: 'cascade' }),
  officerUserId: uuid('officer_user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  counterName: text('counter_name').notNull(),
  queueIds: uuid('queue_ids').array().notNull(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.officeId, t.officerUserId] })]);

/**
 * One change counter per office, bumped by the visits trigger on every insert and update of a visit. The
 * row lock it takes orders the office's visit writes, so once a version is visible every lower one is
 * too: "everything after version v" is a complete delta.
 */
export const officeVisitVersions = pgTable('office_visit_versions', {
  officeId: uuid('office_id').primaryKey().references(() => offices.id, { onDelete: 'cascade' }),
  version: bigint('version', { mode: 'number' }).notNull(),
});

/**
 * Kiosk devices an office's manager registered (modules/visits/kiosk-devices.ts). The device keeps a long
 * random token (shown once, stored here only as its SHA-256) and sends it with tickets and check-ins, which
 * then skip the per-address limit: the entrance tablet serves everyone from one address. Revoking keeps the
 * row, so the list shows what was revoked and when.
 */
export const kioskDevices = pgTable('kiosk_devices', {
  id: uuid('id').primaryKey().defaultRandom(),
  officeId: uuid('office_id').notNull().references(() => offices.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [
  index('kiosk_devices_office').on(t.officeId),
  check('kiosk_devices_name', sql`length(${t.name}) between 1 and 80`),
]);
