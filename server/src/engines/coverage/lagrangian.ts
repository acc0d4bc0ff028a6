// A certified lower bound for the p-median by Lagrangian relaxation of the assignment constraints,
// maximised by subgradient optimisation (Held–Karp style step with Polyak's rule).
//
// Model: min Σ_ij c_ij x_ij  s.t.  Σ_j x_ij = 1 (i),  x_ij ≤ y_j,  Σ_j y_j = k,  plus the fixed network as
// an always-open option with cost c_i0. Relaxing Σ_j x_ij = 1 with multipliers λ_i gives
//   L(λ) = Σ_i λ_i + Σ_i min(0, c_i0 − λ_i) + (sum of the k most negative ρ_j),  ρ_j = Σ_i min(0, c_ij − λ_i),
// and L(λ) ≤ optimum for every λ. The best L found is the bound; (UB − L)/UB is the certified gap.
//
// Only pairs with c_ij < λ_i contribute, so each demand point's candidates are sorted by cost once and
// every iteration walks just the short prefix below λ_i.
import { evaluate, type LocationProblem } from './problem.ts';

export interface LagrangianOptions {
  /** An upper bound (a heuristic's objective) for the step size and the gap. */
  upperBound: number;
  /** Multipliers to start from, e.g. each demand point's cost in the heuristic solution. */
  start?: Float64Array;
  maxIterations?: number;
  /** Stop once the gap is at most this (default 0.001). */
  targetGap?: number;
  timeLimitMs?: number;
}

export interface LagrangianResult {
  lowerBound: number;
  /** Best objective seen: the given upper bound or a Lagrangian heuristic's. */
  upperBound: number;
  gap: number;
  iterations: number;
}

/** Per demand row, candidate positions sorted by cost (ascending) and their costs. */
function sortedCandidates(p: LocationProblem): { order: Int32Array; sorted: Float32Array } {
  const n = p.weight.length;
  const m = p.candidates.length;
  const order = new Int32Array(n * m);
  const sorted = new Float32Array(n * m);
  const idx = new Int32Array(m);
  const col = new Float32Array(m);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < m; c++) {
      idx[c] = c;
      col[c] = p.cost[c * n + r]!;
    }
    idx.sort((a, b) => col[a]! - col[b]!);
    order.set(idx, r * m);
    for (let t = 0; t < m; t++) sorted[r * m + t] = col[idx[t]!]!;
  }
  return { order, sorted };
}

export function lagrangianBound(p: LocationProblem, k: number, options: LagrangianOptions): LagrangianResult {
  const n = p.weight.length;
  const m = p.candidates.length;
  const { order, sorted } = sortedCandidates(p);
  const w = p.weight;
  // λ in person-minute units; a start at the heuristic's costs is close to optimal multipliers.
  const lambda = options.start ? Float64Array.from(options.start) : Float64Array.from(w, (wr, r) => wr * sorted[r * m + Math.min(1, m - 1)]!);
  const rho = new Float64Array(m);
  const open = new Uint8Array(m);
  const g = new Float64Array(n);
  const byRho = Int32Array.from({ length: m }, (_, c) => c);
  let upper = options.upperBound;
  let best = -Infinity;
  let theta = 2;
  let stale = 0;
  const maxIt = options.maxIterations ?? 3000;
  const targetGap = options.targetGap ?? 0.001;
  const deadline = performance.now() + (options.timeLimitMs ?? Infinity);
  let it = 0;
  for (; it < maxIt && performance.now() < deadline; it++) {
    rho.fill(0);
    let value = 0;
    for (let r = 0; r < n; r++) {
      const lam = lambda[r]!;
      value += lam + Math.min(0, w[r]! * p.base[r]! - lam);
      for (let t = r * m, end = t + m; t < end; t++) {
        const c = w[r]! * sorted[t]!;
        if (c >= lam) break;
        rho[order[t]!]! += c - lam;
      }
    }
    byRho.sort((a, b) => rho[a]! - rho[b]!);
    open.fill(0);
    const chosen: number[] = [];
    for (let s = 0; s < Math.min(k, m); s++) {
      open[byRho[s]!] = 1;
      chosen.push(byRho[s]!);
      value += rho[byRho[s]!]!;
    }
    if (best === -Infinity || value > best + 1e-9 * Math.abs(best)) {
      best = value;
      stale = 0;
    } else if (++stale >= 25) {
      theta /= 2;
      stale = 0;
    }
    // The relaxation's open sites are a feasible solution: now and then they beat the heuristic.
    if (it % 20 === 0) upper = Math.min(upper, evaluate(p, chosen));
    if ((upper - best) / upper <= targetGap || theta < 1e-5) break;

    // Subgradient: 1 − (how many options serve i below its multiplier).
    let norm = 0;
    for (let r = 0; r < n; r++) {
      const lam = lambda[r]!;
      let served = w[r]! * p.base[r]! < lam ? 1 : 0;
      for (let t = r * m, end = t + m; t < end; t++) {
        if (w[r]! * sorted[t]! >= lam) break;
        served += open[order[t]!]!;
      }
      g[r] = 1 - served;
      norm += g[r]! * g[r]!;
    }
    if (norm === 0) break; // λ is optimal: every point served exactly once, the bound is tight
    const step = (theta * (upper - value)) / norm;
    for (let r = 0; r < n; r++) lambda[r] = Math.max(0, lambda[r]! + step * g[r]!);
  }
  return { lowerBound: best, upperBound: upper, gap: upper > 0 ? (upper - best) / upper : 0, iterations: it };
}

/** Each demand row's cost in a solution (w · min f), the natural starting multipliers. */
export function solutionCosts(p: LocationProblem, chosen: readonly number[]): Float64Array {
  const n = p.weight.length;
  const best = Float64Array.from(p.base);
  for (const c of chosen) for (let r = 0; r < n; r++) best[r] = Math.min(best[r]!, p.cost[c * n + r]!);
  return best.map((f, r) => f * p.weight[r]!);
}
