// Household cases: the coordinator registers a day's households once (members, identifiers, language,
// municipality and housing, arrival), records consent per agency, and everyone on the day reads the case
// as views.ts cuts it for them. Rules in docs/motesplats.md, "Cases, consent and secrecy".
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema.ts';
import type { Consent, ConsentInput, Household, HouseholdInput } from '../../../../contracts/motesplats.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { withDbErrors } from '../../lib/db-errors.ts';
import { parseSwedishId } from '../../lib/personnummer.ts';
import { newLinkToken } from '../../lib/tokens.ts';
import type { Principal } from '../auth/policy.ts';
import {
  consentHistory, findHousehold, householdsOfDay, insertConsent, insertHousehold, municipalityExists, nextReference, type HouseholdRecord,
} from './repo.ts';
import { toMinutes } from './times.ts';
import { consentInForce, householdView, type ConsentRow } from './views.ts';
import { loadOffice, stationOf, viewerAt, type OfficeRow } from './viewer.ts';

export const invalid = (field: string, reason: string, message: string, details?: Record<string, unknown>) =>
  new AppError('validation_failed', `${field}: ${message}`, { field, reason, details });

export function assertDate(date: string): void {
  const d = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) throw invalid('date', 'invalid_date', 'no such date');
}

/** Checks what the schema cannot and returns the members as stored (identity numbers in 12 digits). */
export function checkHousehold(input: HouseholdInput, date: string, today: Date) {
  const year = Number(date.slice(0, 4));
  const members = input.members.map((m, i) => {
    if (m.birthYear > year) throw invalid(`members[${i}].birthYear`, 'born_after_day', `born after ${year}`);
    let identityNumber: string | null = null;
    if (m.identityNumber) {
      const parsed = parseSwedishId(m.identityNumber, today);
      if (!parsed.ok) throw invalid(`members[${i}].identityNumber`, 'invalid_personnummer', 'not a valid personnummer or samordningsnummer', { problem: parsed.reason });
      if (Number(parsed.value.birthDate.slice(0, 4)) !== m.birthYear) {
        throw invalid(`members[${i}].identityNumber`, 'birth_year_mismatch', `the number says born ${parsed.value.birthDate.slice(0, 4)}, the member ${m.birthYear}`);
      }
      identityNumber = parsed.value.normalized;
    }
    return { position: i, givenName: m.givenName.trim(), birthYear: m.birthYear, needsInterpreter: m.needsInterpreter, identityNumber, protectedIdentity: m.protectedIdentity ?? false };
  });
  const numbers = members.flatMap((m) => (m.identityNumber ? [m.identityNumber] : []));
  if (new Set(numbers).size !== numbers.length) throw invalid('members', 'duplicate_personnummer', 'two members have the same number');
  if (input.housing.address && !input.housing.assigned) throw invalid('housing.address', 'address_without_housing', 'an address needs assigned housing');
  return members;
}

export async function caseRecord(db: Db, officeId: string, householdId: string): Promise<HouseholdRecord> {
  const rec = await findHousehold(db, { officeId, id: householdId });
  if (!rec) throw notFound('Household', 'householdId');
  return rec;
}

const consentRows = async (db: Db, ids: string[]) => (await consentHistory(db, ids)) as ConsentRow[];

export async function registerHousehold(db: Db, officeId: string, date: string, input: HouseholdInput, principal: Principal, now: Date): Promise<Household> {
  assertDate(date);
  const office = await loadOffice(db, officeId);
  if (!office.isMotesplats) throw new AppError('rule_violation', 'This office is not a Mötesplats', { field: 'id', reason: 'not_a_motesplats' });
  const members = checkHousehold(input, date, now);
  if (input.assignedKommunkod && !(await municipalityExists(db, input.assignedKommunkod))) {
    throw invalid('assignedKommunkod', 'unknown_municipality', 'no municipality has this kommunkod');
  }
  const created = await withDbErrors(() => db.transaction(async (tx) => {
    const reference = await nextReference(tx, officeId, date);
    return insertHousehold(tx, {
      officeId, date, reference, language: input.language, dossierNumber: input.dossierNumber?.trim() || null,
      assignedKommunkod: input.assignedKommunkod ?? null, housingAssigned: input.housing.assigned, housingAddress: input.housing.address ?? null,
      arrival: toMinutes(input.arrival), registeredAt: now, registeredByUserId: principal.userId,
      itineraryToken: newLinkToken(),
    }, members);
  }));
  return householdDetail(db, officeId, created.id, principal);
}

export async function dayHouseholds(db: Db, officeId: string, date: string, principal: Principal): Promise<Household[]> {
  assertDate(date);
  const office = await loadOffice(db, officeId);
  const viewer = await viewerAt(db, principal, office);
  const records = await householdsOfDay(db, officeId, date);
  const consents = await consentRows(db, records.map((r) => r.row.id));
  return records.map((r) => householdView(r, viewer, consentInForce(consents.filter((c) => c.householdId === r.row.id)), false));
}

export async function householdDetail(db: Db, officeId: string, householdId: string, principal: Principal): Promise<Household> {
  const office = await loadOffice(db, officeId);
  const rec = await caseRecord(db, officeId, householdId);
  const viewer = await viewerAt(db, principal, office);
  return householdView(rec, viewer, consentInForce(await consentRows(db, [householdId])), true);
}

// ---------- consent ----------
const entry = (r: ConsentRow) => ({
  agencyId: r.agencyId, agencyCode: r.agencyCode, action: r.action, fields: r.fields as Consent['history'][number]['fields'],
  at: r.at.toISOString(), recordedBy: r.recordedBy,
});

export async function showConsent(db: Db, officeId: string, householdId: string): Promise<Consent> {
  await caseRecord(db, officeId, householdId);
  const rows = await consentRows(db, [householdId]);
  return { householdId, current: [...consentInForce(rows).values()].map(entry), history: rows.map(entry) };
}

async function motesplatsAgency(db: Db, agencyId: string, office: OfficeRow) {
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, agencyId));
  if (!agency) throw invalid('agencyId', 'unknown_reference', 'no such agency');
  if (!stationOf(agency, office)) throw invalid('agencyId', 'not_a_motesplats_agency', `${agency.code} has no station at this Mötesplats`);
  return agency;
}

/** Consent is given or withdrawn explicitly, one append-only row per decision (who and when). */
export async function recordConsent(db: Db, officeId: string, householdId: string, input: ConsentInput, principal: Principal, now: Date): Promise<Consent> {
  const office = await loadOffice(db, officeId);
  await caseRecord(db, officeId, householdId);
  await motesplatsAgency(db, input.agencyId, office);
  if (input.action === 'give') {
    if (!input.fields?.length) throw invalid('fields', 'fields_required', 'name the fields the household agrees to share');
    await insertConsent(db, { householdId, agencyId: input.agencyId, action: 'given', fields: input.fields, at: now, recordedByUserId: principal.userId });
  } else {
    if (input.fields) throw invalid('fields', 'fields_not_allowed', 'withdrawing ends all sharing with the agency; give again with fewer fields to narrow it');
    const inForce = consentInForce(await consentRows(db, [householdId]));
    if (!inForce.has(input.agencyId)) throw invalid('agencyId', 'no_consent', 'there is no consent in force for this agency');
    await insertConsent(db, { householdId, agencyId: input.agencyId, action: 'withdrawn', fields: [], at: now, recordedByUserId: principal.userId });
  }
  return showConsent(db, officeId, householdId);
}
