// The planner's local search over decoder genes: late-acceptance hill climbing (Burke & Bykov) with
// moves that each change one thing a human planner would also try:
//   - swap / insert: change which of two nearby tasks gets the earlier pick;
//   - urgent: take the last task of a person who waits long and give it more priority;
//   - household block: give a whole household priority (families move through the day together);
//   - delay: make a task not start before a later minute, i.e. deliberate waiting, which lets a station
//     keep an officer free for a short task that is about to become available;
//   - officer: pin a task to another officer of its station, or unpin it;
//   - shuffle window: ruin-and-recreate light, re-ordering the tasks that start at one station in a
//     short time window.
// Each candidate is decoded in full (a decode is well under a millisecond for a medium day). The run is
// deterministic for a given seed and iteration count; the time budget only stops it early.
import { NEVER } from './calendar.ts';
import { decode, type Frame, type Genes, type Schedule } from './decoder.ts';
import { rng } from './random.ts';

export interface SearchOptions {
  seed: number;
  iterations: number;
  /** performance.now() value after which the search stops. */
  deadline: number;
  /** Extra cost for a schedule (the re-planner's stability penalty), in minutes of building time. */
  penalty?: (s: Schedule) => number;
}

export interface Solution {
  genes: Genes;
  sched: Schedule;
  cost: number;
}

/** One scalar with the lexicographic order: unplanned tasks, then total minutes, then makespan. */
export function costOf(s: Schedule, penalty = 0): number {
  return s.unplannedCount * 1e12 + (s.total + penalty) * 4096 + s.makespan;
}

const copyGenes = (g: Genes): Genes => ({ order: g.order.slice(), notBefore: g.notBefore.slice(), officer: g.officer.slice(), interpreter: g.interpreter.slice() });

export function evaluate(frame: Frame, genes: Genes, penalty?: (s: Schedule) => number): Solution {
  const sched = decode(frame, genes);
  return { genes, sched, cost: costOf(sched, penalty ? penalty(sched) : 0) };
}

export function search(frame: Frame, seeds: Solution[], opts: SearchOptions): Solution {
  const { ix } = frame;
  const rand = rng(opts.seed);
  const int = (n: number) => Math.floor(rand() * n);
  let best = seeds.reduce((a, b) => (b.cost < a.cost ? b : a));
  let current = best;
  const movable = current.genes.order.filter((i) => !frame.fixed[i] && !frame.excluded[i]);
  if (movable.length < 2) return best;
  const historyLength = 40;
  const history = new Array<number>(historyLength).fill(current.cost);
  const householdTasks = new Map<string, number[]>();
  for (const i of movable) {
    const h = ix.tasks[i]!.householdId;
    householdTasks.set(h, [...(householdTasks.get(h) ?? []), i]);
  }
  const households = [...householdTasks.keys()];

  const moveTo = (order: number[], from: number, to: number) => {
    const [x] = order.splice(from, 1);
    order.splice(to, 0, x!);
  };
  const near = (pos: number, len: number) => Math.max(0, Math.min(len - 1, pos + int(41) - 20));

  const neighbour = (sol: Solution): Genes => {
    const g = copyGenes(sol.genes);
    const order = g.order;
    const len = order.length;
    const s = sol.sched;
    const kind = int(100);
    if (kind < 25) {
      const a = int(len);
      const b = near(a, len);
      [order[a], order[b]] = [order[b]!, order[a]!];
    } else if (kind < 45) {
      const a = int(len);
      moveTo(order, a, near(a, len));
    } else if (kind < 60) {
      // A person who waits long: their last task gets an earlier pick.
      const p = int(ix.personIds.length);
      let last = -1;
      for (const t of ix.personTasks[p]!) if (!frame.fixed[t] && s.start[t]! >= 0 && (last < 0 || s.end[t]! > s.end[last]!)) last = t;
      if (last >= 0) {
        const pos = order.indexOf(last);
        moveTo(order, pos, Math.max(0, pos - 1 - int(30)));
      }
    } else if (kind < 70) {
      const ts = householdTasks.get(households[int(households.length)]!)!;
      const members = new Set(ts);
      const firstPos = order.findIndex((t) => members.has(t));
      const rest = order.filter((t) => !members.has(t));
      const to = Math.max(0, Math.min(rest.length, firstPos + int(31) - 20));
      const ordered = order.filter((t) => members.has(t));
      g.order = [...rest.slice(0, to), ...ordered, ...rest.slice(to)];
    } else if (kind < 82) {
      const t = movable[int(movable.length)]!;
      if (g.notBefore[t]! > -NEVER && rand() < 0.4) g.notBefore[t] = -NEVER;
      else if (s.start[t]! >= 0) g.notBefore[t] = s.start[t]! + 1 + int(20);
    } else if (kind < 90) {
      const t = movable[int(movable.length)]!;
      const choices = ix.officerChoices[t]!;
      g.officer[t] = rand() < 0.3 || choices.length < 2 ? -1 : choices[int(choices.length)]!;
      if (ix.interpreterChoices[t]) g.interpreter[t] = -1;
    } else {
      // Re-order the tasks one station starts within a 30-minute window.
      const t = movable[int(movable.length)]!;
      const from = s.start[t]!;
      const station = ix.tasks[t]!.station;
      const positions: number[] = [];
      order.forEach((x, pos) => {
        if (ix.tasks[x]!.station === station && s.start[x]! >= from && s.start[x]! < from + 30) positions.push(pos);
      });
      const picked = positions.map((pos) => order[pos]!);
      for (let k = picked.length - 1; k > 0; k--) {
        const j = int(k + 1);
        [picked[k], picked[j]] = [picked[j]!, picked[k]!];
      }
      positions.forEach((pos, k) => (order[pos] = picked[k]!));
    }
    return g;
  };

  for (let it = 0; it < opts.iterations; it++) {
    if ((it & 15) === 0 && performance.now() > opts.deadline) break;
    const cand = evaluate(frame, neighbour(current), opts.penalty);
    const slot = it % historyLength;
    if (cand.cost <= current.cost || cand.cost < history[slot]!) current = cand;
    history[slot] = current.cost;
    if (current.cost < best.cost) best = current;
  }
  return dropNeedlessWaits(frame, best, opts.penalty);
}

/**
 * A delay gene that did not pay (the person's last task is elsewhere, so starting later cost nothing)
 * still leaves a gap in an itinerary. Clearing all of them is kept when it is no worse.
 */
function dropNeedlessWaits(frame: Frame, sol: Solution, penalty?: (s: Schedule) => number): Solution {
  if (!sol.genes.notBefore.some((t) => t > -NEVER)) return sol;
  const genes = copyGenes(sol.genes);
  genes.notBefore.fill(-NEVER);
  const cleared = evaluate(frame, genes, penalty);
  return cleared.cost <= sol.cost ? cleared : sol;
}
