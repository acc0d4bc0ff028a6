// What one planning run decodes against: the genes the search changes (a priority list of tasks and
// per-task genes), the frame that stays the same for every decode (the indexed day, fixed placements,
// the re-planner's "now"), and the schedule a decode produces, with its score.
import { Calendar, NEVER } from './calendar.ts';
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
  /** Calendars with the fixed placements already in them; each decoder starts from a clone. */
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

export function newSchedule(n: number): Schedule {
  return {
    start: new Array<number>(n).fill(-1),
    end: new Array<number>(n).fill(-1),
    officer: new Array<number>(n).fill(-1),
    interpreter: new Array<number>(n).fill(-1),
    reason: new Array<UnplannedReason | null>(n).fill(null),
    unplannedCount: 0,
    total: 0,
    makespan: 0,
  };
}

export function copySchedule(s: Schedule): Schedule {
  return { ...s, start: s.start.slice(), end: s.end.slice(), officer: s.officer.slice(), interpreter: s.interpreter.slice(), reason: s.reason.slice() };
}

export const copyGenes = (g: Genes): Genes => ({ order: g.order.slice(), notBefore: g.notBefore.slice(), officer: g.officer.slice(), interpreter: g.interpreter.slice() });

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
