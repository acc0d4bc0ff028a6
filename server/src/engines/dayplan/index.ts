// The Mötesplats day-planner engine (docs/dayplan.md). Pure: no database, HTTP or clock beyond
// performance.now() for run times and search budgets.
export { validatePlan } from './validate.ts';
export { objectiveOf } from './objective.ts';
export { dispatch, type DispatchRule } from './dispatch.ts';
export { lowerBound } from './bound.ts';
export { planDay, defaultCapMs, defaultWork, type PlanOptions } from './planner.ts';
export { replan, type ReplanOptions } from './replan.ts';
export { itineraries, timelines } from './views.ts';
export { validateTemplate, expandDay } from './template.ts';
export { DEFAULT_TEMPLATE } from './default-template.ts';
export type * from './types.ts';
