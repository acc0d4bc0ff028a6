// What the board derives from the day: each task's step name, who is late, the hours the grid spans.
import type { DayPlanView, DayResources, Household, StepStatus } from '../../../../contracts/motesplats.ts';
import { isStarted } from './mp-status.ts';
import { toMinutes } from './mp-time.ts';

export type PlanHousehold = DayPlanView['households'][number];

/** Step name and members of every planned task, by task id (timelines carry ids only). */
export function taskIndex(plan: DayPlanView | null): Map<string, PlanHousehold['stops'][number]> {
  const map = new Map<string, PlanHousehold['stops'][number]>();
  for (const h of plan?.households ?? []) for (const s of h.stops) map.set(s.taskId, s);
  return map;
}

/** Statuses of a household's tasks as the plan has them (none before the first plan). */
function statusesOf(plan: DayPlanView | null, householdId: string): StepStatus[] {
  return plan?.households.find((h) => h.id === householdId)?.stops.map((s) => s.status) ?? [];
}

/**
 * Late: the arrival time has passed and none of the household's steps has begun, so the household is
 * probably not in the building yet. A late-arrival event moves the arrival and clears the flag.
 */
export function lateHouseholdIds(households: Household[], plan: DayPlanView | null, nowMinute: number): Set<string> {
  return new Set(
    households
      .filter((h) => !h.noShow && toMinutes(h.arrival) < nowMinute && !statusesOf(plan, h.id).some(isStarted))
      .map((h) => h.id),
  );
}

export type HouseholdState = 'absent' | 'late' | 'waiting' | 'under_way' | 'finished';

export function householdState(h: Household, plan: DayPlanView | null, late: Set<string>): HouseholdState {
  if (h.noShow) return 'absent';
  if (late.has(h.id)) return 'late';
  const statuses = statusesOf(plan, h.id);
  if (statuses.length > 0 && statuses.every((s) => s !== 'planned' && s !== 'in_progress')) return 'finished';
  return statuses.some(isStarted) ? 'under_way' : 'waiting';
}

/**
 * The whole hours the grid shows: those with planned tasks, so each block is as wide as it can be; the
 * shifts only when nothing is planned yet.
 */
export function gridHours(plan: DayPlanView, resources: DayResources): { from: number; to: number } {
  const items = [...plan.officers, ...plan.interpreters].flatMap((o) => o.items);
  const starts = items.length ? items.map((i) => toMinutes(i.start)) : resources.officers.map((o) => toMinutes(o.shift.start));
  const ends = items.length ? items.map((i) => toMinutes(i.end)) : resources.officers.map((o) => toMinutes(o.shift.end));
  const from = Math.floor(Math.min(...starts, 16 * 60) / 60) * 60;
  const to = Math.ceil(Math.max(...ends, from + 60) / 60) * 60;
  return { from, to };
}
