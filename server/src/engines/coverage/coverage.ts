// Coverage of a set of open sites: who reaches which site in how many minutes, summed up nationally,
// per county and per municipality, and the places left furthest out.
import { areaFigures } from './figures.ts';
import { nearestOpen, type Nearest } from './nearest.ts';
import { DEFAULT_THRESHOLDS, type AreaFigures, type CoverageInstance, type CoverageResult, type DemandPoint } from './types.ts';

export interface CoverageOptions {
  thresholds?: readonly number[];
  /** A place is underserved beyond this many minutes (default 30). */
  underservedMinutes?: number;
  /** Longest underserved list returned (default all). */
  underservedLimit?: number;
}

/** Demand indices grouped by a key, built once per demand array (analyses reuse the same instance). */
const groupCache = new WeakMap<readonly DemandPoint[], { county: Map<string, number[]>; municipality: Map<string, number[]>; population: Float64Array }>();

export function demandGroups(demand: readonly DemandPoint[]) {
  let g = groupCache.get(demand);
  if (!g) {
    const county = new Map<string, number[]>();
    const municipality = new Map<string, number[]>();
    const push = (m: Map<string, number[]>, k: string, i: number) => (m.get(k) ?? m.set(k, []).get(k)!).push(i);
    demand.forEach((d, i) => {
      push(county, d.countyCode, i);
      push(municipality, d.kommunkod, i);
    });
    g = { county, municipality, population: Float64Array.from(demand, (d) => d.population) };
    groupCache.set(demand, g);
  }
  return g;
}

/** Coverage of the open sites (indices into `instance.sites`). */
export function computeCoverage(instance: CoverageInstance, open: Iterable<number>, options: CoverageOptions = {}): CoverageResult {
  return coverageFromNearest(instance, nearestOpen(instance.matrix, open), options);
}

export function coverageFromNearest(instance: CoverageInstance, nearest: Nearest, options: CoverageOptions = {}): CoverageResult {
  const thresholds = [...(options.thresholds ?? DEFAULT_THRESHOLDS)];
  const underservedMinutes = options.underservedMinutes ?? 30;
  const groups = demandGroups(instance.demand);
  const { population } = groups;
  const all = instance.demand.map((_, i) => i);
  const figures = (m: Map<string, number[]>) => {
    const out = new Map<string, AreaFigures>();
    for (const [key, idx] of m) out.set(key, areaFigures(idx, population, nearest.minutes, thresholds));
    return out;
  };
  const underserved = all
    .filter((i) => nearest.minutes[i]! > underservedMinutes && population[i]! > 0)
    .map((i) => ({ demandIndex: i, population: population[i]!, minutes: nearest.minutes[i]! }))
    .sort((a, b) => b.population - a.population || b.minutes - a.minutes)
    .slice(0, options.underservedLimit ?? Infinity);
  return {
    thresholds,
    assignments: all.map((i) => ({ demandIndex: i, siteIndex: nearest.site[i]!, minutes: nearest.minutes[i]! })),
    national: areaFigures(all, population, nearest.minutes, thresholds),
    byCounty: figures(groups.county),
    byMunicipality: figures(groups.municipality),
    underserved,
    underservedMinutes,
  };
}
