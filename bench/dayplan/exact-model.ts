// The exact reference's MIP: time-indexed, on the grid of exact-grid.ts.
//
// Columns:
//   x[o]    binary: start option o (task, officer group, interpreter group, slot) is chosen;
//   z[t,k]  task t has started by slot k (the running sum of its x; continuous, integral when x is);
//   w[p,k]  person p is still in the building during slot k (continuous);
//   cmax    the slot the last task ends.
// Objective: weight · Σ w + cmax, weight > slots, so the total time in the building comes first and the
// makespan breaks ties (Σ w counts every person's slots from arrival to their last end).
//
// Why this shape: a time-indexed model has a much tighter LP relaxation than a big-M disjunctive one for
// sums of completion times; the running sums z make precedence two-term rows (instead of prefix sums of
// every start column), and counting presence per slot (w ≥ "not ended" of each last task) bounds a
// person's maximum end far better than one row per task.
import type { DayInput } from '../../server/src/engines/dayplan/types.ts';
import { buildDayGrid, type DayGrid } from './exact-grid.ts';

export interface Row {
  indices: number[];
  values: number[];
  lower: number;
  upper: number;
}

export interface ExactModel extends DayGrid {
  /** Column of start option o is o; makespan column; objective weight of a person-slot. */
  makespanColumn: number;
  weight: number;
  colCost: number[];
  colLower: number[];
  colUpper: number[];
  integer: boolean[];
  rows: Row[];
}

export interface ModelOptions {
  /** A total (minutes in building) known to be reachable: it shortens every window. */
  upperBoundMinutes?: number;
}

export function buildExactModel(input: DayInput, options: ModelOptions = {}): ExactModel {
  const g = buildDayGrid(input, options.upperBoundMinutes);
  const weight = g.slots + 1;
  const colCost: number[] = [];
  const colLower: number[] = [];
  const colUpper: number[] = [];
  const integer: boolean[] = [];
  const rows: Row[] = [];
  const column = (cost: number, lower: number, upper: number, isInteger = false) => {
    colCost.push(cost);
    colLower.push(lower);
    colUpper.push(upper);
    integer.push(isInteger);
    return colCost.length - 1;
  };
  for (let o = 0; o < g.options.length; o++) column(0, 0, 1, true);
  const makespanColumn = column(1, 0, g.slots);

  // z[t,k] for firstStart ≤ k < lastStart; before that 0, from lastStart on 1.
  const zColumns = g.tasks.map((_, t) => {
    const cols: number[] = [];
    for (let k = g.firstStart[t]!; k < g.lastStart[t]!; k++) cols.push(column(0, 0, 1));
    return cols;
  });
  /** Outside the start window z[t,k] is a constant: 0 before it, 1 from lastStart on. */
  const isConst = (t: number, k: number) => k < g.firstStart[t]! || k >= g.lastStart[t]!;
  const zConst = (t: number, k: number) => (k < g.firstStart[t]! ? 0 : 1);
  const z = (t: number, k: number) => zColumns[t]![k - g.firstStart[t]!]!;

  // z[t,k] − z[t,k−1] = Σ x of t at slot k (the first row also says Σ x = 1 via z at lastStart = 1).
  g.tasks.forEach((_, t) => {
    const bySlot = new Map<number, number[]>();
    for (const o of g.optionsOfTask[t]!) bySlot.set(g.options[o]!.slot, [...(bySlot.get(g.options[o]!.slot) ?? []), o]);
    for (let k = g.firstStart[t]!; k <= g.lastStart[t]!; k++) {
      const xs = bySlot.get(k) ?? [];
      const indices = [...xs];
      const values = xs.map(() => -1);
      let rhs = 0;
      for (const [kk, sign] of [[k, 1], [k - 1, -1]] as const) {
        if (isConst(t, kk)) rhs -= sign * zConst(t, kk);
        else {
          indices.push(z(t, kk));
          values.push(sign);
        }
      }
      rows.push({ indices, values, lower: rhs, upper: rhs });
    }
  });

  // Precedence u → v: v started by k only if u started by k − d(u).
  const index = new Map(g.tasks.map((x, i) => [x.id, i]));
  g.tasks.forEach((task, v) => {
    for (const uId of task.after) {
      const u = index.get(uId)!;
      for (let k = g.firstStart[v]!; k < g.lastStart[v]!; k++) {
        const ku = k - g.durationSlots[u]!;
        if (isConst(u, ku) && zConst(u, ku) === 1) continue;
        if (isConst(u, ku)) rows.push({ indices: [z(v, k)], values: [1], lower: -Infinity, upper: 0 });
        else rows.push({ indices: [z(v, k), z(u, ku)], values: [1, -1], lower: -Infinity, upper: 0 });
      }
    }
  });

  // No overlap: per person, officer group and interpreter group, the tasks running in each slot. A task
  // that always uses the resource runs in slot k when z[t,k] − z[t,k−d] = 1 (two terms instead of d per
  // option: same LP, much smaller); otherwise its options that use the resource are listed.
  const coverRows = (resourcesOf: (o: number) => number[], count: number, capacityOf: (r: number) => number) => {
    const cells = Array.from({ length: count }, () => new Map<number, { terms: Map<number, number>; constant: number; tasks: Set<number> }>());
    const cell = (r: number, k: number, t: number) => {
      let c = cells[r]!.get(k);
      if (!c) cells[r]!.set(k, (c = { terms: new Map(), constant: 0, tasks: new Set() }));
      c.tasks.add(t);
      return c;
    };
    g.tasks.forEach((_, t) => {
      const d = g.durationSlots[t]!;
      const byResource = new Map<number, number[]>();
      for (const o of g.optionsOfTask[t]!) for (const r of resourcesOf(o)) byResource.set(r, [...(byResource.get(r) ?? []), o]);
      for (const [r, os] of byResource) {
        if (os.length < g.optionsOfTask[t]!.length) {
          for (const o of os) for (let k = g.options[o]!.slot; k < g.options[o]!.slot + d; k++) cell(r, k, t).terms.set(o, 1);
          continue;
        }
        for (let k = g.firstStart[t]!; k < g.lastStart[t]! + d; k++) {
          const c = cell(r, k, t);
          for (const [kk, sign] of [[k, 1], [k - d, -1]] as const) {
            if (isConst(t, kk)) c.constant += sign * zConst(t, kk);
            else c.terms.set(z(t, kk), (c.terms.get(z(t, kk)) ?? 0) + sign);
          }
        }
      }
    });
    cells.forEach((m, r) => {
      for (const c of m.values()) {
        if (c.tasks.size <= capacityOf(r)) continue; // cannot bind
        const terms = [...c.terms].filter(([, v]) => v !== 0);
        rows.push({ indices: terms.map(([j]) => j), values: terms.map(([, v]) => v), lower: -Infinity, upper: capacityOf(r) - c.constant });
      }
    });
  };
  const personIndex = new Map(g.personIds.map((p, i) => [p, i]));
  coverRows((o) => g.tasks[g.options[o]!.task]!.personIds.map((p) => personIndex.get(p)!), g.personIds.length, () => 1);
  coverRows((o) => [g.options[o]!.officerGroup], g.officerGroups.length, (r) => g.officerGroups[r]!.memberIds.length);
  const interpreterOf = (o: number) => g.options[o]!.interpreterGroup;
  coverRows((o) => (interpreterOf(o) === null ? [] : [interpreterOf(o)!]), g.interpreterGroups.length, (r) => g.interpreterGroups[r]!.memberIds.length);

  // Work still to do: a person's tasks never overlap, so the slots they are present from k on are at least
  // their work running from k on, Σ_t (d(t) − Σ_{j=k−d(t)}^{k−1} z[t,j]). Tail sums T[k] = w[k] + T[k+1]
  // keep the rows short. Much tighter than the presence rows alone when the LP spreads a task thinly.
  const workAfterRows = (ts: number[], a: number, presence: number[]) => {
    const tail = presence.map(() => column(0, 0, Infinity));
    presence.forEach((w, i) => {
      const indices = i + 1 < tail.length ? [tail[i]!, w, tail[i + 1]!] : [tail[i]!, w];
      rows.push({ indices, values: [1, -1, -1].slice(0, indices.length), lower: 0, upper: 0 });
    });
    for (let i = 1; i < tail.length; i++) {
      const k = a + i;
      const indices = [tail[i]!];
      const values = [1];
      let rhs = 0;
      for (const t of ts) {
        rhs += g.durationSlots[t]!;
        for (let j = k - g.durationSlots[t]!; j < k; j++) {
          if (isConst(t, j)) rhs -= zConst(t, j);
          else {
            indices.push(z(t, j));
            values.push(1);
          }
        }
      }
      if (rhs > 0) rows.push({ indices, values, lower: rhs, upper: Infinity });
    }
  };

  // Presence: w[p,k] ≥ 1 − z[t, k − d(t)] for each of p's tasks that none of p's later tasks follows
  // (the task has not ended by the end of slot k); w non-increasing; surely present for the minimum.
  g.tasksOfPerson.forEach((ts, p) => {
    const mine = new Set(ts);
    const last = ts.filter((t) => !g.successors[t]!.some((v) => mine.has(v)));
    const a = g.personArrivalSlot[p]!;
    const end = Math.max(...last.map((t) => g.lastStart[t]! + g.durationSlots[t]!));
    let previous = -1;
    const presence: number[] = [];
    for (let k = a; k < end; k++) {
      const w = column(weight, k < a + g.personMinSlots[p]! ? 1 : 0, 1);
      for (const t of last) {
        const kt = k - g.durationSlots[t]!;
        if (isConst(t, kt)) {
          if (zConst(t, kt) === 0) colLower[w] = 1;
        } else rows.push({ indices: [w, z(t, kt)], values: [1, 1], lower: 1, upper: Infinity });
      }
      if (previous >= 0) rows.push({ indices: [previous, w], values: [1, -1], lower: 0, upper: Infinity });
      previous = w;
      presence.push(w);
    }
    workAfterRows(ts, a, presence);
  });

  // Makespan ≥ the end of every task without successors.
  g.tasks.forEach((_, t) => {
    if (g.successors[t]!.length > 0) return;
    const os = g.optionsOfTask[t]!;
    rows.push({ indices: [makespanColumn, ...os], values: [1, ...os.map((o) => -(g.options[o]!.slot + g.durationSlots[t]!))], lower: 0, upper: Infinity });
  });

  return { ...g, makespanColumn, weight, colCost, colLower, colUpper, integer, rows };
}
