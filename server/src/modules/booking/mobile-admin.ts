// The office manager plans the hub office's mobile teams: dated visits to the hub's stops with hours,
// capacity (how many of the team serve) and the services the team brings. A visit's bookings hold units of
// the stop's `mobile:<stop>` pool (pools.ts), so a change must leave every active booking inside the
// visit, and a visit with active bookings cannot be cancelled.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { mobileTeams, mobileVisitServices, mobileVisits, offices, officeServices, services } from '../../db/schema.ts';
import { appointments } from '../../db/schema-visits.ts';
import type { CreateMobileVisitInput, MobilePlanning, MobileTeam, MobileTeamInput, MobileVisit, UpdateMobileVisitInput } from '../../../../contracts/booking.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { mapDbError } from '../../lib/db-errors.ts';
import { stockholmDate, stockholmTime } from '../../lib/dates.ts';
import { loadMobileVisits } from './repo.ts';

type Reader = Db | Tx;

/** Statuses whose booking still needs the visit. */
const ACTIVE = ['booked', 'checked_in'] as const;

const invalid = (field: string, reason: string, message: string, details?: Record<string, unknown>) =>
  new AppError('validation_failed', message, { field, reason, details });

/** The services a stop offers on the mobile channel: what a visit there may bring. */
async function stopServices(db: Reader, stopIds: string[]) {
  if (stopIds.length === 0) return [];
  return db
    .select({ stopId: officeServices.officeId, id: services.id, nameSv: services.nameSv, nameEn: services.nameEn })
    .from(officeServices)
    .innerJoin(services, eq(services.id, officeServices.serviceId))
    .where(and(inArray(officeServices.officeId, stopIds), sql`'mobile' = any(${services.channels})`))
    .orderBy(asc(services.nameSv));
}

/** The hub office's teams and its stops, each with the services a visit there may bring. */
export async function mobilePlanning(db: Db, hubOfficeId: string): Promise<MobilePlanning> {
  const [hub] = await db.select({ id: offices.id }).from(offices).where(eq(offices.id, hubOfficeId));
  if (!hub) throw notFound('Office', 'id');
  const teams = await db.select({ id: mobileTeams.id, name: mobileTeams.name }).from(mobileTeams)
    .where(eq(mobileTeams.hubOfficeId, hubOfficeId)).orderBy(asc(mobileTeams.name));
  const stops = await db.select({ id: offices.id, name: offices.name }).from(offices)
    .where(and(eq(offices.hubOfficeId, hubOfficeId), eq(offices.tier, 'mobile_stop'))).orderBy(asc(offices.name));
  const offered = await stopServices(db, stops.map((s) => s.id));
  return {
    hubOfficeId,
    teams,
    stops: stops.map((s) => ({ ...s, services: offered.filter((o) => o.stopId === s.id).map(({ id, nameSv, nameEn }) => ({ id, nameSv, nameEn })) })),
  };
}

// ---------- teams ----------

/**
 * Checks a team name for the hub: required once trimmed, and not another team's of the same hub. Names
 * are unique within the hub ignoring case (what a manager would call the same name); another office may
 * have a team of the same name. The unique index on (hub, lower(name)) (migration 0007) backs the rule.
 */
async function checkTeamName(tx: Tx, hubOfficeId: string, raw: string, exceptTeamId?: string): Promise<string> {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (!name) throw invalid('name', 'name_required', 'Give the team a name');
  const [same] = await tx.select({ id: mobileTeams.id }).from(mobileTeams)
    .where(and(
      eq(mobileTeams.hubOfficeId, hubOfficeId),
      sql`lower(${mobileTeams.name}) = lower(${name})`,
      exceptTeamId ? sql`${mobileTeams.id} <> ${exceptTeamId}` : undefined,
    ))
    .limit(1);
  if (same) {
    throw new AppError('already_exists', 'The office already has a team with this name', { field: 'name', reason: 'team_name_taken', details: { teamId: same.id } });
  }
  return name;
}

/**
 * Writes a team under a transaction lock on team names: two managers naming teams at once are checked
 * one after the other, so the refusal names the taken team. Should the lock ever be bypassed, the unique
 * index (hub, lower(name)) refuses the second write, mapped to the field name (lib/db-errors.ts).
 */
async function writeTeam(db: Db, hubOfficeId: string, input: MobileTeamInput, write: (tx: Tx, name: string) => Promise<string | undefined>, exceptTeamId?: string): Promise<MobileTeam> {
  try {
    const id = await db.transaction(async (tx) => {
      // Names are unique per hub, so one hub's lock is enough.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`booking:mobile-team-names:${hubOfficeId}`}))`);
      return write(tx, await checkTeamName(tx, hubOfficeId, input.name, exceptTeamId));
    });
    if (!id) throw new AppError('not_found', 'The office has no such mobile team', { field: 'teamId' });
    const [team] = await db.select({ id: mobileTeams.id, name: mobileTeams.name }).from(mobileTeams).where(eq(mobileTeams.id, id));
    return team!;
  } catch (err) {
    throw mapDbError(err);
  }
}

/** A new mobile team based at the hub office; its visits are planned afterwards. */
export async function createMobileTeam(db: Db, hubOfficeId: string, input: MobileTeamInput): Promise<MobileTeam> {
  const [hub] = await db.select({ tier: offices.tier }).from(offices).where(eq(offices.id, hubOfficeId));
  if (!hub) throw notFound('Office', 'id');
  // A stop is visited by a team, it does not send one out (the registry's rule hub_is_mobile_stop, the other way round).
  if (hub.tier === 'mobile_stop') throw invalid('id', 'hub_is_mobile_stop', 'A mobile stop cannot be a mobile team\'s hub');
  return writeTeam(db, hubOfficeId, input, async (tx, name) => {
    const [row] = await tx.insert(mobileTeams).values({ name, hubOfficeId }).returning({ id: mobileTeams.id });
    return row!.id;
  });
}

/** Renames one of the hub office's teams; its visits and their bookings keep the team. */
export async function renameMobileTeam(db: Db, hubOfficeId: string, teamId: string, input: MobileTeamInput): Promise<MobileTeam> {
  const [team] = await db.select({ hubOfficeId: mobileTeams.hubOfficeId }).from(mobileTeams).where(eq(mobileTeams.id, teamId));
  if (!team || team.hubOfficeId !== hubOfficeId) throw new AppError('not_found', 'The office has no such mobile team', { field: 'teamId' });
  return writeTeam(db, hubOfficeId, input, async (tx, name) => {
    const [row] = await tx.update(mobileTeams).set({ name }).where(and(eq(mobileTeams.id, teamId), eq(mobileTeams.hubOfficeId, hubOfficeId))).returning({ id: mobileTeams.id });
    return row?.id;
  }, teamId);
}

// ---------- visits ----------

function checkHours(opens: string, closes: string): void {
  if (closes <= opens) throw invalid('closes', 'closes_before_opens', 'The visit must close after it opens');
}

async function checkServices(db: Reader, stopOfficeId: string, serviceIds: string[]): Promise<void> {
  const offered = new Set((await stopServices(db, [stopOfficeId])).map((s) => s.id));
  const i = serviceIds.findIndex((id) => !offered.has(id));
  if (i >= 0) throw invalid(`serviceIds[${i}]`, 'service_not_offered', 'The stop does not offer this service on the mobile channel');
}

function checkDate(date: string, now: Date): void {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) throw invalid('date', 'invalid_date', 'No such date');
  if (date < stockholmDate(now)) throw invalid('date', 'date_in_past', 'The date has passed');
}

async function viewOf(db: Reader, visitId: string): Promise<MobileVisit> {
  const [v] = await loadMobileVisits(db, { visitId });
  const [stop] = await db.select({ name: offices.name }).from(offices).where(eq(offices.id, v!.stopOfficeId));
  return { ...v!, stopName: stop?.name ?? '' };
}

/** Creates a dated visit of one of the hub's teams at one of its stops. */
export async function createMobileVisit(db: Db, hubOfficeId: string, input: CreateMobileVisitInput, now: Date): Promise<MobileVisit> {
  const [team] = await db.select().from(mobileTeams).where(eq(mobileTeams.id, input.teamId));
  if (!team || team.hubOfficeId !== hubOfficeId) throw invalid('teamId', 'unknown_team', 'The office has no such mobile team');
  const [stop] = await db.select().from(offices).where(eq(offices.id, input.stopOfficeId));
  if (!stop || stop.tier !== 'mobile_stop' || stop.hubOfficeId !== hubOfficeId) {
    throw invalid('stopOfficeId', 'not_a_stop_of_hub', 'Choose a mobile stop whose hub is this office');
  }
  checkDate(input.date, now);
  checkHours(input.opens, input.closes);
  await checkServices(db, stop.id, input.serviceIds);
  const id = await db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: mobileVisits.id }).from(mobileVisits)
      .where(and(eq(mobileVisits.stopOfficeId, stop.id), eq(mobileVisits.date, input.date)));
    if (taken) throw new AppError('already_exists', 'The stop already has a visit that day', { field: 'date', reason: 'visit_exists', details: { visitId: taken.id } });
    const [row] = await tx.insert(mobileVisits).values({
      teamId: team.id, stopOfficeId: stop.id, date: input.date, opens: input.opens, closes: input.closes, capacity: input.capacity,
    }).returning({ id: mobileVisits.id });
    await tx.insert(mobileVisitServices).values(input.serviceIds.map((serviceId) => ({ visitId: row!.id, serviceId })));
    return row!.id;
  });
  return viewOf(db, id);
}

/**
 * The visit of one of the hub's teams, locked for the rest of the transaction: a booking inserting an
 * appointment for it waits (its foreign key check needs the row), so the count of bookings stays true.
 */
async function lockVisit(tx: Tx, hubOfficeId: string, visitId: string, now: Date) {
  const [row] = await tx.select({ v: mobileVisits, hubOfficeId: mobileTeams.hubOfficeId }).from(mobileVisits)
    .innerJoin(mobileTeams, eq(mobileTeams.id, mobileVisits.teamId))
    .where(eq(mobileVisits.id, visitId))
    .for('update', { of: mobileVisits });
  if (!row || row.hubOfficeId !== hubOfficeId) throw new AppError('not_found', 'No such mobile visit for this office', { field: 'visitId' });
  if (row.v.date < stockholmDate(now)) throw invalid('date', 'visit_in_past', 'The visit has taken place and can no longer be changed');
  return { ...row.v, opens: row.v.opens.slice(0, 5), closes: row.v.closes.slice(0, 5) };
}

const activeBookings = (tx: Tx, visitId: string) =>
  tx.select({ serviceId: appointments.serviceId, startsAt: appointments.startsAt, endsAt: appointments.endsAt }).from(appointments)
    .where(and(eq(appointments.mobileVisitId, visitId), inArray(appointments.status, [...ACTIVE])));

const hasBookings = (field: string, count: number, message: string) =>
  new AppError('conflict', message, { field, reason: 'visit_has_bookings', details: { count } });

/** Changes hours, capacity or services; every active booking must still fall inside the hours and keep its service. */
export async function updateMobileVisit(db: Db, hubOfficeId: string, visitId: string, input: UpdateMobileVisitInput, now: Date): Promise<MobileVisit> {
  await db.transaction(async (tx) => {
    const visit = await lockVisit(tx, hubOfficeId, visitId, now);
    const opens = input.opens ?? visit.opens;
    const closes = input.closes ?? visit.closes;
    checkHours(opens, closes);
    if (input.serviceIds) await checkServices(tx, visit.stopOfficeId, input.serviceIds);
    const bookings = await activeBookings(tx, visitId);
    // Lowering the capacity never cancels a booking: bookings on higher units keep their time (docs/booking.md).
    const outside = bookings.filter((b) => stockholmTime(b.startsAt) < opens || stockholmTime(b.endsAt) > closes);
    if (outside.length) throw hasBookings(outside.some((b) => stockholmTime(b.startsAt) < opens) ? 'opens' : 'closes', outside.length, 'Bookings fall outside the new hours');
    if (input.serviceIds) {
      const kept = new Set(input.serviceIds);
      const dropped = bookings.filter((b) => !kept.has(b.serviceId));
      if (dropped.length) throw hasBookings('serviceIds', dropped.length, 'Bookings are made for a service the visit would no longer bring');
    }
    await tx.update(mobileVisits).set({ opens, closes, capacity: input.capacity ?? visit.capacity }).where(eq(mobileVisits.id, visitId));
    if (input.serviceIds) {
      await tx.delete(mobileVisitServices).where(eq(mobileVisitServices.visitId, visitId));
      await tx.insert(mobileVisitServices).values(input.serviceIds.map((serviceId) => ({ visitId, serviceId })));
    }
  });
  return viewOf(db, visitId);
}

/**
 * Cancels (removes) a visit without active bookings. Its cancelled and no-show bookings stay, as bookings
 * at the stop without a visit (the appointment's foreign key would otherwise delete them with it).
 */
export async function cancelMobileVisit(db: Db, hubOfficeId: string, visitId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await lockVisit(tx, hubOfficeId, visitId, now);
    const active = await activeBookings(tx, visitId);
    if (active.length) throw hasBookings('visitId', active.length, 'The visit has bookings; move or cancel them first');
    await tx.update(appointments).set({ mobileVisitId: null }).where(eq(appointments.mobileVisitId, visitId));
    await tx.delete(mobileVisits).where(eq(mobileVisits.id, visitId));
  });
}
