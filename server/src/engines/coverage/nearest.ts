// Nearest open site per demand point: one pass over the open sites' matrix columns.
import type { MinutesMatrix } from './types.ts';

export interface Nearest {
  /** Site index per demand point, -1 when no open site is reachable. */
  site: Int32Array;
  /** Minutes to that site, Infinity when none is reachable. */
  minutes: Float64Array;
}

export function nearestOpen(matrix: MinutesMatrix, open: Iterable<number>): Nearest {
  const n = matrix.demandCount;
  const site = new Int32Array(n).fill(-1);
  const minutes = new Float64Array(n).fill(Infinity);
  const m = matrix.minutes;
  for (const j of open) {
    if (j < 0 || j >= matrix.siteCount) throw new RangeError(`site index ${j} is outside the matrix`);
    const base = j * n;
    for (let i = 0; i < n; i++) {
      const t = m[base + i]!;
      // Ties go to the lower site index whatever the order of `open`, so results are reproducible.
      if (t < minutes[i]! || (t === minutes[i]! && t !== Infinity && j < site[i]!)) {
        minutes[i] = t;
        site[i] = j;
      }
    }
  }
  return { site, minutes };
}
