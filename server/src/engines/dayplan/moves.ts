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

export type Neighbour = (genes: Genes, sched: Schedule) => Move | null;

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
  const near = (pos: number, len: number, span = 20) => Math.max(0, Math.min(len - 1, pos + int(2 * span + 1) - span));
  const orderMove = (g: Genes, order: number[], first: number, last: number): Move => ({ genes: { ...g, order }, first, last, geneTasks: [] });
  const moveTo = (order: number[], from: number, to: number) => {
    const [x] = order.splice(from, 1);
    order.splice(to, 0, x!);
  };

  return (g, s) => {
    if (movable.length < 2) return null;
    const len = g.order.length;
    const kind = int(100);
    if (kind < 22) {
      const a = int(len);
      const b = near(a, len);
      if (a === b) return null;
      const order = g.order.slice();
      [order[a], order[b]] = [order[b]!, order[a]!];
      return orderMove(g, order, Math.min(a, b), Math.max(a, b));
    }
    if (kind < 42) {
      const a = int(len);
      const b = near(a, len);
      if (a === b) return null;
      const order = g.order.slice();
      moveTo(order, a, b);
      return orderMove(g, order, Math.min(a, b), Math.max(a, b));
    }
    if (kind < 54) {
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
    if (kind < 64) {
      // A household's tasks together, shifted a little (mostly earlier) in the list.
      const members = new Set(households[int(households.length)]!);
      const firstPos = g.order.findIndex((t) => members.has(t));
      const rest = g.order.filter((t) => !members.has(t));
      const ordered = g.order.filter((t) => members.has(t));
      const to = Math.max(0, Math.min(rest.length, firstPos + int(31) - 20));
      const order = [...rest.slice(0, to), ...ordered, ...rest.slice(to)];
      return diffMove(g, order);
    }
    if (kind < 78) {
      const t = movable[int(movable.length)]!;
      const notBefore = g.notBefore.slice();
      if (notBefore[t]! > -NEVER && rand() < 0.4) notBefore[t] = -NEVER;
      else if (s.start[t]! >= 0) notBefore[t] = s.start[t]! + 1 + int(20);
      else return null;
      return { genes: { ...g, notBefore }, first: NEVER, last: -1, geneTasks: [t] };
    }
    if (kind < 90) {
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

