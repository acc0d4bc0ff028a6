// Is the plan in force still about the day's households? A household registered, corrected or removed
// after the plan was made (or a step made not applicable) leaves the plan stale: the board shows it and
// offers to re-plan. Compared on what the planner reads of each household and its tasks, not on times
// that move by themselves during the day (a started step's length, the shifts of people who left).
// Changes of the day's staffing and template are told apart in stale-resources.ts.
import type { DayInput } from '../../engines/dayplan/types.ts';
import { buildInput, STARTED, type LoadedDay } from './day-input.ts';
import type { StoredPlan } from './plan-repo.ts';

/** Per household: its arrival and persons, and each task's persons, station, order and interpreter need. */
function signatures(input: DayInput, started: Set<string>): Map<string, string> {
  const parts = new Map<string, string[]>();
  for (const h of input.households) parts.set(h.id, [`${h.arrival} ${[...h.personIds].sort().join(',')}`]);
  for (const t of [...input.tasks].sort((a, b) => a.id.localeCompare(b.id))) {
    // A started step's length is what really happened (plan.ts), so only unstarted ones compare lengths.
    const length = started.has(t.id) ? '' : t.durationMin;
    parts.get(t.householdId)?.push(`${t.id} ${t.station} ${[...t.personIds].sort().join(',')} ${[...t.after].sort().join(',')} ${t.interpreterLanguage ?? ''} ${length}`);
  }
  return new Map([...parts].map(([id, p]) => [id, p.join('|')]));
}

/** Households whose part of the day differs from the plan's input, sorted; empty when the plan is current. */
export function staleHouseholds(day: LoadedDay, stored: StoredPlan, input: DayInput = buildInput(day)): string[] {
  const started = new Set(day.statuses.filter((s) => STARTED.has(s.status)).map((s) => s.taskId));
  const planned = signatures(stored.input, started);
  const current = signatures(input, started);
  const ids = new Set([...planned.keys(), ...current.keys()]);
  return [...ids].filter((id) => planned.get(id) !== current.get(id)).sort();
}
