// Step statuses and notes. An agency officer moves their own agency's steps through the statuses and
// writes notes for their agency's case; a note is read by that agency's officers only (the filter is in
// the query, repo.notesFor). Start and finish times are recorded: a re-plan keeps those steps fixed.
import type { Db } from '../../db/client.ts';
import type { Note, NoteInput, Step, StepStatus, StepStatusInput } from '../../../../contracts/motesplats.ts';
import type { Task } from '../../engines/dayplan/types.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Principal } from '../auth/policy.ts';
import { expandTasks, loadDay, type LoadedDay } from './day-input.ts';
import { findHousehold, insertNote, lockStatus, notesFor, saveStatus, type HouseholdRecord, type StatusRow } from './repo.ts';
import { toDayTime } from './times.ts';
import { agencyForStation, loadOffice, viewerAt, type Viewer } from './viewer.ts';

/** Where a step may go from each status. Undoing a start or a "not applicable" is allowed; a finish is final. */
export const TRANSITIONS: Record<StepStatus, StepStatus[]> = {
  planned: ['in_progress', 'not_applicable'],
  in_progress: ['done', 'needs_follow_up', 'not_applicable', 'planned'],
  done: ['needs_follow_up'],
  needs_follow_up: ['in_progress', 'done'],
  not_applicable: ['planned'],
};
const NEEDS_REASON = new Set<StepStatus>(['needs_follow_up', 'not_applicable']);
/** A predecessor in one of these no longer holds the step back. */
const SETTLED = new Set<StepStatus>(['done', 'needs_follow_up', 'not_applicable']);

export const isFollowUp = (taskId: string) => taskId.includes('~fu');

interface HouseholdDay {
  rec: HouseholdRecord;
  day: LoadedDay;
  tasks: Task[];
  viewer: Viewer;
}

async function householdDay(db: Db, officeId: string, householdId: string, principal: Principal): Promise<HouseholdDay> {
  const office = await loadOffice(db, officeId);
  const rec = await findHousehold(db, { officeId, id: householdId });
  if (!rec) throw notFound('Household', 'householdId');
  const day = await loadDay(db, officeId, rec.row.date);
  return { rec, day, tasks: expandTasks(day, [rec]), viewer: await viewerAt(db, principal, office) };
}

export function stepView(hd: Pick<HouseholdDay, 'day' | 'viewer'>, task: Task, status: StatusRow | undefined): Step {
  const step = hd.day.steps.find((s) => s.key === task.stepKey);
  const planned = hd.day.latest?.plan.assignments.find((a) => a.taskId === task.id);
  // A reason is part of the agency's case: the step's own agency and the coordinator read it.
  const mayReadReason = hd.viewer.manages || hd.viewer.agencies.some((a) => a.station === task.station);
  return {
    taskId: task.id, stepKey: task.stepKey, stepName: (step?.name ?? task.stepKey) + (isFollowUp(task.id) ? ' (uppföljning)' : ''),
    station: task.station, memberIds: task.personIds, status: status?.status ?? 'planned',
    reason: mayReadReason ? (status?.reason ?? null) : null,
    startedAt: status?.startedAt?.toISOString() ?? null, finishedAt: status?.finishedAt?.toISOString() ?? null,
    planned: planned ? { start: toDayTime(planned.start), end: toDayTime(planned.end), officerId: planned.officerId } : null,
    followUp: isFollowUp(task.id),
  };
}

export async function householdSteps(db: Db, officeId: string, householdId: string, principal: Principal): Promise<Step[]> {
  const hd = await householdDay(db, officeId, householdId, principal);
  return hd.tasks.map((t) => stepView(hd, t, hd.day.statuses.find((s) => s.taskId === t.id)));
}

function findTask(hd: HouseholdDay, taskId: string): Task {
  const task = hd.tasks.find((t) => t.id === taskId);
  if (!task) throw notFound('Step', 'taskId');
  return task;
}

export async function setStepStatus(db: Db, officeId: string, householdId: string, taskId: string, input: StepStatusInput, principal: Principal, now: Date): Promise<{ step: Step; date: string }> {
  const hd = await householdDay(db, officeId, householdId, principal);
  const task = findTask(hd, taskId);
  const agency = agencyForStation(hd.viewer, task.station);
  if (NEEDS_REASON.has(input.status) && !input.reason?.trim()) {
    throw new AppError('validation_failed', `reason: say why the step is ${input.status.replace(/_/g, ' ')}`, { field: 'reason', reason: 'reason_required' });
  }
  if (hd.rec.row.noShow && input.status !== 'not_applicable') throw new AppError('conflict', 'The household did not come', { field: 'householdId', reason: 'household_absent' });
  const saved = await db.transaction(async (tx) => {
    const current = await lockStatus(tx, householdId, taskId);
    const from: StepStatus = current?.status ?? 'planned';
    if (!TRANSITIONS[from].includes(input.status)) {
      throw new AppError('conflict', `A step that is ${from} cannot become ${input.status}`, { field: 'status', reason: 'invalid_transition', details: { from, to: input.status, allowed: TRANSITIONS[from] } });
    }
    if (input.status === 'in_progress') {
      const open = task.after.filter((id) => !SETTLED.has(hd.day.statuses.find((s) => s.taskId === id)?.status ?? 'planned'));
      if (open.length > 0) throw new AppError('conflict', 'Steps that come first are not finished', { field: 'taskId', reason: 'predecessor_open', details: { taskIds: open } });
    }
    const startedAt = input.status === 'planned' || input.status === 'not_applicable' ? null : (current?.startedAt ?? now);
    const finishedAt = input.status === 'done' || input.status === 'needs_follow_up' ? (current?.finishedAt && from === 'done' ? current.finishedAt : now) : null;
    return saveStatus(tx, {
      householdId, taskId, status: input.status, reason: NEEDS_REASON.has(input.status) ? input.reason!.trim() : null,
      startedAt, finishedAt, agencyId: agency.id, updatedByUserId: principal.userId,
    });
  });
  return { step: stepView(hd, task, saved), date: hd.rec.row.date };
}

export async function addNote(db: Db, officeId: string, householdId: string, input: NoteInput, principal: Principal): Promise<Note> {
  const hd = await householdDay(db, officeId, householdId, principal);
  const task = findTask(hd, input.taskId);
  // Written for the officer's own agency: the agency of the step's station.
  const agency = agencyForStation(hd.viewer, task.station);
  const note = await insertNote(db, { householdId, taskId: task.id, agencyId: agency.id, text: input.text.trim(), writtenByUserId: principal.userId });
  return { id: note.id, householdId, taskId: note.taskId, agencyId: note.agencyId, text: note.text, writtenBy: principal.displayName, at: note.at.toISOString() };
}

/** Only notes of agencies the caller is an agency officer of: coordinators, managers and admins get none. */
export async function householdNotes(db: Db, officeId: string, householdId: string, principal: Principal): Promise<Note[]> {
  const office = await loadOffice(db, officeId);
  if (!(await findHousehold(db, { officeId, id: householdId }))) throw notFound('Household', 'householdId');
  const viewer = await viewerAt(db, principal, office);
  const rows = await notesFor(db, householdId, viewer.agencies.map((a) => a.id));
  return rows.map(({ n, writtenBy }) => ({ id: n.id, householdId: n.householdId, taskId: n.taskId, agencyId: n.agencyId, text: n.text, writtenBy, at: n.at.toISOString() }));
}
