// The search's moves. Each changes one thing a human planner would also try, and each is local: it
// reports the first and last list position it changed (and any task whose gene changed) so the
// incremental decoder re-decodes only from there.
//   - swap / insert: change which of two nearby tasks gets the earlier pick;
//   - urgent: take the last task of a person who waits long and give it more priority;
//   - household block: a household's tasks moved together (families move through the day together);
//   - delay: make a task not start before a later minute, i.e. deliberate waiting, which lets a station
//     keep an officer free for a short task that is about to become available (or clear such a wait);
//   - officer / interpreter: pin a task to another resource of its kind, or unpin it;
//   - shuffle window: ruin-and-recreate light, re-ordering the tasks one station starts in a short window.
import { NEVER } from './calendar.ts';
import type { Frame, Genes, Schedule } from './frame.ts';

export interface Move {
  genes: Genes;
  /** First and last changed list position (last −1 when only genes changed). */
  first: number;
  last: number;
  /** Tasks whose notBefore / officer / interpreter gene changed. */
  geneTasks: number[];
}

export type Neighbour = (genes: Genes, sched: Schedule, kind?: number) => Move | null;

export function neighbourhood(frame: Frame, rand: () => number): Neighbour {
  const { ix } = frame;
  const int = (n: number) => Math.floor(rand() * n);
  const movable = ix.topo.filter((i) => !frame.fixed[i] && !frame.excluded[i]);
  const byHousehold = new Map<string, number[]>();
  for (const i of movable) {
    const h = ix.tasks[i]!.householdId;
    byHousehold.set(h, [...(byHousehold.get(h) ?? []), i]);
  }
  const households = [...byHousehold.values()];
  // Rivals: the movable tasks that compete for the same officers or interpreters.
  const group = (key: (i: number) => string | null) => {
    const m = new Map<string, number[]>();
    for (const i of movable) {
      const k = key(i);
      if (k !== null) m.set(k, [...(m.get(k) ?? []), i]);
    }
    return ix.tasks.map((_, i) => (key(i) === null ? [] : (m.get(key(i)!) ?? [])));
  };
  const sameStation = group((i) => ix.tasks[i]!.station);
  const sameLanguage = group((i) => ix.tasks[i]!.interpreterLanguage);
  const near = (pos: number, len: number, span = 20) => Math.max(0, Math.min(len - 1, pos + int(2 * span + 1) - span));
  const orderMove = (g: Genes, order: number[], first: number, last: number): Move => ({ genes: { ...g, order }, first, last, geneTasks: [] });
  const moveTo = (order: number[], from: number, to: number) => {
    const [x] = order.splice(from, 1);
    order.splice(to, 0, x!);
  };

  return (g, s, forced) => {
    if (movable.length < 2) return null;
    const len = g.order.length;
    const kind = forced ?? int(100);
    if (kind >= 30 && kind < 45) {
      // A task takes the list place of a rival (same station, or same interpreter language) that starts
      // up to four hours before it: who gets a scarce officer or interpreter first, however far apart
      // the two are in the list.
      const x = movable[int(movable.length)]!;
      if (s.start[x]! < 0) return null;
      const pool = ix.interpreterChoices[x] && rand() < 0.4 ? sameLanguage[x]! : sameStation[x]!;
      const rivals = pool.filter((y) => y !== x && s.start[y]! >= 0 && s.start[y]! < s.start[x]! && s.start[y]! >= s.start[x]! - 240);
      if (rivals.length === 0) return null;
      const y = rivals[int(rivals.length)]!;
      const a = g.order.indexOf(x);
      const b = g.order.indexOf(y);
      if (a < 0 || b < 0 || a === b) return null;
      const order = g.order.slice();
      if (rand() < 0.5) [order[a], order[b]] = [order[b]!, order[a]!];
      else moveTo(order, a, b);
      return orderMove(g, order, Math.min(a, b), Math.max(a, b));
    }
    if (kind < 15) {
      const a = int(len);
      const b = near(a, len);
      if (a === b) return null;
      const order = g.order.slice();
      [order[a], order[b]] = [order[b]!, order[a]!];
      return orderMove(g, order, Math.min(a, b), Math.max(a, b));
    }
    if (kind < 30) {
      const a = int(len);
      const b = near(a, len);
      if (a === b) return null;
      const order = g.order.slice();
      moveTo(order, a, b);
      return orderMove(g, order, Math.min(a, b), Math.max(a, b));
    }
    if (kind < 55 && s.unplannedCount > 0 && rand() < 0.5) {
      // An unplanned task (or the unplanned step it waits for) moves well up the list: fewer unplanned
      // tasks come first in the objective.
      const open = movable.filter((t) => s.start[t]! < 0);
      if (open.length === 0) return null;
      let t = open[int(open.length)]!;
      for (let p = ix.preds[t]!.find((q) => s.start[q]! < 0); p !== undefined; p = ix.preds[t]!.find((q) => s.start[q]! < 0)) t = p;
      const pos = g.order.indexOf(t);
      if (pos <= 0) return null;
      const to = int(pos);
      const order = g.order.slice();
      moveTo(order, pos, to);
      return orderMove(g, order, to, pos);
    }
    if (kind < 55) {
      // A person's last task gets an earlier pick: their finish is what the objective counts.
      const p = int(ix.personIds.length);
      let last = -1;
      for (const t of ix.personTasks[p]!) if (!frame.fixed[t] && s.start[t]! >= 0 && (last < 0 || s.end[t]! > s.end[last]!)) last = t;
      if (last < 0) return null;
      const pos = g.order.indexOf(last);
      const to = Math.max(0, pos - 1 - int(30));
      if (pos <= 0) return null;
      const order = g.order.slice();
      moveTo(order, pos, to);
      return orderMove(g, order, to, pos);
    }
    if (kind < 65) {
      // One household (or two, in opposite directions) shifted in time: the list re-sorted by start, the
      // household's tasks keyed a quarter to an hour earlier or later. Which family goes first at a
      // busy station decides many starts at once; moving one task at a time rarely gets there.
      const a = households[int(households.length)]!;
      const b = rand() < 0.5 ? households[int(households.length)]! : null;
      const delta = (rand() < 0.5 ? -1 : 1) * (15 + int(46));
      const shift = new Map<number, number>();
      for (const t of a) shift.set(t, delta);
      if (b && b !== a) for (const t of b) shift.set(t, -delta);
      const pos = new Map(g.order.map((t, k) => [t, k]));
      const key = (t: number) => (s.start[t]! < 0 ? NEVER : s.start[t]! + (shift.get(t) ?? 0));
      const order = [...g.order].sort((x, y) => key(x) - key(y) || pos.get(x)! - pos.get(y)!);
      return diffMove(g, order);
    }
    if (kind < 77) {
      const t = movable[int(movable.length)]!;
      const notBefore = g.notBefore.slice();
      if (notBefore[t]! > -NEVER && rand() < 0.4) notBefore[t] = -NEVER;
      else if (s.start[t]! >= 0) notBefore[t] = s.start[t]! + 1 + int(20);
      else return null;
      return { genes: { ...g, notBefore }, first: NEVER, last: -1, geneTasks: [t] };
    }
    if (kind < 89) {
      const t = movable[int(movable.length)]!;
      const interps = ix.interpreterChoices[t];
      const officer = g.officer.slice();
      const interpreter = g.interpreter.slice();
      if (interps && rand() < 0.35) interpreter[t] = rand() < 0.3 || interps.length < 2 ? -1 : interps[int(interps.length)]!;
      else {
        const choices = ix.officerChoices[t]!;
        officer[t] = rand() < 0.3 || choices.length < 2 ? -1 : choices[int(choices.length)]!;
      }
      return { genes: { ...g, officer, interpreter }, first: NEVER, last: -1, geneTasks: [t] };
    }
    // Re-order the tasks one station starts within a 30-minute window.
    const t = movable[int(movable.length)]!;
    const from = s.start[t]!;
    const station = ix.tasks[t]!.station;
    const positions: number[] = [];
    g.order.forEach((x, pos) => {
      if (ix.tasks[x]!.station === station && s.start[x]! >= from && s.start[x]! < from + 30) positions.push(pos);
    });
    if (positions.length < 2) return null;
    const picked = positions.map((pos) => g.order[pos]!);
    for (let k = picked.length - 1; k > 0; k--) {
      const j = int(k + 1);
      [picked[k], picked[j]] = [picked[j]!, picked[k]!];
    }
    const order = g.order.slice();
    positions.forEach((pos, k) => (order[pos] = picked[k]!));
    return orderMove(g, order, positions[0]!, positions[positions.length - 1]!);
  };
}

/** A move to a new order, with its changed range found by comparing the lists. */
export function diffMove(g: Genes, order: number[]): Move | null {
  let first = 0;
  while (first < order.length && order[first] === g.order[first]) first++;
  if (first === order.length) return null;
  let last = order.length - 1;
  while (last > first && order[last] === g.order[last]) last--;
  return { genes: { ...g, order }, first, last, geneTasks: [] };
}

