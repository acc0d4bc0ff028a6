// Greedy: open, k times, the candidate that lowers the objective most. Lazy evaluation (Minoux's
// accelerated greedy): both objectives are supermodular costs, so a candidate's gain can only shrink as
// sites are added; a stale gain is an upper bound, and the candidate at the top of the heap whose fresh
// gain still beats every stale bound is the true best. Same result as the plain loop, far fewer scans.
import type { LocationProblem } from './problem.ts';

export interface GreedyResult {
  /** Candidate positions in the order they were opened. */
  chosen: number[];
  /** Each one's gain when it was opened (objective units). */
  gains: number[];
  objective: number;
}

function gainOf(p: LocationProblem, c: number, current: Float64Array): number {
  const n = current.length;
  const off = c * n;
  let g = 0;
  for (let r = 0; r < n; r++) {
    const d = current[r]! - p.cost[off + r]!;
    if (d > 0) g += p.weight[r]! * d;
  }
  return g;
}

/** Max-heap of candidate positions by their (possibly stale) gain; ties to the lower position. */
class GainHeap {
  private readonly items: number[] = [];
  constructor(private readonly gain: Float64Array) {}
  get size() { return this.items.length; }
  private above(a: number, b: number) {
    const ga = this.gain[a]!;
    const gb = this.gain[b]!;
    return ga > gb || (ga === gb && a < b);
  }
  push(c: number) {
    const h = this.items;
    h.push(c);
    for (let i = h.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!this.above(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }
  peek() { return this.items[0]; }
  pop(): number | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last !== undefined) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < h.length && this.above(h[l]!, h[best]!)) best = l;
        if (r < h.length && this.above(h[r]!, h[best]!)) best = r;
        if (best === i) break;
        [h[i], h[best]] = [h[best]!, h[i]!];
        i = best;
      }
    }
    return top;
  }
}

/** Opens k candidates greedily on top of the fixed sites. */
export function greedy(p: LocationProblem, k: number): GreedyResult {
  const current = Float64Array.from(p.base);
  const m = p.candidates.length;
  const gain = new Float64Array(m);
  const heap = new GainHeap(gain);
  for (let c = 0; c < m; c++) {
    gain[c] = gainOf(p, c, current);
    heap.push(c);
  }
  const chosen: number[] = [];
  const gains: number[] = [];
  while (chosen.length < Math.min(k, m)) {
    const c = heap.pop()!;
    gain[c] = gainOf(p, c, current);
    const next = heap.peek();
    if (next !== undefined && (gain[next]! > gain[c]! || (gain[next]! === gain[c]! && next < c))) {
      heap.push(c); // stale bound beaten: look again
      continue;
    }
    chosen.push(c);
    gains.push(gain[c]!);
    const off = c * current.length;
    for (let r = 0; r < current.length; r++) if (p.cost[off + r]! < current[r]!) current[r] = p.cost[off + r]!;
  }
  let objective = 0;
  for (let r = 0; r < current.length; r++) objective += p.weight[r]! * current[r]!;
  return { chosen, gains, objective };
}
