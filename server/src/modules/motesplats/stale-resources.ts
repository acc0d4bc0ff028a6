// Is the plan in force still about the day's staffing and template? The coordinator may change the
// officers, interpreters, their hours and breaks, or the template after planning; like a correction of a
// household, that does not re-plan by itself but leaves the plan stale with a reason the board shows.
// Compared on what the planner reads (ids, stations, languages, shifts, breaks; the steps' stations,
// scopes and lengths), tolerant of what planning itself did to the input: a shift lengthened so that a
// started step could finish (day-input.ts finishingShifts) is not a change.
import type { Assignment, DayInput, Interval } from '../../engines/dayplan/types.ts';
import { buildInput, STARTED, type LoadedDay } from './day-input.ts';
import type { StoredPlan } from './plan-repo.ts';
import { isFollowUp } from './steps.ts';

interface StaffLike { id: string; shift: Interval; breaks: Interval[] }

const breaksKey = (breaks: Interval[]) => breaks.map((b) => `${b.start}-${b.end}`).join(',');

/**
 * Did the people of one kind change? `place` is the station or language; `ranPast` tells whether the
 * plan lengthened this person's shift to `end` for a step they had started before `shiftEnd`.
 */
function staffChanged<T extends StaffLike>(planned: T[], current: T[], place: (r: T) => string, ranPast: (id: string, shiftEnd: number, end: number) => boolean): boolean {
  if (planned.length !== current.length) return true;
  const before = new Map(planned.map((r) => [r.id, r]));
  return current.some((c) => {
    const p = before.get(c.id);
    if (!p || place(p) !== place(c) || p.shift.start !== c.shift.start || breaksKey(p.breaks) !== breaksKey(c.breaks)) return true;
    return p.shift.end !== c.shift.end && !(p.shift.end > c.shift.end && ranPast(c.id, c.shift.end, p.shift.end));
  });
}

/** The officers or interpreters differ from those the plan was made with. */
export function staffingChanged(current: DayInput, stored: StoredPlan): boolean {
  const ran = (who: (a: Assignment) => string | null) => (id: string, shiftEnd: number, end: number) =>
    stored.plan.assignments.some((a) => who(a) === id && a.start < shiftEnd && a.end === end);
  return (
    staffChanged(stored.input.officers, current.officers, (o) => o.station, ran((a) => a.officerId)) ||
    staffChanged(stored.input.interpreters, current.interpreters, (x) => x.language, ran((a) => a.interpreterId))
  );
}

/**
 * A step the plan uses is gone from the day's template, or has another station, scope or length. Other
 * template changes (who a step applies to, its order) show as the households whose tasks they change.
 */
export function templateChanged(day: LoadedDay, stored: StoredPlan): boolean {
  const started = new Set(day.statuses.filter((s) => STARTED.has(s.status)).map((s) => s.taskId));
  const steps = new Map(day.steps.map((s) => [s.key, s]));
  return stored.input.tasks.some((t) => {
    if (isFollowUp(t.id)) return false;
    const step = steps.get(t.stepKey);
    if (!step || step.station !== t.station) return true;
    // Person tasks are `household:step:person`, household tasks `household:step`.
    if ((t.id.split(':').length === 3) !== (step.scope === 'person')) return true;
    if (started.has(t.id)) return false; // a started step's length is what really happened
    const length = step.durationMin + (step.scope === 'household' ? (step.perMemberMin ?? 0) * t.personIds.length : 0);
    return t.durationMin !== length;
  });
}

export type StaleReason = 'households' | 'staffing' | 'template';

/** Why the plan in force no longer matches the day, in a fixed order; empty when it is current. */
export function resourceReasons(day: LoadedDay, stored: StoredPlan, current: DayInput = buildInput(day)): StaleReason[] {
  return [
    ...(staffingChanged(current, stored) ? (['staffing'] as const) : []),
    ...(templateChanged(day, stored) ? (['template'] as const) : []),
  ];
}
