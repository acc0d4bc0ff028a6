// Dispatch with no plan, the way a Mötesplats runs on queue tickets: an event-driven simulation in which,
// whenever an officer is free, their station takes one of the persons/households waiting and available
// right now (arrived, earlier steps done, not busy at another station, an interpreter free if needed).
// 'fcfs' takes who arrived first; 'srpt' takes who has the least work left. Neither ever leaves an
// officer idle while someone is takeable, which is exactly why they can miss the optimum (the planner
// may make a station wait for a short task about to become available).
import { Calendar } from './calendar.ts';
import { indexDay, type Indexed } from './instance.ts';
import { scoreSchedule, type Schedule } from './frame.ts';
import { scheduleToPlan } from './objective.ts';
import { unplacedReason } from './reasons.ts';
import { lowerBoundIndexed } from './bound.ts';
import type { DayInput, DayPlan } from './types.ts';

export type DispatchRule = 'fcfs' | 'srpt';

/** A min-heap of event times. */
class TimeHeap {
  private h: number[] = [];
  push(t: number): void {
    const h = this.h;
    h.push(t);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (h[p]! <= h[i]!) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }
  pop(): number | undefined {
    const h = this.h;
    if (h.length === 0) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l]! < h[m]!) m = l;
        if (r < h.length && h[r]! < h[m]!) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
    return top;
  }
}

/** Simulates the rule on an indexed day and returns the schedule (for the planner's seeds too). */
export function dispatchSchedule(ix: Indexed, rule: DispatchRule): Schedule {
  const n = ix.tasks.length;
  const officers = ix.officerWindows.map((w) => Calendar.outside(w));
  const interpreters = ix.interpreterWindows.map((w) => Calendar.outside(w));
  const personFreeAt = ix.personIds.map(() => -Infinity);
  const remaining = ix.personTasks.map((ts) => ts.reduce((s, t) => s + ix.duration[t]!, 0));
  const sched: Schedule = {
    start: new Array<number>(n).fill(-1),
    end: new Array<number>(n).fill(-1),
    officer: new Array<number>(n).fill(-1),
    interpreter: new Array<number>(n).fill(-1),
    reason: new Array(n).fill(null),
    unplannedCount: 0,
    total: 0,
    makespan: 0,
  };
  const open = new Map<string, number[]>();
  ix.tasks.forEach((t, i) => open.set(t.station, [...(open.get(t.station) ?? []), i]));

  const events = new TimeHeap();
  for (const r of ix.release) events.push(r);
  for (const ws of [...ix.officerWindows, ...ix.interpreterWindows]) for (const w of ws) events.push(w.start);

  const takeable = (i: number, t: number, o: number): number | null => {
    const d = ix.duration[i]!;
    if (ix.release[i]! > t) return null;
    for (const p of ix.preds[i]!) if (sched.start[p]! < 0 || sched.end[p]! > t) return null;
    for (const p of ix.persons[i]!) if (personFreeAt[p]! > t) return null;
    if (officers[o]!.earliestFree(t, d) !== t) return null;
    const choices = ix.interpreterChoices[i];
    if (!choices) return -1;
    for (const x of choices) if (interpreters[x]!.earliestFree(t, d) === t) return x;
    return null;
  };
  // Sort key: smaller is taken first.
  const key = (i: number): [number, number] =>
    rule === 'fcfs' ? [ix.release[i]!, 0] : [Math.max(...ix.persons[i]!.map((p) => remaining[p]!)), ix.release[i]!];
  const before = (a: number, b: number): boolean => {
    const [a1, a2] = key(a);
    const [b1, b2] = key(b);
    if (a1 !== b1) return a1 < b1;
    if (a2 !== b2) return a2 < b2;
    return ix.tasks[a]!.id < ix.tasks[b]!.id;
  };

  let last = -Infinity;
  for (let t = events.pop(); t !== undefined; t = events.pop()) {
    if (t === last) continue;
    last = t;
    ix.input.officers.forEach((officer, o) => {
      if (officers[o]!.earliestFree(t, 1) !== t) return;
      const list = open.get(officer.station);
      if (!list) return;
      let best = -1;
      let bestInterp = -1;
      for (const i of list) {
        const x = takeable(i, t, o);
        if (x !== null && (best < 0 || before(i, best))) {
          best = i;
          bestInterp = x;
        }
      }
      if (best < 0) return;
      const end = t + ix.duration[best]!;
      officers[o]!.add(t, end);
      if (bestInterp >= 0) interpreters[bestInterp]!.add(t, end);
      for (const p of ix.persons[best]!) {
        personFreeAt[p] = end;
        remaining[p]! -= ix.duration[best]!;
      }
      sched.start[best] = t;
      sched.end[best] = end;
      sched.officer[best] = o;
      sched.interpreter[best] = bestInterp;
      list.splice(list.indexOf(best), 1);
      events.push(end);
    });
  }
  for (let i = 0; i < n; i++) if (sched.start[i]! < 0) sched.reason[i] = unplacedReason(ix, i, (p) => sched.start[p]! >= 0);
  scoreSchedule(ix, sched);
  return sched;
}

export function dispatch(input: DayInput, rule: DispatchRule): DayPlan {
  const t0 = performance.now();
  const ix = indexDay(input);
  const sched = dispatchSchedule(ix, rule);
  const bound = lowerBoundIndexed(ix, (i) => sched.start[i]! >= 0);
  return scheduleToPlan(ix, sched, rule, bound, performance.now() - t0);
}
