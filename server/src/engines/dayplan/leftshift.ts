// The final left shift. A decoded plan can keep slack: a task held to a pinned officer, or behind a
// deliberate wait that stopped paying when the rest of the plan changed, starts later than the day
// allows. With every other task where it is, each task in turn moves to its earliest feasible start with
// any officer and interpreter (its old ones when still free then); then every unplanned task is tried
// once more in precedence order. Ends only move earlier and tasks only get placed, so the objective never
// gets worse: no task ends later, and precedence holds because a successor already starts after its
// predecessor's old end.
import { NEVER } from './calendar.ts';
import { earliestStart, pick, type Calendars, type WorkMeter } from './decoder.ts';
import { copySchedule, scoreSchedule, type Frame, type Schedule } from './frame.ts';
import { unplacedReason } from './reasons.ts';

/** Rounds over all tasks at most (each round that moves something may free room for another). */
const MAX_ROUNDS = 8;

export function leftShift(frame: Frame, sched: Schedule, meter: WorkMeter = { work: 0 }): Schedule {
  const { ix } = frame;
  const n = ix.tasks.length;
  const out = copySchedule(sched);
  const cals: Calendars = {
    officers: frame.officers.map((c) => c.clone()),
    interpreters: frame.interpreters.map((c) => c.clone()),
    persons: frame.persons.map((c) => c.clone()),
  };
  const movable = (i: number) => !frame.fixed[i] && !frame.excluded[i];
  const occupy = (i: number, add: boolean) => {
    const s = out.start[i]!;
    const e = out.end[i]!;
    const op = (c: { add(a: number, b: number): void; remove(a: number, b: number): void }) => (add ? c.add(s, e) : c.remove(s, e));
    op(cals.officers[out.officer[i]!]!);
    if (out.interpreter[i]! >= 0) op(cals.interpreters[out.interpreter[i]!]!);
    for (const p of ix.persons[i]!) op(cals.persons[p]!);
  };
  for (let i = 0; i < n; i++) if (movable(i) && out.start[i]! >= 0) occupy(i, true);

  const readyFrom = (i: number): number => {
    let from = Math.max(ix.release[i]!, frame.floor);
    for (const p of ix.preds[i]!) from = Math.max(from, out.end[p]!);
    return from;
  };
  /** Places i at its earliest start from its release, keeping its old staff when they are free then. */
  const place = (i: number, latest: number): boolean => {
    meter.work++;
    const s = earliestStart(ix, cals, i, readyFrom(i), -1, -1);
    if (s >= latest || s >= NEVER) return false;
    const d = ix.duration[i]!;
    out.officer[i] = pick(cals.officers, ix.officerChoices[i]!, s, d, out.officer[i]!, ix.stationShortest[i]!);
    out.interpreter[i] = ix.interpreterChoices[i] ? pick(cals.interpreters, ix.interpreterChoices[i]!, s, d, out.interpreter[i]!, ix.languageShortest[i]!) : -1;
    out.start[i] = s;
    out.end[i] = s + d;
    out.reason[i] = null;
    occupy(i, true);
    return true;
  };

  for (let round = 0; round < MAX_ROUNDS; round++) {
    let moved = false;
    const placed = ix.topo.filter((i) => movable(i) && out.start[i]! >= 0).sort((a, b) => out.start[a]! - out.start[b]!);
    for (const i of placed) {
      occupy(i, false);
      if (place(i, out.start[i]!)) moved = true;
      else occupy(i, true);
    }
    if (!moved) break;
  }
  // Unplanned tasks once more, predecessors first: a shift may have left room for one.
  for (const i of ix.topo) {
    if (!movable(i) || out.start[i]! >= 0 || ix.preds[i]!.some((p) => out.start[p]! < 0)) continue;
    place(i, Infinity);
  }
  for (let i = 0; i < n; i++) if (out.start[i]! < 0 && !frame.excluded[i]) out.reason[i] = unplacedReason(ix, i, (t) => out.start[t]! >= 0);
  scoreSchedule(ix, out);
  return out;
}
