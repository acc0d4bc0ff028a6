// The one database schema (Drizzle), for PGlite and PostgreSQL alike. Integrity lives here:
// foreign keys, checks and uniques, so no code path can write a row the rules forbid.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// ---------- reference geography (SCB data, see data/SOURCES.md) ----------
export const counties = pgTable('counties', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  population: integer('population').notNull(),
}, (t) => [check('counties_code_format', sql`${t.code} ~ '^[0-9]{2}$'`)]);

export const municipalities = pgTable('municipalities', {
  kommunkod: text('kommunkod').primaryKey(),
  name: text('name').notNull(),
  countyCode: text('county_code').notNull().references(() => counties.code),
  population: integer('population').notNull(),
  lat: doublePrecision('lat').notNull(),
  lon: doublePrecision('lon').notNull(),
  seatName: text('seat_name').notNull(),
}, (t) => [
  check('municipalities_kommunkod_format', sql`${t.kommunkod} ~ '^[0-9]{4}$'`),
  check('municipalities_population_nonneg', sql`${t.population} >= 0`),
]);

export const localities = pgTable('localities', {
  tatortskod: text('tatortskod').primaryKey(),
  name: text('name').notNull(),
  kommunkod: text('kommunkod').notNull().references(() => municipalities.kommunkod),
  population: integer('population').notNull(),
  lat: doublePrecision('lat').notNull(),
  lon: doublePrecision('lon').notNull(),
}, (t) => [index('localities_kommunkod_idx').on(t.kommunkod)]);

export const holidays = pgTable('holidays', {
  date: date('date', { mode: 'string' }).primaryKey(),
  nameSv: text('name_sv').notNull(),
  nameEn: text('name_en').notNull(),
  /** Public holiday or de-facto holiday eve (Midsommarafton, Julafton, Nyårsafton): offices closed. */
  nonWorkingDay: boolean('non_working_day').notNull(),
});

// ---------- registry ----------
export const agencies = pgTable('agencies', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  nameSv: text('name_sv').notNull(),
  nameEn: text('name_en').notNull(),
  kind: text('kind', { enum: ['state_agency', 'municipality'] }).notNull(),
  kommunkod: text('kommunkod').references(() => municipalities.kommunkod),
  website: text('website'),
}, (t) => [
  check('agencies_kind', sql`${t.kind} in ('state_agency', 'municipality')`),
  // A municipality agency belongs to exactly one kommun; a state agency to none.
  check('agencies_kommun_matches_kind', sql`(${t.kind} = 'municipality') = (${t.kommunkod} is not null)`),
  // Republished through HSDS and shown as a link: never javascript: or data: URLs.
  check('agencies_website_http', sql`${t.website} is null or ${t.website} ~ '^https?://'`),
]);

export const capabilities = pgTable('capabilities', {
  code: text('code').primaryKey(),
  nameSv: text('name_sv').notNull(),
  nameEn: text('name_en').notNull(),
});

export const services = pgTable('services', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull().references(() => agencies.id),
  nameSv: text('name_sv').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionSv: text('description_sv').notNull().default(''),
  descriptionEn: text('description_en').notNull().default(''),
  durationMin: integer('duration_min').notNull(),
  channels: text('channels').array().notNull(),
}, (t) => [
  uniqueIndex('services_agency_name_sv').on(t.agencyId, t.nameSv),
  check('services_duration_range', sql`${t.durationMin} between 5 and 480`),
  check('services_channels_valid', sql`cardinality(${t.channels}) >= 1 and ${t.channels} <@ array['in_person','video','mobile','service_point']::text[]`),
]);

export const serviceCapabilities = pgTable('service_capabilities', {
  serviceId: uuid('service_id').notNull().references(() => services.id, { onDelete: 'cascade' }),
  capability: text('capability').notNull().references(() => capabilities.code),
}, (t) => [primaryKey({ columns: [t.serviceId, t.capability] })]);

/** Tjänstesamverkan: who may perform a service on its owning agency's behalf. */
export const servicePerformers = pgTable('service_performers', {
  id: uuid('id').primaryKey().defaultRandom(),
  serviceId: uuid('service_id').notNull().references(() => services.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ['agency', 'office_staff'] }).notNull(),
  agencyId: uuid('agency_id').references(() => agencies.id),
}, (t) => [
  check('service_performers_kind', sql`${t.kind} in ('agency', 'office_staff')`),
  check('service_performers_agency_iff_kind', sql`(${t.kind} = 'agency') = (${t.agencyId} is not null)`),
  uniqueIndex('service_performers_unique').on(t.serviceId, t.kind, sql`coalesce(${t.agencyId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
]);

export const offices = pgTable('offices', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  tier: text('tier', { enum: ['servicekontor', 'servicecenter', 'servicepunkt', 'mobile_stop'] }).notNull(),
  isMotesplats: boolean('is_motesplats').notNull().default(false),
  isDemo: boolean('is_demo').notNull().default(false),
  partnerName: text('partner_name'),
  hubOfficeId: uuid('hub_office_id').references((): AnyPgColumn => offices.id),
  street: text('street').notNull(),
  postalCode: text('postal_code').notNull(),
  city: text('city').notNull(),
  kommunkod: text('kommunkod').notNull().references(() => municipalities.kommunkod),
  lat: doublePrecision('lat').notNull(),
  lon: doublePrecision('lon').notNull(),
  counters: integer('counters').notNull().default(0),
  /** Recalls allowed before the desk must mark a visitor as not showing up (visit flow). */
  maxRecalls: integer('max_recalls').notNull().default(3),
  videoRooms: integer('video_rooms').notNull().default(0),
  languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
  accessibilityNotes: text('accessibility_notes').notNull().default(''),
  phone: text('phone'),
  email: text('email'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('offices_name_unique').on(t.name),
  index('offices_kommunkod_idx').on(t.kommunkod),
  check('offices_tier', sql`${t.tier} in ('servicekontor', 'servicecenter', 'servicepunkt', 'mobile_stop')`),
  // Sweden's bounding box, so a swapped lat/lon cannot be stored.
  check('offices_coordinates_in_sweden', sql`${t.lat} between 55 and 69.1 and ${t.lon} between 10.9 and 24.2`),
  check('offices_counts_nonneg', sql`${t.counters} >= 0 and ${t.videoRooms} >= 0`),
  check('offices_max_recalls_range', sql`${t.maxRecalls} between 0 and 10`),
  check('offices_servicepunkt_partner', sql`${t.tier} <> 'servicepunkt' or ${t.partnerName} is not null`),
  check('offices_mobile_stop_hub', sql`${t.tier} <> 'mobile_stop' or ${t.hubOfficeId} is not null`),
  check('offices_hub_not_self', sql`${t.hubOfficeId} is null or ${t.hubOfficeId} <> ${t.id}`),
]);

export const officeCapabilities = pgTable('office_capabilities', {
  officeId: uuid('office_id').notNull().references(() => offices.id, { onDelete: 'cascade' }),
  capability: text('capability').notNull().references(() => capabilities.code),
}, (t) => [primaryKey({ columns: [t.officeId, t.capability] })]);

export const officeOpeningHours = pgTable('office_opening_hours', {
  officeId: uuid('office_id').notNull().references(() => offices.id, { onDelete: 'cascade' }),
  weekday: integer('weekday').notNull(),
  opens: time('opens').notNull(),
  closes: time('closes').notNull(),
}, (t) => [
  primaryKey({ columns: [t.officeId, t.weekday, t.opens] }),
  check('office_hours_weekday', sql`${t.weekday} between 1 and 7`),
  check('office_hours_order', sql`${t.closes} > ${t.opens}`),
]);

export const officeDateExceptions = pgTable('office_date_exceptions', {
  officeId: uuid('office_id').notNull().references(() => offices.id, { onDelete: 'cascade' }),
  date: date('date', { mode: 'string' }).notNull(),
  closed: boolean('closed').notNull(),
  opens: time('opens'),
  closes: time('closes'),
  note: text('note').notNull().default(''),
}, (t) => [
  primaryKey({ columns: [t.officeId, t.date] }),
  check('office_exception_hours', sql`(${t.closed} and ${t.opens} is null and ${t.closes} is null) or (not ${t.closed} and ${t.opens} is not null and ${t.closes} > ${t.opens})`),
]);

/** Which agencies staff the office on which ISO weekdays. */
export const officeAgencyDays = pgTable('office_agency_days', {
  officeId: uuid('office_id').notNull().references(() => offices.id, { onDelete: 'cascade' }),
  agencyId: uuid('agency_id').notNull().references(() => agencies.id),
  weekday: integer('weekday').notNull(),
}, (t) => [
  primaryKey({ columns: [t.officeId, t.agencyId, t.weekday] }),
  check('office_agency_days_weekday', sql`${t.weekday} between 1 and 7`),
]);

export const officeServices = pgTable('office_services', {
  officeId: uuid('office_id').notNull().references(() => offices.id, { onDelete: 'cascade' }),
  serviceId: uuid('service_id').notNull().references(() => services.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.officeId, t.serviceId] }), index('office_services_service_idx').on(t.serviceId)]);

/** Denormalised, folded text for the forgiving search; rebuilt from the registry on every write. */
export const searchEntries = pgTable('search_entries', {
  kind: text('kind', { enum: ['service', 'office', 'agency', 'municipality', 'locality'] }).notNull(),
  refId: text('ref_id').notNull(),
  label: text('label').notNull(),
  detail: text('detail').notNull(),
  folded: text('folded').notNull(),
  /** Vowel-class skeleton of the folded text, so OCR-damaged vowels (ä read as i) still match. */
  skeleton: text('skeleton').notNull(),
  weight: doublePrecision('weight').notNull().default(1),
  lat: doublePrecision('lat'),
  lon: doublePrecision('lon'),
}, (t) => [primaryKey({ columns: [t.kind, t.refId] })]);

// ---------- access ----------
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  // The identity provider's stable identity for this account (issuer, `sub`), bound at its first OIDC login
  // (decision 0009): later logins follow it, not the username claim, which the IdP may let people change.
  oidcIssuer: text('oidc_issuer'),
  oidcSubject: text('oidc_subject'),
}, (t) => [
  check('users_username_format', sql`${t.username} ~ '^[a-z0-9._-]{3,64}$'`),
  check('users_oidc_binding_whole', sql`(${t.oidcIssuer} is null) = (${t.oidcSubject} is null)`),
  uniqueIndex('users_oidc_binding_idx').on(t.oidcIssuer, t.oidcSubject).where(sql`${t.oidcIssuer} is not null and ${t.oidcSubject} is not null`),
]);

export const ROLES = ['service_officer', 'agency_officer', 'coordinator', 'office_manager', 'planner', 'admin'] as const;
export const userRoles = pgTable('user_roles', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  role: text('role', { enum: ROLES }).notNull(),
  agencyId: uuid('agency_id').references(() => agencies.id),
  officeId: uuid('office_id').references(() => offices.id, { onDelete: 'cascade' }),
  countyCode: text('county_code').references(() => counties.code),
}, (t) => [
  check('user_roles_role', sql`${t.role} in ('service_officer', 'agency_officer', 'coordinator', 'office_manager', 'planner', 'admin')`),
  check('user_roles_agency_officer_scoped', sql`${t.role} <> 'agency_officer' or ${t.agencyId} is not null`),
  check('user_roles_office_scoped', sql`${t.role} not in ('service_officer', 'office_manager', 'coordinator') or ${t.officeId} is not null`),
  index('user_roles_user_idx').on(t.userId),
]);

export const sessions = pgTable('sessions', {
  /** SHA-256 of the cookie token, so a leaked table cannot be replayed. */
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

/**
 * Failed password logins per account (`key` is the user's id) and per client address (`key` is the IPv4
 * address or the IPv6 /64), shared by every server (modules/auth/throttle.ts, decision 0012). No typed
 * username or password is kept: a name that is no account is counted only against its address.
 */
export const loginThrottle = pgTable('login_throttle', {
  scope: text('scope').notNull(),
  key: text('key').notNull(),
  failures: integer('failures').notNull(),
  /** The first failure of the current run; the run is forgotten a window after it. */
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
}, (t) => [
  primaryKey({ columns: [t.scope, t.key] }),
  check('login_throttle_scope', sql`${t.scope} in ('account', 'address')`),
  check('login_throttle_failures', sql`${t.failures} >= 0`),
  index('login_throttle_last_failure_idx').on(t.lastFailureAt),
]);

/** Append-only: a trigger (migration 0001) rejects UPDATE and DELETE. */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorUserId: uuid('actor_user_id'),
  action: text('action').notNull(),
  resourceType: text('resource_type').notNull(),
  resourceId: text('resource_id'),
  requestId: text('request_id'),
  ip: text('ip'),
  outcome: text('outcome').notNull(),
  details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
}, (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_resource_idx').on(t.resourceType, t.resourceId)]);

/**
 * Text messages of the local SMS adapter (`SMS_PROVIDER=outbox`, the default): written here instead of
 * being sent, so development and tests can read what a visitor would have received, also after a restart.
 */
export const smsOutbox = pgTable('sms_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sender: text('sender').notNull(),
  recipient: text('recipient').notNull(),
  text: text('text').notNull(),
}, (t) => [index('sms_outbox_recipient_idx').on(t.recipient, t.createdAt)]);

/** Emails of the local email adapter (`EMAIL_PROVIDER=outbox`, the default), like sms_outbox. */
export const emailOutbox = pgTable('email_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sender: text('sender').notNull(),
  recipient: text('recipient').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
}, (t) => [index('email_outbox_recipient_idx').on(t.recipient, t.createdAt)]);

// ---------- booking (issue 4; docs/booking.md) ----------
/**
 * How many officers of an agency are at the office on a weekday, for the booking pools. Kept apart from
 * office_agency_days (which says whether the agency is there at all, and is rewritten on every office
 * edit): a missing row means one officer.
 */
export const officeStaffing = pgTable('office_staffing', {
  officeId: uuid('office_id').notNull().references(() => offices.id, { onDelete: 'cascade' }),
  agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
  weekday: integer('weekday').notNull(),
  officers: integer('officers').notNull(),
}, (t) => [
  primaryKey({ columns: [t.officeId, t.agencyId, t.weekday] }),
  check('office_staffing_weekday', sql`${t.weekday} between 1 and 7`),
  check('office_staffing_officers', sql`${t.officers} between 0 and 50`),
]);

/** Booking rules of a service at an office, set by the office manager; a missing row means the defaults (modules/booking/settings.ts). */
export const bookingSettings = pgTable('booking_settings', {
  officeId: uuid('office_id').notNull().references(() => offices.id, { onDelete: 'cascade' }),
  serviceId: uuid('service_id').notNull().references(() => services.id, { onDelete: 'cascade' }),
  bookable: boolean('bookable').notNull(),
  walkInShare: doublePrecision('walk_in_share').notNull(),
  bufferBeforeMin: integer('buffer_before_min').notNull(),
  bufferAfterMin: integer('buffer_after_min').notNull(),
  minNoticeMin: integer('min_notice_min').notNull(),
  horizonDays: integer('horizon_days').notNull(),
  stepMin: integer('step_min').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.officeId, t.serviceId] }),
  check('booking_settings_walk_in_share', sql`${t.walkInShare} between 0 and 1`),
  check('booking_settings_buffers', sql`${t.bufferBeforeMin} between 0 and 120 and ${t.bufferAfterMin} between 0 and 120`),
  check('booking_settings_notice', sql`${t.minNoticeMin} between 0 and 20160`),
  check('booking_settings_horizon', sql`${t.horizonDays} between 1 and 365`),
  check('booking_settings_step', sql`${t.stepMin} between 5 and 120`),
]);

/**
 * A mobile team based at a hub office, touring mobile stops. Its name is unique within the hub office
 * ignoring case (migration 0007): two hubs may each call theirs "Mobila teamet".
 */
export const mobileTeams = pgTable('mobile_teams', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  hubOfficeId: uuid('hub_office_id').notNull().references(() => offices.id, { onDelete: 'cascade' }),
}, (t) => [uniqueIndex('mobile_teams_hub_name').on(t.hubOfficeId, sql`lower(${t.name})`)]);

/** A team's dated visit at a stop: its hours, how many of the team serve (capacity) and the services it brings. */
export const mobileVisits = pgTable('mobile_visits', {
  id: uuid('id').primaryKey().defaultRandom(),
  teamId: uuid('team_id').notNull().references(() => mobileTeams.id, { onDelete: 'cascade' }),
  stopOfficeId: uuid('stop_office_id').notNull().references(() => offices.id, { onDelete: 'cascade' }),
  date: date('date', { mode: 'string' }).notNull(),
  opens: time('opens').notNull(),
  closes: time('closes').notNull(),
  capacity: integer('capacity').notNull(),
}, (t) => [
  uniqueIndex('mobile_visits_stop_date').on(t.stopOfficeId, t.date),
  index('mobile_visits_team_date').on(t.teamId, t.date),
  check('mobile_visits_hours', sql`${t.closes} > ${t.opens}`),
  check('mobile_visits_capacity', sql`${t.capacity} between 1 and 20`),
]);

export const mobileVisitServices = pgTable('mobile_visit_services', {
  visitId: uuid('visit_id').notNull().references(() => mobileVisits.id, { onDelete: 'cascade' }),
  serviceId: uuid('service_id').notNull().references(() => services.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.visitId, t.serviceId] })]);

/**
 * Requests per client address in fixed windows, for the public write routes' rate limits
 * (modules/abuse/rate-limit.ts). One upsert per request counts; every instance on the database shares
 * the counts. Rows are swept once their window has passed, so an address is kept for one window at most.
 */
export const rateLimitCounters = pgTable('rate_limit_counters', {
  bucket: text('bucket').notNull(),
  /** The client's address (IPv4), or its /64 network (IPv6), where one person usually holds a whole /64. */
  key: text('key').notNull(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [
  primaryKey({ columns: [t.bucket, t.key, t.windowStart] }),
  index('rate_limit_counters_expires').on(t.expiresAt),
  check('rate_limit_counters_hits', sql`${t.hits} >= 1`),
]);

/**
 * Solved booking challenges (ALTCHA, modules/abuse/challenge.ts), by their signature, until they expire:
 * a solution is accepted once. The insert that records it is the check, so two instances never both
 * accept the same one.
 */
export const usedChallenges = pgTable('used_challenges', {
  signature: text('signature').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('used_challenges_expires').on(t.expiresAt)]);
