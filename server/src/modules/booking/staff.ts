// The staff side of booking: the day's bookings at an office with what each holds, arrived (the visit
// flow's check-in) and no-show, a mobile visit's visitor list, and an agency officer's video meetings.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { appointments } from '../../db/schema-visits.ts';
import type { ArrivedResponse, MobileVisit, OfficeBookingsDay, StaffBooking, VideoMeeting } from '../../../../contracts/booking.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { addDays, stockholmDate, stockholmTime } from '../../lib/dates.ts';
import { checkIn } from '../visits/service.ts';
import { loadOffices } from '../registry/repo.ts';
import { startOfDay } from './pools.ts';
import { loadMobileVisits, type MobileVisitRow } from './repo.ts';
import { assertBookingAt, markArrivedWithoutQueue, markNoShow, mobileVisitBookingRows, officeBookingRows, officerMeetingRows } from './service.ts';
import { loadBookingRows, staffViews } from './view.ts';
import { normaliseCode } from './codes.ts';

/** The staff member reading: a protected visitor's name goes only to the officer the booking holds (view.ts). */
type Reader = { userId: string };

export async function officeBookingsDay(db: Db, officeId: string, date: string | undefined, now: Date, reader: Reader): Promise<OfficeBookingsDay> {
  const day = date ?? stockholmDate(now);
  const rows = await officeBookingRows(db, officeId, startOfDay(day), startOfDay(addDays(day, 1)));
  return { officeId, date: day, bookings: await staffViews(db, rows, reader) };
}

async function staffViewByCode(db: Db, code: string, reader: Reader): Promise<StaffBooking> {
  const rows = await loadBookingRows(db, eq(appointments.code, normaliseCode(code)));
  return (await staffViews(db, rows, reader))[0]!;
}

/**
 * The booked visitor is here. In person at an office this is the visit flow's check-in: they join the
 * service's queue with the booked time as their place (and its window, 30 minutes before to 15 after,
 * applies). Video meetings and mobile stops have no queue: the booking is only marked checked in.
 */
export async function markArrived(db: Db, officeId: string, code: string, now: Date, reader: Reader): Promise<ArrivedResponse> {
  const a = await assertBookingAt(db, officeId, code);
  let ticket = null;
  if (a.channel === 'in_person' && !a.mobileVisitId) ticket = await checkIn(db, officeId, a.code, now);
  else await markArrivedWithoutQueue(db, a.id);
  return { booking: await staffViewByCode(db, a.code, reader), ticket };
}

/** Staff set a booking's protected identity; only an active booking at this office. */
export async function setProtectedIdentity(db: Db, officeId: string, code: string, value: boolean, reader: Reader): Promise<StaffBooking> {
  const a = await assertBookingAt(db, officeId, code);
  await db.update(appointments).set({ protectedIdentity: value }).where(eq(appointments.id, a.id));
  return staffViewByCode(db, a.code, reader);
}

export async function markNoShowView(db: Db, officeId: string, code: string, reader: Reader): Promise<StaffBooking> {
  await markNoShow(db, officeId, code);
  return staffViewByCode(db, code, reader);
}

const visitView = (v: MobileVisitRow, stopName: string): MobileVisit => ({ ...v, stopName });

/** Visits at a stop, or by the teams of a hub office; from today for eight weeks unless asked. */
export async function mobileVisitsOf(db: Db, officeId: string, q: { from?: string; to?: string }, now: Date): Promise<MobileVisit[]> {
  const [office] = await loadOffices(db, [officeId]);
  if (!office) throw notFound('Office', 'id');
  const from = q.from ?? stockholmDate(now);
  const to = q.to ?? addDays(from, 55);
  const filter = office.tier === 'mobile_stop' ? { stopOfficeId: officeId } : { hubOfficeId: officeId };
  const visits = await loadMobileVisits(db, { ...filter, from, to });
  const names = new Map((await loadOffices(db, [...new Set(visits.map((v) => v.stopOfficeId))])).map((o) => [o.id, o.name]));
  return visits.map((v) => visitView(v, names.get(v.stopOfficeId) ?? ''));
}

/** A visit's booked visitors, for the staff of its stop or of its team's hub office. */
export async function mobileVisitVisitors(db: Db, officeId: string, visitId: string, reader: Reader) {
  const [visit] = await loadMobileVisits(db, { visitId });
  if (!visit || (visit.stopOfficeId !== officeId && visit.hubOfficeId !== officeId)) {
    throw new AppError('not_found', 'No such mobile visit for this office', { field: 'visitId' });
  }
  const [stop] = await loadOffices(db, [visit.stopOfficeId]);
  return { visit: visitView(visit, stop?.name ?? ''), bookings: await staffViews(db, await mobileVisitBookingRows(db, visitId), reader) };
}

/**
 * The officer's own video meetings, from today for two weeks unless asked. The officer meets the visitor,
 * so the name is shown here even with protected identity (flagged, so the page can say to take care).
 */
export async function videoMeetingsOf(db: Db, userId: string, q: { from?: string; to?: string }, now: Date): Promise<VideoMeeting[]> {
  const from = q.from ?? stockholmDate(now);
  const to = q.to ?? addDays(from, 13);
  const rows = await officerMeetingRows(db, userId, startOfDay(from), startOfDay(addDays(to, 1)));
  return rows.map((r) => ({
    code: r.a.code, status: r.a.status, serviceId: r.a.serviceId, serviceNameSv: r.serviceNameSv, officeId: r.a.officeId, officeName: r.officeName,
    videoRoom: r.a.videoRoom ?? 1, start: r.a.startsAt.toISOString(), end: r.a.endsAt.toISOString(),
    date: stockholmDate(r.a.startsAt), time: stockholmTime(r.a.startsAt), visitorName: r.a.visitorName, protectedIdentity: r.a.protectedIdentity,
    interpreterLanguage: r.a.interpreterLanguage, joinUrl: r.a.joinUrl ?? '',
  }));
}
