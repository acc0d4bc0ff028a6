// The strong reference for the dayplan bench: the day as a CP-SAT model (OR-Tools), run OFFLINE, one
// day at a time; its best plan and proven bound are stored beside the instance
// (bench/instances/<case>.reference.json) and the bench reads them, so neither the project nor CI
// depends on the solver. OR-Tools comes from the npm package or-tools-wasm (318 MB), installed outside
// the repository:
//
//   mkdir -p /work/tools/cpsat && cd /work/tools/cpsat && npm init -y && npm i or-tools-wasm@0.9.1
//   ORTOOLS_WASM_DIR=/work/tools/cpsat node --import tsx bench/dayplan/reference-cpsat.ts \
//     [--seconds 120] [--workers 2] [--seed 1] [case ...]
//
// The model (exact, no time grid):
// - per task a start in [its earliest start from arrival and predecessors, closing minus the work that
//   must follow it], its length fixed; optional when the day cannot place every task (then a task's
//   successors are absent with it);
// - officers of one station with the same hours and breaks form a group: the task picks one group, and
//   a cumulative of the group's size (a no-overlap for one) holds the tasks plus the group's breaks and
//   the time outside its shift. With equal availability "never more tasks than members" lets each task
//   have its own member (interval graphs), given back by start. Interpreters likewise per language;
// - each person's tasks do not overlap; precedence; a person's finish ≥ every task's end and ≥ arrival;
// - objective: 10⁶ × unplanned tasks + Σ (finish − arrival), lexicographic like the planner's.
// The planner's plan (and any stored reference) is the solution hint, so the result is never worse
// than the hint; the stored plan is re-checked by validatePlan at every bench run.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { planDay, validatePlan } from '../../server/src/engines/dayplan/index.ts';
import type { Assignment, DayInput, DayPlan, Interval, Unplanned } from '../../server/src/engines/dayplan/types.ts';
import { rank, readReferences, referencePlan, storeReference } from './reference-store.ts';

// The few parts of or-tools-wasm's CP-SAT API used here (it is not a dependency, so no types from it).
type Lin = number | Var | Expr;
interface Expr { plus(v: Lin, coeff?: number): Expr; ge(v: Lin): Bounded; eq(v: Lin): Bounded }
interface Var extends Expr { not(): Var }
type Bounded = object;
interface Interv { readonly index: number }
interface Constraint { onlyEnforceIf(lit: Var | Var[]): Constraint }
interface CpModel {
  newIntVar(lb: number, ub: number, name?: string): Var;
  newBoolVar(name?: string): Var;
  newConstant(v: number): Var;
  newFixedSizeIntervalVar(start: Lin, size: number, name?: string): Interv;
  newOptionalFixedSizeIntervalVar(start: Lin, size: number, present: Var | boolean, name?: string): Interv;
  add(b: Bounded): Constraint;
  addNoOverlap(xs: Interv[]): Constraint;
  addCumulative(xs: Interv[], demands: number[], capacity: number): Constraint;
  addExactlyOne(xs: Var[]): Constraint;
  addImplication(a: Var, b: Var): Constraint;
  addHint(v: Var, value: number | boolean): void;
  minimize(e: Lin): void;
}
interface CpSolver { solve(m: CpModel, params: object): Promise<unknown>; statusName(s: unknown): string; value(v: Lin): number; booleanValue(v: Var): boolean; objectiveValue(): number; bestObjectiveBound(): number }
interface CpSat { CpModel: new () => CpModel; CpSolver: new () => CpSolver; LinearExpr: { sum(xs: Lin[]): Lin; weightedSum(xs: Lin[], c: number[]): Lin } }

const DIR = 'bench/instances';
const UNPLANNED_WEIGHT = 1_000_000;

interface Group { station: string; memberIds: string[]; windows: Interval[] }

/** Staff of one kind grouped by (station or language, identical working windows). */
function groupsOf<T extends { id: string; shift: Interval; breaks: Interval[] }>(items: T[], key: (t: T) => string): Group[] {
  const out = new Map<string, Group>();
  for (const x of items) {
    const windows = workingWindows(x.shift, x.breaks);
    const k = `${key(x)}|${JSON.stringify(windows)}`;
    const g = out.get(k);
    if (g) g.memberIds.push(x.id);
    else out.set(k, { station: key(x), memberIds: [x.id], windows });
  }
  return [...out.values()];
}

function workingWindows(shift: Interval, breaks: Interval[]): Interval[] {
  const out: Interval[] = [];
  let from = shift.start;
  for (const b of [...breaks].sort((a, c) => a.start - c.start)) {
    if (b.start > from) out.push({ start: from, end: Math.min(b.start, shift.end) });
    from = Math.max(from, b.end);
  }
  if (from < shift.end) out.push({ start: from, end: shift.end });
  return out.filter((w) => w.end > w.start);
}

export interface CpSatResult {
  status: string;
  plan: DayPlan | null;
  /** Proven bound on the total for plans with the plan's unplanned count (null: that count not proven minimal). */
  boundMinutes: number | null;
  seconds: number;
}

export async function solveCpSat(sat: CpSat, input: DayInput, hint: DayPlan | null, opts: { seconds: number; workers: number; seed: number }): Promise<CpSatResult> {
  const t0 = performance.now();
  const tasks = input.tasks;
  const index = new Map(tasks.map((t, i) => [t.id, i]));
  const arrival = new Map(input.households.map((h) => [h.id, h.arrival]));
  const officerGroups = groupsOf(input.officers, (o) => o.station);
  const interpreterGroups = groupsOf(input.interpreters, (x) => x.language);
  const horizon = Math.max(...[...officerGroups, ...interpreterGroups].flatMap((g) => g.windows.map((w) => w.end)));
  const preds = tasks.map((t) => t.after.map((a) => index.get(a)!));
  const succs: number[][] = tasks.map(() => []);
  preds.forEach((ps, i) => ps.forEach((p) => succs[p]!.push(i)));
  // Earliest start (arrival and predecessor chain) and latest end (closing less the work after it).
  const head: number[] = tasks.map(() => 0);
  const order = topo(preds);
  for (const i of order) head[i] = Math.max(arrival.get(tasks[i]!.householdId)!, ...preds[i]!.map((p) => head[p]! + tasks[p]!.durationMin));
  const tail: number[] = tasks.map(() => 0);
  for (const i of [...order].reverse()) tail[i] = Math.max(0, ...succs[i]!.map((s) => tasks[s]!.durationMin + tail[s]!));
  const optional = !!hint && hint.unplanned.length > 0;

  const m = new sat.CpModel();
  const start = tasks.map((t, i) => m.newIntVar(head[i]!, Math.max(head[i]!, horizon - tail[i]! - t.durationMin), `s${i}`));
  const present = tasks.map((_, i) => (optional ? m.newBoolVar(`p${i}`) : null));
  const main = tasks.map((t, i) => (optional ? m.newOptionalFixedSizeIntervalVar(start[i]!, t.durationMin, present[i]!) : m.newFixedSizeIntervalVar(start[i]!, t.durationMin)));
  tasks.forEach((_, i) => {
    for (const p of preds[i]!) {
      const c = m.add(start[i]!.ge(start[p]!.plus(tasks[p]!.durationMin)));
      if (optional) {
        c.onlyEnforceIf(present[i]!);
        m.addImplication(present[i]!, present[p]!);
      }
    }
  });
  // Resource groups: per task one literal per group it may use.
  const choose = (groups: Group[], key: (i: number) => string | null) => {
    const lits: Array<Map<number, Var>> = tasks.map(() => new Map());
    const onGroup: Array<Interv[]> = groups.map(() => []);
    tasks.forEach((t, i) => {
      const k = key(i);
      if (k === null) return;
      const mine = groups.map((g, gi) => [g, gi] as const).filter(([g]) => g.station === k && g.windows.some((w) => w.end - w.start >= t.durationMin));
      if (mine.length === 0) throw new Error(`task ${t.id}: no group can ever hold it (the planner lists it unplanned; this model needs a day without such tasks)`);
      const ls = mine.map(([, gi]) => {
        const lit = m.newBoolVar(`g${i}_${gi}`);
        lits[i]!.set(gi, lit);
        onGroup[gi]!.push(m.newOptionalFixedSizeIntervalVar(start[i]!, t.durationMin, lit));
        return lit;
      });
      // Exactly one group; when the task is optional, one when present and none when absent.
      if (optional) m.add(linear(sat, ls).eq(present[i]!));
      else m.addExactlyOne(ls);
    });
    groups.forEach((g, gi) => {
      const blocked = gaps(g.windows, horizon).map((b) => m.newFixedSizeIntervalVar(b.start, b.end - b.start));
      const all = [...onGroup[gi]!, ...blocked];
      if (g.memberIds.length === 1) m.addNoOverlap(all);
      else m.addCumulative(all, [...onGroup[gi]!.map(() => 1), ...blocked.map(() => g.memberIds.length)], g.memberIds.length);
    });
    return lits;
  };
  const officerLit = choose(officerGroups, (i) => tasks[i]!.station);
  const interpreterLit = choose(interpreterGroups, (i) => tasks[i]!.interpreterLanguage);
  const personIndex = new Map(input.persons.map((p, k) => [p.id, k]));
  const ofPerson: number[][] = input.persons.map(() => []);
  tasks.forEach((t, i) => t.personIds.forEach((p) => ofPerson[personIndex.get(p)!]!.push(i)));
  const finish = input.persons.map((p, k) => {
    if (ofPerson[k]!.length > 1) m.addNoOverlap(ofPerson[k]!.map((i) => main[i]!));
    const a = arrival.get(p.householdId)!;
    const f = m.newIntVar(a, horizon, `f${k}`);
    for (const i of ofPerson[k]!) {
      const c = m.add(f.ge(start[i]!.plus(tasks[i]!.durationMin)));
      if (optional) c.onlyEnforceIf(present[i]!);
    }
    return f;
  });
  const arrivals = input.persons.reduce((s, p) => s + arrival.get(p.householdId)!, 0);
  const absent = optional ? present.map((p) => p!.not()) : [];
  m.minimize(sat.LinearExpr.weightedSum([...finish, ...absent], [...finish.map(() => 1), ...absent.map(() => UNPLANNED_WEIGHT)]));

  if (hint) {
    const byTask = new Map(hint.assignments.map((a) => [a.taskId, a]));
    const groupOf = (groups: Group[], id: string | null) => groups.findIndex((g) => id !== null && g.memberIds.includes(id));
    tasks.forEach((t, i) => {
      const a = byTask.get(t.id);
      if (optional) m.addHint(present[i]!, !!a);
      if (!a) return;
      m.addHint(start[i]!, a.start);
      for (const [gi, lit] of officerLit[i]!) m.addHint(lit, gi === groupOf(officerGroups, a.officerId));
      for (const [gi, lit] of interpreterLit[i]!) m.addHint(lit, gi === groupOf(interpreterGroups, a.interpreterId));
    });
  }

  const solver = new sat.CpSolver();
  const status = solver.statusName(await solver.solve(m, { maxTimeInSeconds: opts.seconds, numWorkers: opts.workers, randomSeed: opts.seed }));
  const seconds = (performance.now() - t0) / 1000;
  if (status !== 'OPTIMAL' && status !== 'FEASIBLE') return { status, plan: null, boundMinutes: null, seconds };

  // Concrete staff per group, first member free, by start.
  const chosen = tasks.map((t, i) => ({ i, present: !optional || solver.booleanValue(present[i]!), start: solver.value(start[i]!) }));
  const freeAt = new Map<string, number>();
  const take = (g: Group, s: number, e: number) => {
    const id = g.memberIds.find((x) => (freeAt.get(x) ?? -Infinity) <= s);
    if (!id) throw new Error('cp-sat: group over capacity (model bug)');
    freeAt.set(id, e);
    return id;
  };
  const assignments: Assignment[] = [];
  const unplanned: Unplanned[] = [];
  for (const c of chosen.filter((x) => x.present).sort((a, b) => a.start - b.start || a.i - b.i)) {
    const t = tasks[c.i]!;
    const e = c.start + t.durationMin;
    const og = [...officerLit[c.i]!].find(([, lit]) => solver.booleanValue(lit))![0];
    const ig = t.interpreterLanguage === null ? null : [...interpreterLit[c.i]!].find(([, lit]) => solver.booleanValue(lit))![0];
    assignments.push({ taskId: t.id, start: c.start, end: e, officerId: take(officerGroups[og]!, c.start, e), interpreterId: ig === null ? null : take(interpreterGroups[ig]!, c.start, e) });
  }
  for (const c of chosen.filter((x) => !x.present)) {
    const t = tasks[c.i]!;
    unplanned.push({ taskId: t.id, reason: t.after.some((a) => !chosen[index.get(a)!]!.present) ? 'predecessor_unplanned' : 'no_time' });
  }
  const total = solver.objectiveValue() - arrivals - UNPLANNED_WEIGHT * unplanned.length;
  const rawBound = Math.ceil(solver.bestObjectiveBound() - 1e-6) - arrivals;
  // The bound is about the total only when it proves no plan leaves fewer tasks out.
  const provenCount = rawBound > UNPLANNED_WEIGHT * unplanned.length - UNPLANNED_WEIGHT / 2;
  const boundMinutes = provenCount ? Math.max(0, rawBound - UNPLANNED_WEIGHT * unplanned.length) : null;
  const makespan = Math.max(0, ...assignments.map((a) => a.end));
  const plan: DayPlan = { assignments, unplanned, objective: { totalMinutesInBuilding: total, makespan }, lowerBound: boundMinutes ?? 0, gap: 0, method: 'cp-sat', runMs: seconds * 1000 };
  return { status, plan, boundMinutes, seconds };
}

const linear = (sat: CpSat, xs: Var[]) => sat.LinearExpr.weightedSum(xs, xs.map(() => 1)) as Expr;

/** The parts of [0, horizon) outside the windows. */
function gaps(windows: Interval[], horizon: number): Interval[] {
  const out: Interval[] = [];
  let from = 0;
  for (const w of windows) {
    if (w.start > from) out.push({ start: from, end: w.start });
    from = w.end;
  }
  if (from < horizon) out.push({ start: from, end: horizon });
  return out;
}

function topo(preds: number[][]): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  const visit = (i: number) => {
    if (seen.has(i)) return;
    seen.add(i);
    preds[i]!.forEach(visit);
    out.push(i);
  };
  preds.forEach((_, i) => visit(i));
  return out;
}

async function main() {
  const args = process.argv.slice(2);
  const flag = (name: string, dflt: number) => {
    const k = args.indexOf(`--${name}`);
    if (k < 0) return dflt;
    const v = Number(args[k + 1]);
    args.splice(k, 2);
    return v;
  };
  const seconds = flag('seconds', 120);
  const workers = flag('workers', 2);
  const seed = flag('seed', 1);
  const dir = process.env.ORTOOLS_WASM_DIR;
  if (!dir) throw new Error('set ORTOOLS_WASM_DIR to the folder where or-tools-wasm is installed (see the header of this file)');
  const sat = (await import(pathToFileURL(join(dir, 'node_modules/or-tools-wasm/build/javascript/node/cp-sat.js')).href)) as CpSat;
  const commit = execSync('git rev-parse HEAD').toString().trim();
  for (const c of args) {
    const input = JSON.parse(readFileSync(`${DIR}/${c}.json`, 'utf8')) as DayInput;
    // The hint: the best of the planner's plan and the stored references.
    const candidates = [planDay(input, { seed: 1 }), ...readReferences(DIR, c).map((r) => referencePlan(input, r))].filter((p) => validatePlan(input, p).length === 0);
    const hint = candidates.sort((a, b) => rank(input, a) - rank(input, b))[0] ?? null;
    const load = loadavg()[0]!.toFixed(2);
    const r = await solveCpSat(sat, input, hint, { seconds, workers, seed });
    if (!r.plan) {
      console.log(`${c}: cp-sat ${r.status} after ${r.seconds.toFixed(0)} s, no plan`);
      continue;
    }
    const violations = validatePlan(input, r.plan);
    if (violations.length > 0) throw new Error(`${c}: cp-sat plan breaks ${violations.length} rules, e.g. ${JSON.stringify(violations[0])}`);
    const kept = storeReference(DIR, c, input, {
      method: 'cp-sat',
      settings: `or-tools-wasm 0.9.1 CP-SAT, ${seconds} s, ${workers} workers, seed ${seed}, hint: the best of the planner and stored references (${hint?.objective.totalMinutesInBuilding ?? 'none'})`,
      status: r.status === 'OPTIMAL' ? 'optimal' : 'feasible',
      boundMinutes: r.boundMinutes,
      runSeconds: Math.round(r.seconds),
      machine: `${cpus().length} cpus, load average ${load} at start`,
      date: new Date().toISOString(),
      commit,
      assignments: r.plan.assignments,
      unplanned: r.plan.unplanned,
    });
    console.log(`${c}: cp-sat ${r.status} ${r.plan.objective.totalMinutesInBuilding} (${r.plan.unplanned.length} unplanned), bound ${r.boundMinutes}, ${r.seconds.toFixed(0)} s; hint ${hint?.objective.totalMinutesInBuilding}/${hint?.unplanned.length}; stored ${rank(input, kept) % 1e9} bound ${kept.boundMinutes}`);
  }
  process.exit(0);
}

if (process.argv[1]?.endsWith('reference-cpsat.ts')) void main();
