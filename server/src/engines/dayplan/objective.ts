// The plan's objective from its assignments alone (no planner state), and the conversion of a decoded
// schedule into the DayPlan the rest of the system reads.
import type { Indexed } from './instance.ts';
import type { Schedule } from './frame.ts';
import type { Assignment, DayInput, DayPlan, PlanObjective, Unplanned } from './types.ts';

/** Σ over persons with a planned task of (their last end − their household's arrival); and the last end. */
export function objectiveOf(input: DayInput, assignments: Assignment[]): PlanObjective {
  const taskById = new Map(input.tasks.map((t) => [t.id, t]));
  const arrival = new Map(input.households.map((h) => [h.id, h.arrival]));
  const householdOf = new Map(input.persons.map((p) => [p.id, p.householdId]));
  const lastEnd = new Map<string, number>();
  let makespan = 0;
  for (const a of assignments) {
    makespan = Math.max(makespan, a.end);
    for (const pid of taskById.get(a.taskId)?.personIds ?? []) lastEnd.set(pid, Math.max(lastEnd.get(pid) ?? -Infinity, a.end));
  }
  let total = 0;
  for (const [pid, end] of lastEnd) total += end - (arrival.get(householdOf.get(pid) ?? '') ?? 0);
  return { totalMinutesInBuilding: total, makespan };
}

/** A decoded schedule as a DayPlan (assignments sorted by start, then task id). */
export function scheduleToPlan(ix: Indexed, sched: Schedule, method: string, lowerBound: number, runMs: number): DayPlan {
  const assignments: Assignment[] = [];
  const unplanned: Unplanned[] = [];
  ix.tasks.forEach((t, i) => {
    if (sched.start[i]! >= 0) {
      const x = sched.interpreter[i]!;
      assignments.push({
        taskId: t.id,
        start: sched.start[i]!,
        end: sched.end[i]!,
        officerId: ix.input.officers[sched.officer[i]!]!.id,
        interpreterId: x >= 0 ? ix.input.interpreters[x]!.id : null,
      });
    } else unplanned.push({ taskId: t.id, reason: sched.reason[i] ?? 'no_time' });
  });
  assignments.sort((a, b) => a.start - b.start || (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0));
  const objective: PlanObjective = { totalMinutesInBuilding: sched.total, makespan: sched.makespan };
  return { assignments, unplanned, objective, lowerBound, gap: gapOf(objective.totalMinutesInBuilding, lowerBound), method, runMs };
}

export function gapOf(value: number, bound: number): number {
  return value > 0 ? Math.max(0, (value - bound) / value) : 0;
}
