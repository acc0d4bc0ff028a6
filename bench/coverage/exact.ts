// The exact references of the coverage bench, solved by HiGHS (WebAssembly, single-threaded):
//  - p-median as the classic strong formulation (ReVelle & Swain 1970): assignment x_rc ≤ y_c, one
//    assignment per demand point, k sites; the fixed network is an always-open option per point. Its LP
//    is tight, so HiGHS closes reduced instances (one county) at or near the root;
//  - maximal covering (Church & ReVelle 1974): y_r ≤ Σ_{c covers r} x_c, Σ x_c = k, maximise Σ w_r y_r.
//    Points the fixed network already covers are left out; they are covered whatever is chosen.
import loadHighs, { type Highs } from 'highs';
import type { LocationProblem } from '../../server/src/engines/coverage/problem.ts';

export interface ExactResult {
  status: 'optimal' | 'time_limit' | 'error';
  /** Objective of the best solution found, in the problem's units (Σ w·f). */
  objective: number;
  /** HiGHS's proven bound in the same units. */
  bound: number;
  chosen: number[];
  runMs: number;
  columns: number;
  rows: number;
}

let highsPromise: Promise<Highs> | null = null;
const getHighs = () => (highsPromise ??= loadHighs());

interface Row { idx: number[]; val: number[]; lo: number; hi: number }

async function solve(
  cols: { cost: number[]; lo: number[]; hi: number[]; integer: boolean[] },
  rows: Row[],
  timeLimitSec: number,
): Promise<{ status: ExactResult['status']; x: Float64Array | null; objective: number; bound: number }> {
  const highs = await getHighs();
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const r of rows) {
    for (let t = 0; t < r.idx.length; t++) {
      indices.push(r.idx[t]!);
      values.push(r.val[t]!);
    }
    starts.push(indices.length);
  }
  const inf = (v: number) => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v);
  const model = highs.createModel({
    numCols: cols.cost.length, numRows: rows.length,
    colCost: cols.cost, colLower: cols.lo, colUpper: cols.hi,
    rowLower: rows.map((r) => inf(r.lo)), rowUpper: rows.map((r) => inf(r.hi)),
    matrix: { format: 'csr', numRows: rows.length, numCols: cols.cost.length, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
    integrality: Int32Array.from(cols.integer.map((b) => (b ? highs.constants.variableType.integer : highs.constants.variableType.continuous))),
  });
  try {
    model.options.set({ output_flag: false, mip_rel_gap: 1e-7, time_limit: timeLimitSec });
    model.run();
    const status = model.getModelStatus();
    const codes = highs.constants.modelStatus;
    const has = Number(model.info.get('primal_solution_status')) === 2;
    const objective = has ? Number(model.info.get('objective_function_value')) : NaN;
    const bound = Number(model.info.get('mip_dual_bound'));
    const x = has ? Float64Array.from(model.getSolution().colValue) : null;
    return { status: status === codes.optimal ? 'optimal' : status === codes.timeLimit ? 'time_limit' : 'error', x, objective, bound };
  } finally {
    model.dispose();
  }
}

/** Exact p-median of `p` with k sites (reduced instances: the model has demand × candidates columns). */
export async function exactPMedian(p: LocationProblem, k: number, timeLimitSec = 300): Promise<ExactResult> {
  const t0 = performance.now();
  const n = p.weight.length;
  const m = p.candidates.length;
  // Columns: y_c (m), then per demand point its base option and x_rc (1 + m each).
  const cost: number[] = new Array(m).fill(0);
  const x = (r: number, c: number) => m + r * (m + 1) + 1 + c;
  const baseCol = (r: number) => m + r * (m + 1);
  for (let r = 0; r < n; r++) {
    cost.push(p.weight[r]! * p.base[r]!);
    for (let c = 0; c < m; c++) cost.push(p.weight[r]! * p.cost[c * n + r]!);
  }
  const cols = { cost, lo: cost.map(() => 0), hi: cost.map(() => 1), integer: cost.map((_, j) => j < m) };
  const rows: Row[] = [];
  for (let r = 0; r < n; r++) {
    rows.push({ idx: [baseCol(r), ...Array.from({ length: m }, (_, c) => x(r, c))], val: new Array(m + 1).fill(1), lo: 1, hi: 1 });
    for (let c = 0; c < m; c++) rows.push({ idx: [x(r, c), c], val: [1, -1], lo: -Infinity, hi: 0 });
  }
  rows.push({ idx: Array.from({ length: m }, (_, c) => c), val: new Array(m).fill(1), lo: k, hi: k });
  const s = await solve(cols, rows, timeLimitSec);
  const chosen = s.x ? Array.from({ length: m }, (_, c) => c).filter((c) => s.x![c]! > 0.5) : [];
  return { status: s.status, objective: s.objective, bound: s.bound, chosen, runMs: performance.now() - t0, columns: cost.length, rows: rows.length };
}

/** Exact maximal covering: objective = people left uncovered (Σ w·f), as the heuristic reports it. */
export async function exactMaxCover(p: LocationProblem, k: number, timeLimitSec = 300): Promise<ExactResult> {
  const t0 = performance.now();
  const n = p.weight.length;
  const m = p.candidates.length;
  let alwaysUncovered = 0;
  const open: number[] = []; // demand rows a candidate could cover that the fixed network does not
  for (let r = 0; r < n; r++) {
    if (p.base[r] === 0) continue;
    let reachable = false;
    for (let c = 0; c < m && !reachable; c++) reachable = p.cost[c * n + r] === 0;
    if (reachable) open.push(r);
    else alwaysUncovered += p.weight[r]!;
  }
  // Columns: x_c (m), then y per open demand row; minimise −Σ w y.
  const cost = [...new Array(m).fill(0), ...open.map((r) => -p.weight[r]!)];
  const cols = { cost, lo: cost.map(() => 0), hi: cost.map(() => 1), integer: cost.map((_, j) => j < m) };
  const rows: Row[] = open.map((r, t) => {
    const covering = Array.from({ length: m }, (_, c) => c).filter((c) => p.cost[c * n + r] === 0);
    return { idx: [m + t, ...covering], val: [1, ...covering.map(() => -1)], lo: -Infinity, hi: 0 };
  });
  rows.push({ idx: Array.from({ length: m }, (_, c) => c), val: new Array(m).fill(1), lo: k, hi: k });
  const s = await solve(cols, rows, timeLimitSec);
  const uncoverable = open.reduce((sum, r) => sum + p.weight[r]!, 0) + alwaysUncovered;
  const chosen = s.x ? Array.from({ length: m }, (_, c) => c).filter((c) => s.x![c]! > 0.5) : [];
  return {
    status: s.status, objective: uncoverable + s.objective, bound: uncoverable + s.bound, chosen,
    runMs: performance.now() - t0, columns: cost.length, rows: rows.length,
  };
}
