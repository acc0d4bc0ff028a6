// The stored references beside each bench day: bench/instances/<case>.reference.json holds the plans and
// bounds that slow offline methods found (CP-SAT, the branch and bound, long planner runs), so that the
// bench and CI need none of those solvers. The bench re-checks every stored plan with validatePlan and
// recomputes its objective from the assignments; a stored bound is the solver's proof, stored with the
// settings that produced it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { objectiveOf } from '../../server/src/engines/dayplan/index.ts';
import type { Assignment, DayInput, DayPlan, Unplanned } from '../../server/src/engines/dayplan/types.ts';

export interface StoredReference {
  /** What produced it: 'cp-sat', 'branch_and_bound', … */
  method: string;
  /** Solver, version and settings, for the reader who wants to rerun it. */
  settings: string;
  /** 'optimal': the solver proved no plan is better; 'feasible': the best it found in its limit. */
  status: 'optimal' | 'feasible';
  /**
   * A proven lower bound on total minutes in the building over plans that leave as few tasks unplanned
   * as this plan does (null when the solver did not prove that count minimal).
   */
  boundMinutes: number | null;
  /** The solver's run time, wall clock, on the machine in `machine`. */
  runSeconds: number;
  machine: string;
  date: string;
  /** The commit of the code that ran it. */
  commit: string;
  assignments: Assignment[];
  unplanned: Unplanned[];
}

export interface ReferenceFile {
  case: string;
  references: StoredReference[];
}

export const referencePath = (dir: string, c: string) => `${dir}/${c}.reference.json`;

export function readReferences(dir: string, c: string): StoredReference[] {
  const path = referencePath(dir, c);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ReferenceFile).references : [];
}

/**
 * Adds one reference run. Against an older one of the same method it keeps the better plan, and the
 * higher bound when both are about the same number of unplanned tasks (bounds from different runs of
 * one instance are all valid).
 */
export function storeReference(dir: string, c: string, input: DayInput, ref: StoredReference): StoredReference {
  const old = readReferences(dir, c);
  const same = old.find((r) => r.method === ref.method);
  let kept = ref;
  if (same) {
    const better = rank(input, same) < rank(input, ref) ? same : ref;
    const bounds = [same, ref].filter((r) => r.unplanned.length === better.unplanned.length && r.boundMinutes !== null).map((r) => r.boundMinutes!);
    const boundMinutes = bounds.length > 0 ? Math.max(...bounds) : null;
    const value = objectiveOf(input, better.assignments).totalMinutesInBuilding;
    kept = { ...better, boundMinutes, status: boundMinutes !== null && boundMinutes >= value ? 'optimal' : better.status };
    if (boundMinutes !== better.boundMinutes) kept.settings += `; bound ${boundMinutes} from the run of ${(better === ref ? same : ref).date}`;
  }
  const references = [...old.filter((r) => r !== same), kept];
  writeFileSync(referencePath(dir, c), formatReferences(c, references));
  return kept;
}

/** Pretty, with one assignment per line: readable diffs. */
function formatReferences(c: string, references: StoredReference[]): string {
  const list = (xs: unknown[]) => (xs.length === 0 ? '[]' : `[\n${xs.map((x) => `        ${JSON.stringify(x)}`).join(',\n')}\n      ]`);
  const one = (r: StoredReference) => {
    const { assignments, unplanned, ...rest } = r;
    const head = Object.entries(rest).map(([k, v]) => `      ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
    return `    {\n${[...head, `      "assignments": ${list(assignments)}`, `      "unplanned": ${list(unplanned)}`].join(',\n')}\n    }`;
  };
  return `{\n  "case": ${JSON.stringify(c)},\n  "references": [\n${references.map(one).join(',\n')}\n  ]\n}\n`;
}

/** A comparable rank: fewer unplanned tasks first, then total minutes (from the assignments). */
export function rank(input: DayInput, r: Pick<StoredReference, 'assignments' | 'unplanned'>): number {
  return r.unplanned.length * 1e9 + objectiveOf(input, r.assignments).totalMinutesInBuilding;
}

/** A stored reference as a DayPlan, its objective recomputed from its assignments. */
export function referencePlan(input: DayInput, r: StoredReference): DayPlan {
  const objective = objectiveOf(input, r.assignments);
  return {
    assignments: r.assignments,
    unplanned: r.unplanned,
    objective,
    lowerBound: r.boundMinutes ?? 0,
    gap: 0,
    method: r.method,
    runMs: r.runSeconds * 1000,
  };
}
