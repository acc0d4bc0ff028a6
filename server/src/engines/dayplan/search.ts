// The planner's local search over decoder genes: late-acceptance hill climbing (Burke & Bykov) with the
// moves of moves.ts, every candidate decoded incrementally (decoder.ts), so a move costs the re-decoding
// of the list from its first changed position, and a move that changes nothing costs only its window.
// The run is deterministic for a given seed and work budget (decoder.ts, WorkMeter); the wall-clock
// deadline is only a safety cap that stops it early on a machine too busy for it.
import { NEVER } from './calendar.ts';
import { decode, Decoder, type WorkMeter } from './decoder.ts';
import { copyGenes, copySchedule, type Frame, type Genes, type Schedule } from './frame.ts';
import { neighbourhood } from './moves.ts';
import { rng } from './random.ts';
import { ruinContext, ruinRecreate, type RuinOptions } from './ruin.ts';

export interface SearchOptions {
  seed: number;
  iterations: number;
  /** Shared work count and the work at which the search stops (the deterministic budget). */
  meter: WorkMeter;
  workLimit: number;
  /** performance.now() value after which the search stops (the safety cap). */
  deadline: number;
  /** Extra cost for a schedule (the re-planner's stability penalty), in minutes of building time. */
  penalty?: (s: Schedule) => number;
  /** Late-acceptance history length (longer accepts worse moves for longer: more exploration). */
  history?: number;
  /** Stop once this many iterations in a row found nothing better than the run's best (a restart is due). */
  stall?: number;
  /** Ruin and recreate (ruin.ts) among the moves; off when not given (the re-planner keeps to small moves). */
  ruin?: RuinOptions;
}

export interface Solution {
  genes: Genes;
  sched: Schedule;
  cost: number;
}

/** One scalar with the lexicographic order: unplanned tasks, then total minutes, then makespan. */
export function costOf(s: Schedule, penalty = 0): number {
  return s.unplannedCount * 1e12 + (s.total + penalty) * 4096 + s.makespan;
}

export function evaluate(frame: Frame, genes: Genes, penalty?: (s: Schedule) => number, meter?: WorkMeter): Solution {
  const sched = decode(frame, genes, meter);
  return { genes, sched, cost: costOf(sched, penalty ? penalty(sched) : 0) };
}

export const bestOf = (sols: Solution[]): Solution => sols.reduce((a, b) => (b.cost < a.cost ? b : a));

export interface SearchResult extends Solution {
  iterations: number;
  /** Whether the wall-clock cap, not the work budget, stopped it. */
  capHit: boolean;
}

export function search(frame: Frame, seeds: Solution[], opts: SearchOptions): SearchResult {
  let best = bestOf(seeds);
  const rand = rng(opts.seed);
  const neighbour = neighbourhood(frame, rand);
  const meter = opts.meter;
  const dec = new Decoder(frame, copyGenes(best.genes), meter);
  const costNow = () => costOf(dec.sched, opts.penalty ? opts.penalty(dec.sched) : 0);
  let current = costNow();
  const historyLength = opts.history ?? 40;
  const history = new Array<number>(historyLength).fill(current);

  const stall = opts.stall ?? Infinity;
  let lastGain = 0;
  let it = 0;
  const ruinCtx = opts.ruin ? ruinContext(frame) : null;
  let nextRuin = 0;
  let capHit = false;
  for (; it < opts.iterations && it - lastGain < stall && meter.work < opts.workLimit; it++) {
    if (performance.now() > opts.deadline) {
      capHit = true;
      break;
    }
    const slot = it % historyLength;
    if (ruinCtx && it >= nextRuin) {
      // Paced by its own cost: after a ruin of k insertion trials come pace × k small moves (a trial costs
      // about what a small move does), a share of the time that holds on any size of day and, counted
      // in iterations rather than milliseconds, keeps the run deterministic.
      const r = ruinRecreate(dec, ruinCtx, rand, costNow, opts.ruin!);
      nextRuin = it + 1 + Math.round((r?.trials ?? 0) * opts.ruin!.pace);
      if (r) {
        const cost = costNow();
        if (cost <= current || cost < history[slot]!) current = cost;
        else r.undo();
      }
    } else {
      const move = neighbour(dec.genes, dec.sched);
      if (move && dec.tryGenes(move.genes, move.first, move.last, move.geneTasks) === 'decoded') {
        const cost = costNow();
        if (cost <= current || cost < history[slot]!) {
          dec.accept();
          current = cost;
        } else dec.reject();
      }
    }
    history[slot] = current;
    if (current < best.cost) {
      best = { genes: dec.genes, sched: copySchedule(dec.sched), cost: current };
      lastGain = it;
    }
  }
  return { ...dropNeedlessWaits(frame, best, opts.penalty, meter), iterations: it, capHit };
}

/**
 * A delay gene that did not pay (the person's last task is elsewhere, so starting later cost nothing)
 * still leaves a gap in an itinerary. Clearing all of them is kept when it is no worse.
 */
export function dropNeedlessWaits(frame: Frame, sol: Solution, penalty?: (s: Schedule) => number, meter?: WorkMeter): Solution {
  if (!sol.genes.notBefore.some((t) => t > -NEVER)) return sol;
  const genes = copyGenes(sol.genes);
  genes.notBefore.fill(-NEVER);
  const cleared = evaluate(frame, genes, penalty, meter);
  return cleared.cost <= sol.cost ? cleared : sol;
}

/** Decodes `genes` in place of the decoder's, whatever changed (order and per-task genes). */
function restore(dec: Decoder, genes: Genes): void {
  const a = dec.genes;
  let first = 0;
  while (first < genes.order.length && genes.order[first] === a.order[first]) first++;
  let last = genes.order.length - 1;
  while (last >= first && genes.order[last] === a.order[last]) last--;
  const geneTasks: number[] = [];
  for (let t = 0; t < genes.notBefore.length; t++) {
    if (genes.notBefore[t] !== a.notBefore[t] || genes.officer[t] !== a.officer[t] || genes.interpreter[t] !== a.interpreter[t]) geneTasks.push(t);
  }
  if (first > last && geneTasks.length === 0) return;
  if (dec.tryGenes(genes, first > last ? NEVER : first, first > last ? -1 : last, geneTasks) === 'decoded') dec.accept();
}

/**
 * Iterated local search: a structural kick (a rival swap, a household shifted in time, or a ruin and
 * recreate) followed by a descent of small moves, kept when the result is no worse than before the
 * kick, else undone. A kick alone almost always makes the plan worse (the decoder is chaotic: one
 * list change moves many starts), and late acceptance then undoes it before the plan can adapt.
 */
export function ils(frame: Frame, seeds: Solution[], opts: SearchOptions & { descent: number; ruinShare: number }): SearchResult {
  let best = bestOf(seeds);
  const rand = rng(opts.seed);
  const neighbour = neighbourhood(frame, rand);
  const meter = opts.meter;
  const dec = new Decoder(frame, copyGenes(best.genes), meter);
  const costNow = () => costOf(dec.sched, opts.penalty ? opts.penalty(dec.sched) : 0);
  let current = costNow();
  const ruinCtx = opts.ruin ? ruinContext(frame) : null;
  const STRUCTURAL = [30, 35, 40, 44, 60, 62, 64];
  let it = 0;
  let capHit = false;
  let kicks = 0;
  let lastGain = 0;
  const stall = opts.stall ?? Infinity;
  while (it < opts.iterations && meter.work < opts.workLimit && kicks - lastGain < stall) {
    if (performance.now() > opts.deadline) {
      capHit = true;
      break;
    }
    const before = dec.genes;
    const beforeCost = current;
    if (ruinCtx && rand() < opts.ruinShare) {
      // With tasks unplanned, half the ruins take out the household of one of them (and one more at
      // random): fewer unplanned tasks come first in the objective.
      const open = dec.sched.unplannedCount > 0 && rand() < 0.5 ? ruinCtx.members.flatMap((m, h) => (m.some((t) => dec.sched.start[t]! < 0) ? [h] : [])) : [];
      const only = open.length ? [open[Math.floor(rand() * open.length)]!, Math.floor(rand() * ruinCtx.members.length)] : undefined;
      ruinRecreate(dec, ruinCtx, rand, costNow, opts.ruin!, only && only[0] !== only[1] ? only : only?.slice(0, 1));
    } else {
      const move = neighbour(dec.genes, dec.sched, STRUCTURAL[Math.floor(rand() * STRUCTURAL.length)]);
      if (move && dec.tryGenes(move.genes, move.first, move.last, move.geneTasks) === 'decoded') {
        dec.accept();
        // Half the time the households the move touched are then taken out and put back: a family
        // that lost its place at a busy station gets the best places left for all its steps.
        if (ruinCtx && rand() < 0.5) {
          const touched = new Set<number>();
          for (let k = move.first; k <= move.last && k < before.order.length; k++) if (before.order[k] !== dec.genes.order[k]) touched.add(ruinCtx.of[dec.genes.order[k]!]!);
          touched.delete(-1);
          const hs = [...touched];
          while (hs.length > 2) hs.splice(Math.floor(rand() * hs.length), 1);
          if (hs.length > 0) ruinRecreate(dec, ruinCtx, rand, costNow, opts.ruin!, hs);
        }
      }
    }
    let cost = costNow();
    for (let idle = 0; idle < opts.descent && meter.work < opts.workLimit; idle++, it++) {
      const move = neighbour(dec.genes, dec.sched);
      if (!move || dec.tryGenes(move.genes, move.first, move.last, move.geneTasks) !== 'decoded') continue;
      const c = costNow();
      if (c <= cost) {
        dec.accept();
        if (c < cost) idle = 0;
        cost = c;
      } else dec.reject();
    }
    if (cost <= beforeCost) current = cost;
    else {
      restore(dec, before);
      current = costNow();
    }
    kicks++;
    if (current < best.cost) {
      best = { genes: dec.genes, sched: copySchedule(dec.sched), cost: current };
      lastGain = kicks;
    }
    it++;
  }
  return { ...dropNeedlessWaits(frame, best, opts.penalty, meter), iterations: it, capHit };
}
