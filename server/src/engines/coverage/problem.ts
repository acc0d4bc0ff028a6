// A location problem in one shape for both objectives: choose k candidate sites minimising
// Σ_i w_i · min(base_i, min_{j chosen} f_ij), where base_i is what the fixed (existing) network already
// gives demand point i. For the p-median f is travel minutes; for maximal covering f is 1 when the site is
// beyond the covering time and 0 within it, so the sum is the population left uncovered.
import type { CoverageInstance } from './types.ts';

export type Objective = 'pmedian' | 'maxcover';

/**
 * Minutes counted for a demand point that no site can reach (a road adapter with no route). A finite
 * penalty keeps sums and differences defined; a day is far beyond any real answer, so such points are
 * served first whenever some candidate reaches them.
 */
export const UNREACHABLE_MINUTES = 24 * 60;

export interface LocationProblem {
  objective: Objective;
  /** Covering time in minutes (maximal covering only). */
  coverMinutes: number;
  /** Demand rows with people; weight[r] is the population of instance demand index demandIndex[r]. */
  demandIndex: Int32Array;
  weight: Float64Array;
  /** Candidate site indices (into the instance's sites). */
  candidates: Int32Array;
  /** Candidate-major f: cost[c * rows + r] for candidate position c and demand row r. */
  cost: Float32Array;
  /** f of the best fixed site per demand row (UNREACHABLE_MINUTES, or 1 for maximal covering, if none). */
  base: Float64Array;
  fixed: number[];
}

export interface ProblemSpec {
  objective: Objective;
  /** Sites that stay open and are not counted in k (the existing network). */
  fixed?: readonly number[];
  /** Site indices that may be opened; fixed sites among them are ignored. */
  candidates: readonly number[];
  /** Maximal covering: people within this many minutes count as covered (default 30). */
  coverMinutes?: number;
}

export function buildProblem(instance: CoverageInstance, spec: ProblemSpec): LocationProblem {
  const { matrix } = instance;
  const coverMinutes = spec.coverMinutes ?? 30;
  const f = spec.objective === 'pmedian'
    ? (t: number) => (t === Infinity ? UNREACHABLE_MINUTES : t)
    : (t: number) => (t <= coverMinutes ? 0 : 1);
  const rows: number[] = [];
  instance.demand.forEach((d, i) => d.population > 0 && rows.push(i));
  const demandIndex = Int32Array.from(rows);
  const n = rows.length;
  const fixed = [...new Set(spec.fixed ?? [])];
  const fixedSet = new Set(fixed);
  const candidates = Int32Array.from(new Set(spec.candidates.filter((j) => !fixedSet.has(j))));

  const cost = new Float32Array(candidates.length * n);
  candidates.forEach((j, c) => {
    const from = j * matrix.demandCount;
    for (let r = 0; r < n; r++) cost[c * n + r] = f(matrix.minutes[from + demandIndex[r]!]!);
  });
  const base = new Float64Array(n).fill(f(Infinity));
  for (const j of fixed) {
    const from = j * matrix.demandCount;
    for (let r = 0; r < n; r++) base[r] = Math.min(base[r]!, f(matrix.minutes[from + demandIndex[r]!]!));
  }
  return {
    objective: spec.objective, coverMinutes, demandIndex, weight: Float64Array.from(rows, (i) => instance.demand[i]!.population),
    candidates, cost, base, fixed,
  };
}

/** Σ_i w_i · min(base_i, min over the chosen candidate positions of f). */
export function evaluate(p: LocationProblem, chosen: readonly number[]): number {
  const n = p.weight.length;
  const best = Float64Array.from(p.base);
  for (const c of chosen) {
    const off = c * n;
    for (let r = 0; r < n; r++) if (p.cost[off + r]! < best[r]!) best[r] = p.cost[off + r]!;
  }
  let sum = 0;
  for (let r = 0; r < n; r++) sum += p.weight[r]! * best[r]!;
  return sum;
}
