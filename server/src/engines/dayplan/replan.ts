// Live re-planning. Started and finished tasks stay exactly as given; everything else starts at `now`
// or later. Stability comes from three places: the decoder keeps each task's previous officer and
// interpreter when they are free at the chosen time; the first seed is the previous plan's order with
// each task held to its previous start ("not before"), so an undisturbed itinerary comes back
// unchanged; and the short search pays a small penalty per task whose start moved, so it only moves
// people for a real gain.
import { NEVER } from './calendar.ts';
import { emptyGenes, makeFrame, type FixedPlacement, type Schedule } from './frame.ts';
import { indexDay } from './instance.ts';
import { scheduleToPlan } from './objective.ts';
import { lowerBoundIndexed } from './bound.ts';
import { evaluate, search } from './search.ts';
import type { WorkMeter } from './decoder.ts';
import type { DayPlan, ReplanInput, UnplannedReason } from './types.ts';

export interface ReplanOptions {
  /** The search's budget in work units (as PlanOptions.work); default defaultReplanWork(tasks). */
  work?: number;
  /** Wall-clock safety cap; default 60 ms, which keeps a re-plan under 100 ms even when the cap is hit. */
  budgetMs?: number;
  seed?: number;
  iterations?: number;
  /** Minutes of building time one moved start is worth to the search (default 1). */
  movePenalty?: number;
}

/** A short search: about 30 ms on the medium day (301 tasks) on an idle machine. */
/** The re-plan's bound takes fewer weight rounds (bound.ts): it must answer within 100 ms. */
const REPLAN_BOUND_ROUNDS = 4;

export const defaultReplanWork = (tasks: number) => Math.max(10_000, 100 * tasks);

export function replan(r: ReplanInput, options: ReplanOptions = {}): DayPlan {
  const t0 = performance.now();
  const { input } = r;
  const ix = indexDay(input);
  const n = ix.tasks.length;
  const officerIndex = new Map(input.officers.map((o, k) => [o.id, k]));
  const interpreterIndex = new Map(input.interpreters.map((x, k) => [x.id, k]));
  const absent = new Set(r.absentHouseholdIds);

  const fixed = new Array<FixedPlacement | null>(n).fill(null);
  for (const a of r.fixed) {
    const i = ix.taskIndex.get(a.taskId);
    const o = officerIndex.get(a.officerId);
    if (i === undefined || o === undefined) continue;
    fixed[i] = { start: a.start, end: a.end, officer: o, interpreter: a.interpreterId === null ? -1 : (interpreterIndex.get(a.interpreterId) ?? -1) };
  }
  const excluded = ix.tasks.map((t, i): UnplannedReason | null => (!fixed[i] && absent.has(t.householdId) ? 'household_absent' : null));

  const prevStart = new Array<number>(n).fill(-1);
  const preferOfficer = new Array<number>(n).fill(-1);
  const preferInterpreter = new Array<number>(n).fill(-1);
  for (const a of r.previous.assignments) {
    const i = ix.taskIndex.get(a.taskId);
    if (i === undefined) continue;
    prevStart[i] = a.start;
    preferOfficer[i] = officerIndex.get(a.officerId) ?? -1;
    preferInterpreter[i] = a.interpreterId === null ? -1 : (interpreterIndex.get(a.interpreterId) ?? -1);
  }
  const frame = makeFrame(ix, { floor: r.now, fixed, excluded, preferOfficer, preferInterpreter });

  // The previous order: tasks by previous start, new ones (follow-ups) after them in topological order.
  const rank = new Array<number>(n);
  ix.topo.forEach((t, k) => (rank[t] = k));
  const order = [...ix.topo].sort((a, b) => (prevStart[a]! < 0 ? NEVER : prevStart[a]!) - (prevStart[b]! < 0 ? NEVER : prevStart[b]!) || rank[a]! - rank[b]!);
  const held = emptyGenes(n, order);
  for (let i = 0; i < n; i++) if (prevStart[i]! >= 0) held.notBefore[i] = prevStart[i]!;
  const free = emptyGenes(n, order.slice());

  const weight = options.movePenalty ?? 1;
  const penalty = (s: Schedule) => {
    let moved = 0;
    for (let i = 0; i < n; i++) if (!fixed[i] && prevStart[i]! >= 0 && s.start[i] !== prevStart[i]) moved++;
    return moved * weight;
  };
  const meter: WorkMeter = { work: 0 };
  const seeds = [evaluate(frame, held, penalty, meter), evaluate(frame, free, penalty, meter)];
  const best = search(frame, seeds, {
    seed: options.seed ?? 1,
    iterations: options.iterations ?? Infinity,
    meter,
    workLimit: options.work ?? defaultReplanWork(n),
    deadline: t0 + (options.budgetMs ?? 60),
    penalty,
  });
  const bound = lowerBoundIndexed(ix, (i) => best.sched.start[i]! >= 0, REPLAN_BOUND_ROUNDS);
  return { ...scheduleToPlan(ix, best.sched, 'replan', bound, performance.now() - t0), search: { work: meter.work, capHit: best.capHit } };
}
