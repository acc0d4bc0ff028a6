// planDay: the optimiser. Seeds from both dispatch rules and a few priority rules, improves the best
// with the time-boxed local search (search.ts), and returns the best schedule seen, so the result is
// never worse than either dispatch rule.
import { dispatchSchedule } from './dispatch.ts';
import { better, makeFrame, type Schedule } from './decoder.ts';
import { indexDay } from './instance.ts';
import { scheduleToPlan } from './objective.ts';
import { lowerBoundIndexed } from './bound.ts';
import { evaluate, search } from './search.ts';
import { genesFromSchedule, priorityRuleGenes } from './seeds.ts';
import type { DayInput, DayPlan } from './types.ts';

export interface PlanOptions {
  /** Wall-clock budget for the search; default grows with the day (about 1 s for 120 households). */
  budgetMs?: number;
  /** Seed of the search's random moves (default 1). */
  seed?: number;
  /** Cap on search iterations; with it (and a budget that is not hit) the result is reproducible. */
  iterations?: number;
}

/** Default search budget: small days converge in tens of ms, the large day stays well under 2 s in total. */
export const defaultBudgetMs = (tasks: number) => Math.min(1200, 150 + tasks);

export function planDay(input: DayInput, options: PlanOptions = {}): DayPlan {
  const t0 = performance.now();
  const ix = indexDay(input);
  const frame = makeFrame(ix);
  const dispatched = [dispatchSchedule(ix, 'fcfs'), dispatchSchedule(ix, 'srpt')];
  const seeds = [...dispatched.map((s) => genesFromSchedule(ix, s)), ...priorityRuleGenes(frame)].map((g) => evaluate(frame, g));
  const budget = options.budgetMs ?? defaultBudgetMs(ix.tasks.length);
  const found = search(frame, seeds, {
    seed: options.seed ?? 1,
    iterations: options.iterations ?? Math.max(20_000, 60 * ix.tasks.length),
    deadline: t0 + budget,
  });
  let best: Schedule = found.sched;
  for (const d of dispatched) if (better(d, best)) best = d;
  const bound = lowerBoundIndexed(ix, (i) => best.start[i]! >= 0);
  return scheduleToPlan(ix, best, 'planner', bound, performance.now() - t0);
}
