// Vertex substitution by Whitaker's fast interchange (1983): take each candidate outside the solution in
// turn, find in one pass over the demand the open site whose removal costs least alongside it, and make
// the swap when it pays; stop after a full round of candidates brings no improvement.
//
// The pass is O(demand) per candidate thanks to each demand point's nearest (d1, at position `near`)
// and second nearest (d2) open option. Adding candidate c saves w·(d1 − f_c) where f_c < d1; removing
// open site s then costs, for the points whose nearest it was and that c does not serve better,
// w·(min(f_c, d2) − d1). The fixed network is an option that is never removed (position -1).
import { evaluate, type LocationProblem } from './problem.ts';

export interface InterchangeResult {
  chosen: number[];
  objective: number;
  swaps: number;
}

interface Nearest2 { d1: Float64Array; d2: Float64Array; near: Int32Array }

/** d1, d2 and the position in `chosen` of the nearest (-1: the fixed network), from scratch: O(n·k). */
function nearestTwo(p: LocationProblem, chosen: readonly number[]): Nearest2 {
  const n = p.weight.length;
  const d1 = Float64Array.from(p.base);
  const d2 = new Float64Array(n).fill(Infinity);
  const near = new Int32Array(n).fill(-1);
  chosen.forEach((c, pos) => {
    const off = c * n;
    for (let r = 0; r < n; r++) {
      const f = p.cost[off + r]!;
      if (f < d1[r]!) {
        d2[r] = d1[r]!;
        d1[r] = f;
        near[r] = pos;
      } else if (f < d2[r]!) d2[r] = f;
    }
  });
  return { d1, d2, near };
}

/** What the objective loses without each chosen site (the others and the fixed network staying). */
export function removalLosses(p: LocationProblem, chosen: readonly number[]): number[] {
  const { d1, d2, near } = nearestTwo(p, chosen);
  const loss = chosen.map(() => 0);
  for (let r = 0; r < d1.length; r++) if (near[r]! >= 0) loss[near[r]!]! += p.weight[r]! * (d2[r]! - d1[r]!);
  return loss;
}

export function fastInterchange(p: LocationProblem, start: readonly number[], maxSwaps = 10_000): InterchangeResult {
  const n = p.weight.length;
  const m = p.candidates.length;
  const chosen = [...start];
  const inSolution = new Uint8Array(m);
  for (const c of chosen) inSolution[c] = 1;
  let objective = evaluate(p, chosen);
  let state = nearestTwo(p, chosen);
  const loss = new Float64Array(chosen.length);
  let swaps = 0;
  let sinceImprovement = 0;
  for (let c = 0; sinceImprovement < m && swaps < maxSwaps && chosen.length > 0; c = (c + 1) % m, sinceImprovement++) {
    if (inSolution[c]) continue;
    const { d1, d2, near } = state;
    const off = c * n;
    let saving = 0;
    loss.fill(0);
    for (let r = 0; r < n; r++) {
      const f = p.cost[off + r]!;
      const w = p.weight[r]!;
      if (f < d1[r]!) saving += w * (d1[r]! - f);
      else if (near[r]! >= 0) loss[near[r]!]! += w * (Math.min(f, d2[r]!) - d1[r]!);
    }
    let out = 0;
    for (let s = 1; s < loss.length; s++) if (loss[s]! < loss[out]!) out = s;
    // Relative tolerance: rounding noise must not count as an improvement (or the search could cycle).
    if (saving - loss[out]! <= 1e-9 * Math.max(1, objective)) continue;
    inSolution[chosen[out]!] = 0;
    inSolution[c] = 1;
    chosen[out] = c;
    objective = evaluate(p, chosen);
    state = nearestTwo(p, chosen);
    swaps++;
    sinceImprovement = 0;
  }
  return { chosen, objective, swaps };
}
