// The planner on random days (valid, never worse than dispatch, above its bound), on micro days against
// a brute-force optimum, and on the classic case where the best plan makes a station wait.
import { describe, expect, it } from 'vitest';
import { dispatch } from './dispatch.ts';
import { planDay } from './planner.ts';
import { lowerBound } from './bound.ts';
import { validatePlan } from './validate.ts';
import { microDay, randomDay } from './test-instances.ts';
import { bruteForceOptimum } from './test-brute-force.ts';
import { smallDay, task } from './test-fixtures.ts';
import type { DayInput } from './types.ts';

const total = (p: { objective: { totalMinutesInBuilding: number } }) => p.objective.totalMinutesInBuilding;

describe('planDay', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('plans random day %i validly, no worse than dispatch, above its bound', (seed) => {
    const day = randomDay(seed * 7, { households: 2 + (seed % 4) * 4 });
    const plan = planDay(day, { seed, iterations: 400, budgetMs: 10_000 });
    expect(validatePlan(day, plan)).toEqual([]);
    expect(plan.method).toBe('planner');
    expect(plan.unplanned).toEqual([]);
    expect(total(plan)).toBeLessThanOrEqual(total(dispatch(day, 'fcfs')));
    expect(total(plan)).toBeLessThanOrEqual(total(dispatch(day, 'srpt')));
    expect(plan.lowerBound).toBeLessThanOrEqual(total(plan));
    expect(plan.lowerBound).toBe(lowerBound(day));
    expect(plan.gap).toBeCloseTo((total(plan) - plan.lowerBound) / total(plan), 9);
  });

  it('gives the same plan for the same input, seed and work, whatever the wall-clock cap', () => {
    // The budget is work done (placements decoded), so neither the load nor a cap that is not hit
    // changes the plan: a coordinator who plans twice gets the same day.
    const day = randomDay(29, { households: 8 });
    const a = planDay(day, { seed: 2, work: 400_000, budgetMs: 60_000 });
    const b = planDay(day, { seed: 2, work: 400_000, budgetMs: 240_000 });
    expect(a.search).toMatchObject({ capHit: false });
    expect(b.search).toMatchObject({ capHit: false });
    expect(b.assignments).toEqual(a.assignments);
    expect(b.search!.work).toBe(a.search!.work);
    // A cap that is hit says so (the plan then depends on the machine).
    expect(planDay(day, { seed: 2, work: 1e12, budgetMs: 1 }).search).toMatchObject({ capHit: true });
  });

  it('is deterministic for a seed and an iteration count (across restarts)', () => {
    const day = randomDay(11, { households: 6 });
    // 6000 iterations span several restarts on this day (a run stops after 2000 without a gain).
    const a = planDay(day, { seed: 3, iterations: 6000, budgetMs: 60_000 });
    const b = planDay(day, { seed: 3, iterations: 6000, budgetMs: 60_000 });
    expect(a.assignments).toEqual(b.assignments);
    expect(validatePlan(day, a)).toEqual([]);
  });

  it.each([21, 22, 23])('with restarts stays valid and no worse than dispatch on a busier day %i', (seed) => {
    const day = randomDay(seed, { households: 14, officersPerStation: 1 });
    const plan = planDay(day, { seed, iterations: 5000, budgetMs: 60_000 });
    expect(validatePlan(day, plan)).toEqual([]);
    expect(total(plan)).toBeLessThanOrEqual(Math.min(total(dispatch(day, 'fcfs')), total(dispatch(day, 'srpt'))));
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('reaches the brute-force optimum on micro day %i, with the bound below it', (seed) => {
    const day = microDay(seed);
    const exact = bruteForceOptimum(day);
    const plan = planDay(day, { seed, iterations: 3000, budgetMs: 10_000 });
    expect(validatePlan(day, plan)).toEqual([]);
    expect(total(plan)).toBe(exact.total);
    expect(lowerBound(day)).toBeLessThanOrEqual(exact.total);
  });

  it('makes a station wait when that is better (dispatch rules cannot)', () => {
    // One officer. p1 arrives 08:00 with 10 minutes of work, p2 at 08:01 with 1 minute. Taking p1 at once
    // costs 10 + 10 = 20 person-minutes; waiting a minute for p2 costs 1 + 12 = 13.
    const day: DayInput = {
      date: '2026-03-10',
      persons: [
        { id: 'p1', householdId: 'h1' },
        { id: 'p2', householdId: 'h2' },
      ],
      households: [
        { id: 'h1', arrival: 480, personIds: ['p1'] },
        { id: 'h2', arrival: 481, personIds: ['p2'] },
      ],
      tasks: [
        { ...task('t1', ['p1'], { durationMin: 10 }), householdId: 'h1' },
        { ...task('t2', ['p2'], { durationMin: 1 }), householdId: 'h2' },
      ],
      officers: [{ id: 'mv', station: 'MV', shift: { start: 480, end: 720 }, breaks: [] }],
      interpreters: [],
    };
    expect(total(dispatch(day, 'fcfs'))).toBe(20);
    expect(total(dispatch(day, 'srpt'))).toBe(20);
    const plan = planDay(day, { iterations: 500 });
    expect(validatePlan(day, plan)).toEqual([]);
    expect(total(plan)).toBe(13);
    expect(bruteForceOptimum(day).total).toBe(13);
    expect(plan.assignments.map((a) => [a.taskId, a.start])).toEqual([
      ['t2', 481],
      ['t1', 482],
    ]);
  });

  it('returns unplaceable tasks with their reasons', () => {
    const day = smallDay([
      task('ok', ['anna']),
      task('nostation', ['anna'], { station: 'PM' }),
      task('after-nostation', ['anna'], { after: ['nostation'] }),
      task('nolang', ['ben'], { interpreterLanguage: 'ti' }),
      // SKV works 08:00–12:00: two 150-minute tasks for one person cannot both fit.
      task('long1', ['ben'], { station: 'SKV', durationMin: 150 }),
      task('long2', ['ben'], { station: 'SKV', durationMin: 150 }),
    ]);
    const plan = planDay(day, { iterations: 200 });
    expect(validatePlan(day, plan)).toEqual([]);
    const reasons = Object.fromEntries(plan.unplanned.map((u) => [u.taskId, u.reason]));
    expect(reasons).toMatchObject({ nostation: 'no_officer', 'after-nostation': 'predecessor_unplanned', nolang: 'no_interpreter' });
    expect(Object.values(reasons).filter((r) => r === 'no_time')).toHaveLength(1);
    expect(plan.unplanned).toHaveLength(4);
  });
});
