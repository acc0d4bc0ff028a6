// Population-weighted figures for a set of demand points: shares within thresholds, mean and 90th
// percentile. Weighted by people, not places: a tätort of 50,000 counts 50,000 times.
import type { AreaFigures } from './types.ts';

/** The 90th percentile means: 90 % of the people have at most this many minutes. */
const P90 = 0.9;

export function areaFigures(
  indices: readonly number[],
  population: ArrayLike<number>,
  minutes: ArrayLike<number>,
  thresholds: readonly number[],
): AreaFigures {
  let total = 0;
  let reachable = 0;
  let weighted = 0;
  const within = thresholds.map(() => 0);
  for (const i of indices) {
    const w = population[i]!;
    const t = minutes[i]!;
    total += w;
    if (t === Infinity) continue;
    reachable += w;
    weighted += w * t;
    for (let k = 0; k < thresholds.length; k++) if (t <= thresholds[k]!) within[k]! += w;
  }
  return {
    population: total,
    within,
    shareWithin: within.map((x) => (total > 0 ? x / total : 0)),
    meanMinutes: reachable > 0 ? weighted / reachable : null,
    p90Minutes: weightedQuantile(indices, population, minutes, total, P90),
    unreachable: total - reachable,
  };
}

/** Smallest t such that the people with at most t minutes are at least q of the total; null if that is ∞. */
export function weightedQuantile(
  indices: readonly number[],
  population: ArrayLike<number>,
  minutes: ArrayLike<number>,
  total: number,
  q: number,
): number | null {
  if (total <= 0) return null;
  const order = indices.filter((i) => population[i]! > 0).sort((a, b) => minutes[a]! - minutes[b]!);
  const target = q * total;
  let cum = 0;
  for (const i of order) {
    cum += population[i]!;
    // A relative tolerance, so that 90 % of a sum of floats is reached when it is reached exactly.
    if (cum >= target - 1e-9 * total) return Number.isFinite(minutes[i]!) ? minutes[i]! : null;
  }
  return null;
}
