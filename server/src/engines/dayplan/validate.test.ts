// Each hard rule provoked on a hand-made plan, so every violation code is known to fire (and a correct
// plan to pass): the validator is what every other test trusts.
import { describe, expect, it } from 'vitest';
import { validatePlan } from './validate.ts';
import { assign, planOf, smallDay, task } from './test-fixtures.ts';
import type { Violation } from './types.ts';

const codes = (vs: Violation[]) => [...new Set(vs.map((v) => v.code))].sort();

describe('validatePlan', () => {
  const day = smallDay([
    task('a', ['anna']),
    task('b', ['anna'], { after: ['a'] }),
    task('fam', ['anna', 'ben'], { station: 'SKV', durationMin: 20 }),
    task('talk', ['ben'], { interpreterLanguage: 'ar' }),
  ]);

  it('accepts a correct plan', () => {
    const plan = planOf(day, [assign('a', 480, 490), assign('b', 490, 500, 'mv2'), assign('fam', 500, 520, 'skv1'), assign('talk', 480, 490, 'mv2', 'ar1')]);
    expect(validatePlan(day, plan)).toEqual([]);
  });

  it('accepts a plan that lists the tasks it could not place', () => {
    const plan = planOf(day, [assign('a', 480, 490)], [
      { taskId: 'b', reason: 'no_time' },
      { taskId: 'fam', reason: 'no_officer' },
      { taskId: 'talk', reason: 'no_interpreter' },
    ]);
    expect(validatePlan(day, plan)).toEqual([]);
  });

  const cases: [Violation['code'], ReturnType<typeof assign>[]][] = [
    ['precedence', [assign('a', 480, 490), assign('b', 485, 495, 'mv2')]],
    ['person_overlap', [assign('a', 480, 490), assign('fam', 485, 505, 'skv1')]],
    ['officer_overlap', [assign('a', 480, 490), assign('talk', 485, 495, 'mv1', 'ar1')]],
    ['officer_station', [assign('fam', 480, 500, 'mv1')]],
    ['officer_hours', [assign('a', 470, 480)]],
    ['officer_hours', [assign('a', 595, 605)]],
    ['officer_hours', [assign('a', 715, 725)]],
    ['interpreter_missing', [assign('talk', 480, 490, 'mv1', null)]],
    ['interpreter_missing', [assign('talk', 480, 490, 'mv1', 'nobody')]],
    ['interpreter_hours', [assign('talk', 535, 545, 'mv1', 'ar1')]],
    ['interpreter_hours', [assign('talk', 600, 610, 'mv2', 'ar1')]],
    ['interpreter_overlap', [assign('talk', 480, 490, 'mv1', 'ar1'), assign('a', 485, 495, 'mv2', 'ar1')]],
    ['before_arrival', [assign('a', 470, 480, 'mv2')]],
    ['duration', [assign('a', 480, 495)]],
  ];
  it.each(cases)('finds %s', (code, assignments) => {
    const ids = new Set(assignments.map((a) => a.taskId));
    const rest = day.tasks.filter((t) => !ids.has(t.id)).map((t) => ({ taskId: t.id, reason: 'no_time' as const }));
    // 'b' left unplanned while 'a' is planned is fine; 'b' planned with 'a' missing is a precedence break.
    expect(codes(validatePlan(day, planOf(day, assignments, rest)))).toContain(code);
  });

  it('finds an interpreter of the wrong language', () => {
    const other = { ...day, interpreters: [...day.interpreters, { id: 'fa1', language: 'fa', shift: { start: 480, end: 720 }, breaks: [] }] };
    const plan = planOf(other, [assign('talk', 480, 490, 'mv1', 'fa1')], ['a', 'b', 'fam'].map((taskId) => ({ taskId, reason: 'no_time' as const })));
    expect(codes(validatePlan(other, plan))).toEqual(['interpreter_language']);
  });

  it('finds a planned task whose predecessor is not planned', () => {
    const plan = planOf(day, [assign('b', 490, 500)], ['a', 'fam', 'talk'].map((taskId) => ({ taskId, reason: 'no_time' as const })));
    expect(codes(validatePlan(day, plan))).toEqual(['precedence']);
  });

  it('finds missing, doubled and unknown tasks', () => {
    const plan = planOf(day, [assign('a', 480, 490), assign('a', 500, 510, 'mv2'), assign('ghost', 480, 490, 'skv1')], [{ taskId: 'b', reason: 'no_time' }, { taskId: 'fam', reason: 'no_time' }, { taskId: 'fam', reason: 'no_time' }]);
    expect(codes(validatePlan(day, plan))).toEqual(['task_missing', 'task_twice', 'unknown_task']);
  });
});
