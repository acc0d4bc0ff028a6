// Booking settings per office and service (the office manager's), with the defaults that apply when no
// row is stored, and the officer numbers per agency and weekday that size the in-person pools.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { bookingSettings, officeAgencyDays, officeServices, officeStaffing, services } from '../../db/schema.ts';
import type { BookingSettings, BookingSettingsInput, StaffingInput, StaffingRow } from '../../../../contracts/booking.ts';
import { AppError } from '../../lib/errors.ts';

type Reader = Db | Tx;

export interface Settings {
  bookable: boolean;
  walkInShare: number;
  bufferBeforeMin: number;
  bufferAfterMin: number;
  minNoticeMin: number;
  horizonDays: number;
  stepMin: number;
}

/**
 * What applies until the office manager says otherwise: bookable, five minutes after each meeting to
 * write up, booked at least two hours and at most 60 days ahead, on a quarter-hour grid. No walk-in share
 * by default: the engine keeps floor(units × (1 − share)) for bookings, so any share would close booking
 * entirely where an agency has one officer; managers set it where there are several.
 */
export const DEFAULT_SETTINGS: Settings = {
  bookable: true, walkInShare: 0, bufferBeforeMin: 0, bufferAfterMin: 5, minNoticeMin: 120, horizonDays: 60, stepMin: 15,
};

const pick = (row: Settings): Settings => ({
  bookable: row.bookable, walkInShare: row.walkInShare, bufferBeforeMin: row.bufferBeforeMin, bufferAfterMin: row.bufferAfterMin,
  minNoticeMin: row.minNoticeMin, horizonDays: row.horizonDays, stepMin: row.stepMin,
});

export async function loadSettings(db: Reader, officeId: string, serviceId: string): Promise<Settings> {
  const [row] = await db.select().from(bookingSettings).where(and(eq(bookingSettings.officeId, officeId), eq(bookingSettings.serviceId, serviceId)));
  return row ? pick(row) : DEFAULT_SETTINGS;
}

/** One service's effective settings at each of several offices (a national search reads them in one query). */
export async function loadSettingsAt(db: Reader, officeIds: string[], serviceId: string): Promise<Map<string, Settings>> {
  const rows = officeIds.length === 0 ? [] : await db.select().from(bookingSettings)
    .where(and(inArray(bookingSettings.officeId, officeIds), eq(bookingSettings.serviceId, serviceId)));
  const stored = new Map(rows.map((r) => [r.officeId, pick(r)]));
  return new Map(officeIds.map((id) => [id, stored.get(id) ?? DEFAULT_SETTINGS]));
}

/** Every service the office offers, with its effective settings. */
export async function listSettings(db: Reader, officeId: string): Promise<BookingSettings[]> {
  const rows = await db
    .select({ serviceId: services.id, nameSv: services.nameSv, durationMin: services.durationMin, s: bookingSettings })
    .from(officeServices)
    .innerJoin(services, eq(services.id, officeServices.serviceId))
    .leftJoin(bookingSettings, and(eq(bookingSettings.officeId, officeServices.officeId), eq(bookingSettings.serviceId, officeServices.serviceId)))
    .where(eq(officeServices.officeId, officeId));
  return rows
    .map((r) => ({ serviceId: r.serviceId, serviceNameSv: r.nameSv, durationMin: r.durationMin, ...(r.s ? pick(r.s) : DEFAULT_SETTINGS), customised: r.s !== null }))
    .sort((a, b) => a.serviceNameSv.localeCompare(b.serviceNameSv, 'sv'));
}

/** Stores the given fields over the current settings (defaults when none are stored). */
export async function saveSettings(db: Db, officeId: string, serviceId: string, input: BookingSettingsInput): Promise<BookingSettings> {
  const [offered] = await db.select().from(officeServices).where(and(eq(officeServices.officeId, officeId), eq(officeServices.serviceId, serviceId)));
  if (!offered) throw new AppError('not_found', 'The office does not offer this service', { field: 'serviceId', reason: 'service_not_offered' });
  const next = { ...(await loadSettings(db, officeId, serviceId)), ...input };
  await db.insert(bookingSettings).values({ officeId, serviceId, ...next, updatedAt: new Date() })
    .onConflictDoUpdate({ target: [bookingSettings.officeId, bookingSettings.serviceId], set: { ...next, updatedAt: new Date() } });
  return (await listSettings(db, officeId)).find((s) => s.serviceId === serviceId)!;
}

/** Officers per agency and weekday on the days each agency is present (one where none is stored). */
export async function listStaffing(db: Reader, officeId: string): Promise<StaffingRow[]> {
  const rows = await db
    .select({ agencyId: officeAgencyDays.agencyId, weekday: officeAgencyDays.weekday, officers: sql<number>`coalesce(${officeStaffing.officers}, 1)` })
    .from(officeAgencyDays)
    .leftJoin(officeStaffing, and(eq(officeStaffing.officeId, officeAgencyDays.officeId), eq(officeStaffing.agencyId, officeAgencyDays.agencyId), eq(officeStaffing.weekday, officeAgencyDays.weekday)))
    .where(eq(officeAgencyDays.officeId, officeId));
  return rows.map((r) => ({ ...r, officers: Number(r.officers) })).sort((a, b) => a.agencyId.localeCompare(b.agencyId) || a.weekday - b.weekday);
}

/** Sets officer numbers; each row must be a day the agency is present at the office (registry). */
export async function saveStaffing(db: Db, officeId: string, input: StaffingInput): Promise<StaffingRow[]> {
  await db.transaction(async (tx) => {
    const present = await tx.select().from(officeAgencyDays)
      .where(and(eq(officeAgencyDays.officeId, officeId), inArray(officeAgencyDays.agencyId, [...new Set(input.rows.map((r) => r.agencyId))])));
    input.rows.forEach((r, i) => {
      if (!present.some((p) => p.agencyId === r.agencyId && p.weekday === r.weekday)) {
        throw new AppError('validation_failed', 'The agency is not at the office that weekday; add the day in the office first', { field: `rows[${i}].weekday`, reason: 'agency_not_present' });
      }
    });
    for (const r of input.rows) {
      await tx.insert(officeStaffing).values({ officeId, ...r })
        .onConflictDoUpdate({ target: [officeStaffing.officeId, officeStaffing.agencyId, officeStaffing.weekday], set: { officers: r.officers } });
    }
  });
  return listStaffing(db, officeId);
}
