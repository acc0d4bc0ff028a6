// The replan-medium case: a day of events on the medium instance, from the planner's plan. Each event
// changes the day at `now`, and the rest is re-planned with everything started before `now` fixed. The
// events come in a fixed rotation, each on a target chosen deterministically (first that qualifies).
import { performance } from 'node:perf_hooks';
import { replan, validatePlan } from '../../server/src/engines/dayplan/index.ts';
import type { Assignment, DayInput, DayPlan } from '../../server/src/engines/dayplan/types.ts';

export interface ReplanRun {
  /** Per event: what happened, the re-plan's run time and how many open tasks changed start or officer. */
  events: Array<{ now: number; what: string; runMs: number; changed: number; open: number }>;
  final: DayPlan;
  /** Steps started before an event whose start, officer or interpreter a re-plan changed (must stay 0). */
  startedMoved: number;
}

interface DayState {
  input: DayInput;
  plan: DayPlan;
  /** Overruns so far: the started task's new expected end. */
  overrun: Map<string, number>;
  absent: string[];
}

const KINDS = ['late', 'overrun', 'no_show', 'officer_leaves', 'follow_up', 'interpreter_leaves'] as const;
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Changes the day for one event at `now`; returns a description, or null when nothing qualifies. */
function applyEvent(s: DayState, kind: (typeof KINDS)[number], now: number): string | null {
  const started = s.plan.assignments.filter((a) => a.start < now);
  const startedHouseholds = new Set(started.map((a) => s.input.tasks.find((t) => t.id === a.taskId)!.householdId));
  const waiting = s.input.households.filter((h) => h.arrival >= now && !startedHouseholds.has(h.id) && !s.absent.includes(h.id));
  const running = started.filter((a) => a.end > now);
  const busyAt = (id: string) => running.some((a) => a.officerId === id || a.interpreterId === id);
  switch (kind) {
    case 'late': {
      const h = waiting[0];
      if (!h) return null;
      s.input = { ...s.input, households: s.input.households.map((x) => (x.id === h.id ? { ...x, arrival: x.arrival + 30 } : x)) };
      return `household ${h.id} arrives 30 min late`;
    }
    case 'no_show': {
      const h = waiting[waiting.length - 1];
      if (!h) return null;
      s.absent = [...s.absent, h.id];
      return `household ${h.id} does not come`;
    }
    case 'overrun': {
      const a = running.find((x) => !s.overrun.has(x.taskId));
      if (!a) return null;
      s.overrun.set(a.taskId, a.end + 15);
      return `step ${a.taskId} runs 15 min over`;
    }
    case 'officer_leaves': {
      const o = s.input.officers.find((x) => x.shift.end > now + 60 && !busyAt(x.id) && s.input.officers.filter((y) => y.station === x.station).length > 2);
      if (!o) return null;
      s.input = { ...s.input, officers: s.input.officers.map((x) => (x.id === o.id ? { ...x, shift: { ...x.shift, end: now }, breaks: x.breaks.filter((b) => b.end <= now) } : x)) };
      return `officer ${o.id} leaves`;
    }
    case 'interpreter_leaves': {
      const i = s.input.interpreters.find((x) => x.shift.end > now + 60 && !busyAt(x.id) && s.input.interpreters.filter((y) => y.language === x.language).length > 2);
      if (!i) return null;
      s.input = { ...s.input, interpreters: s.input.interpreters.map((x) => (x.id === i.id ? { ...x, shift: { ...x.shift, end: now }, breaks: x.breaks.filter((b) => b.end <= now) } : x)) };
      return `interpreter ${i.id} leaves`;
    }
    case 'follow_up': {
      const done = started.find((a) => a.end <= now && !s.input.tasks.some((t) => t.id === `${a.taskId}-uppfoljning`));
      if (!done) return null;
      const t = s.input.tasks.find((x) => x.id === done.taskId)!;
      s.input = { ...s.input, tasks: [...s.input.tasks, { ...t, id: `${t.id}-uppfoljning`, stepKey: `${t.stepKey}-uppfoljning`, after: [t.id], durationMin: 10 }] };
      return `step ${t.id} needs a 10-minute follow-up`;
    }
  }
}

/** Open tasks of the previous plan whose start or officer differ in the next one. */
function changedStarts(previous: DayPlan, next: DayPlan, fixed: Set<string>): { changed: number; open: number } {
  const before = new Map(previous.assignments.map((a) => [a.taskId, a]));
  let changed = 0;
  let open = 0;
  for (const a of next.assignments) {
    const b = before.get(a.taskId);
    if (fixed.has(a.taskId) || !b) continue;
    open++;
    if (b.start !== a.start || b.officerId !== a.officerId) changed++;
  }
  return { changed, open };
}

export function runReplanDay(input: DayInput, start: DayPlan, times: number[]): ReplanRun {
  const s: DayState = { input, plan: start, overrun: new Map(), absent: [] };
  const events: ReplanRun['events'] = [];
  let startedMoved = 0;
  times.forEach((now, i) => {
    // Rotate through the kinds; when one has no target at this time, take the next that has.
    let what: string | null = null;
    for (let k = 0; k < KINDS.length && what === null; k++) what = applyEvent(s, KINDS[(i + k) % KINDS.length]!, now);
    if (what === null) return;
    const fixed: Assignment[] = s.plan.assignments.filter((a) => a.start < now).map((a) => ({ ...a, end: s.overrun.get(a.taskId) ?? a.end }));
    const t0 = performance.now();
    const next = replan({ input: s.input, now, fixed, previous: s.plan, absentHouseholdIds: s.absent });
    const runMs = performance.now() - t0;
    // An overrun task is longer than its duration: the one violation the day allows.
    const violations = validatePlan(s.input, next).filter((v) => !(v.code === 'duration' && v.taskIds.every((id) => s.overrun.has(id))));
    if (violations.length > 0) throw new Error(`replan at ${hhmm(now)} (${what}) broke the rules: ${JSON.stringify(violations.slice(0, 3))}`);
    const after = new Map(next.assignments.map((a) => [a.taskId, a]));
    for (const f of fixed) {
      const a = after.get(f.taskId);
      if (!a || a.start !== f.start || a.end !== f.end || a.officerId !== f.officerId || a.interpreterId !== f.interpreterId) startedMoved++;
    }
    events.push({ now, what: `${hhmm(now)} ${what}`, runMs, ...changedStarts(s.plan, next, new Set(fixed.map((f) => f.taskId))) });
    s.plan = next;
  });
  return { events, final: s.plan, startedMoved };
}
