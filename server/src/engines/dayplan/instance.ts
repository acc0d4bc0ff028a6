// A DayInput turned into index arrays once, so the decoder, the dispatch simulation and the bound work
// with small integers instead of string lookups in their inner loops.
import type { DayInput, Interval, Task } from './types.ts';

export interface Indexed {
  input: DayInput;
  tasks: Task[];
  taskIndex: Map<string, number>;
  /** Per task: household arrival (nothing starts before it). */
  release: number[];
  duration: number[];
  /** Per task: the person indices it takes. */
  persons: number[][];
  preds: number[][];
  succs: number[][];
  /** Per task: the officer indices of its station, and interpreter indices of its language (null: none needed). */
  officerChoices: number[][];
  interpreterChoices: (number[] | null)[];
  personIds: string[];
  personIndex: Map<string, number>;
  /** Per person: household arrival, and their task indices. */
  personArrival: number[];
  personTasks: number[][];
  /** A topological order of all tasks (precedence only; tasks in a cycle are left out and never planned). */
  topo: number[];
  /** Per task: the shortest task of its station, and of its interpreter language (0: none needed). */
  stationShortest: number[];
  languageShortest: number[];
  /** Officer / interpreter working windows: the shift minus its breaks, sorted. */
  officerWindows: Interval[][];
  interpreterWindows: Interval[][];
}

/** The shift minus the breaks, as sorted disjoint windows. */
export function workWindows(shift: Interval, breaks: Interval[]): Interval[] {
  const sorted = [...breaks].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  let from = shift.start;
  for (const b of sorted) {
    if (b.end <= from) continue;
    if (b.start >= shift.end) break;
    if (b.start > from) out.push({ start: from, end: b.start });
    from = Math.max(from, b.end);
  }
  if (from < shift.end) out.push({ start: from, end: shift.end });
  return out;
}

export function indexDay(input: DayInput): Indexed {
  const tasks = input.tasks;
  const taskIndex = new Map(tasks.map((t, i) => [t.id, i]));
  const arrivalOf = new Map(input.households.map((h) => [h.id, h.arrival]));
  const personIds = input.persons.map((p) => p.id);
  const personIndex = new Map(personIds.map((id, i) => [id, i]));
  const personArrival = input.persons.map((p) => arrivalOf.get(p.householdId) ?? 0);
  const personTasks: number[][] = personIds.map(() => []);

  const persons = tasks.map((t, i) =>
    t.personIds.map((pid) => {
      const p = personIndex.get(pid);
      if (p === undefined) throw new Error(`task ${t.id}: unknown person ${pid}`);
      personTasks[p]!.push(i);
      return p;
    }),
  );
  const preds = tasks.map((t) => t.after.map((a) => taskIndex.get(a)).filter((x): x is number => x !== undefined));
  const succs: number[][] = tasks.map(() => []);
  preds.forEach((ps, i) => ps.forEach((p) => succs[p]!.push(i)));

  const officerChoices = tasks.map((t) =>
    input.officers.flatMap((o, k) => (o.station === t.station ? [k] : [])),
  );
  const interpreterChoices = tasks.map((t) =>
    t.interpreterLanguage === null ? null : input.interpreters.flatMap((x, k) => (x.language === t.interpreterLanguage ? [k] : [])),
  );

  // Kahn's algorithm, ties by input order so the result is deterministic.
  const missing = preds.map((p) => p.length);
  const topo: number[] = [];
  const ready = tasks.flatMap((_, i) => (missing[i] === 0 ? [i] : []));
  for (let k = 0; k < ready.length; k++) {
    const i = ready[k]!;
    topo.push(i);
    for (const s of succs[i]!) if (--missing[s]! === 0) ready.push(s);
  }

  const shortest = (key: (t: Task) => string | null) => {
    const m = new Map<string, number>();
    for (const t of tasks) {
      const k = key(t);
      if (k !== null) m.set(k, Math.min(m.get(k) ?? Infinity, t.durationMin));
    }
    return tasks.map((t) => (key(t) === null ? 0 : m.get(key(t)!)!));
  };

  return {
    input,
    tasks,
    taskIndex,
    stationShortest: shortest((t) => t.station),
    languageShortest: shortest((t) => t.interpreterLanguage),
    release: tasks.map((t) => arrivalOf.get(t.householdId) ?? 0),
    duration: tasks.map((t) => t.durationMin),
    persons,
    preds,
    succs,
    officerChoices,
    interpreterChoices,
    personIds,
    personIndex,
    personArrival,
    personTasks,
    topo,
    officerWindows: input.officers.map((o) => workWindows(o.shift, o.breaks)),
    interpreterWindows: input.interpreters.map((x) => workWindows(x.shift, x.breaks)),
  };
}
