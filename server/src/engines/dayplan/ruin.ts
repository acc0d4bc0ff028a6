// Ruin and recreate (a large-neighbourhood move, after Schrimpf et al. 2000). The small moves of
// moves.ts change one or two list positions, so a plan whose households are interleaved badly needs
// many uphill steps to change; this move takes a few households out (one at random plus those that
// share its stations at the same time, so the removed families compete for the same officers) and
// puts their tasks back one by one, each at the list position that decodes best.
//
// It works on the incremental decoder: the removed tasks go to the end of the list (decoded last, into
// whatever gaps are left, so every partial list is a complete plan to score), and each insertion
// trial re-decodes only from the tried position. The decoder is left holding the recreated genes;
// the caller scores them with its acceptance rule and calls the returned undo when it rejects them.
import { NEVER } from './calendar.ts';
import type { Decoder } from './decoder.ts';
import type { Frame, Genes } from './frame.ts';

export interface RuinOptions {
  /** Most households taken out at once. */
  maxHouseholds: number;
  /** Insertion positions tried per task; Infinity tries every position (cheap on small days). */
  positions: number;
  /** Small moves between two ruins, per insertion trial of the last ruin (search.ts). */
  pace: number;
}

export interface RuinResult {
  /** Restores the genes (and schedule) from before the move. */
  undo: () => void;
  /** Insertion trials decoded, to let the caller pace the move by its cost. */
  trials: number;
}

/** What the move looks up on every call: the households' movable tasks, and tasks by station. */
export interface RuinContext {
  members: number[][];
  /** Per task: its household's index in members (−1: fixed or excluded). */
  of: Int32Array;
  /** Per task: the tasks of its station (one shared array per station). */
  atStation: number[][];
}

export function ruinContext(frame: Frame): RuinContext {
  const { ix } = frame;
  const index = new Map<string, number>();
  const members: number[][] = [];
  const of = new Int32Array(ix.tasks.length).fill(-1);
  for (const i of ix.topo) {
    if (frame.fixed[i] || frame.excluded[i]) continue;
    const h = ix.tasks[i]!.householdId;
    let k = index.get(h);
    if (k === undefined) index.set(h, (k = members.push([]) - 1));
    members[k]!.push(i);
    of[i] = k;
  }
  const byStation = new Map<string, number[]>();
  ix.tasks.forEach((t, i) => byStation.set(t.station, [...(byStation.get(t.station) ?? []), i]));
  return { members, of, atStation: ix.tasks.map((t) => byStation.get(t.station)!) };
}

/**
 * `only`: the households (indices in hh.members) to take out, instead of drawing them (the iterated
 * local search re-creates the households a structural move touched).
 */
export function ruinRecreate(dec: Decoder, hh: RuinContext, rand: () => number, cost: () => number, opts: RuinOptions, only?: number[]): RuinResult | null {
  if (hh.members.length < 2) return null;
  const removed = only ? only.flatMap((h) => hh.members[h]!) : pickRemoved(dec, rand, opts.maxHouseholds, hh);
  const before = dec.genes;
  const out = new Set(removed);
  // Ruin: the removed tasks to the end of the list, in their old relative order, with their waits and
  // pins cleared (they get placed afresh).
  const kept = before.order.filter((t) => !out.has(t));
  // Put back household by household, in a random order of the households (each household's tasks in
  // their old order, so predecessors tend to go first): which family gets the scarce slot first is
  // the decision this move exists to revisit.
  const households = [...new Set(removed.map((t) => hh.of[t]!))];
  for (let k = households.length - 1; k > 0; k--) {
    const j = Math.floor(rand() * (k + 1));
    [households[k], households[j]] = [households[j]!, households[k]!];
  }
  const rankOf = new Map(households.map((h, k) => [h, k]));
  const tail = before.order.filter((t) => out.has(t)).sort((a, b) => rankOf.get(hh.of[a]!)! - rankOf.get(hh.of[b]!)!);
  const genes: Genes = { order: [...kept, ...tail], notBefore: before.notBefore.slice(), officer: before.officer.slice(), interpreter: before.interpreter.slice() };
  for (const t of removed) {
    genes.notBefore[t] = -NEVER;
    genes.officer[t] = -1;
    genes.interpreter[t] = -1;
  }
  const first = before.order.findIndex((t) => out.has(t));
  const len = genes.order.length;
  commit(dec, genes, first, len - 1, removed);
  let trials = 0;
  // Recreate: each task (in the old list order, so predecessors tend to go first) to its best position
  // among those before it; staying at the end is a candidate too.
  for (let k = 0; k < tail.length; k++) {
    const from = kept.length + k;
    let best = from;
    let bestCost = cost();
    let ties = 1;
    for (const p of candidates(from, opts.positions, rand)) {
      const order = dec.genes.order.slice();
      order.splice(from, 1);
      order.splice(p, 0, tail[k]!);
      const trial = { ...dec.genes, order };
      trials++;
      const same = dec.tryGenes(trial, p, from) === 'same';
      const c = same ? bestCost : cost();
      if (same) commit(dec, { ...trial, order: moved(order, p, from) }, p, from, []);
      else dec.reject();
      // Equal costs: a random one of them (reservoir), so repeated moves do not always pick the same.
      if (c < bestCost || (c === bestCost && rand() * ++ties < 1)) {
        if (c < bestCost) ties = 1;
        best = p;
        bestCost = c;
      }
    }
    if (best !== from) {
      const order = dec.genes.order.slice();
      order.splice(from, 1);
      order.splice(best, 0, tail[k]!);
      commit(dec, { ...dec.genes, order }, best, from, []);
    }
  }
  // Insertions may land before the first removed position, so the undo re-decodes from the first
  // position that differs now.
  const undo = () => {
    let from = 0;
    while (from < first && dec.genes.order[from] === before.order[from]) from++;
    commit(dec, { ...before }, from, len - 1, removed);
  };
  return { trials, undo };
}

/** Moves the entry at p back to `from` (undoes one insertion trial's list change). */
function moved(order: number[], p: number, from: number): number[] {
  const o = order.slice();
  const [x] = o.splice(p, 1);
  o.splice(from, 0, x!);
  return o;
}

/** Decodes genes and keeps them, whatever the outcome. */
function commit(dec: Decoder, genes: Genes, first: number, last: number, geneTasks: number[]): void {
  if (dec.tryGenes(genes, first, last, geneTasks) === 'decoded') dec.accept();
}

/** Positions before `from` to try: all of them, or a random sample of `count`. */
function candidates(from: number, count: number, rand: () => number): number[] {
  if (count >= from) return Array.from({ length: from }, (_, p) => p);
  const picked = new Set<number>();
  while (picked.size < count) picked.add(Math.floor(rand() * from));
  return [...picked].sort((a, b) => a - b);
}

/**
 * One household at random, then up to maxHouseholds − 1 more, drawn with weight by how much they
 * overlap it: tasks at the same station starting within 30 minutes of one of its tasks.
 */
function pickRemoved(dec: Decoder, rand: () => number, maxHouseholds: number, hh: RuinContext): number[] {
  const s = dec.sched;
  const seed = Math.floor(rand() * hh.members.length);
  const count = 1 + Math.floor(rand() * Math.min(maxHouseholds, hh.members.length - 1));
  const chosen = new Set([seed]);
  const overlap = new Map<number, number>();
  for (const a of hh.members[seed]!) {
    if (s.start[a]! < 0) continue;
    for (const b of hh.atStation[a]!) {
      const h = hh.of[b]!;
      if (h < 0 || h === seed || s.start[b]! < 0 || Math.abs(s.start[b]! - s.start[a]!) >= 30) continue;
      overlap.set(h, (overlap.get(h) ?? 0) + 1);
    }
  }
  while (chosen.size < count) {
    // Mostly related households; sometimes (and when none are left) a random one.
    const pool = [...overlap].filter(([h]) => !chosen.has(h));
    let h: number;
    if (pool.length > 0 && rand() < 0.8) {
      let r = rand() * pool.reduce((a, [, w]) => a + w, 0);
      h = pool.find(([, w]) => (r -= w) < 0)?.[0] ?? pool[0]![0];
    } else h = Math.floor(rand() * hh.members.length);
    chosen.add(h);
  }
  return [...chosen].flatMap((h) => hh.members[h]!);
}
