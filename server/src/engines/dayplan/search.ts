// The planner's local search over decoder genes: late-acceptance hill climbing (Burke & Bykov) with the
// moves of moves.ts, every candidate decoded incrementally (decoder.ts), so a move costs the re-decoding
// of the list from its first changed position, and a move that changes nothing costs only its window.
// The run is deterministic for a given seed and iteration count; the time budget only stops it early.
import { NEVER } from './calendar.ts';
import { decode, Decoder } from './decoder.ts';
import { copyGenes, copySchedule, type Frame, type Genes, type Schedule } from './frame.ts';
import { neighbourhood } from './moves.ts';
import { rng } from './random.ts';
import { ruinContext, ruinRecreate, type RuinOptions } from './ruin.ts';

export interface SearchOptions {
  seed: number;
  iterations: number;
  /** performance.now() value after which the search stops. */
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

export function evaluate(frame: Frame, genes: Genes, penalty?: (s: Schedule) => number): Solution {
  const sched = decode(frame, genes);
  return { genes, sched, cost: costOf(sched, penalty ? penalty(sched) : 0) };
}

export const bestOf = (sols: Solution[]): Solution => sols.reduce((a, b) => (b.cost < a.cost ? b : a));

export interface SearchResult extends Solution {
  iterations: number;
}

export function search(frame: Frame, seeds: Solution[], opts: SearchOptions): SearchResult {
  let best = bestOf(seeds);
  const rand = rng(opts.seed);
  const neighbour = neighbourhood(frame, rand);
  const dec = new Decoder(frame, copyGenes(best.genes));
  const costNow = () => costOf(dec.sched, opts.penalty ? opts.penalty(dec.sched) : 0);
  let current = costNow();
  const historyLength = opts.history ?? 40;
  const history = new Array<number>(historyLength).fill(current);

  const stall = opts.stall ?? Infinity;
  let lastGain = 0;
  let it = 0;
  const ruinCtx = opts.ruin ? ruinContext(frame) : null;
  let nextRuin = 0;
  for (; it < opts.iterations && it - lastGain < stall; it++) {
    if (performance.now() > opts.deadline) break;
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
  return { ...dropNeedlessWaits(frame, best, opts.penalty), iterations: it };
}

/**
 * A delay gene that did not pay (the person's last task is elsewhere, so starting later cost nothing)
 * still leaves a gap in an itinerary. Clearing all of them is kept when it is no worse.
 */
export function dropNeedlessWaits(frame: Frame, sol: Solution, penalty?: (s: Schedule) => number): Solution {
  if (!sol.genes.notBefore.some((t) => t > -NEVER)) return sol;
  const genes = copyGenes(sol.genes);
  genes.notBefore.fill(-NEVER);
  const cleared = evaluate(frame, genes, penalty);
  return cleared.cost <= sol.cost ? cleared : sol;
}
