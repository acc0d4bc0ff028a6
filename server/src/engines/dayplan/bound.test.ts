// The lower bound must never exceed the true optimum: checked against brute force on micro days, and
// against the planner on random days (any plan's value is at least the optimum).
import { describe, expect, it } from 'vitest';
import { lowerBound } from './bound.ts';
import { planDay } from './planner.ts';
import { microDay, randomDay } from './test-instances.ts';
import { bruteForceOptimum } from './test-brute-force.ts';

describe('lowerBound', () => {
  it.each(Array.from({ length: 16 }, (_, k) => k + 20))('stays below the brute-force optimum on micro day %i', (seed) => {
    const day = microDay(seed);
    expect(lowerBound(day)).toBeLessThanOrEqual(bruteForceOptimum(day).total);
  });

  it('sees queueing at a busy station (above the per-person bound)', () => {
    // Five persons arrive at 08:00, each with one 10-minute MV task, one officer: the best order gives
    // 10 + 20 + 30 + 40 + 50 = 150, which the station bound finds exactly; per person it would be 50.
    const persons = ['a', 'b', 'c', 'd', 'e'];
    const day = {
      date: '2026-03-10',
      persons: persons.map((id) => ({ id, householdId: id })),
      households: persons.map((id) => ({ id, arrival: 480, personIds: [id] })),
      tasks: persons.map((id) => ({ id: `t-${id}`, householdId: id, stepKey: 'mv', station: 'MV', personIds: [id], durationMin: 10, after: [], interpreterLanguage: null })),
      officers: [{ id: 'mv', station: 'MV', shift: { start: 480, end: 720 }, breaks: [] }],
      interpreters: [],
    };
    expect(lowerBound(day)).toBe(150);
  });

  it.each([1, 2, 3])('stays below the planner on random day %i', (seed) => {
    const day = randomDay(seed * 13, { households: 10 });
    expect(lowerBound(day)).toBeLessThanOrEqual(planDay(day, { iterations: 200 }).objective.totalMinutesInBuilding);
  });
});
