// From stored rows to the day planner's DayInput: the template expanded over the day's households
// (engines/dayplan/template.ts), follow-up tasks added during the day, steps marked not applicable left
// out, and the officers and interpreters with their shifts. Also the fixed part of a re-plan: the
// started and finished steps, where and when they really happened.
import type { Db, Tx } from '../../db/client.ts';
import { expandDay } from '../../engines/dayplan/template.ts';
import type { Assignment, DayInput, DayPlan, HouseholdInput, Interval, Task, TemplateStep } from '../../engines/dayplan/types.ts';
import { AppError } from '../../lib/errors.ts';
import { dayResources, findDay, householdsOfDay, statusesOf, stepsOf, type HouseholdRecord, type OfficerRow, type StatusRow } from './repo.ts';
import { eventsOfDay, latestPlan, type EventRow, type StoredPlan } from './plan-repo.ts';
import { templateForDay } from './resources.ts';
import { minutesOn } from './times.ts';

export interface LoadedDay {
  officeId: string;
  date: string;
  dayId: string | null;
  steps: TemplateStep[];
  households: HouseholdRecord[];
  officers: OfficerRow[];
  interpreters: Awaited<ReturnType<typeof dayResources>>['interpreters'];
  statuses: StatusRow[];
  events: EventRow[];
  latest: StoredPlan | undefined;
}

export async function loadDay(db: Db | Tx, officeId: string, date: string): Promise<LoadedDay> {
  const template = await templateForDay(db, officeId, date);
  const day = await findDay(db, officeId, date);
  const households = await householdsOfDay(db, officeId, date);
  const resources = day ? await dayResources(db, day.id) : { officers: [], interpreters: [] };
  return {
    officeId, date, dayId: day?.id ?? null, steps: stepsOf(template), households, ...resources,
    statuses: await statusesOf(db, households.map((h) => h.row.id)),
    events: day ? await eventsOfDay(db, day.id) : [],
    latest: day ? await latestPlan(db, day.id) : undefined,
  };
}

export interface FollowUpDetails { householdId: string; taskId: string; followUpTaskId: string; durationMin: number }

const householdInput = (rec: HouseholdRecord): HouseholdInput => ({
  id: rec.row.id, language: rec.row.language, assignedHousing: rec.row.housingAssigned, arrival: rec.row.arrival,
  members: rec.members.map((m) => ({ id: m.id, birthYear: m.birthYear, needsInterpreter: m.needsInterpreter })),
});

/** Every task of the households given (follow-ups included), before leaving out the not-applicable ones. */
export function expandTasks(day: Pick<LoadedDay, 'steps' | 'date' | 'events'>, households: HouseholdRecord[]): Task[] {
  const expanded = expandDay({ id: 'day', name: 'day', steps: day.steps }, households.map(householdInput), Number(day.date.slice(0, 4)));
  const tasks = expanded.tasks;
  const ids = new Set(households.map((h) => h.row.id));
  for (const e of day.events) {
    if (e.kind !== 'follow_up') continue;
    const d = e.details as FollowUpDetails;
    const original = tasks.find((t) => t.id === d.taskId);
    if (!ids.has(d.householdId) || !original) continue;
    tasks.push({ ...original, id: d.followUpTaskId, durationMin: d.durationMin, after: [d.taskId] });
  }
  return tasks;
}

const officerOf = (o: { id: string; station: string; shiftStart: number; shiftEnd: number; breaks: unknown }) =>
  ({ id: o.id, station: o.station, shift: { start: o.shiftStart, end: o.shiftEnd }, breaks: o.breaks as Interval[] });

export function buildInput(day: LoadedDay): DayInput {
  const present = day.households;
  const skipped = new Set(day.statuses.filter((s) => s.status === 'not_applicable').map((s) => s.taskId));
  const tasks = expandTasks(day, present)
    .filter((t) => !skipped.has(t.id))
    // A step not applicable releases what waits for it: the rest of the pathway goes on without it.
    .map((t) => ({ ...t, after: t.after.filter((a) => !skipped.has(a)) }));
  // Who left during the day works until then; someone who left before starting is not there at all.
  const leaves = new Map<string, number>();
  for (const e of day.events) {
    const d = e.details as { officerId?: string; interpreterId?: string; time: number };
    if (e.kind === 'officer_leaves' || e.kind === 'interpreter_leaves') leaves.set((d.officerId ?? d.interpreterId)!, d.time);
  }
  const worked = <T extends { id: string; shift: Interval }>(r: T): T[] => {
    const end = Math.min(r.shift.end, leaves.get(r.id) ?? Infinity);
    return end > r.shift.start ? [{ ...r, shift: { start: r.shift.start, end } }] : [];
  };
  return {
    date: day.date,
    households: present.map((h) => ({ id: h.row.id, arrival: h.row.arrival, personIds: h.members.map((m) => m.id) })),
    persons: present.flatMap((h) => h.members.map((m) => ({ id: m.id, householdId: h.row.id }))),
    tasks,
    officers: day.officers.map(officerOf).flatMap(worked),
    interpreters: day.interpreters.map((x) => ({ id: x.id, language: x.language, shift: { start: x.shiftStart, end: x.shiftEnd }, breaks: x.breaks as Interval[] })).flatMap(worked),
  };
}

export const STARTED = new Set(['in_progress', 'done', 'needs_follow_up']);

/**
 * The started and finished steps as they happened: the recorded start and finish, the officer and
 * interpreter of the plan in force (or an officer of the station linked to whoever started it). A step
 * still running ends at its expected end (a step_overrun event), else its planned end, and not before now.
 */
export function fixedAssignments(day: LoadedDay, input: DayInput, now: number, previous: DayPlan | undefined): Assignment[] {
  const tasks = new Map(input.tasks.map((t) => [t.id, t]));
  const planned = new Map((previous?.assignments ?? []).map((a) => [a.taskId, a]));
  const overrun = new Map<string, number>();
  for (const e of day.events) {
    const d = e.details as { taskId: string; time: number };
    if (e.kind === 'step_overrun') overrun.set(d.taskId, d.time);
  }
  const out: Assignment[] = [];
  for (const s of day.statuses) {
    const task = tasks.get(s.taskId);
    if (!task || !STARTED.has(s.status) || !s.startedAt) continue;
    const was = planned.get(s.taskId);
    const officerId = was?.officerId
      ?? input.officers.find((o) => o.station === task.station && day.officers.some((r) => r.id === o.id && r.userId === s.updatedByUserId))?.id
      ?? input.officers.find((o) => o.station === task.station)?.id;
    if (!officerId) continue;
    const start = Math.max(0, minutesOn(day.date, s.startedAt));
    const end = s.finishedAt
      ? minutesOn(day.date, s.finishedAt)
      : Math.max(now, overrun.get(s.taskId) ?? was?.end ?? start + task.durationMin);
    out.push({ taskId: s.taskId, start, end: Math.max(end, start + 1), officerId, interpreterId: was?.interpreterId ?? null });
  }
  return out;
}

/**
 * Nobody walks out on the person in front of them: an officer or interpreter who leaves (or whose shift
 * ends) during a step works until that step ends. Their shift ends at max(leave time or shift end, end
 * of the fixed steps they started before it), so the plan keeps those steps honestly inside their hours,
 * and nothing new is planned for them after the leave time (the step fills the time until its end).
 */
export function finishingShifts(input: DayInput, fixed: Assignment[]): DayInput {
  const extend = <T extends { id: string; shift: Interval }>(r: T, mine: (a: Assignment) => boolean): T => {
    const end = Math.max(r.shift.end, ...fixed.filter((a) => mine(a) && a.start < r.shift.end).map((a) => a.end));
    return end === r.shift.end ? r : { ...r, shift: { start: r.shift.start, end } };
  };
  return {
    ...input,
    officers: input.officers.map((o) => extend(o, (a) => a.officerId === o.id)),
    interpreters: input.interpreters.map((x) => extend(x, (a) => a.interpreterId === x.id)),
  };
}

export function requireDay(day: LoadedDay): string {
  if (!day.dayId) throw new AppError('rule_violation', 'Set the day\'s stations and interpreters first', { field: 'date', reason: 'no_resources' });
  return day.dayId;
}
