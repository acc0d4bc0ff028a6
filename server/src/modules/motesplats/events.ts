// Events of the day: a household arrives late or not at all, a step runs over, an officer or an
// interpreter leaves, a step needs a follow-up. Each is stored, applied, and re-plans the rest of the
// day from now with started and finished steps kept where they are (plan.ts).
import type { Db } from '../../db/client.ts';
import type { DayEventInput, PlanResult } from '../../../../contracts/motesplats.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Principal } from '../auth/policy.ts';
import { expandTasks, loadDay, requireDay, type FollowUpDetails, type LoadedDay } from './day-input.ts';
import { insertEvent, lockDay } from './plan-repo.ts';
import { computePlan, planningMinute, storePlan } from './plan.ts';
import { setArrival, setNoShow } from './repo.ts';
import { assertDate } from './service.ts';
import { isFollowUp } from './steps.ts';
import { minutesOn, toMinutes } from './times.ts';
import { loadOffice } from './viewer.ts';

const NEEDS: Record<DayEventInput['kind'], Array<keyof DayEventInput>> = {
  late_arrival: ['householdId', 'time'],
  no_show: ['householdId'],
  step_overrun: ['householdId', 'taskId', 'time'],
  officer_leaves: ['officerId', 'time'],
  interpreter_leaves: ['interpreterId', 'time'],
  follow_up: ['householdId', 'taskId'],
};

const invalid = (field: string, reason: string, message: string) => new AppError('validation_failed', `${field}: ${message}`, { field, reason });

/**
 * A step runs over: it is in progress, and its new expected end comes after its start. The re-plan then
 * gives the task the length new end − start (plan.ts), so the stored plan checks clean.
 */
function checkOverrun(day: LoadedDay, taskId: string, end: number): void {
  const status = day.statuses.find((s) => s.taskId === taskId);
  if (status?.status !== 'in_progress') throw new AppError('conflict', 'Only a step in progress can run over', { field: 'taskId', reason: 'step_not_started' });
  if (status.startedAt && end <= minutesOn(day.date, status.startedAt)) throw invalid('time', 'ends_before_start', 'the new end must come after the step started');
}

/** Checks the event against the day and returns what is stored with it. */
function eventDetails(day: LoadedDay, input: DayEventInput): Record<string, unknown> {
  for (const field of NEEDS[input.kind]) if (input[field] === undefined) throw invalid(field, 'required_for_kind', `${input.kind} needs ${field}`);
  const time = input.time === undefined ? undefined : toMinutes(input.time);
  const details: Record<string, unknown> = { ...input, time };
  delete details.kind;
  if (input.householdId) {
    const rec = day.households.find((h) => h.row.id === input.householdId);
    if (!rec) throw notFound('Household', 'householdId');
    if (rec.row.noShow) throw new AppError('conflict', 'The household is marked as not coming', { field: 'householdId', reason: 'household_absent' });
    if (input.taskId) {
      const tasks = expandTasks(day, [rec]);
      const task = tasks.find((t) => t.id === input.taskId);
      if (!task) throw notFound('Step', 'taskId');
      if (input.kind === 'step_overrun') checkOverrun(day, task.id, time!);
      if (input.kind === 'follow_up') {
        if (isFollowUp(task.id)) throw invalid('taskId', 'follow_up_of_follow_up', 'add the follow-up to the original step');
        const n = tasks.filter((t) => t.id.startsWith(`${task.id}~fu`)).length + 1;
        Object.assign(details, { followUpTaskId: `${task.id}~fu${n}`, durationMin: input.durationMin ?? task.durationMin } satisfies Partial<FollowUpDetails>);
      }
    }
  }
  if (input.officerId && !day.officers.some((o) => o.id === input.officerId)) throw notFound('Officer', 'officerId');
  if (input.interpreterId && !day.interpreters.some((x) => x.id === input.interpreterId)) throw notFound('Interpreter', 'interpreterId');
  return details;
}

export async function recordEvent(db: Db, officeId: string, date: string, input: DayEventInput, principal: Principal, now: Date): Promise<PlanResult> {
  assertDate(date);
  await loadOffice(db, officeId);
  const nowMin = planningMinute(date, now);
  return db.transaction(async (tx) => {
    const probe = await loadDay(tx, officeId, date);
    const dayId = requireDay(probe);
    await lockDay(tx, dayId);
    const before = await loadDay(tx, officeId, date);
    const details = eventDetails(before, input);
    const event = await insertEvent(tx, { dayId, kind: input.kind, details, at: now, byUserId: principal.userId });
    if (input.kind === 'late_arrival') await setArrival(tx, input.householdId!, toMinutes(input.time!));
    if (input.kind === 'no_show') await setNoShow(tx, input.householdId!);
    // The re-plan starts from the plan in force before the event, so changes are measured against it.
    const day = { ...(await loadDay(tx, officeId, date)), latest: before.latest };
    return storePlan(tx, day, computePlan(day, nowMin, { fresh: false }), event, principal, now);
  });
}
