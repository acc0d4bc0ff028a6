// A MIP start from any valid plan: the plan shifted left onto the grid. Tasks are re-placed in the order
// of their starts, on the same officer and interpreter, at the earliest time that respects arrival,
// predecessors, the persons, both people's earlier tasks, and their breaks. Every such time is a grid
// point (all the data are), and by induction no task moves later than in the plan: its old start stays
// feasible, and stepping over a break never passes it. So the result is valid and no worse.
import type { Assignment, DayInput, DayPlan } from '../../server/src/engines/dayplan/types.ts';

export function alignToGrid(input: DayInput, plan: DayPlan): Assignment[] {
  const taskById = new Map(input.tasks.map((t) => [t.id, t]));
  const arrival = new Map(input.households.map((h) => [h.id, h.arrival]));
  const breaksOf = new Map([...input.officers, ...input.interpreters].map((r) => [r.id, r.breaks]));
  const freeAt = new Map<string, number>(); // person, officer or interpreter id → end of its last task
  const endOf = new Map<string, number>();
  const out: Assignment[] = [];
  for (const a of [...plan.assignments].sort((x, y) => x.start - y.start)) {
    const task = taskById.get(a.taskId)!;
    const people = [...task.personIds, a.officerId, ...(a.interpreterId ? [a.interpreterId] : [])];
    let start = Math.max(arrival.get(task.householdId) ?? 0, ...task.after.map((u) => endOf.get(u) ?? 0), ...people.map((p) => freeAt.get(p) ?? 0));
    const breaks = [a.officerId, a.interpreterId].flatMap((id) => (id ? (breaksOf.get(id) ?? []) : []));
    for (let moved = true; moved;) {
      moved = false;
      for (const b of breaks) {
        if (start < b.end && b.start < start + task.durationMin) {
          start = b.end;
          moved = true;
        }
      }
    }
    const end = start + task.durationMin;
    for (const p of people) freeAt.set(p, end);
    endOf.set(task.id, end);
    out.push({ ...a, start, end });
  }
  return out;
}
