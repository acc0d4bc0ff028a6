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
import type { DayInput, Interval } from './types.ts';

/**
 * Per task: the times it could run at all, the union over its station's officers (and, when it needs
 * one, its language's interpreters) of the minutes both work. An officer's lunch and an interpreter's
 * lunch right after it leave no room for a 20-minute step, though each alone has plenty.
 */
function jointWindows(ix: Indexed): Interval[][] {
  const cache = new Map<string, Interval[]>();
  return ix.tasks.map((t, i) => {
    const key = `${t.station}|${t.interpreterLanguage ?? ''}`;
    let out = cache.get(key);
    if (!out) {
      const officers = ix.officerChoices[i]!.flatMap((o) => ix.officerWindows[o]!);
      const interp = ix.interpreterChoices[i] ?? null;
      const both = interp === null ? officers : officers.flatMap((a) => interp.flatMap((x) => ix.interpreterWindows[x]!).flatMap((b) => {
        const s = Math.max(a.start, b.start);
        const e = Math.min(a.end, b.end);
        return e > s ? [{ start: s, end: e }] : [];
      }));
      out = merge(both);
      cache.set(key, out);
    }
    return out;
  });
}

function merge(ws: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const w of [...ws].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else out.push({ ...w });
  }
  return out;
}

/** The earliest t ≥ from with [t, t + d) inside one of the windows; Infinity when none. */
function fit(windows: Interval[], from: number, d: number): number {
  for (const w of windows) {
    const t = Math.max(from, w.start);
    if (t + d <= w.end) return t;
  }
  return Infinity;
}

/** Release heads per task: arrival, predecessors' heads, then the first joint window that holds it. */
function heads(ix: Indexed, include: (i: number) => boolean, joint: Interval[][]): number[] {
  const head = ix.tasks.map(() => -Infinity);
  for (const i of ix.topo) {
    if (!include(i)) continue;
    let r = ix.release[i]!;
    for (const p of ix.preds[i]!) if (include(p)) r = Math.max(r, head[p]! + ix.duration[p]!);
    head[i] = fit(joint[i]!, r, ix.duration[i]!);
  }
  return head;
}

/** Persons with more tasks than this get the plain one-machine bound (the subset search doubles per task). */
const EXACT_PERSON_TASKS = 12;

/**
 * Per person: least finish − arrival of their included tasks, done one at a time, each no earlier than
 * its head and inside its joint windows, in an order that keeps precedence among them. Finishing a set
 * of tasks earlier never hurts what follows, so the least finish of every subset (over its possible
 * last task) is exact for this relaxation (dynamic programming over subsets). Persons with more tasks
 * than EXACT_PERSON_TASKS get earliest-head-first without windows (the bound of one machine with
 * release dates).
 */
function personBounds(ix: Indexed, include: (i: number) => boolean, head: number[], joint: Interval[][]): number[] {
  return ix.personTasks.map((ts, p) => {
    const mine = ts.filter(include);
    if (mine.length === 0) return 0;
    if (mine.length > EXACT_PERSON_TASKS) {
      let c = -Infinity;
      for (const t of [...mine].sort((a, b) => head[a]! - head[b]!)) c = Math.max(c, head[t]!) + ix.duration[t]!;
      return c - ix.personArrival[p]!;
    }
    const k = mine.length;
    // Per task: the tasks of this person that must come after it (bit mask).
    const after = mine.map((t) => {
      let mask = 0;
      const seen = new Set<number>();
      const stack = [...ix.succs[t]!];
      while (stack.length) {
        const s = stack.pop()!;
        if (seen.has(s)) continue;
        seen.add(s);
        const b = mine.indexOf(s);
        if (b >= 0) mask |= 1 << b;
        stack.push(...ix.succs[s]!);
      }
      return mask;
    });
    const finish = new Float64Array(1 << k).fill(Infinity);
    finish[0] = -Infinity;
    for (let set = 1; set < 1 << k; set++) {
      for (let b = 0; b < k; b++) {
        if (!(set & (1 << b)) || after[b]! & set) continue;
        const rest = finish[set & ~(1 << b)]!;
        if (rest === Infinity) continue;
        const t = mine[b]!;
        const end = fit(joint[t]!, Math.max(rest, head[t]!), ix.duration[t]!) + ix.duration[t]!;
        if (end < finish[set]!) finish[set] = end;
      }
    }
    const all = finish[(1 << k) - 1]!;
    return Number.isFinite(all) ? all - ix.personArrival[p]! : 0;
  });
}

/** A pool of interchangeable resources (a station's officers, a language's interpreters): how many work when. */
interface Pool {
  tasks: number[];
  /** Capacity steps: from times[k] on, caps[k] members work (sorted; the last step runs to the end of the day). */
  times: number[];
  caps: number[];
}

function poolOf(tasks: number[], windows: Interval[][]): Pool {
  const delta = new Map<number, number>();
  for (const ws of windows) for (const w of ws) {
    delta.set(w.start, (delta.get(w.start) ?? 0) + 1);
    delta.set(w.end, (delta.get(w.end) ?? 0) - 1);
  }
  const times = [...delta.keys()].sort((a, b) => a - b);
  let cap = 0;
  const caps = times.map((t) => (cap += delta.get(t)!));
  return { tasks, times, caps };
}

/**
 * Min Σ w_j M_j (M_j: mean busy time) when the pool's members are relaxed to one machine whose speed is
 * the number of members at work (so breaks and part-time shifts lower it) and that may share itself
 * between tasks. A work unit of task j costs (w_j / p_j) × the time it runs, so running the released
 * task of highest w/p first is optimal (an exchange argument), as in Goemans' (1997) LP for one
 * machine. Returns Σ w_j (M_j + p_j / 2) (each task runs on one member at speed 1, so its completion is
 * M_j + p_j / 2) and each M_j.
 */
function poolBound(pool: Pool, head: number[], duration: number[], weight: (j: number) => number): { value: number; mean: Map<number, number> } {
  const jobs = [...pool.tasks].sort((a, b) => head[a]! - head[b]! || a - b);
  const left = new Map(jobs.map((j) => [j, duration[j]!]));
  const busy = new Map(jobs.map((j) => [j, 0]));
  const mean = new Map<number, number>();
  const active: number[] = [];
  let next = 0;
  let step = -1;
  let t = jobs.length ? head[jobs[0]!]! : 0;
  let value = 0;
  while (next < jobs.length || active.length) {
    while (next < jobs.length && head[jobs[next]!]! <= t) active.push(jobs[next++]!);
    while (step + 1 < pool.times.length && pool.times[step + 1]! <= t) step++;
    const cap = step >= 0 ? pool.caps[step]! : 0;
    const nextChange = step + 1 < pool.times.length ? pool.times[step + 1]! : Infinity;
    const nextRelease = next < jobs.length ? head[jobs[next]!]! : Infinity;
    if (!active.length || cap <= 0) {
      const to = Math.min(nextRelease, active.length ? nextChange : Infinity);
      if (to === Infinity) break; // nothing can run any more: leaving the rest out keeps it a lower bound
      t = to;
      continue;
    }
    let bi = 0;
    for (let k = 1; k < active.length; k++) {
      const a = active[k]!;
      const b = active[bi]!;
      if (weight(a) * duration[b]! > weight(b) * duration[a]!) bi = k;
    }
    const j = active[bi]!;
    const until = Math.min(t + left.get(j)! / cap, nextRelease, nextChange);
    const len = until - t;
    busy.set(j, busy.get(j)! + cap * len * (t + len / 2));
    left.set(j, left.get(j)! - cap * len);
    t = until;
    if (left.get(j)! <= 1e-9) {
      active.splice(bi, 1);
      const m = busy.get(j)! / duration[j]!;
      mean.set(j, m);
      value += weight(j) * (m + duration[j]! / 2);
    }
  }
  return { value, mean };
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

/** Rounds of the weight search in lowerBoundIndexed (the re-planner passes fewer, to stay quick). */
export const BOUND_ROUNDS = 40;

/**
 * The bound for the tasks `include` accepts (the planned ones, for a plan's reported bound).
 *
 * Each person's finish F_p is at least their own one-machine finish (the per-person bound) and, for
 * every pool k they use (a station, an interpreter language), at least the completion of their
 * representative task there (the latest-heading one) plus the work of theirs that must follow it. So
 * for any weights λ_pk ≥ 0 summing to one per person, F_p ≥ Σ_k λ_pk × (that bound of k), and summed over
 * persons each pool's part is a weighted completion-time problem bounded by poolBound: every λ gives a
 * valid bound. A person who waits at the morning's busy station and one who waits at an afternoon one
 * are each counted where they wait, which no single pool sees. The weights start from the best single
 * pool (the earlier bound) and are improved by a fixed number of exponentiated-gradient steps
 * (deterministic); the best bound met is kept.
 */
export function lowerBoundIndexed(ix: Indexed, include: (i: number) => boolean, rounds = BOUND_ROUNDS): number {
  const joint = jointWindows(ix);
  const head = heads(ix, include, joint);
  // A task no resource can ever hold has an infinite head; it can never be planned, so leave it out.
  const inc = (i: number) => include(i) && Number.isFinite(head[i]!);
  const perPerson = personBounds(ix, inc, head, joint);
  const pools: Pool[] = [];
  const addPools = (keys: Iterable<string>, key: (i: number) => string | null, members: (k: string) => Interval[][]) => {
    for (const k of keys) {
      const tasks = ix.tasks.flatMap((_, i) => (inc(i) && key(i) === k ? [i] : []));
      if (tasks.length) pools.push(poolOf(tasks, members(k)));
    }
  };
  addPools(new Set(ix.tasks.map((t) => t.station)), (i) => ix.tasks[i]!.station, (k) => ix.input.officers.flatMap((o, j) => (o.station === k ? [ix.officerWindows[j]!] : [])));
  addPools(new Set(ix.tasks.flatMap((t) => (t.interpreterLanguage ? [t.interpreterLanguage] : []))), (i) => ix.tasks[i]!.interpreterLanguage,
    (k) => ix.input.interpreters.flatMap((x, j) => (x.language === k ? [ix.interpreterWindows[j]!] : [])));
  const inPool = pools.map((pool) => new Set(pool.tasks));
  // Per person: the per-person bound, and per pool their representative task and the work after it.
  const persons = ix.personTasks.map((ts, p) => {
    const mine = ts.filter(inc);
    const reps = pools.map((_, k) => {
      const here = mine.filter((t) => inPool[k]!.has(t));
      if (!here.length) return null;
      const rep = here.reduce((a, b) => (head[b]! > head[a]! ? b : a));
      return { rep, tail: workAfter(ix, inc, rep, p) - ix.personArrival[p]! };
    });
    return { active: mine.length > 0, own: perPerson[p]!, reps };
  });
  const active = persons.flatMap((q, p) => (q.active ? [p] : []));
  // λ[p][0]: the per-person bound; λ[p][1 + k]: pool k (0 where the person has no task in k).
  const sources = persons.map((q) => [0, ...q.reps.flatMap((r, k) => (r ? [1 + k] : []))]);
  const evaluate = (lambda: number[][]): { value: number; grad: number[][] } => {
    let value = 0;
    const grad = lambda.map((l) => l.map(() => -Infinity));
    for (const p of active) {
      value += lambda[p]![0]! * persons[p]!.own;
      grad[p]![0] = persons[p]!.own;
    }
    pools.forEach((pool, k) => {
      const w = new Map<number, number>();
      for (const p of active) {
        const r = persons[p]!.reps[k];
        if (!r || lambda[p]![1 + k] === 0) continue;
        w.set(r.rep, (w.get(r.rep) ?? 0) + lambda[p]![1 + k]!);
        value += lambda[p]![1 + k]! * r.tail;
      }
      const { value: v, mean } = poolBound(pool, head, ix.duration, (j) => w.get(j) ?? 0);
      value += v;
      for (const p of active) {
        const r = persons[p]!.reps[k];
        const m = r ? mean.get(r.rep) : undefined;
        if (r && m !== undefined) grad[p]![1 + k] = m + ix.duration[r.rep]! / 2 + r.tail;
      }
    });
    return { value, grad };
  };
  const single = (k: number) => persons.map((q) => {
    const l = new Array<number>(pools.length + 1).fill(0);
    l[k > 0 && q.reps[k - 1] ? k : 0] = 1;
    return l;
  });
  // The per-person bound (k = 0) and each single pool (the earlier bound); the best is the start.
  let best = -Infinity;
  let lambda = single(0);
  for (let k = 0; k <= pools.length; k++) {
    const l = single(k);
    const { value } = evaluate(l);
    if (value > best) {
      best = value;
      lambda = l;
    }
  }
  // Exponentiated gradient on each person's simplex, from the start mixed with a little of every source.
  lambda = lambda.map((l, p) => l.map((x, k) => (sources[p]!.includes(k) ? 0.9 * x + 0.1 / sources[p]!.length : 0)));
  for (let round = 0; round < rounds; round++) {
    const { value, grad } = evaluate(lambda);
    if (value > best) best = value;
    const eta = 0.5 / (1 + round / 8);
    lambda = lambda.map((l, p) => {
      const g = grad[p]!;
      const top = Math.max(...sources[p]!.map((k) => g[k]!));
      const raw = l.map((x, k) => (sources[p]!.includes(k) && Number.isFinite(g[k]!) ? x * Math.exp((eta * (g[k]! - top)) / 10) : 0));
      const sum = raw.reduce((a, b) => a + b, 0) || 1;
      return raw.map((x) => x / sum);
    });
  }
  // The objective is whole minutes, so the bound can be rounded up (minus float noise).
  return Math.ceil(best - 1e-6);
}


export function lowerBound(input: DayInput): number {
  return lowerBoundIndexed(indexDay(input), () => true);
}
