// The independent checker of every hard rule. It shares no code with the planners on purpose: it works
// from the plain DayInput and the plan's assignments with plain loops, so a bookkeeping bug in the
// decoder or the dispatch simulation cannot hide itself here.
import type { Assignment, DayInput, DayPlan, Interval, Violation } from './types.ts';

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/** Pairs of assignments on one resource that overlap in time. */
function overlapPairs(items: Assignment[]): [Assignment, Assignment][] {
  const out: [Assignment, Assignment][] = [];
  const sorted = [...items].sort((a, b) => a.start - b.start);
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length && sorted[j]!.start < sorted[i]!.end; j++) out.push([sorted[i]!, sorted[j]!]);
  return out;
}

function withinHours(a: Interval, shift: Interval, breaks: Interval[]): boolean {
  return a.start >= shift.start && a.end <= shift.end && !breaks.some((b) => overlaps(a, b));
}

function groupBy(items: Assignment[], key: (a: Assignment) => string | null): Map<string, Assignment[]> {
  const m = new Map<string, Assignment[]>();
  for (const a of items) {
    const k = key(a);
    if (k === null) continue;
    m.set(k, [...(m.get(k) ?? []), a]);
  }
  return m;
}

export function validatePlan(input: DayInput, plan: DayPlan): Violation[] {
  const out: Violation[] = [];
  const v = (code: Violation['code'], taskIds: string[], message: string) => out.push({ code, taskIds, message });
  const tasks = new Map(input.tasks.map((t) => [t.id, t]));
  const officers = new Map(input.officers.map((o) => [o.id, o]));
  const interpreters = new Map(input.interpreters.map((x) => [x.id, x]));
  const arrival = new Map(input.households.map((h) => [h.id, h.arrival]));

  // Every task exactly once: assigned or unplanned.
  const seen = new Map<string, number>();
  for (const id of [...plan.assignments.map((a) => a.taskId), ...plan.unplanned.map((u) => u.taskId)]) {
    if (!tasks.has(id)) v('unknown_task', [id], `task ${id} is not in the day`);
    seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  for (const t of input.tasks) {
    const count = seen.get(t.id) ?? 0;
    if (count === 0) v('task_missing', [t.id], `task ${t.id} is neither planned nor listed as unplanned`);
    if (count > 1) v('task_twice', [t.id], `task ${t.id} appears ${count} times`);
  }

  const known = plan.assignments.filter((a) => tasks.has(a.taskId));
  const byTask = new Map(known.map((a) => [a.taskId, a]));
  for (const a of known) {
    const t = tasks.get(a.taskId)!;
    if (a.end - a.start !== t.durationMin) v('duration', [t.id], `${t.id} lasts ${a.end - a.start} min, not ${t.durationMin}`);
    if (a.start < (arrival.get(t.householdId) ?? Infinity)) v('before_arrival', [t.id], `${t.id} starts before its household arrives`);
    for (const p of t.after) {
      const pa = byTask.get(p);
      if (!pa || pa.end > a.start) v('precedence', [p, t.id], `${t.id} starts before ${p} has ended`);
    }
    const o = officers.get(a.officerId);
    if (!o || o.station !== t.station) v('officer_station', [t.id], `${t.id} needs station ${t.station}, officer ${a.officerId} is not of it`);
    else if (!withinHours(a, o.shift, o.breaks)) v('officer_hours', [t.id], `${t.id} is outside officer ${o.id}'s hours or in a break`);
    if (t.interpreterLanguage !== null) {
      const x = a.interpreterId === null ? undefined : interpreters.get(a.interpreterId);
      if (!x) v('interpreter_missing', [t.id], `${t.id} needs a ${t.interpreterLanguage} interpreter`);
      else if (x.language !== t.interpreterLanguage) v('interpreter_language', [t.id], `${t.id} needs ${t.interpreterLanguage}, interpreter ${x.id} speaks ${x.language}`);
    }
    const x = a.interpreterId === null ? undefined : interpreters.get(a.interpreterId);
    if (x && !withinHours(a, x.shift, x.breaks)) v('interpreter_hours', [t.id], `${t.id} is outside interpreter ${x.id}'s hours or in a break`);
  }

  // One place at a time: for persons (every person a task takes), officers and interpreters.
  const personOf = new Map<string, Assignment[]>();
  for (const a of known) for (const pid of tasks.get(a.taskId)!.personIds) personOf.set(pid, [...(personOf.get(pid) ?? []), a]);
  for (const [pid, items] of personOf)
    for (const [a, b] of overlapPairs(items)) v('person_overlap', [a.taskId, b.taskId], `person ${pid} is in two places`);
  for (const [oid, items] of groupBy(known, (a) => a.officerId))
    for (const [a, b] of overlapPairs(items)) v('officer_overlap', [a.taskId, b.taskId], `officer ${oid} has two tasks at once`);
  for (const [xid, items] of groupBy(known, (a) => a.interpreterId))
    for (const [a, b] of overlapPairs(items)) v('interpreter_overlap', [a.taskId, b.taskId], `interpreter ${xid} has two tasks at once`);
  return out;
}
