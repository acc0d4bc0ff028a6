// A second exact reference for the day planner, for the tiny days: branch and bound over time, written
// apart from the planner's decoder and from the MIP, so the three check one another.
//
// Why it is exact. The objective (Σ persons' last end − arrival) never improves when a task ends later,
// so some optimal plan is semi-active: every task starts at its household's arrival, at the end of
// another task, or when an officer's or interpreter's working window opens. The search walks those
// event times in order; at each it starts any compatible set of the tasks that could start now,
// including none (waiting is a choice: a rule that never leaves a counter idle can miss the optimum),
// then moves on to the next event. Three cuts keep it small, each keeping some optimal plan:
// - the bound below against the best plan so far (or the total given to beat);
// - a state met again with no lower cost so far is cut: what can still happen depends only on the
//   time, which tasks are placed, the tasks still running with their resources, and the left-shift
//   marks below (all in the key);
// - left shift: a task that could have started at t in some mode and was left waiting may start later in
//   that mode only if one of that mode's resources (its persons, officer group, interpreter group) took a
//   task in between; otherwise it could have started at t, and no plan gets worse by that.
//
// Resources are grouped: officers of one station with the same hours and breaks form one group with a
// capacity, likewise interpreters of one language. With equal availability, "never more tasks at once
// than members" is enough to give each task its own member (interval graphs), which is done at the end.
//
// The bound at a node at time t: every task not yet placed starts at t or later, after its predecessors,
// and at the earliest time its resources are free given what is placed (more tasks only push it later).
// A person's remaining tasks run one at a time on that person, so their finish is at least the
// one-machine makespan with those release times; the bound is the sum over persons, sharpened on
// each station or language served by one person only, where every order of its open tasks is tried.
//
// bench/dayplan/exact.test.ts checks it against brute force on micro days; on tiny-2 it agrees with
// HiGHS's proven optimum.
import { performance } from 'node:perf_hooks';
import type { Assignment, DayInput, DayPlan, Interval } from '../../server/src/engines/dayplan/types.ts';

export interface BranchBoundOptions {
  /**
   * The total of a complete plan already known: the search then looks only for better ones, and when
   * there is none that total is the optimum.
   */
  incumbentMinutes?: number;
  timeLimitMs?: number;
  /** Nodes to search at most: a limit that, unlike time, gives the same result under any load. */
  nodeLimit?: number;
}

export interface BranchBoundResult {
  /**
   * 'optimal': the search finished; the optimum is `optimumMinutes` (the incumbent's, if nothing beat it).
   * 'time_limit' / 'node_limit': stopped early; `plan` is still the best plan it found, if it beat the incumbent.
   */
  status: 'optimal' | 'time_limit' | 'node_limit' | 'infeasible';
  /** The best plan found by this search (null when nothing beat the bound given). */
  plan: DayPlan | null;
  /** When optimal: the proven optimum of the total minutes in the building. */
  optimumMinutes: number | null;
  nodes: number;
  runMs: number;
}

interface Group {
  memberIds: string[];
  windows: Interval[];
  /** Placed tasks' intervals in this group (starts and ends, unordered). */
  busy: Array<[number, number]>;
}

interface Mode {
  officerGroup: number;
  interpreterGroup: number | null;
}

interface Node {
  start: number;
  end: number;
  mode: Mode;
}

function groupsOf<T extends { id: string; shift: Interval; breaks: Interval[] }>(items: T[], key: (t: T) => string): Map<string, Group[]> {
  const byKey = new Map<string, Map<string, Group>>();
  for (const item of items) {
    const breaks = [...item.breaks].sort((a, b) => a.start - b.start);
    const signature = JSON.stringify([item.shift, breaks]);
    const groups = byKey.get(key(item)) ?? new Map<string, Group>();
    byKey.set(key(item), groups);
    const existing = groups.get(signature);
    if (existing) existing.memberIds.push(item.id);
    else {
      const windows: Interval[] = [];
      let from = item.shift.start;
      for (const b of breaks) {
        if (b.start > from) windows.push({ start: from, end: Math.min(b.start, item.shift.end) });
        from = Math.max(from, b.end);
      }
      if (item.shift.end > from) windows.push({ start: from, end: item.shift.end });
      groups.set(signature, { memberIds: [item.id], windows, busy: [] });
    }
  }
  return new Map([...byKey].map(([k, g]) => [k, [...g.values()]]));
}

const inWindow = (windows: Interval[], s: number, e: number) => windows.some((w) => w.start <= s && e <= w.end);

/** Whether a group of `capacity` members has one free over [s, e): fewer than capacity overlaps at every moment. */
function groupFree(g: Group, s: number, e: number): boolean {
  const over = g.busy.filter(([a, b]) => a < e && s < b);
  if (over.length < g.memberIds.length) return true;
  // The overlap count only rises at s or at an interval's start.
  for (const t of [s, ...over.map(([a]) => a).filter((a) => a > s)]) {
    if (over.filter(([a, b]) => a <= t && t < b).length >= g.memberIds.length) return false;
  }
  return true;
}

export function solveBranchBound(input: DayInput, options: BranchBoundOptions = {}): BranchBoundResult {
  const t0 = performance.now();
  const deadline = t0 + (options.timeLimitMs ?? 60_000);
  const tasks = input.tasks;
  const n = tasks.length;
  const index = new Map(tasks.map((t, i) => [t.id, i]));
  const personIndex = new Map(input.persons.map((p, i) => [p.id, i]));
  const arrivalOf = new Map(input.households.map((h) => [h.id, h.arrival]));
  const personArrival = input.persons.map((p) => arrivalOf.get(p.householdId)!);
  const dur = tasks.map((t) => t.durationMin);
  const release = tasks.map((t) => arrivalOf.get(t.householdId)!);
  const preds = tasks.map((t) => t.after.map((id) => index.get(id)!));
  const persons = tasks.map((t) => t.personIds.map((id) => personIndex.get(id)!));
  const tasksOfPerson = input.persons.map((_, p) => tasks.map((_, i) => i).filter((i) => persons[i]!.includes(p)));
  const officerGroups = groupsOf(input.officers, (o) => o.station);
  const interpreterGroups = groupsOf(input.interpreters, (x) => x.language);
  const allOfficerGroups = [...officerGroups.values()].flat();
  const allInterpreterGroups = [...interpreterGroups.values()].flat();
  const modes: Mode[][] = tasks.map((t) => {
    const og = (officerGroups.get(t.station) ?? []).map((g) => allOfficerGroups.indexOf(g));
    const ig = t.interpreterLanguage === null ? [null] : (interpreterGroups.get(t.interpreterLanguage) ?? []).map((g) => allInterpreterGroups.indexOf(g));
    return og.flatMap((officerGroup) => ig.map((interpreterGroup) => ({ officerGroup, interpreterGroup })));
  });
  // A topological order, for the heads in the bound.
  const topo: number[] = [];
  {
    const seen = new Set<number>();
    const visit = (i: number) => {
      if (seen.has(i)) return;
      seen.add(i);
      for (const p of preds[i]!) visit(p);
      topo.push(i);
    };
    for (let i = 0; i < n; i++) visit(i);
  }

  // Unary resources: a station or language served by one person only (one group of one). Every task
  // there runs one at a time, which the station bound below uses.
  const unary: number[][] = [];
  for (const [station, groups] of officerGroups) {
    if (groups.length === 1 && groups[0]!.memberIds.length === 1) unary.push(tasks.map((_, i) => i).filter((i) => tasks[i]!.station === station));
  }
  for (const [language, groups] of interpreterGroups) {
    if (groups.length === 1 && groups[0]!.memberIds.length === 1) unary.push(tasks.map((_, i) => i).filter((i) => tasks[i]!.interpreterLanguage === language));
  }
  // tail[i][k]: the least time persons[i][k] still spends after task i ends (the longest chain of that
  // person's tasks that must follow i).
  const succs: number[][] = tasks.map(() => []);
  preds.forEach((ps, i) => { for (const p of ps) succs[p]!.push(i); });
  const tail = tasks.map((_, i) => persons[i]!.map((p) => {
    const memo = new Map<number, number>();
    const longest = (j: number): number => {
      if (!memo.has(j)) memo.set(j, Math.max(0, ...succs[j]!.filter((k) => persons[k]!.includes(p)).map((k) => dur[k]! + longest(k))));
      return memo.get(j)!;
    };
    return longest(i);
  }));

  const placed: Array<Node | null> = tasks.map(() => null);
  const personBusy: Array<Array<[number, number]>> = input.persons.map(() => []);
  const candidatesAfter = (i: number, m: Mode, from: number): number[] => {
    const points = [from];
    const add = (list: Array<[number, number]>) => { for (const [, b] of list) if (b > from) points.push(b); };
    for (const p of persons[i]!) add(personBusy[p]!);
    const og = allOfficerGroups[m.officerGroup]!;
    add(og.busy);
    for (const w of og.windows) if (w.start > from) points.push(w.start);
    if (m.interpreterGroup !== null) {
      const ig = allInterpreterGroups[m.interpreterGroup]!;
      add(ig.busy);
      for (const w of ig.windows) if (w.start > from) points.push(w.start);
    }
    return [...new Set(points)].sort((a, b) => a - b);
  };
  /** The earliest start ≥ from for task i in mode m, given what is placed; Infinity when none. */
  const earliest = (i: number, m: Mode, from: number): number => {
    const d = dur[i]!;
    const og = allOfficerGroups[m.officerGroup]!;
    const ig = m.interpreterGroup === null ? null : allInterpreterGroups[m.interpreterGroup]!;
    for (const s of candidatesAfter(i, m, from)) {
      const e = s + d;
      if (!inWindow(og.windows, s, e) || (ig && !inWindow(ig.windows, s, e))) continue;
      if (persons[i]!.some((p) => personBusy[p]!.some(([a, b]) => a < e && s < b))) continue;
      if (!groupFree(og, s, e) || (ig && !groupFree(ig, s, e))) continue;
      return s;
    }
    return Infinity;
  };

  /** The bound at a node where nothing more starts before `last`; Infinity when some task can no longer fit. */
  const bound = (last: number): number => {
    const head: number[] = new Array(n).fill(0);
    for (const i of topo) {
      if (placed[i]) continue;
      const from = Math.max(last, release[i]!, ...preds[i]!.map((p) => (placed[p] ? placed[p]!.end : head[p]! + dur[p]!)));
      head[i] = Math.min(...modes[i]!.map((m) => earliest(i, m, from)));
      if (head[i] === Infinity) return Infinity;
    }
    const personFinish: number[] = [];
    let total = 0;
    for (let p = 0; p < input.persons.length; p++) {
      let finish = personArrival[p]!;
      const open: number[] = [];
      for (const i of tasksOfPerson[p]!) {
        if (placed[i]) finish = Math.max(finish, placed[i]!.end);
        else open.push(i);
      }
      // Placed tasks of this person that end after `last` started before it: the open ones wait for them.
      const free = finish;
      let cur = -Infinity;
      for (const i of open.sort((a, b) => head[a]! - head[b]!)) cur = Math.max(cur, head[i]!, free) + dur[i]!;
      personFinish.push(Math.max(finish, cur));
      total += Math.max(finish, cur) - personArrival[p]!;
    }
    if (total >= best) return total;
    for (const resource of unary) {
      const open = resource.filter((i) => !placed[i]);
      if (open.length >= 2) total = Math.max(total, stationBound(open, head, personFinish));
    }
    return total;
  };

  /**
   * The person bound, sharpened on one unary resource: its open tasks run one after another, so try
   * every order (dynamic programming over subsets). A task's completion is at least the shortest
   * makespan of the tasks before it (release order, breaks ignored) then its own length; a person's
   * finish is at least their last task there's completion plus the work they must still do after it.
   */
  const stationBound = (open: number[], head: number[], personFinish: number[]): number => {
    const k = open.length;
    const involved = [...new Set(open.flatMap((i) => persons[i]!))];
    const maskOf = new Map(involved.map((p) => [p, open.reduce((m, i, b) => (persons[i]!.includes(p) ? m | (1 << b) : m), 0)]));
    const byRelease = open.map((_, b) => b).sort((a, b) => head[open[a]!]! - head[open[b]!]!);
    const makespan = (set: number) => {
      let cur = -Infinity;
      for (const b of byRelease) if (set & (1 << b)) cur = Math.max(cur, head[open[b]!]!) + dur[open[b]!]!;
      return cur;
    };
    const full = (1 << k) - 1;
    const f = new Array<number>(full + 1).fill(Infinity);
    f[0] = 0;
    for (let set = 1; set <= full; set++) {
      const before = set;
      for (let b = 0; b < k; b++) {
        if (!(set & (1 << b))) continue;
        const rest = before & ~(1 << b);
        if (f[rest] === Infinity) continue;
        const i = open[b]!;
        // i cannot come last when a task that must follow it is in the set.
        if (succs[i]!.some((s) => { const sb = open.indexOf(s); return sb >= 0 && (set & (1 << sb)) !== 0; })) continue;
        const end = Math.max(rest === 0 ? -Infinity : makespan(rest), head[i]!) + dur[i]!;
        let cost = f[rest]!;
        persons[i]!.forEach((p, pk) => {
          if ((maskOf.get(p)! & ~set) === 0) cost += Math.max(personFinish[p]!, end + tail[i]![pk]!) - personArrival[p]!;
        });
        if (cost < f[set]!) f[set] = cost;
      }
    }
    let others = 0;
    for (let p = 0; p < input.persons.length; p++) if (!maskOf.has(p)) others += personFinish[p]! - personArrival[p]!;
    return f[full]! + others;
  };

  let best = options.incumbentMinutes ?? Infinity;
  let bestNodes: Array<Node | null> | null = null;
  let nodes = 0;
  let timedOut = false;
  let nodeLimited = false;
  const nodeLimit = options.nodeLimit ?? Infinity;

  const place = (i: number, node: Node) => {
    placed[i] = node;
    for (const p of persons[i]!) personBusy[p]!.push([node.start, node.end]);
    allOfficerGroups[node.mode.officerGroup]!.busy.push([node.start, node.end]);
    if (node.mode.interpreterGroup !== null) allInterpreterGroups[node.mode.interpreterGroup]!.busy.push([node.start, node.end]);
  };
  const unplace = (i: number) => {
    const node = placed[i]!;
    placed[i] = null;
    for (const p of persons[i]!) personBusy[p]!.pop();
    allOfficerGroups[node.mode.officerGroup]!.busy.pop();
    if (node.mode.interpreterGroup !== null) allInterpreterGroups[node.mode.interpreterGroup]!.busy.pop();
  };

  // Every window start of a group: a time a waiting task may become placeable.
  const windowStarts = [...new Set([...allOfficerGroups, ...allInterpreterGroups].flatMap((g) => g.windows.map((w) => w.start)))];
  const arrivals = [...new Set(release)];
  /** Σ (last end − arrival) over the persons whose every task is placed. */
  const settledCost = () => {
    let cost = 0;
    for (let p = 0; p < input.persons.length; p++) {
      let end = personArrival[p]!;
      let open = false;
      for (const i of tasksOfPerson[p]!) {
        if (!placed[i]) { open = true; break; }
        end = Math.max(end, placed[i]!.end);
      }
      if (!open) cost += end - personArrival[p]!;
    }
    return cost;
  };
  /** The state's future depends only on t, what is placed, and the tasks still running (with their resources). */
  const stateKey = (t: number, mask: number) => {
    let key = `${t}|${mask}`;
    for (let i = 0; i < n; i++) {
      const node = placed[i];
      if (node && node.end > t) key += `|${i}:${node.end}:${node.mode.officerGroup}:${node.mode.interpreterGroup}`;
      if (!node) modes[i]!.forEach((_, mi) => { if (blocked(i, mi)) key += `|b${i}:${mi}`; });
    }
    return key;
  };
  const memo = new Map<string, number>();
  // Left-shift dominance: skippedAt[i][m] is the last time task i could have started in mode m and was
  // left waiting (−1: never). Starting it later in that mode is useless unless one of that mode's
  // resources took a task in between: otherwise it could have started then, and no plan gets worse by
  // starting a task earlier.
  const skippedAt = modes.map((ms) => ms.map(() => -1));
  const sharesResource = (i: number, m: Mode, j: number) => {
    const other = placed[j]!.mode;
    return other.officerGroup === m.officerGroup || (m.interpreterGroup !== null && other.interpreterGroup === m.interpreterGroup)
      || persons[j]!.some((p) => persons[i]!.includes(p));
  };
  const blocked = (i: number, mi: number) => {
    const since = skippedAt[i]![mi]!;
    if (since < 0) return false;
    const m = modes[i]![mi]!;
    for (let j = 0; j < n; j++) if (placed[j] && placed[j]!.start >= since && sharesResource(i, m, j)) return false;
    return true;
  };
  const feasibleAt = (i: number, m: Mode, s: number) => {
    const e = s + dur[i]!;
    const og = allOfficerGroups[m.officerGroup]!;
    const ig = m.interpreterGroup === null ? null : allInterpreterGroups[m.interpreterGroup]!;
    return inWindow(og.windows, s, e) && (!ig || inWindow(ig.windows, s, e))
      && !persons[i]!.some((p) => personBusy[p]!.some(([a, b]) => a < e && s < b))
      && groupFree(og, s, e) && (!ig || groupFree(ig, s, e));
  };

  /**
   * Time-stepped search: at each event time t, start any compatible subset of the tasks that can start
   * now (or none: waiting is a choice), then go on to the next event. Every semi-active plan is reached
   * (its starts are all arrivals, window starts or task ends). States met again with no lower cost are cut.
   */
  const visit = (t: number, mask: number, count: number) => {
    nodes++;
    if (nodes > nodeLimit) nodeLimited = timedOut = true;
    if ((nodes & 1023) === 0 && performance.now() > deadline) timedOut = true;
    if (timedOut) return;
    if (count === n) {
      const value = settledCost();
      if (value < best) {
        best = value;
        bestNodes = placed.slice();
      }
      return;
    }
    if (bound(t) >= best) return;
    const key = stateKey(t, mask);
    const cost = settledCost();
    const seen = memo.get(key);
    if (seen !== undefined && seen <= cost) return;
    memo.set(key, cost);

    const ready: number[] = [];
    for (let i = 0; i < n; i++) {
      if (!placed[i] && release[i]! <= t && preds[i]!.every((p) => placed[p] && placed[p]!.end <= t)) ready.push(i);
    }
    const next = () => {
      let t2 = Infinity;
      for (const node of placed) if (node && node.end > t && node.end < t2) t2 = node.end;
      for (const a of arrivals) if (a > t && a < t2) t2 = a;
      for (const w of windowStarts) if (w > t && w < t2) t2 = w;
      return t2;
    };
    const choose = (k: number, chosenMask: number, chosenCount: number) => {
      if (timedOut) return;
      if (k === ready.length) {
        const t2 = next();
        if (t2 !== Infinity) visit(t2, chosenMask, chosenCount);
        return;
      }
      const i = ready[k]!;
      const feasible = modes[i]!.map((m) => feasibleAt(i, m, t));
      modes[i]!.forEach((m, mi) => {
        if (!feasible[mi] || blocked(i, mi)) return;
        place(i, { start: t, end: t + dur[i]!, mode: m });
        choose(k + 1, chosenMask + 2 ** i, chosenCount + 1);
        unplace(i);
      });
      // Left waiting: remember when it could have started, per mode.
      const saved = skippedAt[i]!.slice();
      feasible.forEach((ok, mi) => { if (ok) skippedAt[i]![mi] = t; });
      choose(k + 1, chosenMask, chosenCount);
      skippedAt[i] = saved;
    };
    choose(0, mask, count);
  };
  visit(Math.min(...release), 0, 0);

  const runMs = performance.now() - t0;
  const plan = bestNodes ? toPlan(input, bestNodes, allOfficerGroups, allInterpreterGroups, runMs) : null;
  if (timedOut) return { status: nodeLimited ? 'node_limit' : 'time_limit', plan, optimumMinutes: null, nodes, runMs };
  if (best === Infinity) return { status: 'infeasible', plan: null, optimumMinutes: null, nodes, runMs };
  return { status: 'optimal', plan, optimumMinutes: best, nodes, runMs };
}

/** Concrete officers and interpreters per group, by start (first member free). */
function toPlan(input: DayInput, nodes: Array<Node | null>, officerGroups: Group[], interpreterGroups: Group[], runMs: number): DayPlan {
  const freeAt = new Map<string, number>();
  const take = (g: Group, s: number, e: number) => {
    const id = g.memberIds.find((m) => (freeAt.get(m) ?? -Infinity) <= s);
    if (id === undefined) throw new Error('exact-bb: group over capacity');
    freeAt.set(id, e);
    return id;
  };
  const order = input.tasks.map((t, i) => ({ t, node: nodes[i]! })).sort((a, b) => a.node.start - b.node.start);
  const assignments: Assignment[] = order.map(({ t, node }) => ({
    taskId: t.id,
    start: node.start,
    end: node.end,
    officerId: take(officerGroups[node.mode.officerGroup]!, node.start, node.end),
    interpreterId: node.mode.interpreterGroup === null ? null : take(interpreterGroups[node.mode.interpreterGroup]!, node.start, node.end),
  }));
  const arrival = new Map(input.households.map((h) => [h.id, h.arrival]));
  const last = new Map<string, number>();
  input.tasks.forEach((t, i) => { for (const p of t.personIds) last.set(p, Math.max(last.get(p) ?? 0, nodes[i]!.end)); });
  const total = input.persons.reduce((sum, p) => sum + (last.has(p.id) ? last.get(p.id)! - arrival.get(p.householdId)! : 0), 0);
  return {
    assignments,
    unplanned: [],
    objective: { totalMinutesInBuilding: total, makespan: Math.max(0, ...assignments.map((a) => a.end)) },
    lowerBound: total,
    gap: 0,
    method: 'exact_bb',
    runMs,
  };
}
