// Pathway templates: validation of what a coordinator edits, and expansion of a template and the day's
// households into the day's tasks (the instance the planners work on). Rules in docs/motesplats.md,
// sections "Pathway template" and "From households to tasks".
import type { HouseholdInput, Household, PathwayTemplate, Person, StepApplies, Task, TemplateProblem, TemplateStep } from './types.ts';

/** A task is at most one working day long: longer is a typing slip, not a meeting. */
export const MAX_STEP_MINUTES = 480;
/** The oldest age the reachability check considers. */
const MAX_AGE = 120;
export const ADULT_AGE = 18;

// ---------------------------------------------------------------------------------------------------
// Applicability

/** What a step's conditions can see of a person's household. */
interface HouseholdFacts {
  hasSchoolAgeChildren: boolean;
  hasChildrenUnder6: boolean;
  assignedHousing: boolean;
}

const isSchoolAge = (age: number) => age >= 6 && age <= 15;
const inAgeRange = (a: StepApplies, age: number) => (a.minAge === undefined || age >= a.minAge) && (a.maxAge === undefined || age <= a.maxAge);

function householdConditionsHold(a: StepApplies, h: HouseholdFacts): boolean {
  return (
    (a.hasSchoolAgeChildren === undefined || a.hasSchoolAgeChildren === h.hasSchoolAgeChildren) &&
    (a.hasChildrenUnder6 === undefined || a.hasChildrenUnder6 === h.hasChildrenUnder6) &&
    (a.assignedHousing === undefined || a.assignedHousing === h.assignedHousing)
  );
}

/** Does the step apply to this member by itself (as opposed to coming along as the parent)? */
function appliesTo(step: TemplateStep, age: number, h: HouseholdFacts): boolean {
  return inAgeRange(step.applies, age) && householdConditionsHold(step.applies, h);
}

// ---------------------------------------------------------------------------------------------------
// Validation

/**
 * Everything wrong with a template, in template order; empty when it is valid.
 *
 * "Every step must be reachable" on a DAG with applicability means, for each step:
 * - it is on no cycle (a cycle can never start: reported as 'cycle');
 * - some possible person meets its conditions (a step applying to nobody is never reached:
 *   'unreachable', or 'bad_age_range' when the age bounds themselves are impossible);
 * - each step it names in `after` can involve one of the people it involves. Otherwise that precedence
 *   never binds: the step only waits for its prerequisite's own prerequisites (pass-through), which is
 *   almost surely not what the coordinator meant ('unreachable' on that `after` entry).
 * A "possible person" is any age 0–120 in any household whose facts agree with the member's own age
 * (a member aged 3 means the household has a child under 6); a household step's parent is any adult.
 */
export function validateTemplate(t: PathwayTemplate): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const add = (code: string, stepKey: string, field: string, message: string) => problems.push({ code, stepKey, field, message });
  const index = new Map<string, number>();

  t.steps.forEach((s, i) => {
    if (index.has(s.key)) add('duplicate_key', s.key, `steps[${i}].key`, `step key '${s.key}' is already used by steps[${index.get(s.key)}]`);
    else index.set(s.key, i);
    if (!isWholeMinutes(s.durationMin) || s.durationMin <= 0 || s.durationMin > MAX_STEP_MINUTES)
      add('bad_duration', s.key, `steps[${i}].durationMin`, `duration must be whole minutes, 1–${MAX_STEP_MINUTES}`);
    if (s.perMemberMin !== undefined && (!isWholeMinutes(s.perMemberMin) || s.perMemberMin < 0 || s.perMemberMin > MAX_STEP_MINUTES))
      add('bad_duration', s.key, `steps[${i}].perMemberMin`, `minutes per member must be whole minutes, 0–${MAX_STEP_MINUTES}`);
    s.after.forEach((k, j) => {
      if (!t.steps.some((o) => o.key === k)) add('unknown_step', s.key, `steps[${i}].after[${j}]`, `'${k}' names no step of this template`);
    });
  });

  for (const found of findCycles(t.steps)) {
    // Start at the step listed first in the template, so the message reads the way the template does.
    const at = found.indexOf(t.steps.find((s) => found.includes(s.key))!.key);
    const cycle = [...found.slice(at), ...found.slice(0, at)];
    const first = cycle[0]!;
    add('cycle', first, `steps[${index.get(first)}].after`, `steps wait for each other in a circle (each comes before the next): ${[...cycle, first].join(' → ')}`);
  }

  t.steps.forEach((s, i) => {
    const { minAge, maxAge } = s.applies;
    const badBound = (v: number | undefined) => v !== undefined && (!Number.isInteger(v) || v < 0 || v > MAX_AGE);
    if (badBound(minAge) || badBound(maxAge) || (minAge !== undefined && maxAge !== undefined && minAge > maxAge)) {
      add('bad_age_range', s.key, `steps[${i}].applies`, `age range ${minAge ?? 0}–${maxAge ?? ''} is empty or outside 0–${MAX_AGE}`);
      return;
    }
    if (!somePerson((age, h) => appliesTo(s, age, h))) {
      add('unreachable', s.key, `steps[${i}].applies`, `no person can meet these conditions, so the step applies to nobody`);
      return;
    }
    s.after.forEach((k, j) => {
      const before = t.steps[index.get(k) ?? -1];
      if (!before || before.key === s.key) return; // reported as unknown_step / cycle
      if (!somePerson((age, h) => involves(s, age, h) && involves(before, age, h)))
        add('unreachable', s.key, `steps[${i}].after[${j}]`, `'${k}' never involves anyone '${s.key}' involves, so this precedence never applies; name the steps that should come first directly`);
    });
  });
  return problems;
}

const isWholeMinutes = (v: number) => Number.isInteger(v);

/** Is there a person of some age, in some household agreeing with that age, for whom `test` holds? */
function somePerson(test: (age: number, h: HouseholdFacts) => boolean): boolean {
  for (const h of ALL_FACTS)
    for (let age = 0; age <= MAX_AGE; age++) if (agreesWith(age, h) && test(age, h)) return true;
  return false;
}

const ALL_FACTS: HouseholdFacts[] = [0, 1, 2, 3, 4, 5, 6, 7].map((b) => ({
  hasSchoolAgeChildren: (b & 1) !== 0,
  hasChildrenUnder6: (b & 2) !== 0,
  assignedHousing: (b & 4) !== 0,
}));

/** A member's own age constrains the household: a 3-year-old means there is a child under 6. */
const agreesWith = (age: number, h: HouseholdFacts) => (age >= 6 || h.hasChildrenUnder6) && (!isSchoolAge(age) || h.hasSchoolAgeChildren);

/** Can a person of this age take part in the step: it applies to them, or they come along as the parent? */
function involves(step: TemplateStep, age: number, h: HouseholdFacts): boolean {
  if (appliesTo(step, age, h)) return true;
  if (step.scope !== 'household' || !step.withParent || age < ADULT_AGE) return false;
  // The parent comes only when some other member the step applies to can exist in this household.
  return somePersonIn(h, (childAge) => appliesTo(step, childAge, h));
}

function somePersonIn(h: HouseholdFacts, test: (age: number) => boolean): boolean {
  for (let age = 0; age <= MAX_AGE; age++) if (agreesWith(age, h) && test(age)) return true;
  return false;
}

/** Cycles of the `after` graph as step keys, each before the next; a step is named in at most one of them. */
function findCycles(steps: TemplateStep[]): string[][] {
  const keys = new Set(steps.map((s) => s.key));
  const edges = new Map<string, string[]>();
  for (const s of steps) if (!edges.has(s.key)) edges.set(s.key, s.after.filter((k) => keys.has(k)));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const seenInCycle = new Set<string>();
  const visit = (k: string) => {
    state.set(k, 'open');
    stack.push(k);
    for (const next of edges.get(k) ?? []) {
      if (state.get(next) === 'open') {
        // The stack from `next` to `k` is a cycle: k waits for next, which (transitively) waits for k.
        const cycle = stack.slice(stack.indexOf(next)).reverse();
        if (!cycle.some((c) => seenInCycle.has(c))) cycles.push(cycle);
        cycle.forEach((c) => seenInCycle.add(c));
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(k, 'done');
  };
  for (const k of edges.keys()) if (!state.has(k)) visit(k);
  return cycles;
}

// ---------------------------------------------------------------------------------------------------
// Expansion

export interface ExpandedDay {
  tasks: Task[];
  households: Household[];
  persons: Person[];
}

interface Member {
  id: string;
  age: number;
  needsInterpreter: boolean;
}

/**
 * The day's tasks for these households. Throws when the template has a cycle, an unknown or duplicate
 * step, or when person ids repeat or a birth year lies after `year`: no sensible day follows from those.
 * Tasks come household by household, steps in a precedence order, so every task's `after` names
 * earlier tasks.
 */
export function expandDay(t: PathwayTemplate, households: HouseholdInput[], year: number): ExpandedDay {
  const structural = validateTemplate(t).filter((p) => ['cycle', 'unknown_step', 'duplicate_key'].includes(p.code));
  if (structural.length > 0) throw new Error(`template ${t.id} cannot be expanded: ${structural.map((p) => p.message).join('; ')}`);
  const steps = precedenceOrder(t.steps);
  const stepByKey = new Map(steps.map((s) => [s.key, s]));
  const seenPersons = new Set<string>();
  const out: ExpandedDay = { tasks: [], households: [], persons: [] };

  for (const hh of households) {
    const members: Member[] = hh.members.map((m) => {
      if (seenPersons.has(m.id)) throw new Error(`person id ${m.id} appears twice in the day`);
      seenPersons.add(m.id);
      const age = year - m.birthYear;
      if (age < 0) throw new Error(`person ${m.id} is born after ${year}`);
      return { id: m.id, age, needsInterpreter: m.needsInterpreter };
    });
    out.households.push({ id: hh.id, arrival: hh.arrival, personIds: members.map((m) => m.id) });
    for (const m of members) out.persons.push({ id: m.id, householdId: hh.id });

    const facts: HouseholdFacts = {
      hasSchoolAgeChildren: members.some((m) => isSchoolAge(m.age)),
      hasChildrenUnder6: members.some((m) => m.age < 6),
      assignedHousing: hh.assignedHousing,
    };
    // stepKey → personId → the household's tasks of that step involving that person
    const involving = new Map<string, Map<string, Task>>();

    /** The tasks a person must have finished before a step whose prerequisites are `after`. */
    const prerequisites = (after: string[], personId: string, into: Set<string>) => {
      for (const key of after) {
        const task = involving.get(key)?.get(personId);
        if (task) into.add(task.id);
        else prerequisites(stepByKey.get(key)!.after, personId, into); // the step skips this person: pass through
      }
    };

    for (const step of steps) {
      const byPerson = new Map<string, Task>();
      involving.set(step.key, byPerson);
      const applicable = members.filter((m) => appliesTo(step, m.age, facts));
      if (applicable.length === 0) continue;
      const groups = step.scope === 'person' ? applicable.map((m) => [m]) : [withParent(step, applicable, members)];
      for (const group of groups) {
        const after = new Set<string>();
        for (const m of group) prerequisites(step.after, m.id, after);
        const task: Task = {
          id: step.scope === 'person' ? `${hh.id}:${step.key}:${group[0]!.id}` : `${hh.id}:${step.key}`,
          householdId: hh.id,
          stepKey: step.key,
          station: step.station,
          personIds: group.map((m) => m.id),
          durationMin: step.durationMin + (step.scope === 'household' ? (step.perMemberMin ?? 0) * group.length : 0),
          after: [...after],
          interpreterLanguage: group.some((m) => m.needsInterpreter) ? hh.language : null,
        };
        out.tasks.push(task);
        for (const m of group) byPerson.set(m.id, task);
      }
    }
  }
  return out;
}

/**
 * The members a household task takes: those it applies to, plus, when the step wants a parent and no
 * adult is among them, one adult: the first listed who needs no interpreter (so the meeting needs none
 * when the children need none), else the first listed; the oldest member when the household has no
 * adult. Kept in the household's member order.
 */
function withParent(step: TemplateStep, applicable: Member[], members: Member[]): Member[] {
  if (!step.withParent || applicable.some((m) => m.age >= ADULT_AGE)) return applicable;
  const adults = members.filter((m) => m.age >= ADULT_AGE);
  const adult = adults.find((m) => !m.needsInterpreter) ?? adults[0] ?? members.reduce((a, b) => (b.age > a.age ? b : a));
  if (applicable.includes(adult)) return applicable;
  return members.filter((m) => m === adult || applicable.includes(m));
}

/** Steps ordered so that each comes after the steps it names (stable: template order where free). */
function precedenceOrder(steps: TemplateStep[]): TemplateStep[] {
  const placed = new Set<string>();
  const out: TemplateStep[] = [];
  while (out.length < steps.length) {
    const next = steps.find((s) => !placed.has(s.key) && s.after.every((k) => placed.has(k)));
    if (!next) throw new Error('template steps wait for each other in a circle'); // validateTemplate reports which
    placed.add(next.key);
    out.push(next);
  }
  return out;
}
