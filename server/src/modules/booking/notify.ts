// Messages to the visitor: confirmation on booking, change and cancellation, and a reminder the day
// before, by email and/or SMS (whichever contact they gave), through the adapters. A failed send is
// logged and never undoes the booking.
import { and, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { appointments } from '../../db/schema-visits.ts';
import type { SmsSender } from '../../adapters/sms/index.ts';
import type { EmailSender } from '../../adapters/email/index.ts';
import { managePath } from './codes.ts';
import { bookingIcs } from './ics.ts';
import { bookingEmail, bookingSms, calendarTexts, type MessageKind } from './texts.ts';
import { addressOf, loadBookingRows, type BookingRow } from './view.ts';

export interface NotifyDeps {
  db: Db;
  sms: SmsSender;
  email: EmailSender;
  publicUrl: string;
  log: { warn(obj: object, msg: string): void };
  now: () => Date;
}

/**
 * The calendar entry of a booking (also served at GET /bookings/:code/calendar.ics), in the language the
 * visitor booked in (stored with the booking), as the messages are.
 */
export function icsFor(row: BookingRow, manageUrl: string, now: Date): string {
  const a = row.a;
  const words = calendarTexts(a.language, {
    code: a.code, serviceNameSv: row.serviceNameSv, serviceNameEn: row.serviceNameEn, officeName: row.officeName, address: addressOf(row),
    channel: a.channel, manageUrl,
  });
  return bookingIcs({
    uid: `${a.id}@samservice`,
    stamp: now,
    start: a.startsAt,
    end: a.endsAt,
    ...words,
    cancelled: a.status === 'cancelled',
    // Seconds since booking: every later file outranks an earlier one, so a calendar takes the newest
    // version (a move or a cancellation) without a change counter in the table.
    sequence: Math.max(0, Math.floor((now.getTime() - a.createdAt.getTime()) / 1000)),
  });
}

async function send(deps: NotifyDeps, kind: MessageKind, row: BookingRow): Promise<void> {
  const a = row.a;
  const manageUrl = `${deps.publicUrl}${managePath(a.code, a.manageToken ?? '')}`;
  const facts = {
    code: a.code, serviceNameSv: row.serviceNameSv, serviceNameEn: row.serviceNameEn, place: `${row.officeName}, ${addressOf(row)}`,
    start: a.startsAt, channel: a.channel, manageUrl,
  };
  const jobs: Array<Promise<unknown>> = [];
  if (a.email) {
    const mail = bookingEmail(a.language, kind, facts);
    const attachments = kind === 'cancelled' ? [] : [{ filename: 'bokning.ics', contentType: 'text/calendar; charset=utf-8', content: icsFor(row, manageUrl, deps.now()) }];
    jobs.push(deps.email.send({ to: a.email, ...mail, attachments }));
  }
  if (a.phone) jobs.push(deps.sms.send({ to: a.phone, text: bookingSms(a.language, kind, facts) }));
  const results = await Promise.allSettled(jobs);
  for (const r of results) {
    if (r.status === 'rejected') deps.log.warn({ err: r.reason, code: a.code, kind }, 'booking message not sent');
  }
  if (results.some((r) => r.status === 'rejected')) throw new Error('send failed');
}

/** Sends the message for a booking by code; failures are logged only. */
export async function notifyVisitor(deps: NotifyDeps, kind: MessageKind, code: string): Promise<void> {
  const [row] = await loadBookingRows(deps.db, eq(appointments.code, code));
  if (!row) return;
  await send(deps, kind, row).catch(() => {});
}

/** Reminders go out from this long before the start… */
export const REMINDER_LEAD_MS = 24 * 3600_000;
/** …to bookings made at least this long before their start (a later booking has just had its confirmation). */
const REMINDER_MIN_AGE_MS = 12 * 3600_000;

/**
 * Sends the reminders now due. Each is claimed by one UPDATE … WHERE reminder_sent_at IS NULL …
 * RETURNING, so two servers never both send one; a failed send releases the claim for the next round.
 */
export async function sendDueReminders(deps: NotifyDeps): Promise<number> {
  const now = deps.now();
  const claimed = await deps.db.update(appointments).set({ reminderSentAt: now })
    .where(and(
      eq(appointments.status, 'booked'), isNull(appointments.reminderSentAt),
      gt(appointments.startsAt, now), lte(appointments.startsAt, new Date(now.getTime() + REMINDER_LEAD_MS)),
      lte(appointments.createdAt, sql`${appointments.startsAt} - make_interval(secs => ${REMINDER_MIN_AGE_MS / 1000})`),
    ))
    .returning({ code: appointments.code, id: appointments.id });
  let sent = 0;
  for (const c of claimed) {
    const [row] = await loadBookingRows(deps.db, eq(appointments.id, c.id));
    try {
      await send(deps, 'reminder', row!);
      sent++;
    } catch {
      await deps.db.update(appointments).set({ reminderSentAt: null }).where(eq(appointments.id, c.id));
    }
  }
  return sent;
}

/** A small in-process scheduler: a round every few minutes, never two rounds at once; stopped on app close. */
export function startReminders(deps: NotifyDeps, intervalMs = 5 * 60_000): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sendDueReminders(deps)
      .catch((err: unknown) => deps.log.warn({ err }, 'booking reminders failed'))
      .finally(() => { running = false; });
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
