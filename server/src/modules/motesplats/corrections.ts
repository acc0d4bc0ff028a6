// Corrections of a registered household by the coordinator (PATCH) and removal of a registration made
// by mistake (DELETE). Corrections are validated as at registration. Once a step of the household has
// started, a correction may not change what that step was (it happened): its members, its interpreter
// language, or an arrival after it began. A correction does not re-plan: the plan in force shows itself
// as stale (plan-view.ts, stale.ts) and the coordinator re-plans once, after all the corrections.
import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../../db/client.ts';
import type { Household, HouseholdInput, HouseholdPatch } from '../../../../contracts/motesplats.ts';
import type { Task } from '../../engines/dayplan/types.ts';
import { AppError } from '../../lib/errors.ts';
import { withDbErrors } from '../../lib/db-errors.ts';
import type { Principal } from '../auth/policy.ts';
import { expandTasks, loadDay, STARTED, type LoadedDay } from './day-input.ts';
import {
  correctHousehold as saveCorrection, deleteHousehold, deleteStatuses, findHousehold, hasNotes, lockHousehold, municipalityExists,
  statusesOf, type HouseholdChange, type HouseholdRecord, type MemberValues, type StatusRow,
} from './repo.ts';
import { caseRecord, checkHousehold, householdDetail, invalid } from './service.ts';
import { minutesOn, toDayTime, toMinutes } from './times.ts';
import { hasProtected, seesProtectedNames } from './protected.ts';
import { loadOffice } from './viewer.ts';

/** What a correction changed, for the audit row and the live pages: field names only, never values. */
export interface Correction {
  household: Household;
  changed: string[];
  membersAdded: number;
  membersRemoved: string[];
}

/** The day's template and events, to expand tasks; null when the office has no template (no step can have started). */
async function dayOf(tx: Tx, rec: HouseholdRecord): Promise<LoadedDay | null> {
  return loadDay(tx, rec.row.officeId, rec.row.date).catch((err: unknown) => {
    if (err instanceof AppError && (err.details as { reason?: string } | undefined)?.reason === 'no_template') return null;
    throw err;
  });
}

/** The household as the patch would leave it, with the stored identity numbers where the patch keeps them. */
function merged(rec: HouseholdRecord, patch: HouseholdPatch): { input: HouseholdInput; ids: string[] } {
  const h = rec.row;
  const byId = new Map(rec.members.map((m) => [m.id, m]));
  const members: NonNullable<HouseholdPatch['members']> = patch.members ?? rec.members.map((m) => ({ id: m.id, givenName: m.givenName, birthYear: m.birthYear, needsInterpreter: m.needsInterpreter, protectedIdentity: m.protectedIdentity }));
  const seen = new Set<string>();
  members.forEach((m, i) => {
    if (m.id === undefined) return;
    if (!byId.has(m.id)) throw invalid(`members[${i}].id`, 'unknown_member', 'no member of this household has this id');
    if (seen.has(m.id)) throw invalid(`members[${i}].id`, 'duplicate_member', 'the member is listed twice');
    seen.add(m.id);
  });
  return {
    ids: members.map((m) => m.id ?? randomUUID()),
    input: {
      language: patch.language ?? h.language,
      arrival: patch.arrival ?? toDayTime(h.arrival),
      dossierNumber: patch.dossierNumber === undefined ? h.dossierNumber : patch.dossierNumber,
      assignedKommunkod: patch.assignedKommunkod === undefined ? h.assignedKommunkod : patch.assignedKommunkod,
      housing: patch.housing ?? { assigned: h.housingAssigned, address: h.housingAddress },
      members: members.map((m) => ({
        givenName: m.givenName, birthYear: m.birthYear, needsInterpreter: m.needsInterpreter,
        identityNumber: m.identityNumber === undefined ? (m.id ? byId.get(m.id)?.identityNumber : null) : m.identityNumber,
        // Left out keeps the marking: a form that does not know the field never unmarks anyone.
        protectedIdentity: m.protectedIdentity ?? (m.id ? byId.get(m.id)?.protectedIdentity : false) ?? false,
      })),
    },
  };
}

/** The record expandTasks would see after the change (it reads the language, housing, and members' ids, birth years and interpreter needs). */
const recordOf = (rec: HouseholdRecord, input: HouseholdInput, ids: string[]): HouseholdRecord => ({
  ...rec,
  row: { ...rec.row, language: input.language, housingAssigned: input.housing.assigned },
  members: input.members.map((m, i) => ({ ...rec.members[0]!, id: ids[i]!, position: i, birthYear: m.birthYear, needsInterpreter: m.needsInterpreter })),
});

/** Started steps the household as given no longer has, or has with another interpreter language. */
function brokenStarted(day: LoadedDay, before: Task[], rec: HouseholdRecord, started: StatusRow[]): string[] {
  const after = new Map(expandTasks(day, [rec]).map((t) => [t.id, t]));
  return started.filter((s) => {
    const was = before.find((t) => t.id === s.taskId);
    const now = after.get(s.taskId);
    return was && (!now || now.interpreterLanguage !== was.interpreterLanguage);
  }).map((s) => s.taskId);
}

const STAGES: Array<[field: string, key: keyof HouseholdPatch]> = [['language', 'language'], ['housing.assigned', 'housing'], ['members', 'members']];

/**
 * Refuses a correction that would rewrite a step that has started. The changes are added one field at
 * a time (language, housing, members), so the refusal names the field that breaks it.
 */
function checkStarted(day: LoadedDay | null, rec: HouseholdRecord, patch: HouseholdPatch, statuses: StatusRow[]): void {
  const started = statuses.filter((s) => STARTED.has(s.status) && s.startedAt);
  if (!day || started.length === 0) return;
  const firstStart = Math.min(...started.map((s) => minutesOn(rec.row.date, s.startedAt!)));
  if (patch.arrival !== undefined && toMinutes(patch.arrival) > firstStart) {
    throw new AppError('conflict', 'The household was already at a step before this arrival time', { field: 'arrival', reason: 'steps_started', details: { firstStepAt: toDayTime(firstStart) } });
  }
  const before = expandTasks(day, [rec]);
  const soFar: HouseholdPatch = {};
  for (const [field, key] of STAGES) {
    if (patch[key] === undefined) continue;
    Object.assign(soFar, { [key]: patch[key] });
    const trial = merged(rec, soFar);
    const taskIds = brokenStarted(day, before, recordOf(rec, trial.input, trial.ids), started);
    if (taskIds.length > 0) throw new AppError('conflict', 'The change would rewrite a step that has started', { field, reason: 'started_step_affected', details: { taskIds } });
  }
}

export async function correctHousehold(db: Db, officeId: string, householdId: string, patch: HouseholdPatch, principal: Principal, now: Date): Promise<Correction> {
  await loadOffice(db, officeId);
  await caseRecord(db, officeId, householdId);
  const result = await withDbErrors(() => db.transaction(async (tx) => {
    // The household lock orders this against status changes of the same household (repo.lockStatus).
    await lockHousehold(tx, householdId);
    const rec = (await findHousehold(tx, { officeId, id: householdId }))!;
    // Whoever reads a protected member's name as a label (an admin) would write the label back as the name,
    // and would overwrite an address they are not shown.
    const blind = patch.members ? 'members' : patch.housing ? 'housing' : null;
    if (blind && hasProtected(rec.members) && !seesProtectedNames(principal, officeId)) {
      throw new AppError('forbidden', "Only the office's coordinator corrects the members or housing of a household with protected identity", { field: blind, reason: 'protected_identity' });
    }
    const { input, ids } = merged(rec, patch);
    const members = checkHousehold(input, rec.row.date, now);
    if (patch.assignedKommunkod && !(await municipalityExists(tx, patch.assignedKommunkod))) {
      throw invalid('assignedKommunkod', 'unknown_municipality', 'no municipality has this kommunkod');
    }
    const day = await dayOf(tx, rec);
    const statuses = await statusesOf(tx, [householdId]);
    checkStarted(day, rec, patch, statuses);

    const change: HouseholdChange = {};
    if (patch.language !== undefined) change.language = input.language;
    if (patch.arrival !== undefined) change.arrival = toMinutes(input.arrival);
    if (patch.dossierNumber !== undefined) change.dossierNumber = input.dossierNumber?.trim() || null;
    if (patch.assignedKommunkod !== undefined) change.assignedKommunkod = input.assignedKommunkod ?? null;
    if (patch.housing !== undefined) Object.assign(change, { housingAssigned: input.housing.assigned, housingAddress: input.housing.address ?? null });
    const values: MemberValues[] | null = patch.members ? members.map((m, i) => ({ ...m, id: ids[i]! })) : null;
    await saveCorrection(tx, householdId, change, values);
    // Statuses of steps the household no longer has (a removed member's, a step that no longer applies)
    // go with them; started ones cannot be among them (checkStarted).
    if (day) {
      const after = (await findHousehold(tx, { officeId, id: householdId }))!;
      const tasks = new Set(expandTasks(day, [after]).map((t) => t.id));
      await deleteStatuses(tx, householdId, statuses.filter((s) => !tasks.has(s.taskId)).map((s) => s.taskId));
    }
    const kept = new Set(ids);
    // The marking is audited by name like the other fields: that it changed, never whose name.
    const was = new Map(rec.members.map((m) => [m.id, m.protectedIdentity]));
    const markingChanged = patch.members !== undefined && members.some((m, i) => (was.get(ids[i]!) ?? false) !== m.protectedIdentity);
    return {
      changed: [...Object.keys(patch).filter((k) => patch[k as keyof HouseholdPatch] !== undefined), ...(markingChanged ? ['protectedIdentity'] : [])].sort(),
      membersAdded: patch.members ? patch.members.filter((m) => m.id === undefined).length : 0,
      membersRemoved: patch.members ? rec.members.filter((m) => !kept.has(m.id)).map((m) => m.id) : [],
    };
  }));
  return { household: await householdDetail(db, officeId, householdId, principal), ...result };
}

/**
 * Removes a registration made by mistake: only before any of its steps has started, and not once an
 * agency has written a note on it (that note is the agency's case, not the coordinator's to delete).
 */
export async function removeHousehold(db: Db, officeId: string, householdId: string): Promise<{ date: string }> {
  await loadOffice(db, officeId);
  await caseRecord(db, officeId, householdId);
  return db.transaction(async (tx) => {
    await lockHousehold(tx, householdId);
    const rec = (await findHousehold(tx, { officeId, id: householdId }))!;
    const started = (await statusesOf(tx, [householdId])).filter((s) => STARTED.has(s.status) || s.startedAt);
    if (started.length > 0) {
      throw new AppError('conflict', 'A step of the household has started', { field: 'householdId', reason: 'steps_started', details: { taskIds: started.map((s) => s.taskId) } });
    }
    if (await hasNotes(tx, householdId)) throw new AppError('conflict', 'An agency has written notes on the household', { field: 'householdId', reason: 'household_has_notes' });
    await deleteHousehold(tx, householdId);
    return { date: rec.row.date };
  });
}
