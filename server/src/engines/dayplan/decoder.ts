// The serial schedule-generation decoder: a priority list of tasks (plus per-task genes) becomes a
// schedule by placing each task, in list order, at the earliest time its persons, an officer of its
// station and (when needed) an interpreter of its language are all free, back-filling gaps left by
// tasks placed before it. Over all lists this reaches every "active" schedule, and for a regular
// objective such as ours (never better when a task ends later) an optimal schedule is among them, so
// the search only has to find a good list. Genes let it reach more than that cheaply:
//   - notBefore: deliberate waiting (a task not started before a minute even if it could be);
//   - officer / interpreter: pin the task to one resource (falls back to any if that one cannot hold it),
//     which is how a dispatch plan is re-encoded without getting worse.
import { Calendar, NEVER } from './calendar.ts';
import { unplacedReason } from './reasons.ts';
import type { Indexed } from './instance.ts';
import type { UnplannedReason } from './types.ts';

export interface Genes {
  /** Task indices in priority order; tasks missing from it are placed afterwards in topological order. */
  order: number[];
  /** Per task: earliest start allowed (−NEVER: none). */
  notBefore: number[];
  /** Per task: officer / interpreter index to use, −1 for any. */
  officer: number[];
  interpreter: number[];
}

export interface FixedPlacement {
  start: number;
  end: number;
  officer: number;
  interpreter: number;
}

/** What stays the same across every decode of one planning run. */
export interface Frame {
  ix: Indexed;
  /** Nothing not fixed starts before this (the re-planner's "now"; −NEVER when planning ahead). */
  floor: number;
  /** Per task: placed already and kept as is (re-planning), else null. */
  fixed: (FixedPlacement | null)[];
  /** Per task: reason it is out of the plan before any decoding (the household is absent), else null. */
  excluded: (UnplannedReason | null)[];
  /** Calendars with the fixed placements already in them; cloned per decode. */
  officers: Calendar[];
  interpreters: Calendar[];
  persons: Calendar[];
  /** Per task: the officer / interpreter to keep when still free at the chosen time (stability), −1 none. */
  preferOfficer: number[] | null;
  preferInterpreter: number[] | null;
}

export interface Schedule {
  /** Per task: start and end, or −1 when not placed. */
  start: number[];
  end: number[];
  officer: number[];
  interpreter: number[];
  reason: (UnplannedReason | null)[];
  unplannedCount: number;
  total: number;
  makespan: number;
}

export function makeFrame(ix: Indexed, opts: Partial<Pick<Frame, 'floor' | 'fixed' | 'excluded' | 'preferOfficer' | 'preferInterpreter'>> = {}): Frame {
  const n = ix.tasks.length;
  const fixed = opts.fixed ?? new Array<FixedPlacement | null>(n).fill(null);
  const officers = ix.officerWindows.map((w) => Calendar.outside(w));
  const interpreters = ix.interpreterWindows.map((w) => Calendar.outside(w));
  const persons = ix.personIds.map(() => new Calendar());
  fixed.forEach((f, i) => {
    if (!f) return;
    // A fixed task is given as it happened: it may even overlap a break, so it is added as is.
    officers[f.officer]?.add(f.start, f.end);
    if (f.interpreter >= 0) interpreters[f.interpreter]?.add(f.start, f.end);
    for (const p of ix.persons[i]!) persons[p]!.add(f.start, f.end);
  });
  return {
    ix,
    floor: opts.floor ?? -NEVER,
    fixed,
    excluded: opts.excluded ?? new Array<UnplannedReason | null>(n).fill(null),
    officers,
    interpreters,
    persons,
    preferOfficer: opts.preferOfficer ?? null,
    preferInterpreter: opts.preferInterpreter ?? null,
  };
}

export function emptyGenes(n: number, order: number[]): Genes {
  return { order, notBefore: new Array<number>(n).fill(-NEVER), officer: new Array<number>(n).fill(-1), interpreter: new Array<number>(n).fill(-1) };
}

const PENDING = 0;
const PLACED = 1;
const FAILED = 2;

export function decode(frame: Frame, genes: Genes): Schedule {
  const { ix } = frame;
  const n = ix.tasks.length;
  const officers = frame.officers.map((c) => c.clone());
  const interpreters = frame.interpreters.map((c) => c.clone());
  const persons = frame.persons.map((c) => c.clone());
  const state = new Array<number>(n).fill(PENDING);
  const waiting = new Array<boolean>(n).fill(false);
  const sched: Schedule = {
    start: new Array<number>(n).fill(-1),
    end: new Array<number>(n).fill(-1),
    officer: new Array<number>(n).fill(-1),
    interpreter: new Array<number>(n).fill(-1),
    reason: new Array<UnplannedReason | null>(n).fill(null),
    unplannedCount: 0,
    total: 0,
    makespan: 0,
  };
  for (let i = 0; i < n; i++) {
    const f = frame.fixed[i];
    const ex = frame.excluded[i];
    if (f) {
      state[i] = PLACED;
      sched.start[i] = f.start;
      sched.end[i] = f.end;
      sched.officer[i] = f.officer;
      sched.interpreter[i] = f.interpreter;
    } else if (ex) {
      state[i] = FAILED;
      sched.reason[i] = ex;
    }
  }

  const earliestAll = (i: number, from: number, officerList: number[], interpList: number[] | null): number => {
    const d = ix.duration[i]!;
    let s = from;
    for (;;) {
      let t = s;
      // Persons: all of them free together; loop until no person pushes t further.
      for (let moved = true; moved; ) {
        moved = false;
        for (const p of ix.persons[i]!) {
          const u = persons[p]!.earliestFree(t, d);
          if (u !== t) {
            t = u;
            moved = true;
          }
        }
      }
      let best = NEVER;
      for (const o of officerList) best = Math.min(best, officers[o]!.earliestFree(t, d));
      t = best;
      if (interpList) {
        best = NEVER;
        for (const x of interpList) best = Math.min(best, interpreters[x]!.earliestFree(t, d));
        t = best;
      }
      if (t >= NEVER / 2) return NEVER;
      if (t === s) return s;
      s = t;
    }
  };

  // Among resources free at s, keep the pinned/preferred one, else the one that idles least before s.
  const pick = (cals: Calendar[], list: number[], s: number, d: number, prefer: number): number => {
    let chosen = -1;
    let bestIdle = Infinity;
    for (const k of list) {
      if (cals[k]!.earliestFree(s, d) !== s) continue;
      if (k === prefer) return k;
      const idle = cals[k]!.idleBefore(s);
      if (idle < bestIdle) {
        bestIdle = idle;
        chosen = k;
      }
    }
    return chosen;
  };

  const fail = (i: number, reason: UnplannedReason): void => {
    state[i] = FAILED;
    sched.reason[i] = reason;
    for (const s of ix.succs[i]!) if (waiting[s]) tryPlace(s);
  };

  const tryPlace = (i: number): void => {
    waiting[i] = false;
    let from = Math.max(ix.release[i]!, frame.floor, genes.notBefore[i]!);
    for (const p of ix.preds[i]!) {
      if (state[p] === FAILED) return fail(i, 'predecessor_unplanned');
      if (state[p] === PENDING) {
        waiting[i] = true;
        return;
      }
      from = Math.max(from, sched.end[p]!);
    }
    const allOfficers = ix.officerChoices[i]!;
    const allInterps = ix.interpreterChoices[i]!;
    const go = genes.officer[i]!;
    const gi = genes.interpreter[i]!;
    let officerList = go >= 0 ? [go] : allOfficers;
    let interpList = allInterps && gi >= 0 ? [gi] : allInterps;
    let s = earliestAll(i, from, officerList, interpList);
    if (s >= NEVER && (officerList !== allOfficers || interpList !== allInterps)) {
      officerList = allOfficers;
      interpList = allInterps;
      s = earliestAll(i, from, officerList, interpList);
    }
    if (s >= NEVER) return fail(i, unplacedReason(ix, i, (t) => state[t] === PLACED));
    const d = ix.duration[i]!;
    const o = pick(officers, officerList, s, d, go >= 0 ? go : (frame.preferOfficer?.[i] ?? -1));
    const x = interpList ? pick(interpreters, interpList, s, d, gi >= 0 ? gi : (frame.preferInterpreter?.[i] ?? -1)) : -1;
    officers[o]!.add(s, s + d);
    if (x >= 0) interpreters[x]!.add(s, s + d);
    for (const p of ix.persons[i]!) persons[p]!.add(s, s + d);
    state[i] = PLACED;
    sched.start[i] = s;
    sched.end[i] = s + d;
    sched.officer[i] = o;
    sched.interpreter[i] = x;
    for (const t of ix.succs[i]!) if (waiting[t]) tryPlace(t);
  };

  for (const i of genes.order) if (state[i] === PENDING && !waiting[i]) tryPlace(i);
  for (const i of ix.topo) if (state[i] === PENDING && !waiting[i]) tryPlace(i);
  // Still pending now means a precedence cycle (the template validator forbids them).
  for (let i = 0; i < n; i++) if (state[i] === PENDING) fail(i, 'predecessor_unplanned');

  scoreSchedule(ix, sched);
  return sched;
}

/** Fills total (Σ persons' last end − arrival), makespan and unplannedCount from start/end. */
export function scoreSchedule(ix: Indexed, sched: Schedule): void {
  let total = 0;
  let makespan = 0;
  let unplanned = 0;
  for (let i = 0; i < sched.end.length; i++) {
    if (sched.start[i]! < 0) unplanned++;
    else makespan = Math.max(makespan, sched.end[i]!);
  }
  for (let p = 0; p < ix.personTasks.length; p++) {
    let last = -1;
    for (const t of ix.personTasks[p]!) if (sched.start[t]! >= 0) last = Math.max(last, sched.end[t]!);
    if (last >= 0) total += last - ix.personArrival[p]!;
  }
  sched.total = total;
  sched.makespan = makespan;
  sched.unplannedCount = unplanned;
}

/** Lexicographic: fewer unplanned tasks, then less time in the building, then an earlier last end. */
export function better(a: Schedule, b: Schedule): boolean {
  if (a.unplannedCount !== b.unplannedCount) return a.unplannedCount < b.unplannedCount;
  if (a.total !== b.total) return a.total < b.total;
  return a.makespan < b.makespan;
}
