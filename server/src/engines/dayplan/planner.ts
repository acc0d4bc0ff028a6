// planDay: the optimiser. Seeds from both dispatch rules and a few priority rules, improves the best
// with the time-boxed local search (search.ts), and returns the best schedule seen, so the result is
// never worse than either dispatch rule.
import { dispatchSchedule } from './dispatch.ts';
import { better, makeFrame, type Schedule } from './frame.ts';
import { indexDay } from './instance.ts';
import { scheduleToPlan } from './objective.ts';
import { lowerBoundIndexed } from './bound.ts';
import { bestOf, evaluate, search, type Solution } from './search.ts';
import { neighbourhood } from './moves.ts';
import { rng } from './random.ts';
import type { RuinOptions } from './ruin.ts';
import type { Frame, Genes } from './frame.ts';
import { genesFromSchedule, priorityRuleGenes } from './seeds.ts';
import type { DayInput, DayPlan } from './types.ts';

export interface PlanOptions {
  /** Wall-clock budget for the search; default defaultBudgetMs (3 s for tiny days, 1.5 s for small days and the large day). */
  budgetMs?: number;
  /** Seed of the search's random moves (default 1). */
  seed?: number;
  /** Cap on search iterations; with it (and a budget that is not hit) the result is reproducible. */
  iterations?: number;
}

/**
 * Default search budget: 3 s for a tiny day (up to 40 tasks, about three households), 1.5 s for a day of
 * up to 80 tasks (about ten households: the search there is cheap but the landscape rugged), else 0.5 s
 * plus 1 ms a task, at most 1.5 s (the large day, about 1000 tasks, then plans in well under 2 s). On
 * tiny-3, ten seeds at 1.5 s ended 0.2–3 % above the proven optimum, at 3 s 0.2–0.9 %; a day is planned
 * once in the morning, and re-planning during the day has its own short budget (replan.ts).
 */
export const defaultBudgetMs = (tasks: number) => (tasks <= TINY_DAY_TASKS ? 3000 : tasks <= SMALL_DAY_TASKS ? 1500 : Math.min(1500, 500 + tasks));
const TINY_DAY_TASKS = 40;
const SMALL_DAY_TASKS = 80;

export function planDay(input: DayInput, options: PlanOptions = {}): DayPlan {
  const t0 = performance.now();
  const ix = indexDay(input);
  const frame = makeFrame(ix);
  const dispatched = [dispatchSchedule(ix, 'fcfs'), dispatchSchedule(ix, 'srpt')];
  const seeds = [...dispatched.map((s) => genesFromSchedule(ix, s)), ...priorityRuleGenes(frame)].map((g) => evaluate(frame, g));
  const budget = options.budgetMs ?? defaultBudgetMs(ix.tasks.length);
  const found = multiStart(frame, bestOf(seeds), options.seed ?? 1, options.iterations ?? Infinity, t0 + budget);
  let best: Schedule = found.sched;
  for (const d of dispatched) if (better(d, best)) best = d;
  const bound = lowerBoundIndexed(ix, (i) => best.start[i]! >= 0);
  return scheduleToPlan(ix, best, 'planner', bound, performance.now() - t0);
}

/**
 * Late acceptance runs one after another: the first from the best seed, each later one from the best
 * so far after a random kick (a few blind moves), each stopped when it stalls. One long run gets stuck
 * in one valley; restarts cost little now that a move is cheap.
 */
function multiStart(frame: Frame, first: Solution, seed: number, iterations: number, deadline: number): Solution {
  let best = first;
  const rand = rng(seed * 7919 + 17);
  const stall = Math.max(2000, 20 * frame.ix.tasks.length);
  let used = 0;
  for (let run = 0; used < iterations && performance.now() < deadline; run++) {
    const start = run === 0 ? best : kick(frame, best, rand);
    const found = search(frame, [start], { seed: seed + run * 104_729, iterations: iterations - used, deadline, stall, ruin: ruinOptions(frame) });
    used += found.iterations + 1;
    if (found.cost < best.cost) best = found;
  }
  return best;
}

/**
 * Ruin and recreate on small days only, trying every insertion position (a trial costs microseconds
 * there); it gets about three quarters of the time (pace 0.3), which tried best on the tiny days. On
 * the medium and large days a trial re-decodes hundreds of tasks, and with any share of the budget
 * (sampled positions, paced down) it left those days worse than the small moves alone.
 */
const ruinOptions = (frame: Frame): RuinOptions | undefined =>
  frame.ix.tasks.length <= SMALL_DAY_TASKS ? { maxHouseholds: 2, positions: Infinity, pace: 0.3 } : undefined;

/**
 * A restart point: the best solution's genes after a few blind moves, about one per eight tasks, from 3
 * to 10. Ten moves on a 30-task day scramble most of the plan and the restart starts over; four keep it
 * near the best (tiny-3 at 1.5 s: mean 1.6 % above the optimum over 15 seeds with ten, 1.2 % over 20
 * with four).
 */
const kickMoves = (tasks: number) => Math.min(10, Math.max(3, Math.round(tasks / 8)));

function kick(frame: Frame, sol: Solution, rand: () => number): Solution {
  const neighbour = neighbourhood(frame, rand);
  let genes: Genes = sol.genes;
  for (let k = kickMoves(frame.ix.tasks.length); k > 0; k--) genes = neighbour(genes, sol.sched)?.genes ?? genes;
  return evaluate(frame, genes);
}
