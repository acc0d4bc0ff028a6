import { describe, expect, it } from 'vitest';
import { itineraries, timelines } from './views.ts';
import { assign, planOf, smallDay, task } from './test-fixtures.ts';

describe('views', () => {
  const day = smallDay([task('a', ['anna']), task('fam', ['anna', 'ben'], { station: 'SKV', durationMin: 20 }), task('talk', ['ben'], { interpreterLanguage: 'ar' })]);
  const plan = planOf(day, [assign('fam', 500, 520, 'skv1'), assign('a', 480, 490), assign('talk', 480, 490, 'mv2', 'ar1')]);

  it('gives each person their stops by start, household steps on every member', () => {
    const it = itineraries(day, plan);
    expect(it.anna!.map((s) => s.taskId)).toEqual(['a', 'fam']);
    expect(it.ben!.map((s) => [s.taskId, s.start, s.station, s.interpreterId])).toEqual([
      ['talk', 480, 'MV', 'ar1'],
      ['fam', 500, 'SKV', null],
    ]);
  });

  it('gives each officer and interpreter their timeline, empty when idle', () => {
    const t = timelines(day, plan);
    expect(Object.fromEntries(Object.entries(t.officers).map(([k, v]) => [k, v.map((s) => s.taskId)]))).toEqual({ mv1: ['a'], mv2: ['talk'], skv1: ['fam'] });
    expect(t.interpreters.ar1!.map((s) => s.taskId)).toEqual(['talk']);
  });
});
