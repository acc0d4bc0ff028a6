// SQL of Mötesplats cases: templates, the day and its resources, households with members, consent,
// step statuses and notes. Plans and events are in plan-repo.ts.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { agencies, municipalities, users } from '../../db/schema.ts';
import {
  mpConsents, mpDayInterpreters, mpDayOfficers, mpDays, mpHouseholds, mpMembers, mpStepNotes, mpStepStatuses, mpTemplates,
} from '../../db/schema-motesplats.ts';
import type { TemplateStep } from '../../engines/dayplan/types.ts';

export type TemplateRow = typeof mpTemplates.$inferSelect;
export type HouseholdRow = typeof mpHouseholds.$inferSelect;
export type MemberRow = typeof mpMembers.$inferSelect;
export type OfficerRow = typeof mpDayOfficers.$inferSelect;
export type InterpreterRow = typeof mpDayInterpreters.$inferSelect;
export type StatusRow = typeof mpStepStatuses.$inferSelect;

export const stepsOf = (t: TemplateRow) => t.steps as TemplateStep[];

// ---------- templates ----------
export const listTemplates = (db: Db | Tx, officeId: string) =>
  db.select().from(mpTemplates).where(eq(mpTemplates.officeId, officeId)).orderBy(asc(mpTemplates.name));

/** The office's first template: the one a day follows until the coordinator picks another. */
export async function firstTemplate(db: Db | Tx, officeId: string): Promise<TemplateRow | undefined> {
  const [row] = await db.select().from(mpTemplates).where(eq(mpTemplates.officeId, officeId)).orderBy(asc(mpTemplates.createdAt), asc(mpTemplates.id)).limit(1);
  return row;
}

export async function findTemplate(db: Db | Tx, officeId: string, id: string): Promise<TemplateRow | undefined> {
  const [row] = await db.select().from(mpTemplates).where(and(eq(mpTemplates.officeId, officeId), eq(mpTemplates.id, id)));
  return row;
}

export async function insertTemplate(db: Db | Tx, row: typeof mpTemplates.$inferInsert): Promise<TemplateRow> {
  const [created] = await db.insert(mpTemplates).values(row).returning();
  return created!;
}

export async function updateTemplate(db: Db | Tx, id: string, values: { name: string; steps: TemplateStep[]; updatedByUserId: string }): Promise<TemplateRow> {
  const [row] = await db.update(mpTemplates)
    .set({ ...values, version: sql`${mpTemplates.version} + 1`, updatedAt: sql`now()` })
    .where(eq(mpTemplates.id, id)).returning();
  return row!;
}

// ---------- the day ----------
export async function findDay(db: Db | Tx, officeId: string, date: string) {
  const [row] = await db.select().from(mpDays).where(and(eq(mpDays.officeId, officeId), eq(mpDays.date, date)));
  return row;
}

export async function upsertDay(db: Db | Tx, officeId: string, date: string, templateId: string) {
  const [row] = await db.insert(mpDays).values({ officeId, date, templateId })
    .onConflictDoUpdate({ target: [mpDays.officeId, mpDays.date], set: { templateId } }).returning();
  return row!;
}

export async function dayResources(db: Db | Tx, dayId: string) {
  const officers = await db.select().from(mpDayOfficers).where(eq(mpDayOfficers.dayId, dayId)).orderBy(asc(mpDayOfficers.position));
  const interpreters = await db.select().from(mpDayInterpreters).where(eq(mpDayInterpreters.dayId, dayId)).orderBy(asc(mpDayInterpreters.position));
  return { officers, interpreters };
}

/** Replaces the day's resources; ids given are kept, so plans and events still name the same people. */
export async function replaceResources(tx: Tx, dayId: string, officers: Array<typeof mpDayOfficers.$inferInsert>, interpreters: Array<typeof mpDayInterpreters.$inferInsert>) {
  await tx.delete(mpDayOfficers).where(eq(mpDayOfficers.dayId, dayId));
  await tx.delete(mpDayInterpreters).where(eq(mpDayInterpreters.dayId, dayId));
  if (officers.length > 0) await tx.insert(mpDayOfficers).values(officers);
  if (interpreters.length > 0) await tx.insert(mpDayInterpreters).values(interpreters);
}

export const setOfficerShiftEnd = (db: Db | Tx, dayId: string, id: string, end: number) =>
  db.update(mpDayOfficers).set({ shiftEnd: end }).where(and(eq(mpDayOfficers.dayId, dayId), eq(mpDayOfficers.id, id))).returning();

export const setInterpreterShiftEnd = (db: Db | Tx, dayId: string, id: string, end: number) =>
  db.update(mpDayInterpreters).set({ shiftEnd: end }).where(and(eq(mpDayInterpreters.dayId, dayId), eq(mpDayInterpreters.id, id))).returning();

// ---------- households ----------
export const municipalityExists = async (db: Db | Tx, kommunkod: string) =>
  (await db.select({ k: municipalities.kommunkod }).from(municipalities).where(eq(municipalities.kommunkod, kommunkod))).length > 0;

/** The next reference after the highest of the day (not the count: a removed registration leaves a gap). */
export async function nextReference(tx: Tx, officeId: string, date: string): Promise<string> {
  const [row] = await tx.select({ n: sql<number>`coalesce(max(substring(${mpHouseholds.reference} from 2)::int), 0)::int` }).from(mpHouseholds)
    .where(and(eq(mpHouseholds.officeId, officeId), eq(mpHouseholds.date, date)));
  return `H${String((row?.n ?? 0) + 1).padStart(2, '0')}`;
}

export async function insertHousehold(tx: Tx, row: typeof mpHouseholds.$inferInsert, members: Array<Omit<typeof mpMembers.$inferInsert, 'householdId'>>) {
  const [household] = await tx.insert(mpHouseholds).values(row).returning();
  await tx.insert(mpMembers).values(members.map((m) => ({ ...m, householdId: household!.id })));
  return household!;
}

export interface HouseholdRecord {
  row: HouseholdRow;
  members: MemberRow[];
  municipalityName: string | null;
}

async function withMembers(db: Db | Tx, rows: Array<{ h: HouseholdRow; municipalityName: string | null }>): Promise<HouseholdRecord[]> {
  if (rows.length === 0) return [];
  const members = await db.select().from(mpMembers).where(inArray(mpMembers.householdId, rows.map((r) => r.h.id))).orderBy(asc(mpMembers.position));
  return rows.map((r) => ({ row: r.h, municipalityName: r.municipalityName, members: members.filter((m) => m.householdId === r.h.id) }));
}

export async function householdsOfDay(db: Db | Tx, officeId: string, date: string): Promise<HouseholdRecord[]> {
  const rows = await db.select({ h: mpHouseholds, municipalityName: municipalities.name }).from(mpHouseholds)
    .leftJoin(municipalities, eq(municipalities.kommunkod, mpHouseholds.assignedKommunkod))
    .where(and(eq(mpHouseholds.officeId, officeId), eq(mpHouseholds.date, date))).orderBy(asc(mpHouseholds.reference));
  return withMembers(db, rows);
}

export async function findHousehold(db: Db | Tx, where: { officeId: string; id: string } | { token: string }): Promise<HouseholdRecord | undefined> {
  const condition = 'token' in where
    ? eq(mpHouseholds.itineraryToken, where.token)
    : and(eq(mpHouseholds.officeId, where.officeId), eq(mpHouseholds.id, where.id));
  const rows = await db.select({ h: mpHouseholds, municipalityName: municipalities.name }).from(mpHouseholds)
    .leftJoin(municipalities, eq(municipalities.kommunkod, mpHouseholds.assignedKommunkod)).where(condition);
  return (await withMembers(db, rows))[0];
}

export type HouseholdChange = Partial<Pick<typeof mpHouseholds.$inferInsert, 'language' | 'arrival' | 'dossierNumber' | 'assignedKommunkod' | 'housingAssigned' | 'housingAddress'>>;
export type MemberValues = Omit<typeof mpMembers.$inferInsert, 'householdId'> & { id: string };

/** Corrects a household in place; members keep their ids, new ones are added, those left out removed. */
export async function correctHousehold(tx: Tx, id: string, change: HouseholdChange, members: MemberValues[] | null): Promise<void> {
  if (Object.keys(change).length > 0) await tx.update(mpHouseholds).set(change).where(eq(mpHouseholds.id, id));
  if (!members) return;
  const existing = await tx.select({ id: mpMembers.id }).from(mpMembers).where(eq(mpMembers.householdId, id));
  const kept = new Set(members.map((m) => m.id));
  const gone = existing.map((m) => m.id).filter((m) => !kept.has(m));
  if (gone.length > 0) await tx.delete(mpMembers).where(inArray(mpMembers.id, gone));
  // Positions are unique per household: park the kept members above any position in use first.
  const known = new Set(existing.map((m) => m.id));
  for (const m of members) if (known.has(m.id)) await tx.update(mpMembers).set({ position: 100 + m.position }).where(eq(mpMembers.id, m.id));
  for (const m of members) {
    if (known.has(m.id)) await tx.update(mpMembers).set(m).where(eq(mpMembers.id, m.id));
    else await tx.insert(mpMembers).values({ ...m, householdId: id });
  }
}

/** Removes a household with its members, consent, statuses and notes (rows that go only with it). */
export const deleteHousehold = (tx: Tx, id: string) => tx.delete(mpHouseholds).where(eq(mpHouseholds.id, id));

export const deleteStatuses = (tx: Tx, householdId: string, taskIds: string[]) =>
  taskIds.length === 0 ? Promise.resolve() : tx.delete(mpStepStatuses).where(and(eq(mpStepStatuses.householdId, householdId), inArray(mpStepStatuses.taskId, taskIds)));

export async function hasNotes(db: Db | Tx, householdId: string): Promise<boolean> {
  const [row] = await db.select({ id: mpStepNotes.id }).from(mpStepNotes).where(eq(mpStepNotes.householdId, householdId)).limit(1);
  return row !== undefined;
}

export const setArrival = (db: Db | Tx, id: string, arrival: number) => db.update(mpHouseholds).set({ arrival }).where(eq(mpHouseholds.id, id));
export const setNoShow = (db: Db | Tx, id: string) => db.update(mpHouseholds).set({ noShow: true }).where(eq(mpHouseholds.id, id));

// ---------- consent ----------
export const insertConsent = (db: Db | Tx, row: typeof mpConsents.$inferInsert) => db.insert(mpConsents).values(row);

export function consentHistory(db: Db | Tx, householdIds: string[]) {
  if (householdIds.length === 0) return Promise.resolve([]);
  return db.select({
    householdId: mpConsents.householdId, agencyId: mpConsents.agencyId, agencyCode: agencies.code, action: mpConsents.action,
    fields: mpConsents.fields, at: mpConsents.at, recordedBy: users.displayName,
  }).from(mpConsents)
    .innerJoin(agencies, eq(agencies.id, mpConsents.agencyId))
    .leftJoin(users, eq(users.id, mpConsents.recordedByUserId))
    .where(inArray(mpConsents.householdId, householdIds)).orderBy(asc(mpConsents.id));
}

// ---------- statuses and notes ----------
export const statusesOf = (db: Db | Tx, householdIds: string[]) =>
  householdIds.length === 0 ? Promise.resolve([] as StatusRow[]) : db.select().from(mpStepStatuses).where(inArray(mpStepStatuses.householdId, householdIds));

/** The household row lock: orders status changes and corrections of one household. */
export async function lockHousehold(tx: Tx, householdId: string): Promise<void> {
  await tx.execute(sql`select 1 from ${mpHouseholds} where ${mpHouseholds.id} = ${householdId} for update`);
}

export async function lockStatus(tx: Tx, householdId: string, taskId: string): Promise<StatusRow | undefined> {
  // The household row lock orders concurrent status changes of one household (row locks on missing
  // status rows are impossible).
  await lockHousehold(tx, householdId);
  const [row] = await tx.select().from(mpStepStatuses).where(and(eq(mpStepStatuses.householdId, householdId), eq(mpStepStatuses.taskId, taskId)));
  return row;
}

export async function saveStatus(tx: Tx, row: typeof mpStepStatuses.$inferInsert): Promise<StatusRow> {
  const [saved] = await tx.insert(mpStepStatuses).values(row)
    .onConflictDoUpdate({
      target: [mpStepStatuses.householdId, mpStepStatuses.taskId],
      set: { status: row.status, reason: row.reason ?? null, startedAt: row.startedAt ?? null, finishedAt: row.finishedAt ?? null, agencyId: row.agencyId ?? null, updatedByUserId: row.updatedByUserId ?? null, updatedAt: sql`now()` },
    }).returning();
  return saved!;
}

export async function insertNote(db: Db | Tx, row: typeof mpStepNotes.$inferInsert) {
  const [note] = await db.insert(mpStepNotes).values(row).returning();
  return note!;
}

/** Notes of the household written for these agencies only: the secrecy filter is in the query. */
export function notesFor(db: Db | Tx, householdId: string, agencyIds: string[]) {
  if (agencyIds.length === 0) return Promise.resolve([]);
  return db.select({ n: mpStepNotes, writtenBy: users.displayName }).from(mpStepNotes)
    .leftJoin(users, eq(users.id, mpStepNotes.writtenByUserId))
    .where(and(eq(mpStepNotes.householdId, householdId), inArray(mpStepNotes.agencyId, agencyIds)))
    .orderBy(asc(mpStepNotes.at), asc(mpStepNotes.id));
}
