// The `dayplan` bench (issue 5, point 7): on every day in bench/instances, the two dispatch rules, the
// planner, the exact references (branch and bound on the tiny days, HiGHS where it can finish), the
// bounds and the best known value; then
// the replan-medium event day. Every plan is checked by validatePlan; a violation stops the bench.
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { percentile, type BenchReport, type BenchRow } from '../harness.ts';
import { dispatch, lowerBound, planDay, validatePlan } from '../../server/src/engines/dayplan/index.ts';
import type { DayInput, DayPlan } from '../../server/src/engines/dayplan/types.ts';
import { solveBranchBound, type BranchBoundResult } from './exact-bb.ts';
import { solveExact, type ExactResult } from './exact.ts';
import { runReplanDay } from './replan-events.ts';

const DIR = 'bench/instances';
/** HiGHS time limit per case, in seconds (the whole bench stays near five minutes on two cores). */
const EXACT_LIMIT_SEC: Record<string, number> = { tiny: 25, small: 20, medium: 60 };
const LONG_PLANNER_MS = 60_000;
/** Branch and bound (exact-bb.ts) on the tiny days, per day. */
const BRANCH_BOUND_LIMIT_MS = 150_000;
const REPLAN_TIMES = Array.from({ length: 16 }, (_, i) => 540 + 20 * i); // 09:00 … 14:00

const ORDER = ['tiny', 'small', 'medium', 'large'];
const caseNames = () => readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5))
  .sort((a, b) => ORDER.indexOf(a.split('-')[0]!) - ORDER.indexOf(b.split('-')[0]!) || a.localeCompare(b, 'en', { numeric: true }));
const kindOf = (c: string) => c.split('-')[0]!;
/** Lexicographic: fewer unplanned tasks, then total time in the building, then the makespan. */
const better = (a: DayPlan, b: DayPlan) => a.unplanned.length - b.unplanned.length
  || a.objective.totalMinutesInBuilding - b.objective.totalMinutesInBuilding || a.objective.makespan - b.objective.makespan;
const pct = (value: number, ref: number) => (ref > 0 ? (100 * (value - ref)) / ref : 0);
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function checked(input: DayInput, c: string, plan: DayPlan): DayPlan {
  const violations = validatePlan(input, plan);
  if (violations.length > 0) throw new Error(`${c} ${plan.method}: ${violations.length} violations, e.g. ${JSON.stringify(violations[0])}`);
  return plan;
}

function planRows(rows: BenchRow[], c: string, method: string, plan: DayPlan, runMs = plan.runMs) {
  rows.push({ case: c, method, metric: 'total_minutes_in_building', value: plan.objective.totalMinutesInBuilding, unit: 'min' });
  rows.push({ case: c, method, metric: 'makespan_minutes', value: plan.objective.makespan, unit: 'min' });
  rows.push({ case: c, method, metric: 'run_ms', value: runMs, unit: 'ms' });
  if (plan.unplanned.length > 0) rows.push({ case: c, method, metric: 'unplanned_tasks', value: plan.unplanned.length, unit: 'tasks' });
}

interface CaseResult { c: string; fcfs: DayPlan; srpt: DayPlan; planner: DayPlan; best: DayPlan; bestFrom: string; bound: number; proven: boolean; exactMs?: number }

async function runCase(c: string, rows: BenchRow[], notes: string[]): Promise<CaseResult> {
  const input = JSON.parse(readFileSync(`${DIR}/${c}.json`, 'utf8')) as DayInput;
  const candidates: Array<[string, DayPlan]> = [];
  for (const rule of ['fcfs', 'srpt'] as const) candidates.push([rule, checked(input, c, dispatch(input, rule))]);
  const planner = checked(input, c, planDay(input, { seed: 1 }));
  candidates.push(['planner', planner]);
  for (const [m, p] of candidates) planRows(rows, c, m, p);
  for (const [m, p] of candidates) {
    if (p.unplanned.length > 0) notes.push(`${c}: ${m} left ${p.unplanned.length} task(s) unplanned (${p.unplanned.map((u) => `${u.taskId} ${u.reason}`).join(', ')}); its total counts fewer tasks and ranks below any complete plan`);
  }

  if (kindOf(c) === 'medium') {
    const long = checked(input, c, planDay(input, { seed: 1, budgetMs: LONG_PLANNER_MS }));
    planRows(rows, c, 'planner_60s', long);
    candidates.push(['planner_60s', long]);
  }

  const t0 = performance.now();
  const engineBound = lowerBound(input);
  rows.push({ case: c, method: 'lower_bound', metric: 'engine_bound_minutes', value: engineBound, unit: 'min' });
  rows.push({ case: c, method: 'lower_bound', metric: 'run_ms', value: performance.now() - t0, unit: 'ms' });

  // Tiny days: the branch and bound proves the optimum (or finds a better plan and proves that).
  let bb: BranchBoundResult | null = null;
  if (kindOf(c) === 'tiny') {
    const incumbent = candidates.map(([, p]) => p).sort(better)[0]!;
    bb = solveBranchBound(input, { incumbentMinutes: incumbent.unplanned.length === 0 ? incumbent.objective.totalMinutesInBuilding : undefined, timeLimitMs: BRANCH_BOUND_LIMIT_MS });
    if (bb.plan) checked(input, c, bb.plan);
    if (bb.status === 'optimal') {
      // The optimal plan: the search's own, or the incumbent it proved nothing beats.
      const optimal = bb.plan ?? incumbent;
      planRows(rows, c, 'exact', optimal, bb.runMs);
      rows.push({ case: c, method: 'exact', metric: 'nodes', value: bb.nodes, unit: 'n' });
      if (bb.plan) candidates.push(['exact (branch and bound)', bb.plan]);
    }
    notes.push(`${c}: branch and bound ${bb.status === 'optimal' ? `proved the optimum ${bb.optimumMinutes} min` : `stopped at ${BRANCH_BOUND_LIMIT_MS / 1000} s (${bb.status})`}${bb.plan ? ', with a better plan than the others' : ''} in ${(bb.runMs / 1000).toFixed(1)} s, ${bb.nodes} nodes`);
  }
  const bbOptimum = bb?.status === 'optimal' ? bb.optimumMinutes! : 0;

  let exact: ExactResult | null = null;
  const limit = EXACT_LIMIT_SEC[kindOf(c)];
  if (limit === undefined) notes.push(`${c}: exact not attempted (the time-indexed MIP is far too large for HiGHS in ${Math.max(...Object.values(EXACT_LIMIT_SEC))} s)`);
  else {
    const start = candidates.map(([, p]) => p).sort(better)[0]!;
    exact = await solveExact(input, { timeLimitSec: limit, incumbent: start });
    if (exact.plan) checked(input, c, exact.plan);
    rows.push({ case: c, method: 'lower_bound', metric: 'mip_bound_minutes', value: exact.boundMinutes, unit: 'min' });
    // On tiny days `exact` is the branch and bound's; HiGHS's proof there is a cross-check.
    const highsMethod = bb ? 'exact_highs' : 'exact';
    if (exact.status === 'optimal') planRows(rows, c, highsMethod, exact.plan!, exact.runMs);
    if (exact.status === 'optimal' && bb?.status === 'optimal' && exact.plan!.objective.totalMinutesInBuilding !== bb.optimumMinutes) {
      throw new Error(`${c}: HiGHS proves ${exact.plan!.objective.totalMinutesInBuilding}, branch and bound ${bb.optimumMinutes}`);
    }
    else notes.push(`${c}: exact did not finish in ${limit} s (status ${exact.status}; grid ${exact.grid} min, ${exact.columns} columns, ${exact.rows} rows): no exact row; bound ${exact.boundMinutes}, best incumbent ${exact.plan?.objective.totalMinutesInBuilding ?? 'none'} (MIP start: best plan above)`);
    if (exact.plan && exact.status !== 'optimal') {
      planRows(rows, c, 'exact_incumbent', exact.plan, exact.runMs);
      candidates.push([`exact_incumbent (HiGHS ${limit} s)`, exact.plan]);
    }
    if (exact.status === 'optimal') candidates.push([highsMethod, exact.plan!]);
  }
  const bound = Math.max(engineBound, exact?.boundMinutes ?? 0, bbOptimum);
  rows.push({ case: c, method: 'lower_bound', metric: 'total_minutes_in_building', value: bound, unit: 'min' });

  const [bestFrom, best] = [...candidates].sort(([, a], [, b]) => better(a, b))[0]!;
  rows.push({ case: c, method: 'best_known', metric: 'total_minutes_in_building', value: best.objective.totalMinutesInBuilding, unit: 'min' });
  rows.push({ case: c, method: 'best_known', metric: 'makespan_minutes', value: best.objective.makespan, unit: 'min' });
  const bestValue = best.objective.totalMinutesInBuilding;
  for (const [m, p] of candidates.filter(([m]) => ['fcfs', 'srpt', 'planner'].includes(m))) {
    rows.push({ case: c, method: m, metric: 'gap_to_best_pct', value: pct(p.objective.totalMinutesInBuilding, bestValue), unit: '%' });
    rows.push({ case: c, method: m, metric: 'gap_to_bound_pct', value: pct(p.objective.totalMinutesInBuilding, bound), unit: '%' });
  }
  const boundFrom = bbOptimum >= bound ? 'proven optimum (branch and bound)' : exact && exact.boundMinutes > engineBound ? 'HiGHS MIP bound' : 'engine bound';
  notes.push(`${c}: best known ${bestValue} min from ${bestFrom}; lower bound ${bound} (${boundFrom}; engine ${engineBound}${exact ? `, MIP ${exact.boundMinutes}` : ''})`);
  const proven = exact?.status === 'optimal' || bb?.status === 'optimal';
  return { c, fcfs: candidates[0]![1], srpt: candidates[1]![1], planner, best, bestFrom, bound, proven, exactMs: exact?.runMs };
}

function replanCase(rows: BenchRow[], notes: string[]) {
  const input = JSON.parse(readFileSync(`${DIR}/medium.json`, 'utf8')) as DayInput;
  const run = runReplanDay(input, planDay(input, { seed: 1 }), REPLAN_TIMES);
  const ms = run.events.map((e) => e.runMs).sort((a, b) => a - b);
  const meanChanged = run.events.reduce((s, e) => s + e.changed, 0) / Math.max(1, run.events.length);
  rows.push({ case: 'replan-medium', method: 'planner', metric: 'run_ms', value: percentile(ms, 95), unit: 'ms' });
  rows.push({ case: 'replan-medium', method: 'planner', metric: 'max_ms', value: ms[ms.length - 1] ?? NaN, unit: 'ms' });
  rows.push({ case: 'replan-medium', method: 'planner', metric: 'changed_starts_per_event', value: meanChanged, unit: 'tasks' });
  rows.push({ case: 'replan-medium', method: 'planner', metric: 'events', value: run.events.length, unit: 'n' });
  notes.push(`replan-medium: run_ms is the p95 over ${run.events.length} events; changed_starts = open tasks whose start or officer moved`);
  for (const e of run.events) notes.push(`  ${e.what}: ${e.runMs.toFixed(1)} ms, ${e.changed} of ${e.open} open tasks moved`);
  return percentile(ms, 95);
}

export async function run(): Promise<BenchReport> {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const results: CaseResult[] = [];
  for (const c of caseNames()) {
    const r = await runCase(c, rows, notes);
    console.log(`dayplan: ${c}: planner ${r.planner.objective.totalMinutesInBuilding}, best ${r.best.objective.totalMinutesInBuilding} (${r.bestFrom}), bound ${r.bound}`);
    results.push(r);
  }
  const replanP95 = replanCase(rows, notes);

  const tiny = results.filter((r) => kindOf(r.c) === 'tiny');
  const within = (p: DayPlan, ref: number, limit: number) => pct(p.objective.totalMinutesInBuilding, ref) <= limit;
  const provenTiny = tiny.filter((r) => r.proven);
  const medium = results.find((r) => r.c === 'medium');
  const large = results.find((r) => r.c === 'large');
  const goals: Array<[string, boolean, string]> = [
    ['tiny days within 1% of the proven optimum', provenTiny.length === tiny.length && tiny.every((r) => within(r.planner, r.best.objective.totalMinutesInBuilding, 1)),
      tiny.map((r) => `${r.c} ${pct(r.planner.objective.totalMinutesInBuilding, r.best.objective.totalMinutesInBuilding).toFixed(1)}%${r.proven ? '' : ' (optimum not proven)'}`).join(', ')],
    ['planner ≤ fcfs and ≤ srpt on every day', results.every((r) => better(r.planner, r.fcfs) <= 0 && better(r.planner, r.srpt) <= 0),
      results.filter((r) => better(r.planner, r.fcfs) > 0 || better(r.planner, r.srpt) > 0).map((r) => r.c).join(', ') || 'all days'],
    ['medium within 3% of best known (60 s)', !!medium && within(medium.planner, medium.best.objective.totalMinutesInBuilding, 3),
      medium ? `${pct(medium.planner.objective.totalMinutesInBuilding, medium.best.objective.totalMinutesInBuilding).toFixed(1)}% (best from ${medium.bestFrom})` : 'no medium day'],
    ['large planned under 2 s', !!large && large.planner.runMs < 2000, large ? `${Math.round(large.planner.runMs)} ms` : 'no large day'],
    ['replan-medium p95 under 100 ms', replanP95 < 100, `${replanP95.toFixed(1)} ms`],
  ];
  console.log('\ndayplan: goals');
  for (const [goal, met, detail] of goals) console.log(`  ${met ? 'met    ' : 'NOT met'}  ${goal}: ${detail}`);
  console.log('\ndayplan: total minutes in building (makespan)');
  for (const r of results) {
    const f = (p: DayPlan) => `${p.objective.totalMinutesInBuilding} (${hhmm(p.objective.makespan)})`;
    console.log(`  ${r.c.padEnd(7)} fcfs ${f(r.fcfs)}  srpt ${f(r.srpt)}  planner ${f(r.planner)}  best ${f(r.best)} [${r.bestFrom}]  bound ${r.bound}`);
  }
  return { rows, notes };
}
