// Booking SQL: what the pools are made of (officers, mobile visits, holidays), the holds already taken,
// and taking a unit under the exclusion constraint.
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { holidays, mobileTeams, mobileVisitServices, mobileVisits, officeStaffing, userRoles, users } from '../../db/schema.ts';
import type { HolidayInfo } from '../../engines/calendar/office-calendar.ts';

type Reader = Db | Tx;

export async function loadHolidays(db: Reader, from: string, to: string): Promise<Map<string, HolidayInfo>> {
  const rows = await db.select().from(holidays).where(and(gte(holidays.date, from), lte(holidays.date, to)));
  return new Map(rows.map((h) => [h.date, { nameSv: h.nameSv, nameEn: h.nameEn, nonWorkingDay: h.nonWorkingDay }]));
}

export async function loadStaffing(db: Reader, officeId: string, agencyId: string): Promise<Map<number, number>> {
  const rows = await db.select().from(officeStaffing).where(and(eq(officeStaffing.officeId, officeId), eq(officeStaffing.agencyId, agencyId)));
  return new Map(rows.map((r) => [r.weekday, r.officers]));
}

/** One agency's officer numbers per ISO weekday at each of several offices (offices without rows are left out). */
export async function loadStaffingAt(db: Reader, officeIds: string[], agencyId: string): Promise<Map<string, Map<number, number>>> {
  const out = new Map<string, Map<number, number>>();
  if (officeIds.length === 0) return out;
  const rows = await db.select().from(officeStaffing).where(and(inArray(officeStaffing.officeId, officeIds), eq(officeStaffing.agencyId, agencyId)));
  for (const r of rows) {
    let days = out.get(r.officeId);
    if (!days) out.set(r.officeId, (days = new Map()));
    days.set(r.weekday, r.officers);
  }
  return out;
}

/** Agency officers who take video meetings for the agency: its active agency_officer accounts, in a stable order. */
export async function loadVideoOfficers(db: Reader, agencyId: string): Promise<Array<{ userId: string; displayName: string }>> {
  return db
    .selectDistinct({ userId: users.id, displayName: users.displayName })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, 'agency_officer'), eq(userRoles.agencyId, agencyId), eq(users.disabled, false)))
    .orderBy(asc(users.id));
}

export interface MobileVisitRow {
  id: string;
  teamId: string;
  teamName: string;
  hubOfficeId: string;
  stopOfficeId: string;
  date: string;
  opens: string;
  closes: string;
  capacity: number;
  serviceIds: string[];
}

/** A stop's (or several stops') visits in a date range (or one visit by id), with the services each brings. */
export async function loadMobileVisits(db: Reader, filter: { stopOfficeId?: string; stopOfficeIds?: string[]; hubOfficeId?: string; visitId?: string; from?: string; to?: string }): Promise<MobileVisitRow[]> {
  if (filter.stopOfficeIds?.length === 0) return [];
  const rows = await db
    .select({ v: mobileVisits, teamName: mobileTeams.name, hubOfficeId: mobileTeams.hubOfficeId })
    .from(mobileVisits)
    .innerJoin(mobileTeams, eq(mobileTeams.id, mobileVisits.teamId))
    .where(and(
      filter.stopOfficeId ? eq(mobileVisits.stopOfficeId, filter.stopOfficeId) : undefined,
      filter.stopOfficeIds ? inArray(mobileVisits.stopOfficeId, filter.stopOfficeIds) : undefined,
      filter.hubOfficeId ? eq(mobileTeams.hubOfficeId, filter.hubOfficeId) : undefined,
      filter.visitId ? eq(mobileVisits.id, filter.visitId) : undefined,
      filter.from ? gte(mobileVisits.date, filter.from) : undefined,
      filter.to ? lte(mobileVisits.date, filter.to) : undefined,
    ))
    .orderBy(asc(mobileVisits.date), asc(mobileVisits.opens));
  if (rows.length === 0) return [];
  const services = await db.select().from(mobileVisitServices).where(inArray(mobileVisitServices.visitId, rows.map((r) => r.v.id)));
  return rows.map(({ v, teamName, hubOfficeId }) => ({
    id: v.id, teamId: v.teamId, teamName, hubOfficeId, stopOfficeId: v.stopOfficeId, date: v.date,
    opens: v.opens.slice(0, 5), closes: v.closes.slice(0, 5), capacity: v.capacity,
    serviceIds: services.filter((s) => s.visitId === v.id).map((s) => s.serviceId),
  }));
}

export interface HoldRow { poolKey: string; unit: number; start: number; end: number }

/** Holds overlapping [from, to) in the given pools, as epoch ms, with the unit each is on. */
export async function loadHolds(db: Reader, poolKeys: string[], from: Date, to: Date, exceptAppointmentId?: string): Promise<HoldRow[]> {
  if (poolKeys.length === 0) return [];
  const keys = sql`array[${sql.join(poolKeys.map((k) => sql`${k}`), sql`, `)}]::text[]`;
  const rows = await queryRows<{ pool_key: string; unit: number | string; start_ms: string | number; end_ms: string | number }>(db, sql`
    select pool_key, unit, (extract(epoch from lower(during)) * 1000)::bigint as start_ms, (extract(epoch from upper(during)) * 1000)::bigint as end_ms
    from booking_holds
    where pool_key = any(${keys}) and during && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')
      ${exceptAppointmentId ? sql`and appointment_id <> ${exceptAppointmentId}` : sql``}`);
  return rows.map((r) => ({ poolKey: r.pool_key, unit: Number(r.unit), start: Number(r.start_ms), end: Number(r.end_ms) }));
}

/** SQLSTATE of an exclusion-constraint violation: the unit is taken for part of the time. */
const EXCLUSION_VIOLATION = '23P01';
/** Two inserts of conflicting rows can wait on each other; PostgreSQL aborts one, which then tries again. */
const DEADLOCK = '40P01';

/** Queues the transaction behind others writing holds in this pool on this date, until commit. */
export async function lockPool(tx: Tx, poolKey: string, date: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`booking:${poolKey}:${date}`}))`);
}

function sqlState(err: unknown): string | undefined {
  // node-postgres puts the code on the error; drizzle wraps it in `cause`; PGlite likewise.
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

/**
 * Inserts a hold on this unit, in a savepoint so that a taken unit (exclusion violation) leaves the
 * transaction usable for the next unit. Returns false when the unit is taken.
 */
export async function tryHold(tx: Tx, hold: { appointmentId: string; poolKey: string; unit: number; start: Date; end: Date }): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      await tx.transaction(async (sp) => {
        await sp.execute(sql`
          insert into booking_holds (appointment_id, pool_key, unit, during)
          values (${hold.appointmentId}, ${hold.poolKey}, ${hold.unit}, tstzrange(${hold.start.toISOString()}::timestamptz, ${hold.end.toISOString()}::timestamptz, '[)'))`);
      });
      return true;
    } catch (err) {
      const state = sqlState(err);
      if (state === EXCLUSION_VIOLATION) return false;
      if (state === DEADLOCK && attempt < 3) continue;
      throw err;
    }
  }
}

export async function holdsOf(db: Reader, appointmentIds: string[]): Promise<Array<{ appointmentId: string; poolKey: string; unit: number }>> {
  if (appointmentIds.length === 0) return [];
  const ids = sql`array[${sql.join(appointmentIds.map((k) => sql`${k}`), sql`, `)}]::uuid[]`;
  const rows = await queryRows<{ appointment_id: string; pool_key: string; unit: number }>(db, sql`
    select appointment_id, pool_key, unit from booking_holds where appointment_id = any(${ids}) order by pool_key`);
  return rows.map((r) => ({ appointmentId: r.appointment_id, poolKey: r.pool_key, unit: Number(r.unit) }));
}
