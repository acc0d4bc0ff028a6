// The final left shift: valid plans, no task ends later, the objective never gets worse, and slack left
// by delays and pins is taken out.
import { describe, expect, it } from 'vitest';
import { decode } from './decoder.ts';
import { emptyGenes, makeFrame } from './frame.ts';
import { indexDay } from './instance.ts';
import { leftShift } from './leftshift.ts';
import { scheduleToPlan } from './objective.ts';
import { rng } from './random.ts';
import { validatePlan } from './validate.ts';
import { randomDay } from './test-instances.ts';

describe('leftShift', () => {
  it.each([1, 2, 3, 4, 5, 6])('keeps random day %i valid and takes out slack from delays and pins', (seed) => {
    const day = randomDay(seed * 17, { households: 3 + seed });
    const ix = indexDay(day);
    const frame = makeFrame(ix);
    const rand = rng(seed);
    // A deliberately slack plan: random waits and random officer pins.
    const genes = emptyGenes(ix.tasks.length, [...ix.topo]);
    ix.tasks.forEach((_, i) => {
      if (rand() < 0.4) genes.notBefore[i] = ix.release[i]! + Math.floor(rand() * 120);
      const choices = ix.officerChoices[i]!;
      if (rand() < 0.5) genes.officer[i] = choices[Math.floor(rand() * choices.length)]!;
    });
    const slack = decode(frame, genes);
    const shifted = leftShift(frame, slack);
    expect(validatePlan(day, scheduleToPlan(ix, shifted, 'planner', 0, 0))).toEqual([]);
    expect(shifted.unplannedCount).toBeLessThanOrEqual(slack.unplannedCount);
    ix.tasks.forEach((_, i) => {
      if (slack.start[i]! >= 0) expect(shifted.end[i]).toBeLessThanOrEqual(slack.end[i]!);
    });
    expect(shifted.total).toBeLessThanOrEqual(slack.total);
    // Waits of up to two hours leave slack on these days: something moved.
    expect(shifted.start.some((s, i) => s >= 0 && s < slack.start[i]!)).toBe(true);
  });
});
