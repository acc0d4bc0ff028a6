// The coverage engine (issue 6): pure functions over demand points, sites and a travel-minutes matrix.
export * from './types.ts';
export { nearestOpen, type Nearest } from './nearest.ts';
export { computeCoverage, type CoverageOptions } from './coverage.ts';
export { closureImpact, type ClosureImpact, type Reassignment, type ThresholdCrossing } from './closure.ts';
export { addSites, type AddSitesRequest, type AddSitesResult, type AddedSite } from './add-sites.ts';
export { buildProblem, evaluate, UNREACHABLE_MINUTES, type LocationProblem, type Objective, type ProblemSpec } from './problem.ts';
export { greedy, type GreedyResult } from './greedy.ts';
export { fastInterchange, removalLosses, type InterchangeResult } from './interchange.ts';
export { lagrangianBound, solutionCosts, type LagrangianOptions, type LagrangianResult } from './lagrangian.ts';
