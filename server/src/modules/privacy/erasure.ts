// Erasure on request (GDPR art. 17): what Samservice holds about one booking, one Mötesplats household, or
// everyone behind one mobile number or email address, anonymised at once with retention's own steps.
// The whole erasure is one transaction: a person's data goes all at once or not at all.
import { eq, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { emailOutbox, smsOutbox } from '../../db/schema.ts';
import { appointments, visits } from '../../db/schema-visits.ts';
import { mpHouseholds } from '../../db/schema-motesplats.ts';
import { AppError } from '../../lib/errors.ts';
import { toSwedishMobileE164 } from '../../lib/phone.ts';
import type { ErasureInput, RetentionCounts } from '../../../../contracts/privacy.ts';
import {
  bookings, cancelAhead, emailMessages, households, runGroups, smsMessages, transferNotes, visitPhones, type Step,
} from './anonymise.ts';

const invalid = (reason: string, message: string) => new AppError('validation_failed', `value: ${message}`, { field: 'value', reason });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

interface Selection { visits?: SQL; bookings?: SQL; sms?: SQL; email?: SQL }

/**
 * The steps for a person's rows. Order matters where a step clears what the selection matches on: the
 * visits of the bookings and the messages about them go before the bookings themselves, and a booking
 * still ahead is cancelled before it is anonymised. Messages about a booking are found by its code.
 */
function personSteps(sel: Selection, now: Date): Step[][] {
  const bw = sel.bookings;
  const about = (text: AnyPgColumn) => bw && sql`exists (select 1 from ${appointments} where ${bw} and position(${appointments.code} in ${text}) > 0)`;
  const visitWhere = or(sel.visits, bw && sql`${visits.appointmentId} in (select ${appointments.id} from ${appointments} where ${bw})`);
  const smsWhere = or(sel.sms, about(smsOutbox.text));
  const emailWhere = or(sel.email, about(emailOutbox.text));
  return [
    visitWhere ? [transferNotes(visitWhere), visitPhones(visitWhere)] : [],
    [...(smsWhere ? [smsMessages(smsWhere)] : []), ...(emailWhere ? [emailMessages(emailWhere)] : [])],
    bw ? [cancelAhead(bw, now), bookings(bw)] : [],
  ];
}

/** What the request names, checked; `resourceId` is what the audit row may say (never a phone or an email). */
export async function erasureSteps(db: Db, input: ErasureInput, now: Date): Promise<{ groups: Step[][]; resourceId: string | null }> {
  const value = input.value.trim();
  switch (input.kind) {
    case 'booking': {
      const code = value.toUpperCase();
      if (!/^[A-Z0-9]{6,10}$/.test(code)) throw invalid('invalid_booking_code', 'a booking code is 6–10 letters and digits');
      const [row] = await db.select({ id: appointments.id }).from(appointments).where(eq(appointments.code, code));
      if (!row) throw new AppError('not_found', 'No booking has this code', { field: 'value', reason: 'unknown_booking' });
      return { groups: personSteps({ bookings: eq(appointments.id, row.id) }, now), resourceId: code };
    }
    case 'household': {
      if (!UUID.test(value)) throw invalid('invalid_household_id', 'a household id is a UUID');
      const [row] = await db.select({ id: mpHouseholds.id }).from(mpHouseholds).where(eq(mpHouseholds.id, value.toLowerCase()));
      if (!row) throw new AppError('not_found', 'No Mötesplats household has this id', { field: 'value', reason: 'unknown_household' });
      return { groups: [households(eq(mpHouseholds.id, row.id))], resourceId: row.id };
    }
    case 'phone': {
      // Only Swedish mobile numbers are ever stored (kiosk and booking both normalise to E.164).
      const phone = toSwedishMobileE164(value);
      if (!phone) throw invalid('not_a_mobile_number', 'give a Swedish mobile number, e.g. 070-123 45 67');
      return { groups: personSteps({ visits: eq(visits.phone, phone), bookings: eq(appointments.phone, phone), sms: eq(smsOutbox.recipient, phone) }, now), resourceId: null };
    }
    case 'email': {
      const email = value.toLowerCase();
      if (!EMAIL.test(email)) throw invalid('invalid_email', 'give an email address, e.g. namn@exempel.se');
      // Bookings store the address lower-cased; the outbox keeps it as sent, so compare ignoring case.
      return { groups: personSteps({ bookings: eq(appointments.email, email), email: sql`lower(${emailOutbox.recipient}) = ${email}` }, now), resourceId: null };
    }
    default:
      throw invalid('unknown_kind', 'unknown kind'); // the schema lets no other kind through
  }
}

export async function erase(db: Db, input: ErasureInput, now: Date, dryRun: boolean): Promise<{ counts: RetentionCounts; resourceId: string | null }> {
  const { groups, resourceId } = await erasureSteps(db, input, now);
  const counts = await runGroups(db, dryRun ? groups : [groups.flat()], dryRun);
  return { counts, resourceId };
}
