// The cap on open bookings per contact and service (decision 0013): one person (an email address, a mobile
// number or a personnummer) holds at most N future, not cancelled bookings of a service, at any office.
// Checked inside the booking's transaction under an advisory lock per contact, so that concurrent bookings
// by the same person queue up and the second one sees the first.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';

export interface Contact {
  email: string | null;
  phone: string | null;
  personnummer: string | null;
}

/**
 * The address as the cap compares it: lower case, without a "+tag" (name+1@… and name+2@… reach one
 * inbox). Kept identical to the expression of the index appointments_open_email.
 */
export const foldEmail = (email: string) => email.replace(/\+[^@]*@/, '@').toLowerCase();

export async function enforceContactCap(tx: Tx, serviceId: string, contact: Contact, max: number, now: Date): Promise<void> {
  const email = contact.email ? foldEmail(contact.email) : null;
  const keys = [
    email && `email:${email}`,
    contact.phone && `phone:${contact.phone}`,
    contact.personnummer && `pnr:${contact.personnummer}`,
  ].filter((k): k is string => Boolean(k)).sort();
  if (keys.length === 0) return;
  // In key order, so two bookings naming the same contacts never wait on each other in a cycle. Taken
  // before the booking's pool locks, always: the same order everywhere.
  for (const key of keys) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`open-bookings:${serviceId}:${key}`}))`);
  const [row] = await queryRows<{ n: number; by_email: boolean | null; by_phone: boolean | null; by_pnr: boolean | null }>(tx, sql`
    select count(*)::int as n,
      bool_or(${email}::text is not null and lower(regexp_replace(email, '\\+[^@]*@', '@')) = ${email}::text) as by_email,
      bool_or(${contact.phone}::text is not null and phone = ${contact.phone}::text) as by_phone,
      bool_or(${contact.personnummer}::text is not null and personnummer = ${contact.personnummer}::text) as by_pnr
    from appointments
    where service_id = ${serviceId} and status = 'booked' and starts_at > ${now.toISOString()}::timestamptz
      and (lower(regexp_replace(email, '\\+[^@]*@', '@')) = ${email}::text or phone = ${contact.phone}::text or personnummer = ${contact.personnummer}::text)`);
  if (!row || row.n < max) return;
  const field = row.by_pnr ? 'personnummer' : row.by_phone ? 'phone' : 'email';
  throw new AppError('rule_violation', `You already have ${row.n} bookings of this service; cancel one to book another`, {
    field, reason: 'too_many_open_bookings', details: { max, open: row.n },
  });
}
