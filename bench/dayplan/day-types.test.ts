// The named kinds of day: reproducible from their seeds, the sizes the bench promises, each with the
// trait it is named for; the committed instances are exactly what the generator makes; and every
// stored reference plan beside them passes the validator.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePlan } from '../../server/src/engines/dayplan/index.ts';
import { generateKindDay, KIND_CASES } from './day-types.ts';
import { CASES, generateDay } from './generate.ts';
import { readReferences, referencePlan } from './reference-store.ts';
import { formatDay } from './write-instances.ts';

const DIR = 'bench/instances';

describe('kinds of day', () => {
  it('are seeded: the same seed gives the same day', () => {
    expect(generateKindDay('lunch', 'medium', 602)).toEqual(generateKindDay('lunch', 'medium', 602));
    expect(generateKindDay('lunch', 'medium', 602)).not.toEqual(generateKindDay('lunch', 'medium', 603));
  });

  it('come in sizes from 10 to 120 tasks, small < medium < large', () => {
    for (const c of KIND_CASES) {
      const n = generateKindDay(c.kind, c.size, c.seed).tasks.length;
      expect(n, c.name).toBeGreaterThanOrEqual(10);
      expect(n, c.name).toBeLessThanOrEqual(120);
      expect(n, c.name).toBeGreaterThanOrEqual({ small: 10, medium: 40, large: 90 }[c.size]);
    }
  });

  it('each have the trait they are named for', () => {
    const day = (name: string) => { const c = KIND_CASES.find((k) => k.name === name)!; return generateKindDay(c.kind, c.size, c.seed); };
    const families = day('families-large');
    expect(families.households.some((h) => h.personIds.length >= 7)).toBe(true);
    expect(families.tasks.some((t) => t.station === 'PM')).toBe(true);
    const lunch = day('lunch-medium').officers.filter((o) => o.station === 'AF');
    expect(lunch.length).toBeGreaterThanOrEqual(2);
    for (const o of lunch) expect(o.breaks.some((b) => b.end - b.start >= 100 && b.start <= 705 && b.end >= 795)).toBe(true);
    const split = day('split-large').officers;
    expect(split.some((o) => o.shift.end - o.shift.start <= 300)).toBe(true);
    expect(split.some((o) => o.breaks.some((b) => b.end - b.start >= 90))).toBe(true);
    const scarce = day('scarce-large');
    expect(scarce.interpreters.filter((x) => x.language === 'ti')).toHaveLength(1);
    expect(scarce.tasks.filter((t) => t.interpreterLanguage === 'ti').length).toBeGreaterThan(10);
    expect(day('late-large').households.some((h) => h.arrival % 5 !== 0)).toBe(true);
    expect(day('over-large').officers.every((o) => o.shift.end <= 900)).toBe(true);
  });

  it('are committed exactly as the generator makes them, and every stored reference plan is valid', () => {
    const all = [...CASES.map((c) => [c.name, generateDay(c.size, c.seed)] as const), ...KIND_CASES.map((c) => [c.name, generateKindDay(c.kind, c.size, c.seed)] as const)];
    for (const [name, day] of all) {
      expect(readFileSync(`${DIR}/${name}.json`, 'utf8'), name).toBe(formatDay(day));
      for (const ref of readReferences(DIR, name)) expect(validatePlan(day, referencePlan(day, ref)), `${name} ${ref.method}`).toEqual([]);
    }
  });
});
