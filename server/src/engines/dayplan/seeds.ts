// Starting points for the search. A dispatch schedule is re-encoded as "its tasks by start time, each
// pinned to the officer and interpreter it had": decoding that list gives every task a start no later
// than in the dispatch plan (each resource's earlier tasks still end in time, by induction over the
// list), so the planner never starts worse than either rule. Plain priority rules add diversity.
import { emptyGenes, type Frame, type Genes, type Schedule } from './frame.ts';
import type { Indexed } from './instance.ts';

export function genesFromSchedule(ix: Indexed, s: Schedule): Genes {
  const n = ix.tasks.length;
  const placed = ix.topo.filter((i) => s.start[i]! >= 0);
  // Stable sort keeps topological order among equal starts (a zero-length predecessor stays first).
  placed.sort((a, b) => s.start[a]! - s.start[b]!);
  const rest = ix.topo.filter((i) => s.start[i]! < 0);
  const g = emptyGenes(n, [...placed, ...rest]);
  for (const i of placed) {
    g.officer[i] = s.officer[i]!;
    g.interpreter[i] = s.interpreter[i]!;
  }
  return g;
}

/** Topological order sorted by a key per task (stable, so precedence ties keep their order). */
function byKey(ix: Indexed, key: (i: number) => number): number[] {
  const rank = new Array<number>(ix.tasks.length);
  ix.topo.forEach((t, k) => (rank[t] = k));
  return [...ix.topo].sort((a, b) => key(a) - key(b) || rank[a]! - rank[b]!);
}

const PERSON_WEIGHTED_MIN_TASKS = 40;

export function priorityRuleGenes(frame: Frame): Genes[] {
  const { ix } = frame;
  const n = ix.tasks.length;
  const work = new Map<string, number>();
  ix.tasks.forEach((t, i) => work.set(t.householdId, (work.get(t.householdId) ?? 0) + ix.duration[i]!));
  const size = new Map(ix.input.households.map((h) => [h.id, Math.max(1, h.personIds.length)]));
  const hh = (i: number) => ix.tasks[i]!.householdId;
  // Per task: its own length plus the longest chain of successors (the work that must follow it).
  const tail = new Array<number>(n).fill(0);
  for (let k = ix.topo.length - 1; k >= 0; k--) {
    const i = ix.topo[k]!;
    tail[i] = ix.duration[i]! + Math.max(0, ...ix.succs[i]!.map((s) => tail[s]!));
  }
  // Per task: the earliest minute it could start with every resource free (arrival plus its longest
  // chain of predecessors), and how many persons wait while it waits (the objective counts persons).
  const ready = new Array<number>(n).fill(0);
  for (const i of ix.topo) for (const s of ix.succs[i]!) ready[s] = Math.max(ready[s]!, ready[i]! + ix.duration[i]!);
  const free = (i: number) => ix.release[i]! + ready[i]!;
  const persons = (i: number) => ix.persons[i]!.length;
  return [
    // Arrival order, and within a household the longest remaining chain first (critical path).
    byKey(ix, (i) => ix.release[i]! * 1e4 - tail[i]!),
    // Most work per person first (LPT at household level): long pathways start early.
    byKey(ix, (i) => -(work.get(hh(i))! / size.get(hh(i))!) * 1e4 + ix.release[i]!),
    // Households in arrival order, each pushed through its pathway.
    byKey(ix, (i) => ix.release[i]!),
    // Least work per person first (SPT at household level), arrival as the tie.
    byKey(ix, (i) => (work.get(hh(i))! / size.get(hh(i))!) * 1e4 + ix.release[i]!),
    // Arrival plus own work: the families that could leave soonest first.
    byKey(ix, (i) => ix.release[i]! + work.get(hh(i))! / size.get(hh(i))!),
    // Person-weighted: by earliest possible start, each person a task holds worth 45 minutes earlier, so
    // a family's joint tasks go before one person's (the objective counts persons). On the small, medium
    // and large days it starts 12-15 % below the best other seed and the search ends there. On the tiny
    // days (up to 40 tasks) ruin and recreate does the work, and starting from it left tiny-1 5 minutes
    // worse on one seed, so it is not used there.
    ...(n > PERSON_WEIGHTED_MIN_TASKS ? [byKey(ix, (i) => free(i) - 45 * persons(i))] : []),
  ].map((order) => emptyGenes(n, order));
}
