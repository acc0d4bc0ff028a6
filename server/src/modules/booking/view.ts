// Booking rows as the API shows them: personal data masked, times as instants plus Swedish date and time.
import { eq, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { offices, services, users } from '../../db/schema.ts';
import { appointments } from '../../db/schema-visits.ts';
import type { Booking, HeldResource, StaffBooking } from '../../../../contracts/booking.ts';
import { stockholmDate, stockholmTime } from '../../lib/dates.ts';
import { maskPhone } from '../../lib/phone.ts';
import { maskSwedishId } from '../../lib/personnummer.ts';
import { maskEmail } from '../../adapters/email/outbox.ts';
import { holdsOf } from './repo.ts';

type Reader = Db | Tx;
export type AppointmentRow = typeof appointments.$inferSelect;

export interface BookingRow {
  a: AppointmentRow;
  serviceNameSv: string;
  serviceNameEn: string;
  agencyId: string;
  officeName: string;
  street: string;
  postalCode: string;
  city: string;
}

export async function loadBookingRows(db: Reader, where: SQL | undefined): Promise<BookingRow[]> {
  return db
    .select({
      a: appointments, serviceNameSv: services.nameSv, serviceNameEn: services.nameEn, agencyId: services.agencyId,
      officeName: offices.name, street: offices.street, postalCode: offices.postalCode, city: offices.city,
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(offices, eq(offices.id, appointments.officeId))
    .where(where)
    .orderBy(appointments.startsAt, appointments.code);
}

export const addressOf = (r: Pick<BookingRow, 'street' | 'postalCode' | 'city'>) => `${r.street}, ${r.postalCode} ${r.city}`;

/** Label in place of a protected visitor's name (the pages translate it by `nameHidden`). */
export const PROTECTED_LABEL = 'Skyddad identitet';

/**
 * `reader`: who is asking. Protected identity (docs/booking.md) withholds the name and the contact
 * details from everyone but the officer the booking holds (a video meeting's); the visitor's own manage
 * link is opened by whoever holds the message, so it withholds them too.
 */
export function bookingView(r: BookingRow, reader: { userId: string } | null = null): Booking {
  const { a } = r;
  const hide = a.protectedIdentity && (reader === null || reader.userId !== a.officerUserId);
  return {
    code: a.code, status: a.status, serviceId: a.serviceId, serviceNameSv: r.serviceNameSv, serviceNameEn: r.serviceNameEn, agencyId: r.agencyId,
    officeId: a.officeId, officeName: r.officeName, address: addressOf(r), mobileVisitId: a.mobileVisitId, channel: a.channel,
    start: a.startsAt.toISOString(), end: a.endsAt.toISOString(), date: stockholmDate(a.startsAt), time: stockholmTime(a.startsAt),
    visitorName: hide ? PROTECTED_LABEL : a.visitorName, protectedIdentity: a.protectedIdentity, nameHidden: hide,
    emailMasked: a.email && !hide ? maskEmail(a.email) : null,
    phoneMasked: a.phone && !hide ? maskPhone(a.phone) : null,
    personnummerMasked: a.personnummer && !hide ? maskSwedishId(a.personnummer) : null,
    interpreterLanguage: a.interpreterLanguage, language: a.language,
    createdAt: a.createdAt.toISOString(), cancelledAt: a.cancelledAt?.toISOString() ?? null,
  };
}

/** What a held unit is called on the staff screens. */
function resourceOf(poolKey: string, unit: number, officerNames: Map<string, string>): HeldResource {
  const [kind, id] = poolKey.split(':') as [string, string];
  switch (kind) {
    case 'counters': return { kind: 'counter', label: `Lucka ${unit}`, unit, officerUserId: null };
    case 'video-rooms': return { kind: 'video_room', label: `Videorum ${unit}`, unit, officerUserId: null };
    case 'officer': return { kind: 'officer', label: officerNames.get(id) ?? 'Handläggare', unit, officerUserId: id };
    case 'mobile': return { kind: 'mobile_team', label: `Mobila teamet, plats ${unit}`, unit, officerUserId: null };
    default: return { kind: 'agency_officers', label: `Handläggare ${unit}`, unit, officerUserId: null };
  }
}

export async function staffViews(db: Reader, rows: BookingRow[], reader: { userId: string }): Promise<StaffBooking[]> {
  const holds = await holdsOf(db, rows.map((r) => r.a.id));
  const officerIds = [...new Set(rows.map((r) => r.a.officerUserId).filter((x): x is string => x !== null))];
  const names = new Map<string, string>();
  for (const id of officerIds) {
    const [u] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, id));
    if (u) names.set(id, u.displayName);
  }
  return rows.map((r) => ({
    ...bookingView(r, reader),
    resources: holds.filter((h) => h.appointmentId === r.a.id).map((h) => resourceOf(h.poolKey, h.unit, names)),
    joinUrl: r.a.joinUrl,
    officerUserId: r.a.officerUserId,
    createdByUserId: r.a.createdByUserId,
  }));
}
