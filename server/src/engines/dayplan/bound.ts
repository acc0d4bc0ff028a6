// A lower bound on totalMinutesInBuilding: the best of two relaxations, each valid on its own.
//
// 1. Per person: their tasks form a one-machine problem (the person) with release dates. A task cannot
//    start before the household arrives, before its station or interpreter language first works a
//    window long enough, nor before its predecessors' heads allow. With those heads as release dates,
//    and precedence dropped, earliest-release-first gives the least possible finish (1|r_j|Cmax), so
//    Σ_p (that finish − arrival) ≤ any plan's total.
// 2. Per station k with m officers: each person's finish is at least the completion of one chosen
//    "representative" task of theirs at k plus the work they must do after it. The officers are
//    relaxed to one machine m times faster that may share itself between tasks; for that machine the
//    mean-busy-time LP of Goemans (1997) bounds Σ w_j C_j from below, and its optimum is the
//    preemptive WSPT schedule with release dates. That captures queueing at a busy station, which the
//    per-person bound cannot see.
// Both ignore other resources' interactions, so they are weak on long days; the benchmark reports the
// gap to the best known value as well as to this bound.
import { indexDay, type Indexed } from './instance.ts';
import type { DayInput } from './types.ts';

/** Earliest minute any of the resources has a window of at least d minutes. */
function firstWindow(windows: { start: number; end: number }[][], list: number[], d: number): number {
  let best = Infinity;
  for (const k of list) for (const w of windows[k]!) if (w.end - w.start >= d) best = Math.min(best, w.start);
  return best;
}

/** Release heads per task: arrival, resources' first usable window, and predecessors' heads. */
function heads(ix: Indexed, include: (i: number) => boolean): number[] {
  const head = ix.tasks.map(() => -Infinity);
  for (const i of ix.topo) {
    if (!include(i)) continue;
    const d = ix.duration[i]!;
    let r = Math.max(ix.release[i]!, firstWindow(ix.officerWindows, ix.officerChoices[i]!, d));
    const interp = ix.interpreterChoices[i];
    if (interp) r = Math.max(r, firstWindow(ix.interpreterWindows, interp, d));
    for (const p of ix.preds[i]!) if (include(p)) r = Math.max(r, head[p]! + ix.duration[p]!);
    head[i] = r;
  }
  return head;
}

/** Per person: least finish − arrival of their included tasks on one machine with release dates. */
function personBounds(ix: Indexed, include: (i: number) => boolean, head: number[]): number[] {
  return ix.personTasks.map((ts, p) => {
    const mine = ts.filter(include).sort((a, b) => head[a]! - head[b]!);
    if (mine.length === 0) return 0;
    let c = -Infinity;
    for (const t of mine) c = Math.max(c, head[t]!) + ix.duration[t]!;
    return c - ix.personArrival[p]!;
  });
}

/** Min Σ w_j M_j on one machine of speed m with release dates, preemptive WSPT (Goemans' LP optimum). */
function wsptMeanBusy(jobs: { r: number; p: number; w: number }[], m: number): number {
  const todo = [...jobs].sort((a, b) => a.r - b.r);
  const left = todo.map((j) => j.p / m);
  const busySum = todo.map(() => 0); // Σ piece length × piece midpoint
  const active: number[] = [];
  let t = todo.length ? todo[0]!.r : 0;
  let next = 0;
  let total = 0;
  while (next < todo.length || active.length) {
    while (next < todo.length && todo[next]!.r <= t) active.push(next++);
    if (!active.length) {
      t = todo[next]!.r;
      continue;
    }
    // Highest w / p first (ratio on the fast machine); ties by index for determinism.
    let bi = 0;
    for (let k = 1; k < active.length; k++) {
      const a = todo[active[k]!]!;
      const b = todo[active[bi]!]!;
      if (a.w * b.p > b.w * a.p) bi = k;
    }
    const j = active[bi]!;
    const until = next < todo.length ? Math.min(t + left[j]!, todo[next]!.r) : t + left[j]!;
    const len = until - t;
    busySum[j]! += len * (t + len / 2);
    left[j]! -= len;
    t = until;
    if (left[j]! <= 1e-9) {
      active.splice(bi, 1);
      const job = todo[j]!;
      total += job.w * (busySum[j]! / (job.p / m));
    }
  }
  return total;
}

/** Work a person must still do after task j: their included tasks that transitively follow j. */
function workAfter(ix: Indexed, include: (i: number) => boolean, j: number, person: number): number {
  const seen = new Set<number>();
  const stack = [...ix.succs[j]!];
  let work = 0;
  while (stack.length) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    if (include(s) && ix.persons[s]!.includes(person)) work += ix.duration[s]!;
    stack.push(...ix.succs[s]!);
  }
  return work;
}

function stationBound(ix: Indexed, include: (i: number) => boolean, head: number[], perPerson: number[], station: string): number {
  const m = ix.input.officers.filter((o, k) => o.station === station && ix.officerWindows[k]!.length > 0).length;
  if (m === 0) return 0;
  const weight = new Map<number, number>();
  let rest = 0;
  ix.personTasks.forEach((ts, p) => {
    const here = ts.filter((t) => include(t) && ix.tasks[t]!.station === station);
    if (here.length === 0) {
      rest += perPerson[p]!;
      return;
    }
    // The representative: the latest-heading task here (it finishes no earlier than its head allows).
    const rep = here.reduce((a, b) => (head[b]! > head[a]! ? b : a));
    weight.set(rep, (weight.get(rep) ?? 0) + 1);
    rest += workAfter(ix, include, rep, p) - ix.personArrival[p]!;
  });
  // Tasks at the station that are no one's representative still take the officers' time (weight 0).
  const jobs: { r: number; p: number; w: number }[] = [];
  ix.tasks.forEach((t, i) => {
    if (include(i) && t.station === station) jobs.push({ r: head[i]!, p: ix.duration[i]!, w: weight.get(i) ?? 0 });
  });
  let completion = wsptMeanBusy(jobs, m);
  for (const [j, w] of weight) completion += (w * ix.duration[j]!) / 2;
  return completion + rest;
}

/** The bound for the tasks `include` accepts (the planned ones, for a plan's reported bound). */
export function lowerBoundIndexed(ix: Indexed, include: (i: number) => boolean): number {
  const head = heads(ix, include);
  // A task no resource can ever hold has an infinite head; it can never be planned, so leave it out.
  const inc = (i: number) => include(i) && Number.isFinite(head[i]!);
  const perPerson = personBounds(ix, inc, head);
  let best = perPerson.reduce((s, x) => s + x, 0);
  for (const station of new Set(ix.tasks.map((t) => t.station))) best = Math.max(best, stationBound(ix, inc, head, perPerson, station));
  // The objective is whole minutes, so the bound can be rounded up (minus float noise).
  return Math.ceil(best - 1e-6);
}

export function lowerBound(input: DayInput): number {
  return lowerBoundIndexed(indexDay(input), () => true);
}
