// Small hand-made instances for the coverage engine's tests.
import type { CoverageInstance, DemandPoint } from './types.ts';

/** An instance from populations and a demand × site minutes table (rows are demand points). */
export function instanceFrom(
  population: number[],
  minutes: number[][],
  areas: { county?: string[]; kommun?: string[] } = {},
): CoverageInstance {
  const n = population.length;
  const m = minutes[0]?.length ?? 0;
  const demand: DemandPoint[] = population.map((p, i) => ({
    id: `d${i}`, name: `d${i}`, kind: 'locality', kommunkod: areas.kommun?.[i] ?? '0001', countyCode: areas.county?.[i] ?? '01',
    population: p, lat: 60, lon: 15,
  }));
  const sites = Array.from({ length: m }, (_, j) => ({ id: `s${j}`, name: `s${j}`, lat: 60, lon: 15 }));
  const data = new Float32Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) data[j * n + i] = minutes[i]![j]!;
  return { demand, sites, matrix: { demandCount: n, siteCount: m, minutes: data } };
}

/** Points on a line: minutes are the distance between positions. */
export function lineInstance(demandAt: number[], weights: number[], sitesAt: number[]): CoverageInstance {
  return instanceFrom(weights, demandAt.map((x) => sitesAt.map((y) => Math.abs(x - y))));
}

/** A reproducible pseudo-random instance on the unit square (minutes = 100 × Euclidean distance). */
export function randomInstance(seed: number, demandCount: number, siteCount: number): CoverageInstance {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const d = Array.from({ length: demandCount }, () => [rand(), rand()] as const);
  const sites = Array.from({ length: siteCount }, () => [rand(), rand()] as const);
  const weights = d.map(() => 1 + Math.floor(rand() * 1000));
  return instanceFrom(weights, d.map(([x, y]) => sites.map(([u, v]) => 100 * Math.hypot(x - u, y - v))));
}

/** All k-subsets of 0..m-1. */
export function* subsets(m: number, k: number, from = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) {
    yield [...acc];
    return;
  }
  for (let j = from; j < m; j++) {
    acc.push(j);
    yield* subsets(m, k, j + 1, acc);
    acc.pop();
  }
}
