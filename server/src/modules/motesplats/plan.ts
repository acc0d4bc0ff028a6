// Planning a Mötesplats day: the stored households and resources go through expandDay and the day
// planner; once the day is under way (steps started, households absent, the clock past the first
// arrival) it is a re-plan from now that keeps started and finished steps where they happened. Every
// plan is stored with its version; the latest is the one the day runs on.
import type { Db, Tx } from '../../db/client.ts';
import type { DayPlanView, PlanResult } from '../../../../contracts/motesplats.ts';
import { planDay, replan } from '../../engines/dayplan/index.ts';
import type { Assignment, DayInput, DayPlan } from '../../engines/dayplan/types.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Principal } from '../auth/policy.ts';
import { buildInput, finishingShifts, fixedAssignments, loadDay, requireDay, type LoadedDay } from './day-input.ts';
import { insertPlan, lockDay, type EventRow } from './plan-repo.ts';
import { changedHouseholds, eventView, planView } from './plan-view.ts';
import { assertDate } from './service.ts';
import { minutesOn } from './times.ts';
import { loadOffice } from './viewer.ts';

const EMPTY_PLAN: DayPlan = { assignments: [], unplanned: [], objective: { totalMinutesInBuilding: 0, makespan: 0 }, lowerBound: 0, gap: 0, method: 'none', runMs: 0 };

/** The minute of the day to plan from: 0 before the day, refused after it. */
export function planningMinute(date: string, now: Date): number {
  const m = minutesOn(date, now);
  if (m >= 1440) throw new AppError('rule_violation', 'The day is over', { field: 'date', reason: 'day_is_past' });
  return Math.max(0, m);
}

/** A started or finished step lasts as long as it really did: the plan and its check use that length. */
function withActualDurations(input: DayInput, fixed: Assignment[]): DayInput {
  const length = new Map(fixed.map((a) => [a.taskId, a.end - a.start]));
  return { ...input, tasks: input.tasks.map((t) => (length.has(t.id) ? { ...t, durationMin: length.get(t.id)! } : t)) };
}

export interface Planned {
  input: DayInput;
  plan: DayPlan;
}

export function computePlan(day: LoadedDay, nowMin: number, opts: { budgetMs?: number; fresh: boolean }): Planned {
  const base = buildInput(day);
  const previous = day.latest?.plan;
  const fixed = fixedAssignments(day, base, nowMin, previous);
  const input = withActualDurations(finishingShifts(base, fixed), fixed);
  const absentHouseholdIds = day.households.filter((h) => h.row.noShow).map((h) => h.row.id);
  const firstArrival = Math.min(...input.households.map((h) => h.arrival));
  const underWay = fixed.length > 0 || absentHouseholdIds.length > 0 || nowMin > firstArrival;
  if (opts.fresh && !underWay) return { input, plan: planDay(input, { budgetMs: opts.budgetMs, seed: 1 }) };
  return { input, plan: replan({ input, now: nowMin, fixed, previous: previous ?? EMPTY_PLAN, absentHouseholdIds }, { budgetMs: opts.budgetMs }) };
}

/** Stores a plan made inside the caller's transaction and answers with it and what changed. */
export async function storePlan(tx: Tx, day: LoadedDay, planned: Planned, event: EventRow | null, principal: Principal, now: Date): Promise<PlanResult> {
  const stored = await insertPlan(tx, { dayId: requireDay(day), input: planned.input, plan: planned.plan, eventId: event?.id ?? null, createdByUserId: principal.userId, createdAt: now });
  const tasks = new Map([...(day.latest?.input.tasks ?? []), ...planned.input.tasks].map((t) => [t.id, t.householdId]));
  const changed = changedHouseholds(day.latest?.plan, planned.plan, (id) => tasks.get(id));
  return { plan: planView({ ...day, latest: stored }, stored), changedHouseholdIds: changed, event: event ? eventView(event) : null };
}

export async function makePlan(db: Db, officeId: string, date: string, budgetMs: number | undefined, principal: Principal, now: Date): Promise<PlanResult> {
  assertDate(date);
  await loadOffice(db, officeId);
  const nowMin = planningMinute(date, now);
  return db.transaction(async (tx) => {
    const probe = await loadDay(tx, officeId, date);
    await lockDay(tx, requireDay(probe));
    // Read again under the lock: a status or event committed meanwhile is in this plan.
    const day = await loadDay(tx, officeId, date);
    if (day.households.length === 0) throw new AppError('rule_violation', 'No households are registered for the day', { field: 'date', reason: 'no_households' });
    return storePlan(tx, day, computePlan(day, nowMin, { budgetMs, fresh: true }), null, principal, now);
  });
}

export async function currentPlan(db: Db, officeId: string, date: string): Promise<DayPlanView> {
  assertDate(date);
  await loadOffice(db, officeId);
  const day = await loadDay(db, officeId, date);
  if (!day.latest) throw notFound('Plan', 'date');
  return planView(day, day.latest);
}
