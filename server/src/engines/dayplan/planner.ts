// planDay: the optimiser. Seeds from both dispatch rules and a few priority rules, improves the best
// with the time-boxed local search (search.ts), and returns the best schedule seen, so the result is
// never worse than either dispatch rule.
import { dispatchSchedule } from './dispatch.ts';
import { better, makeFrame, type Schedule } from './frame.ts';
import { indexDay } from './instance.ts';
import { scheduleToPlan } from './objective.ts';
import { lowerBoundIndexed } from './bound.ts';
import { bestOf, evaluate, ils, type Solution } from './search.ts';
import { neighbourhood } from './moves.ts';
import { rng } from './random.ts';
import type { RuinOptions } from './ruin.ts';
import type { Frame, Genes } from './frame.ts';
import type { WorkMeter } from './decoder.ts';
import { leftShift } from './leftshift.ts';
import { genesFromSchedule, priorityRuleGenes } from './seeds.ts';
import type { DayInput, DayPlan } from './types.ts';

export interface PlanOptions {
  /** Seed of the search's random moves (default 1). */
  seed?: number;
  /**
   * The search's budget in work units (task placements decoded, decoder.ts WorkMeter); default
   * defaultWork(tasks). The same input, seed and work give the same plan on any machine under any load.
   */
  work?: number;
  /**
   * Wall-clock safety cap in milliseconds (default defaultCapMs(tasks)). It only stops a search that the
   * machine is too busy to finish in time; when it does, the plan says so (search.capHit) and depends
   * on the machine.
   */
  budgetMs?: number;
  /** Cap on search iterations (deterministic too; tests use it to keep runs short). */
  iterations?: number;
}

/**
 * The morning budget, in work units: BASE_WORK plus WORK_PER_TASK per task up to MAX_BUDGET_TASKS
 * tasks, the same beyond. It never shrinks as days grow (and a unit takes longer on a longer day, as a
 * placement searches longer calendars). docs/dayplan.md, "Budget", gives the time it takes.
 */
export const defaultWork = (tasks: number) => BASE_WORK + WORK_PER_TASK * Math.min(tasks, MAX_BUDGET_TASKS);
const BASE_WORK = 3_000_000;
const WORK_PER_TASK = 150_000;
const MAX_BUDGET_TASKS = 100;
/** The safety cap: far above what the work budget takes on an idle machine (docs/dayplan.md, "Budget"). */
export const defaultCapMs = (tasks: number) => Math.max(30_000, 60 * tasks);

export function planDay(input: DayInput, options: PlanOptions = {}): DayPlan {
  const t0 = performance.now();
  const ix = indexDay(input);
  const frame = makeFrame(ix);
  const meter: WorkMeter = { work: 0 };
  const dispatched = [dispatchSchedule(ix, 'fcfs'), dispatchSchedule(ix, 'srpt')];
  const seeds = [...dispatched.map((s) => genesFromSchedule(ix, s)), ...dispatched.map((s) => unpinned(genesFromSchedule(ix, s))), ...priorityRuleGenes(frame)].map((g) => evaluate(frame, g, undefined, meter));
  const workLimit = options.work ?? defaultWork(ix.tasks.length);
  const deadline = t0 + (options.budgetMs ?? defaultCapMs(ix.tasks.length));
  const found = multiStart(frame, bestOf(seeds), { seed: options.seed ?? 1, iterations: options.iterations ?? Infinity, meter, workLimit, deadline });
  let best: Schedule = leftShift(frame, found.sched, meter);
  for (const d of dispatched) if (better(d, best)) best = d;
  const bound = lowerBoundIndexed(ix, (i) => best.start[i]! >= 0);
  const plan = scheduleToPlan(ix, best, 'planner', bound, performance.now() - t0);
  return { ...plan, search: { work: meter.work, capHit: found.capHit } };
}

const unpinned = (g: Genes): Genes => ({ ...g, officer: g.officer.map(() => -1), interpreter: g.interpreter.map(() => -1) });

interface RunBudget {
  seed: number;
  iterations: number;
  meter: WorkMeter;
  workLimit: number;
  deadline: number;
}

/**
 * Late acceptance runs one after another: the first from the best seed, each later one from the best
 * so far after a random kick (a few blind moves), each stopped when it stalls. One long run gets stuck
 * in one valley; restarts cost little now that a move is cheap.
 */
function multiStart(frame: Frame, first: Solution, b: RunBudget): Solution & { capHit: boolean } {
  let best = first;
  const rand = rng(b.seed * 7919 + 17);
  // A run ends after this many kicks without a new best of its own; the next starts from the best so far.
  const stall = Math.max(100, 2 * frame.ix.tasks.length);
  let used = 0;
  let capHit = false;
  for (let run = 0; used < b.iterations && b.meter.work < b.workLimit && !capHit; run++) {
    const start = run === 0 ? best : kick(frame, best, rand, b.meter);
    const found = ils(frame, [start], { seed: b.seed + run * 104_729, iterations: b.iterations - used, meter: b.meter, workLimit: b.workLimit, deadline: b.deadline, ruin: ruinOptions(frame.ix.tasks.length), descent: Math.max(DESCENT, frame.ix.tasks.length), ruinShare: RUIN_SHARE, stall });
    used += found.iterations + 1;
    capHit = found.capHit;
    if (found.cost < best.cost) best = found;
  }
  return { ...best, capHit };
}

/**
 * Iterated local search (search.ts ils): each kick is a ruin and recreate with this probability, else a
 * structural move; then small moves until DESCENT in a row (at least one per task) found nothing better.
 * Ruin and recreate runs at every size, trying every insertion position, one or two households at a time.
 */
const ruinOptions = (tasks: number): RuinOptions => ({ maxHouseholds: 2, positions: tasks <= FULL_RUIN_TASKS ? Infinity : SAMPLED_POSITIONS, pace: 0 });
/** Beyond this many tasks a ruin tries a sample of insertion positions (every one would cost millions of units). */
const FULL_RUIN_TASKS = 150;
const SAMPLED_POSITIONS = 24;
const RUIN_SHARE = 0.6;
const DESCENT = 100;

/**
 * A restart point: the best solution's genes after a few blind moves, about one per eight tasks, from 3
 * to 10. Ten moves on a 30-task day scramble most of the plan and the restart starts over; four keep it
 * near the best (tiny-3 at 1.5 s: mean 1.6 % above the optimum over 15 seeds with ten, 1.2 % over 20
 * with four).
 */
const kickMoves = (tasks: number) => Math.min(10, Math.max(3, Math.round(tasks / 8)));

function kick(frame: Frame, sol: Solution, rand: () => number, meter: WorkMeter): Solution {
  const neighbour = neighbourhood(frame, rand);
  let genes: Genes = sol.genes;
  for (let k = kickMoves(frame.ix.tasks.length); k > 0; k--) genes = neighbour(genes, sol.sched)?.genes ?? genes;
  return evaluate(frame, genes, undefined, meter);
}
