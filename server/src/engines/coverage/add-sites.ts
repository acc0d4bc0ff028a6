// "Add k offices" and "design a network of k from scratch": greedy, then fast interchange, over a
// location problem; the answer in the planner's terms (sites, each one's gain, resulting coverage).
import { computeCoverage, type CoverageOptions } from './coverage.ts';
import { greedy } from './greedy.ts';
import { fastInterchange, removalLosses } from './interchange.ts';
import { buildProblem, evaluate, type LocationProblem, type Objective } from './problem.ts';
import type { CoverageInstance, CoverageResult } from './types.ts';

export interface AddSitesRequest {
  objective: Objective;
  k: number;
  /** Candidate site indices (e.g. every tätort, or a planner's list). */
  candidates: readonly number[];
  /** The existing network: kept open and not counted in k. Empty to design from scratch. */
  fixed?: readonly number[];
  /** Maximal covering: people within this many minutes are covered (default 30). */
  coverMinutes?: number;
  /** 'greedy' alone is the baseline; 'interchange' (default) improves the greedy answer. */
  method?: 'greedy' | 'interchange';
  coverage?: CoverageOptions;
}

export interface AddedSite {
  siteIndex: number;
  /**
   * What the objective would lose without this site, the others staying: population-weighted minutes
   * (p-median) or people no longer covered (maximal covering).
   */
  gain: number;
  /** Gain when greedy opened it (its place in the greedy order); absent if interchange brought it in. */
  greedyGain: number | null;
}

export interface AddSitesResult {
  objective: Objective;
  sites: AddedSite[];
  /**
   * The objective with the fixed network alone and with the added sites: total population-weighted
   * minutes (p-median), or people outside the covering time (maximal covering).
   */
  objectiveBefore: number;
  objectiveAfter: number;
  /**
   * p-median: mean minutes per person; maximal covering: people covered. Designing from scratch, the
   * "before" has no site at all: UNREACHABLE_MINUTES per person, or nobody covered.
   */
  headlineBefore: number;
  headlineAfter: number;
  swaps: number;
  coverage: CoverageResult;
}

/** Mean minutes (p-median) or people covered (maximal covering) from a raw objective value. */
export function headline(p: LocationProblem, value: number): number {
  const total = p.weight.reduce((a, b) => a + b, 0);
  return p.objective === 'pmedian' ? value / total : total - value;
}

export function addSites(instance: CoverageInstance, req: AddSitesRequest): AddSitesResult {
  if (!Number.isInteger(req.k) || req.k < 1) throw new RangeError('k must be a positive integer');
  const problem = buildProblem(instance, { objective: req.objective, fixed: req.fixed, candidates: req.candidates, coverMinutes: req.coverMinutes });
  const start = greedy(problem, req.k);
  const final = req.method === 'greedy' ? { chosen: start.chosen, objective: start.objective, swaps: 0 } : fastInterchange(problem, start.chosen);
  const greedyGain = new Map(start.chosen.map((c, i) => [c, start.gains[i]!]));
  const losses = removalLosses(problem, final.chosen);
  const sites = final.chosen
    .map((c, i) => ({ siteIndex: problem.candidates[c]!, gain: losses[i]!, greedyGain: greedyGain.get(c) ?? null }))
    .sort((a, b) => b.gain - a.gain);
  const before = evaluate(problem, []);
  return {
    objective: req.objective,
    sites,
    objectiveBefore: before,
    objectiveAfter: final.objective,
    headlineBefore: headline(problem, before),
    headlineAfter: headline(problem, final.objective),
    swaps: final.swaps,
    coverage: computeCoverage(instance, [...problem.fixed, ...sites.map((s) => s.siteIndex)], req.coverage),
  };
}
