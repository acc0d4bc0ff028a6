// The lower bound must never exceed the true optimum: checked against brute force on micro days, and
// against the planner on random days (any plan's value is at least the optimum).
import { describe, expect, it } from 'vitest';
import { lowerBound } from './bound.ts';
import { planDay } from './planner.ts';
import { microDay, randomDay } from './test-instances.ts';
import { bruteForceOptimum } from './test-brute-force.ts';
import type { DayInput } from './types.ts';

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

  it('sees a step that no officer and interpreter can hold together before both lunches are over', () => {
    // SKV works except 11:15–12:00, the interpreter except 12:00–12:45: a 20-minute interpreted step for
    // a person arriving at 11:10 cannot start before 12:45, though each of the two is free for long
    // stretches. The bound is exact here: 12:45 + 20 − 11:10 = 115.
    const day: DayInput = {
      date: '2026-03-10',
      persons: [{ id: 'p', householdId: 'h' }],
      households: [{ id: 'h', arrival: 670, personIds: ['p'] }],
      tasks: [{ id: 't', householdId: 'h', stepKey: 'skv', station: 'SKV', personIds: ['p'], durationMin: 20, after: [], interpreterLanguage: 'ti' }],
      officers: [{ id: 'skv', station: 'SKV', shift: { start: 480, end: 990 }, breaks: [{ start: 675, end: 720 }] }],
      interpreters: [{ id: 'ti', language: 'ti', shift: { start: 480, end: 990 }, breaks: [{ start: 720, end: 765 }] }],
    };
    expect(bruteForceOptimum(day).total).toBe(115);
    expect(lowerBound(day)).toBe(115);
  });

  it('sees a scarce interpreter as a busy station', () => {
    // Three persons, each with a 30-minute step at a different station, all needing the one Tigrinya
    // interpreter: 30 + 60 + 90 = 180, which only the interpreter pool sees.
    const persons = ['a', 'b', 'c'];
    const stations = ['MV', 'SKV', 'AF'];
    const day: DayInput = {
      date: '2026-03-10',
      persons: persons.map((id) => ({ id, householdId: id })),
      households: persons.map((id) => ({ id, arrival: 480, personIds: [id] })),
      tasks: persons.map((id, k) => ({ id: `t-${id}`, householdId: id, stepKey: 's', station: stations[k]!, personIds: [id], durationMin: 30, after: [], interpreterLanguage: 'ti' })),
      officers: stations.map((s) => ({ id: s, station: s, shift: { start: 480, end: 990 }, breaks: [] })),
      interpreters: [{ id: 'ti', language: 'ti', shift: { start: 480, end: 990 }, breaks: [] }],
    };
    expect(bruteForceOptimum(day).total).toBe(180);
    expect(lowerBound(day)).toBe(180);
  });
});
