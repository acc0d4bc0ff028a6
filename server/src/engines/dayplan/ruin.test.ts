// Ruin and recreate on the incremental decoder: after the move and after its undo the decoder's state
// equals a fresh decode of its genes; recreated plans are valid; the planner built on it stays no worse
// than either dispatch rule.
import { describe, expect, it } from 'vitest';
import { Decoder, decode } from './decoder.ts';
import { makeFrame } from './frame.ts';
import { indexDay } from './instance.ts';
import { dispatch, dispatchSchedule } from './dispatch.ts';
import { genesFromSchedule } from './seeds.ts';
import { ruinContext, ruinRecreate } from './ruin.ts';
import { costOf } from './search.ts';
import { scheduleToPlan } from './objective.ts';
import { planDay } from './planner.ts';
import { validatePlan } from './validate.ts';
import { rng } from './random.ts';
import { randomDay } from './test-instances.ts';

describe('ruin and recreate', () => {
  it.each([1, 2, 3, 4])('leaves the decoder equal to a fresh decode, and valid, on random day %i', (seed) => {
    const day = randomDay(seed * 13, { households: 3 + seed * 2 });
    const ix = indexDay(day);
    const frame = makeFrame(ix);
    const rand = rng(seed);
    const ctx = ruinContext(frame);
    const dec = new Decoder(frame, genesFromSchedule(ix, dispatchSchedule(ix, 'fcfs')));
    const cost = () => costOf(dec.sched);
    let undone = 0;
    for (let k = 0; k < 25; k++) {
      const before = { genes: dec.genes, sched: decode(frame, dec.genes) };
      const r = ruinRecreate(dec, ctx, rand, cost, { maxHouseholds: 2, positions: k % 2 ? Infinity : 4, pace: 1 });
      expect(r).not.toBeNull();
      expect(dec.sched).toEqual(decode(frame, dec.genes));
      expect(validatePlan(day, scheduleToPlan(ix, dec.sched, 'planner', 0, 0))).toEqual([]);
      // Every task is still in the list exactly once.
      expect([...dec.genes.order].sort((a, b) => a - b)).toEqual([...before.genes.order].sort((a, b) => a - b));
      if (rand() < 0.5) {
        r!.undo();
        undone++;
        expect(dec.sched).toEqual(before.sched);
        expect(dec.genes.order).toEqual(before.genes.order);
      }
    }
    expect(undone).toBeGreaterThan(0);
  });

  it.each([5, 6, 7])('in the planner keeps random day %i valid and no worse than dispatch', (seed) => {
    const day = randomDay(seed, { households: 4, officersPerStation: 1 });
    // A small day: the search uses ruin and recreate (fixed iterations, generous budget: reproducible).
    const plan = planDay(day, { seed, iterations: 1500, budgetMs: 60_000 });
    expect(validatePlan(day, plan)).toEqual([]);
    const total = (p: { objective: { totalMinutesInBuilding: number } }) => p.objective.totalMinutesInBuilding;
    expect(total(plan)).toBeLessThanOrEqual(Math.min(total(dispatch(day, 'fcfs')), total(dispatch(day, 'srpt'))));
    expect(planDay(day, { seed, iterations: 1500, budgetMs: 60_000 }).assignments).toEqual(plan.assignments);
  });
});
