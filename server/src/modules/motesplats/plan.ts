// Planning a Mötesplats day: the stored households and resources go through expandDay and the day
// planner; once the day is under way (steps started, households absent, the clock past the first
// arrival) it is a re-plan from now that keeps started and finished steps where they happened. Every
// plan is stored with its version; the latest is the one the day runs on. The fresh plan's search runs
// in a worker thread, off the day's lock (makePlan); re-plans are short and run inline.
import type { Db, Tx } from '../../db/client.ts';
import type { DayPlanView, PlanResult } from '../../../../contracts/motesplats.ts';
import { planDay, replan } from '../../engines/dayplan/index.ts';
import type { Assignment, DayInput, DayPlan } from '../../engines/dayplan/types.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Principal } from '../auth/policy.ts';
import { buildInput, finishingShifts, fixedAssignments, loadDay, requireDay, type LoadedDay } from './day-input.ts';
import { insertPlan, lockDay, type EventRow } from './plan-repo.ts';
import { changedHouseholds, eventView, planView } from './plan-view.ts';
import type { PlanWorker } from './plan-worker.ts';
import { assertDate } from './service.ts';
import { minutesOn } from './times.ts';
import { seesProtectedNames } from './protected.ts';
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

/** What a plan of the day starts from: the planner's input, and whether the day is under way (a re-plan). */
interface Prepared {
  input: DayInput;
  fixed: Assignment[];
  absentHouseholdIds: string[];
  underWay: boolean;
}

function prepare(day: LoadedDay, nowMin: number): Prepared {
  const base = buildInput(day);
  const fixed = fixedAssignments(day, base, nowMin, day.latest?.plan);
  const input = withActualDurations(finishingShifts(base, fixed), fixed);
  const absentHouseholdIds = day.households.filter((h) => h.row.noShow).map((h) => h.row.id);
  const firstArrival = Math.min(...input.households.map((h) => h.arrival));
  return { input, fixed, absentHouseholdIds, underWay: fixed.length > 0 || absentHouseholdIds.length > 0 || nowMin > firstArrival };
}

export function computePlan(day: LoadedDay, nowMin: number, opts: { budgetMs?: number; fresh: boolean }): Planned {
  const { input, fixed, absentHouseholdIds, underWay } = prepare(day, nowMin);
  if (opts.fresh && !underWay) return { input, plan: planDay(input, { budgetMs: opts.budgetMs, seed: 1 }) };
  return { input, plan: replan({ input, now: nowMin, fixed, previous: day.latest?.plan ?? EMPTY_PLAN, absentHouseholdIds }, { budgetMs: opts.budgetMs }) };
}

/** Stores a plan made inside the caller's transaction and answers with it and what changed. */
export async function storePlan(tx: Tx, day: LoadedDay, planned: Planned, event: EventRow | null, principal: Principal, now: Date): Promise<PlanResult> {
  const stored = await insertPlan(tx, { dayId: requireDay(day), input: planned.input, plan: planned.plan, eventId: event?.id ?? null, createdByUserId: principal.userId, createdAt: now });
  const tasks = new Map([...(day.latest?.input.tasks ?? []), ...planned.input.tasks].map((t) => [t.id, t.householdId]));
  const changed = changedHouseholds(day.latest?.plan, planned.plan, (id) => tasks.get(id));
  const names = seesProtectedNames(principal, day.officeId);
  return { plan: planView({ ...day, latest: stored }, stored, names), changedHouseholdIds: changed, event: event ? eventView(event) : null };
}

/** The day with what planning needs: its resources and at least one household. */
async function loadPlannable(db: Db | Tx, officeId: string, date: string): Promise<LoadedDay> {
  const day = await loadDay(db, officeId, date);
  requireDay(day);
  if (day.households.length === 0) throw new AppError('rule_violation', 'No households are registered for the day', { field: 'date', reason: 'no_households' });
  return day;
}

/** Runs `work` in a transaction holding the day's lock, on the day as read under it. */
function underLock<T>(db: Db, officeId: string, date: string, work: (tx: Tx, day: LoadedDay) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await lockDay(tx, requireDay(await loadDay(tx, officeId, date)));
    // Read again under the lock: a status or event committed meanwhile is in this plan.
    return work(tx, await loadPlannable(tx, officeId, date));
  });
}

/** The wall-clock cap of a fresh plan made under the lock, when the day kept changing under the worker (it stops the work budget early). */
const LOCKED_BUDGET_MS = 200;

export async function makePlan(db: Db, officeId: string, date: string, budgetMs: number | undefined, principal: Principal, now: Date, planner: PlanWorker): Promise<PlanResult> {
  assertDate(date);
  await loadOffice(db, officeId);
  const nowMin = planningMinute(date, now);
  // A fresh plan searches for seconds: in the worker (plan-worker.ts), outside any transaction, so the
  // day's lock and PGlite's one connection stay free meanwhile. It is stored only if, under the lock,
  // the day still gives the same planner input and is still not under way. The latest plan's version
  // is not compared: a fresh plan does not read the previous one, so a plan stored meanwhile (a double
  // click) is just followed by this one, as two requests one after the other always were.
  // Overtaken (a household registered, a status or the staffing changed), it plans once more off the
  // lock on the new data: the morning plan deserves its full search. Overtaken again, it plans under the
  // lock with a short budget: the request ends, and the plan matches the day it is stored on.
  for (let attempt = 0; attempt < 2; attempt++) {
    const offLock = prepare(await loadPlannable(db, officeId, date), nowMin);
    if (offLock.underWay) break; // a re-plan from now: quick, made under the lock below
    const plan = await planner.plan(offLock.input, { budgetMs, seed: 1 });
    const fingerprint = JSON.stringify(offLock.input);
    const stored = await underLock(db, officeId, date, async (tx, day) => {
      const { input, underWay } = prepare(day, nowMin);
      return !underWay && JSON.stringify(input) === fingerprint ? storePlan(tx, day, { input, plan }, null, principal, now) : null;
    });
    if (stored) return stored;
  }
  return underLock(db, officeId, date, async (tx, day) => {
    const budget = prepare(day, nowMin).underWay ? budgetMs : Math.min(budgetMs ?? LOCKED_BUDGET_MS, LOCKED_BUDGET_MS);
    return storePlan(tx, day, computePlan(day, nowMin, { budgetMs: budget, fresh: true }), null, principal, now);
  });
}

export async function currentPlan(db: Db, officeId: string, date: string, principal: Principal): Promise<DayPlanView> {
  assertDate(date);
  await loadOffice(db, officeId);
  const day = await loadDay(db, officeId, date);
  if (!day.latest) throw notFound('Plan', 'date');
  return planView(day, day.latest, seesProtectedNames(principal, officeId));
}
