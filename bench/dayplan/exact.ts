// The exact reference for the day planner: the time-indexed MIP of exact-model.ts solved by HiGHS
// (WebAssembly, single-threaded). With a time limit it returns the best plan found and the proven bound.
import { performance } from 'node:perf_hooks';
import loadHighs, { type Highs } from 'highs';
import type { Assignment, DayInput, DayPlan } from '../../server/src/engines/dayplan/types.ts';
import { alignToGrid } from './exact-start.ts';
import { buildExactModel, type ExactModel, type ModelOptions } from './exact-model.ts';

export interface ExactOptions extends ModelOptions {
  timeLimitSec?: number;
  /** A feasible plan to start from (a MIP start); its total also tightens the model. */
  incumbent?: DayPlan;
  /** Print HiGHS's log to stderr. */
  log?: boolean;
}

export interface ExactResult {
  /** 'optimal': proven; 'time_limit': the best plan found (maybe none) and the bound. */
  status: 'optimal' | 'time_limit' | 'infeasible' | 'error';
  plan: DayPlan | null;
  /** Proven lower bound on the total minutes in the building (the MIP's dual bound). */
  boundMinutes: number;
  grid: number;
  columns: number;
  rows: number;
  runMs: number;
}

let highsPromise: Promise<Highs> | null = null;
const getHighs = () => (highsPromise ??= loadHighs());

function toModelData(highs: Highs, m: ExactModel) {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const r of m.rows) {
    indices.push(...r.indices);
    values.push(...r.values);
    starts.push(indices.length);
  }
  const inf = (x: number) => (x === Infinity ? highs.infinity : x === -Infinity ? -highs.infinity : x);
  return {
    numCols: m.colCost.length,
    numRows: m.rows.length,
    colCost: m.colCost,
    colLower: m.colLower,
    colUpper: m.colUpper,
    rowLower: m.rows.map((r) => inf(r.lower)),
    rowUpper: m.rows.map((r) => inf(r.upper)),
    matrix: { format: 'csr' as const, numRows: m.rows.length, numCols: m.colCost.length, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
    integrality: Int32Array.from(m.integer.map((b) => (b ? highs.constants.variableType.integer : highs.constants.variableType.continuous))),
  };
}

/**
 * The incumbent, shifted onto the grid, as a partial MIP start (HiGHS completes the continuous columns),
 * or null when it does not lie on the model's options (a window cut by a bound it does not meet).
 */
function startEntries(m: ExactModel, input: DayInput, plan: DayPlan): { indices: number[]; values: number[] } | null {
  const groupOf = (groups: ExactModel['officerGroups'], id: string | null) => (id === null ? null : groups.findIndex((g) => g.memberIds.includes(id)));
  const key = (t: number, o: number | null, i: number | null, k: number) => `${t}|${o}|${i}|${k}`;
  const option = new Map(m.options.map((c, j) => [key(c.task, c.officerGroup, c.interpreterGroup, c.slot), j]));
  const taskIndex = new Map(m.tasks.map((t, i) => [t.id, i]));
  const chosen = new Set<number>();
  for (const a of alignToGrid(input, plan)) {
    const t = taskIndex.get(a.taskId);
    const j = t === undefined ? undefined
      : option.get(key(t, groupOf(m.officerGroups, a.officerId), groupOf(m.interpreterGroups, a.interpreterId), (a.start - m.origin) / m.grid));
    if (j === undefined) return null;
    chosen.add(j);
  }
  if (chosen.size !== m.tasks.length) return null;
  return { indices: m.options.map((_, j) => j), values: m.options.map((_, j) => (chosen.has(j) ? 1 : 0)) };
}

/** Start times from the chosen columns; then concrete officers and interpreters per group, by start. */
function decode(m: ExactModel, input: DayInput, x: Float64Array, runMs: number, boundMinutes: number): DayPlan {
  const chosen = m.options.filter((_, j) => x[j]! > 0.5).sort((a, b) => a.slot - b.slot);
  const freeAt = (groups: ExactModel['officerGroups']) => groups.map((g) => g.memberIds.map((id) => ({ id, free: -Infinity })));
  const officers = freeAt(m.officerGroups);
  const interpreters = freeAt(m.interpreterGroups);
  const take = (members: Array<{ id: string; free: number }>, start: number, end: number) => {
    const member = members.find((r) => r.free <= start);
    if (!member) throw new Error('exact: group over capacity (model bug)');
    member.free = end;
    return member.id;
  };
  const assignments: Assignment[] = chosen.map((c) => {
    const task = m.tasks[c.task]!;
    const start = m.origin + c.slot * m.grid;
    const end = start + task.durationMin;
    const officerId = take(officers[c.officerGroup]!, start, end);
    const interpreterId = c.interpreterGroup === null ? null : take(interpreters[c.interpreterGroup]!, start, end);
    return { taskId: task.id, start, end, officerId, interpreterId };
  });
  const arrival = new Map(input.households.map((h) => [h.id, h.arrival]));
  const household = new Map(input.persons.map((p) => [p.id, p.householdId]));
  const lastEnd = new Map<string, number>();
  const taskById = new Map(m.tasks.map((t) => [t.id, t]));
  for (const a of assignments) for (const p of taskById.get(a.taskId)!.personIds) lastEnd.set(p, Math.max(lastEnd.get(p) ?? 0, a.end));
  let total = 0;
  for (const [p, end] of lastEnd) total += end - (arrival.get(household.get(p) ?? '') ?? end);
  const makespan = Math.max(0, ...assignments.map((a) => a.end));
  return {
    assignments,
    unplanned: [...m.unplaceable].map(([taskId, reason]) => ({ taskId, reason })),
    objective: { totalMinutesInBuilding: total, makespan },
    lowerBound: boundMinutes,
    gap: total > 0 ? (total - boundMinutes) / total : 0,
    method: 'exact',
    runMs,
  };
}

export async function solveExact(input: DayInput, options: ExactOptions = {}): Promise<ExactResult> {
  const t0 = performance.now();
  const highs = await getHighs();
  // An incumbent's total bounds the optimum only when it planned every task.
  const complete = options.incumbent && options.incumbent.unplanned.length === 0 ? options.incumbent : undefined;
  const upperBoundMinutes = options.upperBoundMinutes ?? complete?.objective.totalMinutesInBuilding;
  const m = buildExactModel(input, { upperBoundMinutes });
  const model = highs.createModel(toModelData(highs, m));
  try {
    model.options.set({ output_flag: Boolean(options.log), mip_rel_gap: 0, mip_abs_gap: 0.5, time_limit: options.timeLimitSec ?? 60 });
    const start = options.incumbent ? startEntries(m, input, options.incumbent) : null;
    if (start) model.setSolution(start);
    model.run(options.log ? { [highs.constants.callbackType.logging]: (e) => void process.stderr.write(e.message) } : undefined);
    const status = model.getModelStatus();
    const codes = highs.constants.modelStatus;
    const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
    // The objective is weight·total + makespan (in slots), makespan < weight: recover the total's bound.
    const dual = Number(model.info.get('mip_dual_bound'));
    const boundSlots = Number.isFinite(dual) ? Math.ceil((dual - m.slots) / m.weight - 1e-6) : 0;
    const trivialSlots = m.personMinSlots.reduce((a, b) => a + b, 0);
    const runMs = performance.now() - t0;
    const result = {
      grid: m.grid, columns: m.colCost.length, rows: m.rows.length, runMs,
      boundMinutes: Math.max(boundSlots, trivialSlots) * m.grid,
    };
    if (status === codes.infeasible) return { ...result, status: 'infeasible', plan: null };
    const plan = hasSolution ? decode(m, input, model.getSolution().colValue, runMs, result.boundMinutes) : null;
    if (status === codes.optimal && plan) {
      const optimum = plan.objective.totalMinutesInBuilding;
      return { ...result, status: 'optimal', plan: { ...plan, lowerBound: optimum, gap: 0 }, boundMinutes: optimum };
    }
    if (status === codes.timeLimit || status === codes.interrupted) return { ...result, status: 'time_limit', plan };
    return { ...result, status: 'error', plan };
  } finally {
    model.dispose();
  }
}
