// The two dispatch rules: valid plans on random days, their choice rules on hand-made cases, and the
// no-idle property the planner is meant to beat.
import { describe, expect, it } from 'vitest';
import { dispatch } from './dispatch.ts';
import { validatePlan } from './validate.ts';
import { randomDay } from './test-instances.ts';
import { smallDay, task } from './test-fixtures.ts';
import type { DayInput } from './types.ts';

/** One MV officer busy with p0 until 08:10; p1 (30 min of work) arrives 08:00, p2 (5 min) at 08:01. */
function queueAtMv(): DayInput {
  const hh = (id: string, arrival: number) => ({ id, arrival, personIds: [`${id}p`] });
  return {
    date: '2026-03-10',
    persons: ['h0', 'h1', 'h2'].map((h) => ({ id: `${h}p`, householdId: h })),
    households: [hh('h0', 475), hh('h1', 480), hh('h2', 481)],
    tasks: [
      { ...task('warm', ['h0p'], { durationMin: 15 }), householdId: 'h0' },
      { ...task('long', ['h1p'], { durationMin: 30 }), householdId: 'h1' },
      { ...task('short', ['h2p'], { durationMin: 5 }), householdId: 'h2' },
    ],
    officers: [{ id: 'mv', station: 'MV', shift: { start: 475, end: 720 }, breaks: [] }],
    interpreters: [],
  };
}

describe('dispatch', () => {
  it.each([1, 2, 3, 4, 5, 6])('gives valid plans on random day %i', (seed) => {
    const day = randomDay(seed, { households: 2 + seed * 3 });
    for (const rule of ['fcfs', 'srpt'] as const) {
      const plan = dispatch(day, rule);
      expect(validatePlan(day, plan)).toEqual([]);
      expect(plan.method).toBe(rule);
      expect(plan.lowerBound).toBeLessThanOrEqual(plan.objective.totalMinutesInBuilding);
    }
  });

  it('fcfs takes who arrived first, srpt who has least work left, and neither waits', () => {
    const day = queueAtMv();
    const startOf = (plan: ReturnType<typeof dispatch>, id: string) => plan.assignments.find((a) => a.taskId === id)!.start;
    const fcfs = dispatch(day, 'fcfs');
    expect([startOf(fcfs, 'warm'), startOf(fcfs, 'long'), startOf(fcfs, 'short')]).toEqual([475, 490, 520]);
    const srpt = dispatch(day, 'srpt');
    expect([startOf(srpt, 'warm'), startOf(srpt, 'short'), startOf(srpt, 'long')]).toEqual([475, 490, 495]);
  });

  it('reports what it cannot place, with reasons', () => {
    const day = smallDay([
      task('ok', ['anna']),
      task('nostation', ['anna'], { station: 'PM' }),
      task('after-nostation', ['anna'], { after: ['nostation'] }),
      task('nolang', ['ben'], { interpreterLanguage: 'ti' }),
      task('toolong', ['ben'], { durationMin: 300 }),
    ]);
    for (const rule of ['fcfs', 'srpt'] as const) {
      const plan = dispatch(day, rule);
      expect(validatePlan(day, plan)).toEqual([]);
      expect(Object.fromEntries(plan.unplanned.map((u) => [u.taskId, u.reason]))).toEqual({
        nostation: 'no_officer',
        'after-nostation': 'predecessor_unplanned',
        nolang: 'no_interpreter',
        toolong: 'no_officer',
      });
    }
  });
});
