// Tables of the Mötesplats day (issue 5, docs/motesplats.md): pathway templates, the day's stations and
// interpreters, household cases with members, consent (append-only), step statuses and notes, the
// stored plans and the events that re-plan them. Times of day are whole minutes after midnight, Swedish
// wall clock, as in the day planner (engines/dayplan/types.ts).
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, bigint, bigserial, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies, municipalities, offices, users } from './schema.ts';

/** A pathway template of an office: the validated steps as JSON (engines/dayplan TemplateStep[]). */
export const mpTemplates = pgTable('mp_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  officeId: uuid('office_id').notNull().references(() => offices.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  steps: jsonb('steps').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedByUserId: uuid('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
}, (t) => [
  uniqueIndex('mp_templates_office_name').on(t.officeId, t.name),
  check('mp_templates_steps_array', sql`jsonb_typeof(${t.steps}) = 'array'`),
]);

/** One Mötesplats day at an office: the template its households follow. */
export const mpDays = pgTable('mp_days', {
  id: uuid('id').primaryKey().defaultRandom(),
  officeId: uuid('office_id').notNull().references(() => offices.id, { onDelete: 'cascade' }),
  date: date('date', { mode: 'string' }).notNull(),
  templateId: uuid('template_id').notNull().references(() => mpTemplates.id),
}, (t) => [uniqueIndex('mp_days_office_date').on(t.officeId, t.date)]);

const minuteChecks = (name: string, start: AnyPgColumn, end: AnyPgColumn) =>
  check(name, sql`${start} >= 0 and ${end} <= 1440 and ${end} > ${start}`);

/** An officer at an agency station for the day; linked to a staff account where there is one. */
export const mpDayOfficers = pgTable('mp_day_officers', {
  id: uuid('id').primaryKey().defaultRandom(),
  dayId: uuid('day_id').notNull().references(() => mpDays.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  name: text('name').notNull(),
  station: text('station').notNull(),
  shiftStart: integer('shift_start').notNull(),
  shiftEnd: integer('shift_end').notNull(),
  /** [{ start, end }] in minutes. */
  breaks: jsonb('breaks').notNull().default(sql`'[]'::jsonb`),
  position: integer('position').notNull(),
}, (t) => [
  index('mp_day_officers_day').on(t.dayId),
  minuteChecks('mp_day_officers_shift', t.shiftStart, t.shiftEnd),
]);

export const mpDayInterpreters = pgTable('mp_day_interpreters', {
  id: uuid('id').primaryKey().defaultRandom(),
  dayId: uuid('day_id').notNull().references(() => mpDays.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  language: text('language').notNull(),
  shiftStart: integer('shift_start').notNull(),
  shiftEnd: integer('shift_end').notNull(),
  breaks: jsonb('breaks').notNull().default(sql`'[]'::jsonb`),
  position: integer('position').notNull(),
}, (t) => [
  index('mp_day_interpreters_day').on(t.dayId),
  minuteChecks('mp_day_interpreters_shift', t.shiftStart, t.shiftEnd),
]);

/** A newcomer household registered for a day at an office. */
export const mpHouseholds = pgTable('mp_households', {
  id: uuid('id').primaryKey().defaultRandom(),
  officeId: uuid('office_id').notNull().references(() => offices.id, { onDelete: 'cascade' }),
  date: date('date', { mode: 'string' }).notNull(),
  /** Short reference staff say aloud (e.g. H07), unique per office and day. */
  reference: text('reference').notNull(),
  language: text('language').notNull(),
  /** Migrationsverket's dossier number (docs/motesplats.md: format). */
  dossierNumber: text('dossier_number'),
  assignedKommunkod: text('assigned_kommunkod').references(() => municipalities.kommunkod),
  housingAssigned: boolean('housing_assigned').notNull(),
  housingAddress: text('housing_address'),
  /** Expected arrival, minutes after midnight; a late_arrival event moves it. */
  arrival: integer('arrival').notNull(),
  noShow: boolean('no_show').notNull().default(false),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
  registeredByUserId: uuid('registered_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  /** 192 random bits: the household's own itinerary link (public, read-only). */
  itineraryToken: text('itinerary_token').notNull().unique(),
}, (t) => [
  uniqueIndex('mp_households_reference').on(t.officeId, t.date, t.reference),
  check('mp_households_arrival', sql`${t.arrival} between 0 and 1439`),
  check('mp_households_address_needs_housing', sql`${t.housingAddress} is null or ${t.housingAssigned}`),
]);

export const mpMembers = pgTable('mp_members', {
  id: uuid('id').primaryKey().defaultRandom(),
  householdId: uuid('household_id').notNull().references(() => mpHouseholds.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  givenName: text('given_name').notNull(),
  birthYear: integer('birth_year').notNull(),
  needsInterpreter: boolean('needs_interpreter').notNull(),
  /** 12 digits (lib/personnummer.ts), personnummer or samordningsnummer; responses mask it (docs/motesplats.md). */
  identityNumber: text('identity_number'),
  /**
   * Skyddade personuppgifter (sekretessmarkering or skyddad folkbokföring): the name is shown to the
   * office's coordinator only, and the household's address to the coordinator and the municipality
   * (docs/motesplats.md, "Protected identity"). Per member, as Skatteverket marks persons.
   */
  protectedIdentity: boolean('protected_identity').notNull().default(false),
}, (t) => [
  uniqueIndex('mp_members_position').on(t.householdId, t.position),
  check('mp_members_birth_year', sql`${t.birthYear} between 1900 and 2100`),
  check('mp_members_identity_format', sql`${t.identityNumber} is null or ${t.identityNumber} ~ '^[0-9]{12}$'`),
]);

export const CONSENT_ACTIONS = ['given', 'withdrawn'] as const;

/**
 * Consent to share basic data with one agency: one append-only row per decision (a trigger in migration
 * 0006 refuses UPDATE and DELETE). The latest row per household and agency is the consent in force.
 */
export const mpConsents = pgTable('mp_consents', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  householdId: uuid('household_id').notNull().references(() => mpHouseholds.id, { onDelete: 'cascade' }),
  agencyId: uuid('agency_id').notNull().references(() => agencies.id),
  action: text('action', { enum: CONSENT_ACTIONS }).notNull(),
  fields: text('fields').array().notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  recordedByUserId: uuid('recorded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
}, (t) => [
  index('mp_consents_household').on(t.householdId, t.agencyId, t.id),
  check('mp_consents_action', sql`${t.action} in ('given', 'withdrawn')`),
  check('mp_consents_withdrawn_empty', sql`(${t.action} = 'withdrawn') = (cardinality(${t.fields}) = 0)`),
]);

export const STEP_STATUSES = ['planned', 'in_progress', 'done', 'needs_follow_up', 'not_applicable'] as const;

/** The status of one task (a task id as the day planner's expandDay makes it); no row means planned. */
export const mpStepStatuses = pgTable('mp_step_statuses', {
  householdId: uuid('household_id').notNull().references(() => mpHouseholds.id, { onDelete: 'cascade' }),
  taskId: text('task_id').notNull(),
  status: text('status', { enum: STEP_STATUSES }).notNull(),
  reason: text('reason'),
  startedAt: timestamp('started_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  /** The agency whose officer last set it; a reason is that agency's to read (docs/motesplats.md). */
  agencyId: uuid('agency_id').references(() => agencies.id),
  updatedByUserId: uuid('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.householdId, t.taskId] }),
  check('mp_step_statuses_status', sql`${t.status} in ('planned', 'in_progress', 'done', 'needs_follow_up', 'not_applicable')`),
  check('mp_step_statuses_reason', sql`${t.status} not in ('needs_follow_up', 'not_applicable') or coalesce(${t.reason}, '') <> ''`),
  check('mp_step_statuses_finish_after_start', sql`${t.finishedAt} is null or ${t.startedAt} is null or ${t.finishedAt} >= ${t.startedAt}`),
]);

/** A step note: written by an agency officer for their agency's case; read by that agency only. */
export const mpStepNotes = pgTable('mp_step_notes', {
  id: uuid('id').primaryKey().defaultRandom(),
  householdId: uuid('household_id').notNull().references(() => mpHouseholds.id, { onDelete: 'cascade' }),
  taskId: text('task_id').notNull(),
  agencyId: uuid('agency_id').notNull().references(() => agencies.id),
  text: text('text').notNull(),
  writtenByUserId: uuid('written_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('mp_step_notes_household_agency').on(t.householdId, t.agencyId)]);

/** Every plan of a day, numbered: the latest is the one the day runs on; older ones show what changed. */
export const mpPlans = pgTable('mp_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  dayId: uuid('day_id').notNull().references(() => mpDays.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  /** The DayInput planned (engines/dayplan), so a plan can be checked and re-planned as it was made. */
  input: jsonb('input').notNull(),
  /** The DayPlan. */
  plan: jsonb('plan').notNull(),
  /** The event that made this plan; null for a plan made by the coordinator's "plan the day". */
  eventId: bigint('event_id', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
}, (t) => [uniqueIndex('mp_plans_day_version').on(t.dayId, t.version)]);

export const DAY_EVENT_KINDS = ['late_arrival', 'no_show', 'step_overrun', 'officer_leaves', 'interpreter_leaves', 'follow_up'] as const;

/** What happened during the day, in order; each re-planned the rest of it. */
export const mpDayEvents = pgTable('mp_day_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  dayId: uuid('day_id').notNull().references(() => mpDays.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: DAY_EVENT_KINDS }).notNull(),
  details: jsonb('details').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  byUserId: uuid('by_user_id').references(() => users.id, { onDelete: 'set null' }),
}, (t) => [
  index('mp_day_events_day').on(t.dayId, t.at),
  check('mp_day_events_kind', sql`${t.kind} in ('late_arrival', 'no_show', 'step_overrun', 'officer_leaves', 'interpreter_leaves', 'follow_up')`),
]);
