// Hand-made micro days for the rule-by-rule tests.
import type { Assignment, DayInput, DayPlan, Task } from './types.ts';
import { objectiveOf } from './objective.ts';

export const task = (id: string, personIds: string[], extra: Partial<Task> = {}): Task => ({
  id,
  householdId: 'h1',
  stepKey: id,
  station: 'MV',
  personIds,
  durationMin: 10,
  after: [],
  interpreterLanguage: null,
  ...extra,
});

/** One household (h1: anna, ben, arriving 08:00), two MV officers, one SKV officer, one Arabic interpreter. */
export function smallDay(tasks: Task[]): DayInput {
  return {
    date: '2026-03-10',
    persons: [
      { id: 'anna', householdId: 'h1' },
      { id: 'ben', householdId: 'h1' },
    ],
    households: [{ id: 'h1', arrival: 480, personIds: ['anna', 'ben'] }],
    tasks,
    officers: [
      { id: 'mv1', station: 'MV', shift: { start: 480, end: 720 }, breaks: [{ start: 600, end: 630 }] },
      { id: 'mv2', station: 'MV', shift: { start: 480, end: 720 }, breaks: [] },
      { id: 'skv1', station: 'SKV', shift: { start: 480, end: 720 }, breaks: [] },
    ],
    interpreters: [{ id: 'ar1', language: 'ar', shift: { start: 480, end: 600 }, breaks: [{ start: 540, end: 550 }] }],
  };
}

export const assign = (taskId: string, start: number, end: number, officerId = 'mv1', interpreterId: string | null = null): Assignment => ({ taskId, start, end, officerId, interpreterId });

export function planOf(input: DayInput, assignments: Assignment[], unplanned: DayPlan['unplanned'] = []): DayPlan {
  return { assignments, unplanned, objective: objectiveOf(input, assignments), lowerBound: 0, gap: 0, method: 'test', runMs: 0 };
}
