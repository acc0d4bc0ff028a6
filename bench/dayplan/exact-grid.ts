// The exact reference's view of a day on a time grid: the grid, the resource groups, and each task's
// window and possible starts. exact-model.ts turns this into the MIP.
//
// Exactness on the grid: `grid` is the gcd of every duration, arrival, shift and break bound, so all of
// them lie on it. The objective is regular (it never improves when a task ends later), so some optimal
// plan is semi-active: every task starts at an arrival, a shift or break end, or the end of another task,
// which are all grid points by induction. Hence optimising over grid starts loses nothing.
//
// Resources: officers of one station with identical shift and breaks form a group, and only the group's
// count is modelled (likewise interpreters per language). With equal availability, a set of intervals
// whose overlap never exceeds the count can always be given to distinct members (interval graphs are
// perfect), so counting is exact and removes the symmetry between interchangeable people.
import type { DayInput, Interval, Task, UnplannedReason } from '../../server/src/engines/dayplan/types.ts';

export type UnplaceableReason = Extract<UnplannedReason, 'no_officer' | 'no_interpreter' | 'no_time' | 'predecessor_unplanned'>;

export interface ResourceGroup {
  /** Station or language. */
  kind: string;
  /** Officer or interpreter ids; the group's capacity is their number. */
  memberIds: string[];
  /** availablePrefix[k] = number of available grid slots before slot k. */
  availablePrefix: number[];
}

/** One way to run a task: from grid slot `slot` with an officer group and an interpreter group. */
export interface StartOption {
  task: number;
  officerGroup: number;
  interpreterGroup: number | null;
  slot: number;
}

export interface DayGrid {
  grid: number;
  /** Minute of slot 0, and the number of slots up to the last shift end. */
  origin: number;
  slots: number;
  tasks: Task[];
  durationSlots: number[];
  successors: number[][];
  officerGroups: ResourceGroup[];
  interpreterGroups: ResourceGroup[];
  options: StartOption[];
  optionsOfTask: number[][];
  /** Each task's first and last possible start slot. */
  firstStart: number[];
  lastStart: number[];
  personIds: string[];
  personArrivalSlot: number[];
  tasksOfPerson: number[][];
  /** A lower bound on each person's slots in the building. */
  personMinSlots: number[];
  /** Task ids that have no possible start, with the reason; the other fields leave them out. */
  unplaceable: Map<string, UnplaceableReason>;
}

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));

function gridOf(input: DayInput): number {
  let g = 0;
  const add = (x: number) => (g = gcd(g, x));
  for (const t of input.tasks) add(t.durationMin);
  for (const h of input.households) add(h.arrival);
  for (const r of [...input.officers, ...input.interpreters]) {
    for (const i of [r.shift, ...r.breaks]) add(gcd(i.start, i.end));
  }
  return g || 1;
}

function groupsOf<R extends { id: string; shift: Interval; breaks: Interval[] }>(
  resources: R[], kindOf: (r: R) => string, origin: number, grid: number, slots: number,
): ResourceGroup[] {
  const byKey = new Map<string, ResourceGroup>();
  for (const r of resources) {
    const key = `${kindOf(r)}|${r.shift.start}-${r.shift.end}|${r.breaks.map((b) => `${b.start}-${b.end}`).join(',')}`;
    let group = byKey.get(key);
    if (!group) {
      const prefix = [0];
      for (let k = 0; k < slots; k++) {
        const a = origin + k * grid;
        const b = a + grid;
        const free = a >= r.shift.start && b <= r.shift.end && r.breaks.every((x) => b <= x.start || a >= x.end);
        prefix.push(prefix[k]! + (free ? 1 : 0));
      }
      group = { kind: kindOf(r), memberIds: [], availablePrefix: prefix };
      byKey.set(key, group);
    }
    group.memberIds.push(r.id);
  }
  return [...byKey.values()];
}

const fits = (g: ResourceGroup, slot: number, d: number) => g.availablePrefix[slot + d]! - g.availablePrefix[slot]! === d;

function topologicalOrder(tasks: Task[], index: Map<string, number>): number[] {
  const order: number[] = [];
  const state = new Array<number>(tasks.length).fill(0);
  const visit = (i: number) => {
    if (state[i] === 2) return;
    if (state[i] === 1) throw new Error(`precedence cycle through task ${tasks[i]!.id}`);
    state[i] = 1;
    for (const p of tasks[i]!.after) visit(index.get(p)!);
    state[i] = 2;
    order.push(i);
  };
  tasks.forEach((_, i) => visit(i));
  return order;
}

/**
 * The day on its grid. `upperBoundMinutes`, a total known to be reachable, shortens every window:
 * nobody can stay longer than that total minus everyone else's minimum.
 */
export function buildDayGrid(input: DayInput, upperBoundMinutes?: number): DayGrid {
  const grid = gridOf(input);
  const origin = Math.min(...input.households.map((h) => h.arrival), ...input.officers.map((o) => o.shift.start));
  const slots = Math.max(0, Math.ceil((Math.max(...input.officers.map((o) => o.shift.end)) - origin) / grid));
  const tasks = input.tasks;
  const index = new Map(tasks.map((t, i) => [t.id, i]));
  const arrivalOf = new Map(input.households.map((h) => [h.id, Math.ceil((h.arrival - origin) / grid)]));
  const durationSlots = tasks.map((t) => Math.ceil(t.durationMin / grid));
  const officerGroups = groupsOf(input.officers, (o) => o.station, origin, grid, slots);
  const interpreterGroups = groupsOf(input.interpreters, (i) => i.language, origin, grid, slots);
  const order = topologicalOrder(tasks, index);
  const successors = tasks.map(() => [] as number[]);
  tasks.forEach((t, v) => t.after.forEach((u) => successors[index.get(u)!]!.push(v)));

  // Earliest start: arrival, then the predecessors' chain.
  const head = new Array<number>(tasks.length).fill(0);
  for (const v of order) {
    head[v] = arrivalOf.get(tasks[v]!.householdId) ?? 0;
    for (const u of tasks[v]!.after) head[v] = Math.max(head[v]!, head[index.get(u)!]! + durationSlots[index.get(u)!]!);
  }

  // Persons: arrival, and a lower bound on their time inside (longest chain, or their work back to back).
  const personIds = [...new Set(tasks.flatMap((t) => t.personIds))];
  const personIndex = new Map(personIds.map((p, i) => [p, i]));
  const householdOfPerson = new Map(input.persons.map((p) => [p.id, p.householdId]));
  const personArrivalSlot = personIds.map((p) => arrivalOf.get(householdOfPerson.get(p) ?? '') ?? 0);
  const tasksOfPerson = personIds.map(() => [] as number[]);
  tasks.forEach((t, i) => t.personIds.forEach((p) => tasksOfPerson[personIndex.get(p)!]!.push(i)));
  const personMinSlots = tasksOfPerson.map((ts, p) =>
    Math.max(0, ...ts.map((t) => head[t]! + durationSlots[t]! - personArrivalSlot[p]!), ts.reduce((s, t) => s + durationSlots[t]!, 0)));

  // Latest end: closing (or the upper bound), then the successors' chain.
  const latestEnd = new Array<number>(tasks.length).fill(slots);
  if (upperBoundMinutes !== undefined) {
    const ub = Math.floor(upperBoundMinutes / grid);
    const minSum = personMinSlots.reduce((a, b) => a + b, 0);
    tasksOfPerson.forEach((ts, p) => {
      for (const t of ts) latestEnd[t] = Math.min(latestEnd[t]!, personArrivalSlot[p]! + ub - (minSum - personMinSlots[p]!));
    });
  }
  for (const u of [...order].reverse()) {
    for (const v of successors[u]!) latestEnd[u] = Math.min(latestEnd[u]!, latestEnd[v]! - durationSlots[v]!);
  }

  // Possible starts, and the tasks that have none (then their successors too).
  const unplaceable = new Map<number, UnplaceableReason>();
  const options: StartOption[] = [];
  const optionsOfTask = tasks.map(() => [] as number[]);
  for (const t of order) {
    const task = tasks[t]!;
    if (task.after.some((u) => unplaceable.has(index.get(u)!))) {
      unplaceable.set(t, 'predecessor_unplanned');
      continue;
    }
    const ogs = officerGroups.flatMap((g, i) => (g.kind === task.station ? [i] : []));
    const igs: Array<number | null> = task.interpreterLanguage === null ? [null]
      : interpreterGroups.flatMap((g, i) => (g.kind === task.interpreterLanguage ? [i] : []));
    const d = durationSlots[t]!;
    for (const o of ogs) {
      for (const i of igs) {
        for (let k = head[t]!; k + d <= latestEnd[t]!; k++) {
          if (!fits(officerGroups[o]!, k, d) || (i !== null && !fits(interpreterGroups[i]!, k, d))) continue;
          optionsOfTask[t]!.push(options.length);
          options.push({ task: t, officerGroup: o, interpreterGroup: i, slot: k });
        }
      }
    }
    if (optionsOfTask[t]!.length === 0) unplaceable.set(t, ogs.length === 0 ? 'no_officer' : igs.length === 0 ? 'no_interpreter' : 'no_time');
  }
  if (unplaceable.size > 0) {
    // Grid the rest only, so that no person's bound counts work that cannot happen.
    const inner = buildDayGrid({ ...input, tasks: tasks.filter((_, t) => !unplaceable.has(t)) }, upperBoundMinutes);
    for (const [t, reason] of unplaceable) inner.unplaceable.set(tasks[t]!.id, reason);
    return inner;
  }

  const slotsOf = (t: number) => optionsOfTask[t]!.map((j) => options[j]!.slot);
  return {
    grid, origin, slots, tasks, durationSlots, successors, officerGroups, interpreterGroups, options, optionsOfTask,
    firstStart: tasks.map((_, t) => Math.min(...slotsOf(t))),
    lastStart: tasks.map((_, t) => Math.max(...slotsOf(t))),
    personIds, personArrivalSlot, tasksOfPerson, personMinSlots, unplaceable: new Map(),
  };
}
