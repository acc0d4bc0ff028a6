// Template validation (each problem code provoked on a small hand-made template) and expansion of
// households into tasks (applicability, members and parent, durations, precedence, interpreters).
import { describe, it, expect } from 'vitest';
import { expandDay, validateTemplate } from './template.ts';
import { DEFAULT_TEMPLATE } from './default-template.ts';
import type { HouseholdInput, MemberInput, PathwayTemplate, TemplateStep } from './types.ts';

const YEAR = 2026;

function step(key: string, extra: Partial<TemplateStep> = {}): TemplateStep {
  return { key, name: key, station: 'X', scope: 'person', durationMin: 10, after: [], applies: {}, ...extra };
}
const template = (...steps: TemplateStep[]): PathwayTemplate => ({ id: 't', name: 't', steps });
const codes = (t: PathwayTemplate) => validateTemplate(t).map((p) => `${p.code} ${p.stepKey} ${p.field}`);

const member = (id: string, age: number, needsInterpreter = false): MemberInput => ({ id, birthYear: YEAR - age, needsInterpreter });
function household(id: string, members: MemberInput[], extra: Partial<HouseholdInput> = {}): HouseholdInput {
  return { id, language: 'ar', assignedHousing: false, arrival: 510, members, ...extra };
}

describe('validateTemplate', () => {
  it('finds nothing wrong with the default template', () => {
    expect(validateTemplate(DEFAULT_TEMPLATE)).toEqual([]);
  });

  it('reports a duplicate key at the second use', () => {
    expect(codes(template(step('a'), step('b'), step('a')))).toEqual(['duplicate_key a steps[2].key']);
  });

  it('reports an after naming no step, with the field path', () => {
    expect(codes(template(step('a'), step('b', { after: ['a', 'nope'] })))).toEqual(['unknown_step b steps[1].after[1]']);
  });

  it('reports a cycle once, naming the steps on it', () => {
    const t = template(step('a'), step('b', { after: ['a', 'd'] }), step('c', { after: ['b'] }), step('d', { after: ['c'] }));
    const problems = validateTemplate(t);
    expect(problems.map((p) => p.code)).toEqual(['cycle']);
    expect(problems[0]!.message).toContain('b → c → d → b');
    expect(codes(template(step('a', { after: ['a'] })))).toEqual(['cycle a steps[0].after']);
  });

  it('reports impossible age bounds as bad_age_range', () => {
    expect(codes(template(step('a', { applies: { minAge: 30, maxAge: 20 } })))).toEqual(['bad_age_range a steps[0].applies']);
    expect(codes(template(step('a', { applies: { minAge: -1 } })))).toEqual(['bad_age_range a steps[0].applies']);
  });

  it('reports a step no person can meet as unreachable', () => {
    // A member aged 0–5 means the household has a child under 6: the conditions contradict each other.
    const t = template(step('a', { applies: { maxAge: 5, hasChildrenUnder6: false } }));
    expect(codes(t)).toEqual(['unreachable a steps[0].applies']);
  });

  it('reports a precedence between disjoint populations as unreachable', () => {
    const t = template(step('elder', { applies: { minAge: 65 } }), step('kid', { applies: { maxAge: 15 }, after: ['elder'] }));
    expect(codes(t)).toEqual(['unreachable kid steps[1].after[0]']);
  });

  it('accepts a precedence reaching a child step through the parent', () => {
    const t = template(
      step('adult', { applies: { minAge: 18 } }),
      step('school', { scope: 'household', applies: { minAge: 6, maxAge: 15 }, withParent: true, after: ['adult'] }),
    );
    expect(validateTemplate(t)).toEqual([]);
  });

  it('reports durations out of range', () => {
    const t = template(step('a', { durationMin: 0 }), step('b', { durationMin: 481 }), step('c', { perMemberMin: -5 }), step('d', { durationMin: 7.5 }));
    expect(codes(t)).toEqual([
      'bad_duration a steps[0].durationMin',
      'bad_duration b steps[1].durationMin',
      'bad_duration c steps[2].perMemberMin',
      'bad_duration d steps[3].durationMin',
    ]);
  });
});

describe('expandDay', () => {
  const family = household('h1', [member('mum', 38, true), member('dad', 40), member('girl', 9), member('boy', 3)], { assignedHousing: true });
  const single = household('h2', [member('solo', 25, true)], { language: 'ti', arrival: 540 });
  const elder = household('h3', [member('gran', 70, true)], { language: 'so' });
  const day = expandDay(DEFAULT_TEMPLATE, [family, single, elder], YEAR);
  const task = (id: string) => {
    const t = day.tasks.find((x) => x.id === id);
    if (!t) throw new Error(`no task ${id}`);
    return t;
  };
  const stepsOf = (householdId: string) => day.tasks.filter((t) => t.householdId === householdId).map((t) => t.id);

  it('lists households and persons', () => {
    expect(day.households).toEqual([
      { id: 'h1', arrival: 510, personIds: ['mum', 'dad', 'girl', 'boy'] },
      { id: 'h2', arrival: 540, personIds: ['solo'] },
      { id: 'h3', arrival: 510, personIds: ['gran'] },
    ]);
    expect(day.persons).toContainEqual({ id: 'boy', householdId: 'h1' });
    expect(day.persons).toHaveLength(6);
  });

  it('applies steps by age, children and housing', () => {
    expect(stepsOf('h2')).toEqual([
      'h2:mv-beslut',
      'h2:skv-folkbokforing:solo',
      'h2:af-inskrivning:solo',
      'h2:fk-ersattning',
      'h2:kommun-sfi:solo',
    ]);
    expect(stepsOf('h3')).toEqual(['h3:mv-beslut', 'h3:skv-folkbokforing:gran', 'h3:pm-aldre:gran', 'h3:kommun-sfi:gran']);
    expect(stepsOf('h1')).toContain('h1:kommun-nyckel');
    expect(stepsOf('h1')).toContain('h1:kommun-skola');
    expect(stepsOf('h1')).toContain('h1:kommun-forskola');
  });

  it('applies the household flags of a custom template', () => {
    const t = template(
      step('school-info', { scope: 'household', applies: { minAge: 18, hasSchoolAgeChildren: true } }),
      step('no-kids', { applies: { minAge: 18, hasChildrenUnder6: false } }),
    );
    const d = expandDay(t, [family, single], YEAR);
    expect(d.tasks.map((x) => x.id)).toEqual(['h1:school-info', 'h2:no-kids:solo']);
    expect(d.tasks[0]!.personIds).toEqual(['mum', 'dad']);
  });

  it('gives household tasks their members and one parent, with per-member minutes', () => {
    expect(task('h1:mv-beslut')).toMatchObject({ personIds: ['mum', 'dad', 'girl', 'boy'], durationMin: 15 + 5 * 4 });
    // The parent is the first adult who needs no interpreter: dad.
    expect(task('h1:kommun-skola')).toMatchObject({ personIds: ['dad', 'girl'], durationMin: 20 + 5 * 2, interpreterLanguage: null });
    expect(task('h1:skv-folkbokforing-barn')).toMatchObject({ personIds: ['dad', 'girl', 'boy'], durationMin: 10 + 5 * 3 });
    expect(task('h1:fk-ersattning')).toMatchObject({ personIds: ['mum', 'dad'], durationMin: 15 + 10 * 2 });
    expect(task('h1:af-inskrivning:mum')).toMatchObject({ personIds: ['mum'], durationMin: 45 });
  });

  it('takes the oldest member as the parent when there is no adult', () => {
    const kids = household('h9', [member('k1', 10), member('k2', 16)]);
    const t = template(step('school', { scope: 'household', applies: { maxAge: 12 }, withParent: true }));
    expect(expandDay(t, [kids], YEAR).tasks[0]!.personIds).toEqual(['k1', 'k2']);
  });

  it('makes each task wait for the earlier steps of the people it shares', () => {
    expect(task('h1:skv-folkbokforing:mum').after).toEqual(['h1:mv-beslut']);
    expect(task('h1:fk-ersattning').after.sort()).toEqual(
      ['h1:af-inskrivning:dad', 'h1:af-inskrivning:mum', 'h1:skv-folkbokforing:dad', 'h1:skv-folkbokforing:mum'].sort(),
    );
    expect(task('h1:kommun-sfi:dad').after).toEqual(['h1:skv-folkbokforing:dad']);
  });

  it('passes precedence through a step that skips the person', () => {
    // "old" (70) has no "work" task, so their "money" waits for what "work" waits for: "first".
    const t = template(
      step('first', { scope: 'household' }),
      step('work', { applies: { minAge: 18, maxAge: 64 }, after: ['first'] }),
      step('money', { after: ['work'] }),
    );
    const d = expandDay(t, [household('h', [member('young', 30), member('old', 70)])], YEAR);
    expect(d.tasks.find((x) => x.id === 'h:money:young')!.after).toEqual(['h:work:young']);
    expect(d.tasks.find((x) => x.id === 'h:money:old')!.after).toEqual(['h:first']);
  });

  it('asks for an interpreter of the household language when anyone involved needs one', () => {
    expect(task('h1:mv-beslut').interpreterLanguage).toBe('ar');
    expect(task('h1:af-inskrivning:mum').interpreterLanguage).toBe('ar');
    expect(task('h1:af-inskrivning:dad').interpreterLanguage).toBeNull();
    expect(task('h1:fk-ersattning').interpreterLanguage).toBe('ar');
    expect(task('h2:mv-beslut').interpreterLanguage).toBe('ti');
  });

  it('orders tasks so that every prerequisite comes earlier, with unique ids', () => {
    const seen = new Set<string>();
    for (const t of day.tasks) {
      for (const a of t.after) expect(seen.has(a)).toBe(true);
      seen.add(t.id);
    }
    expect(seen.size).toBe(day.tasks.length);
  });

  it('refuses templates with cycles and days with repeated person ids', () => {
    expect(() => expandDay(template(step('a', { after: ['b'] }), step('b', { after: ['a'] })), [single], YEAR)).toThrow(/circle/);
    expect(() => expandDay(DEFAULT_TEMPLATE, [single, household('h4', [member('solo', 30)])], YEAR)).toThrow(/twice/);
  });
});
