// Booking rules and transactions: book, reschedule and cancel (by the visitor with code + token, or by
// staff), with capacity taken as units under the database's exclusion constraint (docs/booking.md).
import { and, eq, gte, inArray, lt, ne } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { appointments, bookingHolds } from '../../db/schema-visits.ts';
import type { Booking, CreateBookingInput, CreatedBooking, RescheduleInput, SlotDayView, SlotsResponse } from '../../../../contracts/booking.ts';
import { computeSlots } from '../../engines/slots/slots.ts';
import type { SlotDay, SlotQuery } from '../../engines/slots/types.ts';
import { AppError } from '../../lib/errors.ts';
import { addDays, stockholmDate, stockholmTime } from '../../lib/dates.ts';
import { parseSwedishId } from '../../lib/personnummer.ts';
import { requireSwedishMobile } from '../../lib/phone.ts';
import type { SmsSender } from '../../adapters/sms/index.ts';
import type { EmailSender } from '../../adapters/email/index.ts';
import type { VideoRooms } from '../../adapters/video/index.ts';
import { managePath, newBookingCode, newManageToken, normaliseCode, tokenMatches } from './codes.ts';
import { loadPlaceContext, slotQuery, unitChoices, type PlaceContext } from './pools.ts';
import { lockPool, tryHold } from './repo.ts';
import { bookingView, loadBookingRows, type AppointmentRow, type BookingRow } from './view.ts';
import { notifyVisitor } from './notify.ts';
import { enforceContactCap } from './contact-cap.ts';

export interface BookingDeps {
  db: Db;
  sms: SmsSender;
  email: EmailSender;
  video: VideoRooms;
  publicUrl: string;
  log: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
  now: () => Date;
  /** Open bookings a visitor may hold per service (contact-cap.ts); absent: no cap. Staff bookings are not capped. */
  openBookingsPerContact?: number;
}

const MINUTE = 60_000;
/** How many next free start times a `slot_taken` answer lists, and how far ahead it looks. */
const NEXT_FREE_COUNT = 5;
const NEXT_FREE_DAYS = 14;

const iso = (ms: number) => new Date(ms).toISOString();

export function slotDayViews(days: SlotDay[]): SlotDayView[] {
  return days.map((d) => ({ date: d.date, slots: d.slots.map((s) => ({ start: iso(s.start), end: iso(s.end), time: stockholmTime(new Date(s.start)), free: s.free })) }));
}

/** Free slots of a service at an office over Stockholm dates; every date is listed, empty when nothing is free. */
export async function listSlots(db: Db, officeId: string, serviceId: string, query: { from: string; to: string; channel?: 'in_person' | 'video' }, now: Date): Promise<SlotsResponse> {
  if (query.to < query.from) throw new AppError('validation_failed', 'to is before from', { field: 'to', reason: 'range_order' });
  if (addDays(query.from, 92) < query.to) throw new AppError('validation_failed', 'Ask for at most 93 days at a time', { field: 'to', reason: 'range_too_long' });
  const ctx = await loadPlaceContext(db, officeId, serviceId, query.channel, query.from, query.to);
  const days = computeSlots(await slotQuery(db, ctx, query.from, query.to, now));
  return { officeId, serviceId, channel: ctx.channel, durationMin: ctx.service.durationMin, today: stockholmDate(now), days: slotDayViews(days) };
}

/** The next few free starts after `after` (or from now), for a `slot_taken` answer. */
export async function nextFreeStarts(db: Db | Tx, ctx: PlaceContext, after: Date, now: Date, exceptAppointmentId?: string): Promise<string[]> {
  const from = stockholmDate(new Date(Math.max(after.getTime(), now.getTime())));
  const to = addDays(from, NEXT_FREE_DAYS - 1);
  const wide = await loadPlaceContext(db, ctx.office.id, ctx.service.id, ctx.channel, from, to);
  const days = computeSlots(await slotQuery(db, wide, from, to, now, exceptAppointmentId));
  const starts = days.flatMap((d) => d.slots.map((s) => s.start)).filter((s) => s > after.getTime());
  return starts.slice(0, NEXT_FREE_COUNT).map(iso);
}

const slotTaken = (nextFree: string[]) =>
  new AppError('conflict', 'The time was just taken; choose another', { field: 'start', reason: 'slot_taken', details: { nextFree } });

/** Thrown inside the transaction when some pool has no free unit; turned into `slot_taken` outside it. */
class NoUnitFree extends Error {}

function parseStart(raw: string): Date {
  const start = new Date(raw);
  if (Number.isNaN(start.getTime())) throw new AppError('validation_failed', 'start is not a date-time', { field: 'start' });
  if (start.getTime() % MINUTE !== 0) throw new AppError('validation_failed', 'A booking starts on a whole minute', { field: 'start', reason: 'outside_hours' });
  return start;
}

/**
 * The engine's verdict on one start time, with the reason when it cannot be booked: too soon, beyond the
 * horizon, not a bookable time at all (closed, off the grid, no capacity that day), or taken.
 */
function checkStart(q: SlotQuery, start: Date): 'ok' | 'taken' {
  const date = stockholmDate(start);
  if (start.getTime() < q.now + q.rules.minNoticeMin * MINUTE) {
    throw new AppError('rule_violation', `Book at least ${q.rules.minNoticeMin} minutes ahead`, { field: 'start', reason: 'too_soon', details: { minNoticeMin: q.rules.minNoticeMin } });
  }
  const lastDate = addDays(stockholmDate(new Date(q.now)), q.rules.horizonDays);
  if (date > lastDate) {
    throw new AppError('rule_violation', `Bookings open ${q.rules.horizonDays} days ahead`, { field: 'start', reason: 'beyond_horizon', details: { lastDate } });
  }
  const at = (query: SlotQuery) => computeSlots(query)[0]?.slots.find((s) => s.start === start.getTime());
  if (!at({ ...q, holds: [] })) {
    throw new AppError('rule_violation', 'Not a bookable time at this place', { field: 'start', reason: 'outside_hours' });
  }
  return at(q) ? 'ok' : 'taken';
}

/**
 * Takes one unit in every pool the booking needs, trying units in order; throws NoUnitFree when a pool is
 * full. The exclusion constraint is what guarantees capacity. The advisory lock per pool and date (taken
 * in key order, so never in a cycle) only queues writers of the same pool: concurrent inserts of
 * conflicting rows under an exclusion constraint can otherwise deadlock each other (PostgreSQL then
 * aborts one after deadlock_timeout), which under a burst of 200 costs seconds.
 */
async function takeUnits(tx: Tx, ctx: PlaceContext, appointmentId: string, start: Date, end: Date, preferOfficer?: string | null) {
  const from = new Date(start.getTime() - ctx.rules.bufferBeforeMin * MINUTE);
  const to = new Date(end.getTime() + ctx.rules.bufferAfterMin * MINUTE);
  const date = stockholmDate(start);
  const taken: { videoRoom: number | null; officerUserId: string | null } = { videoRoom: null, officerUserId: null };
  const pools = ctx.pools.map((pool, i) => ({ pool, choices: unitChoices(ctx, date)[i]! })).sort((a, b) => a.pool.key.localeCompare(b.pool.key));
  for (const { pool, choices } of pools) {
    await lockPool(tx, pool.key, date);
    // On a reschedule the same officer is asked first, so the visitor keeps their case officer when possible.
    const ordered = preferOfficer ? [...choices].sort((a, b) => Number(b.officerUserId === preferOfficer) - Number(a.officerUserId === preferOfficer)) : choices;
    let got = null;
    for (const c of ordered) {
      if (await tryHold(tx, { appointmentId, poolKey: c.poolKey, unit: c.unit, start: from, end: to })) { got = c; break; }
    }
    if (!got) throw new NoUnitFree();
    if (got.officerUserId) taken.officerUserId = got.officerUserId;
    if (got.poolKey.startsWith('video-rooms:')) taken.videoRoom = got.unit;
  }
  return taken;
}

function contactOf(input: Pick<CreateBookingInput, 'email' | 'phone' | 'personnummer'>, now: Date) {
  if (!input.email && !input.phone) {
    throw new AppError('validation_failed', 'Give an email address or a mobile number (or both) for the confirmation', { field: 'email', reason: 'contact_required' });
  }
  const phone = input.phone ? requireSwedishMobile(input.phone) : null;
  let personnummer: string | null = null;
  if (input.personnummer) {
    const parsed = parseSwedishId(input.personnummer, now);
    if (!parsed.ok) {
      throw new AppError('validation_failed', 'Not a valid personnummer or samordningsnummer', { field: 'personnummer', reason: 'invalid_personnummer', details: { problem: parsed.reason } });
    }
    personnummer = parsed.value.normalized;
  }
  return { email: input.email?.trim().toLowerCase() ?? null, phone, personnummer };
}

const UNIQUE_VIOLATION = '23505';
const isCodeClash = (err: unknown) => {
  for (let e = err as { code?: unknown; cause?: unknown; constraint?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (e.code === UNIQUE_VIOLATION && String(e.constraint ?? '').includes('code')) return true;
  }
  return false;
};

async function rowByCode(db: Db | Tx, code: string): Promise<BookingRow | undefined> {
  return (await loadBookingRows(db, eq(appointments.code, normaliseCode(code))))[0];
}

export async function createBooking(deps: BookingDeps, input: CreateBookingInput, createdByUserId: string | null = null): Promise<CreatedBooking> {
  const { db } = deps;
  const now = deps.now();
  const contact = contactOf(input, now);
  const start = parseStart(input.start);
  const date = stockholmDate(start);
  const ctx = await loadPlaceContext(db, input.officeId, input.serviceId, input.channel, date, date);
  const end = new Date(start.getTime() + ctx.service.durationMin * MINUTE);
  const mobileVisit = ctx.mobileVisits.find((v) => v.date === date) ?? null;
  if (checkStart(await slotQuery(db, ctx, date, date, now), start) === 'taken') throw slotTaken(await nextFreeStarts(db, ctx, start, now));

  const token = newManageToken();
  for (let attempt = 0; ; attempt++) {
    const code = newBookingCode();
    const joinUrl = ctx.channel === 'video' ? (await deps.video.createMeeting(code)).joinUrl : null;
    try {
      await db.transaction(async (tx) => {
        // A visitor's own booking counts against their open bookings of the service; staff book as they judge.
        if (deps.openBookingsPerContact !== undefined && createdByUserId === null) {
          await enforceContactCap(tx, input.serviceId, contact, deps.openBookingsPerContact, now);
        }
        const [row] = await tx.insert(appointments).values({
          officeId: input.officeId, serviceId: input.serviceId, startsAt: start, endsAt: end, code, manageToken: token,
          // A video booking is stored as such once its room and officer are taken (appointments_video_has_room),
          // below in the same transaction: the holds need this row's id first.
          channel: 'in_person', mobileVisitId: mobileVisit?.id ?? null, visitorName: input.visitorName.trim(), ...contact,
          interpreterLanguage: input.interpreterLanguage ?? null, language: input.language ?? 'sv', createdByUserId,
          protectedIdentity: input.protectedIdentity ?? false,
          createdAt: now,
        }).returning({ id: appointments.id });
        const taken = await takeUnits(tx, ctx, row!.id, start, end);
        if (ctx.channel === 'video') {
          await tx.update(appointments).set({ channel: 'video', videoRoom: taken.videoRoom, officerUserId: taken.officerUserId, joinUrl }).where(eq(appointments.id, row!.id));
        }
      });
      const booking = bookingView((await rowByCode(db, code))!);
      await notifyVisitor(deps, 'booked', code);
      return { ...booking, manageToken: token, managePath: managePath(code, token) };
    } catch (err) {
      if (err instanceof NoUnitFree) throw slotTaken(await nextFreeStarts(db, ctx, start, now));
      if (isCodeClash(err) && attempt < 3) continue;
      throw err;
    }
  }
}

/** The booking behind a code and manage token; a wrong token is answered like an unknown code. */
export async function bookingByToken(db: Db, code: string, token: string): Promise<BookingRow> {
  const row = await rowByCode(db, code);
  if (!row || !tokenMatches(row.a.manageToken, token)) {
    throw new AppError('not_found', 'No booking with this code and link', { field: 'code', reason: 'unknown_booking' });
  }
  return row;
}

function assertActive(a: AppointmentRow) {
  if (a.status !== 'booked') {
    throw new AppError('conflict', `The booking is ${a.status.replace('_', ' ')}`, { field: 'code', reason: a.status === 'checked_in' ? 'already_checked_in' : 'booking_not_active', details: { status: a.status } });
  }
}

/** Moves a booking: its holds are released and the new ones taken in one transaction, so it never holds both or neither. */
export async function rescheduleBooking(deps: BookingDeps, row: BookingRow, input: RescheduleInput): Promise<Booking> {
  const { db } = deps;
  const now = deps.now();
  assertActive(row.a);
  const start = parseStart(input.start);
  const date = stockholmDate(start);
  const ctx = await loadPlaceContext(db, row.a.officeId, row.a.serviceId, row.a.channel, date, date);
  const end = new Date(start.getTime() + ctx.service.durationMin * MINUTE);
  const mobileVisit = ctx.mobileVisits.find((v) => v.date === date) ?? null;
  if (checkStart(await slotQuery(db, ctx, date, date, now, row.a.id), start) === 'taken') throw slotTaken(await nextFreeStarts(db, ctx, start, now, row.a.id));
  try {
    await db.transaction(async (tx) => {
      const [current] = await tx.select().from(appointments).where(eq(appointments.id, row.a.id)).for('update');
      assertActive(current!);
      await tx.delete(bookingHolds).where(eq(bookingHolds.appointmentId, row.a.id));
      const taken = await takeUnits(tx, ctx, row.a.id, start, end, row.a.officerUserId);
      await tx.update(appointments).set({
        startsAt: start, endsAt: end, mobileVisitId: mobileVisit?.id ?? null, reminderSentAt: null,
        ...(ctx.channel === 'video' ? { videoRoom: taken.videoRoom, officerUserId: taken.officerUserId } : {}),
      }).where(eq(appointments.id, row.a.id));
    });
  } catch (err) {
    if (err instanceof NoUnitFree) throw slotTaken(await nextFreeStarts(db, ctx, start, now, row.a.id));
    throw err;
  }
  await notifyVisitor(deps, 'rescheduled', row.a.code);
  return bookingView((await rowByCode(db, row.a.code))!);
}

/** Cancels and frees the held units at once. */
export async function cancelBooking(deps: BookingDeps, row: BookingRow): Promise<Booking> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const [current] = await tx.select().from(appointments).where(eq(appointments.id, row.a.id)).for('update');
    assertActive(current!);
    await tx.update(appointments).set({ status: 'cancelled', cancelledAt: now }).where(eq(appointments.id, row.a.id));
    await tx.delete(bookingHolds).where(eq(bookingHolds.appointmentId, row.a.id));
  });
  await notifyVisitor(deps, 'cancelled', row.a.code);
  return bookingView((await rowByCode(deps.db, row.a.code))!);
}

/** Bookings of an office starting on a Stockholm date (all statuses), or of a mobile visit. */
export async function officeBookingRows(db: Db, officeId: string, from: Date, to: Date): Promise<BookingRow[]> {
  return loadBookingRows(db, and(eq(appointments.officeId, officeId), gte(appointments.startsAt, from), lt(appointments.startsAt, to)));
}

export async function mobileVisitBookingRows(db: Db, visitId: string): Promise<BookingRow[]> {
  return loadBookingRows(db, and(eq(appointments.mobileVisitId, visitId), ne(appointments.status, 'cancelled')));
}

export async function officerMeetingRows(db: Db, officerUserId: string, from: Date, to: Date): Promise<BookingRow[]> {
  return loadBookingRows(db, and(
    eq(appointments.officerUserId, officerUserId), eq(appointments.channel, 'video'),
    inArray(appointments.status, ['booked', 'checked_in']), gte(appointments.startsAt, from), lt(appointments.startsAt, to),
  ));
}

/** Staff mark a booked visitor as not having come; the held time stays used. */
export async function markNoShow(db: Db, officeId: string, code: string): Promise<void> {
  const updated = await db.update(appointments).set({ status: 'no_show' })
    .where(and(eq(appointments.code, normaliseCode(code)), eq(appointments.officeId, officeId), eq(appointments.status, 'booked')))
    .returning({ id: appointments.id });
  if (updated.length === 0) await assertBookingAt(db, officeId, code);
}

/** Throws not_found or the state conflict for a code at an office that is not (or no longer) booked. */
export async function assertBookingAt(db: Db, officeId: string, code: string): Promise<AppointmentRow> {
  const [a] = await db.select().from(appointments).where(and(eq(appointments.code, normaliseCode(code)), eq(appointments.officeId, officeId)));
  if (!a) throw new AppError('not_found', 'No booking with this code at this office', { field: 'code', reason: 'unknown_booking' });
  assertActive(a);
  return a;
}

/** Marks a booking checked in without a queue ticket (video meetings and mobile stops have no queue). */
export async function markArrivedWithoutQueue(db: Db, id: string): Promise<void> {
  const updated = await db.update(appointments).set({ status: 'checked_in' }).where(and(eq(appointments.id, id), eq(appointments.status, 'booked'))).returning({ id: appointments.id });
  if (updated.length === 0) throw new AppError('conflict', 'The booking is no longer booked', { field: 'code', reason: 'booking_not_active' });
}

