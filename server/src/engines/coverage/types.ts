// The coverage engine's input and output as plain data. Places are demand points (where people live,
// with how many) and sites (where an office is or could be); travel times between them come in as one
// precomputed matrix, so the engine never knows how they were obtained (great circle or road network).

export interface DemandPoint {
  id: string;
  name: string;
  /** A tätort, or the rest of a municipality's population placed at its seat. */
  kind: 'locality' | 'rest';
  kommunkod: string;
  countyCode: string;
  population: number;
  lat: number;
  lon: number;
}

export interface Site {
  id: string;
  name: string;
  lat: number;
  lon: number;
}

/**
 * Travel minutes from every demand point to every site, stored site-major: the minutes from demand i to
 * site j are at `minutes[j * demandCount + i]`. Site-major because every hot loop (nearest open site,
 * a candidate's gain) walks all demand points of one site. Unreachable pairs are `Infinity`.
 */
export interface MinutesMatrix {
  demandCount: number;
  siteCount: number;
  minutes: Float32Array;
}

/** Everything an analysis needs; `sites[j]` is column j of the matrix, `demand[i]` its row i. */
export interface CoverageInstance {
  demand: readonly DemandPoint[];
  sites: readonly Site[];
  matrix: MinutesMatrix;
}

/** The thresholds a planner reads shares at, in minutes. */
export const DEFAULT_THRESHOLDS = [15, 30, 45, 60] as const;

/** Figures for one area (a municipality, a county or the nation). */
export interface AreaFigures {
  population: number;
  /** Population within each threshold, in the order of the thresholds asked for. */
  within: number[];
  /** within / population, 0–1. */
  shareWithin: number[];
  /** Population-weighted mean minutes over the people who can reach a site at all; null when none can. */
  meanMinutes: number | null;
  /** Minutes within which 90 % of the population live; null when more than 10 % cannot reach any site. */
  p90Minutes: number | null;
  /** People with no reachable site (road adapter: no route; a service offered nowhere). */
  unreachable: number;
}

export interface DemandAssignment {
  demandIndex: number;
  /** Index into the instance's sites of the nearest open site, or -1 when none is reachable. */
  siteIndex: number;
  minutes: number;
}

export interface CoverageResult {
  thresholds: number[];
  /** Per demand point, in the instance's demand order. */
  assignments: DemandAssignment[];
  national: AreaFigures;
  byCounty: Map<string, AreaFigures>;
  byMunicipality: Map<string, AreaFigures>;
  /** Places beyond `underservedMinutes` from their nearest open site, largest population first. */
  underserved: { demandIndex: number; population: number; minutes: number }[];
  underservedMinutes: number;
}
