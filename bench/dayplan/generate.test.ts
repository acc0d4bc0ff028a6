// The day generator: the same seed gives the same day, and every day keeps the invariants the
// benchmark relies on (tiny days stay small, ids are unique, staffing covers every station and language).
import { describe, it, expect } from 'vitest';
import { CASES, generateDay, generateHouseholds, mulberry32, OPEN, TINY_MAX_PERSONS } from './generate.ts';

describe('generateDay', () => {
  it('gives the same day for the same seed, and another for another seed', () => {
    expect(generateDay('small', 7)).toEqual(generateDay('small', 7));
    expect(generateDay('small', 7)).not.toEqual(generateDay('small', 8));
    const r1 = mulberry32(42);
    const r2 = mulberry32(42);
    expect([r1(), r1(), r1()]).toEqual([r2(), r2(), r2()]);
  });

  it('keeps tiny days at three households and at most ten persons', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const day = generateDay('tiny', seed);
      expect(day.households).toHaveLength(3);
      expect(day.persons.length).toBeLessThanOrEqual(TINY_MAX_PERSONS);
    }
  });

  it('makes consistent days for every benchmark case', () => {
    for (const c of CASES) {
      const day = generateDay(c.size, c.seed);
      const ids = (xs: { id: string }[]) => new Set(xs.map((x) => x.id)).size === xs.length;
      expect(ids(day.persons) && ids(day.households) && ids(day.tasks) && ids(day.officers) && ids(day.interpreters)).toBe(true);
      for (const h of day.households) {
        expect(h.arrival).toBeGreaterThanOrEqual(OPEN.start);
        expect(h.arrival).toBeLessThan(12 * 60);
      }
      const stations = new Set(day.officers.map((o) => o.station));
      const languages = new Set(day.interpreters.map((i) => i.language));
      for (const t of day.tasks) {
        expect(stations.has(t.station)).toBe(true);
        if (t.interpreterLanguage) expect(languages.has(t.interpreterLanguage)).toBe(true);
      }
      for (const staff of [...day.officers, ...day.interpreters]) {
        for (const b of staff.breaks) expect(b.start >= staff.shift.start && b.end <= staff.shift.end).toBe(true);
      }
    }
  });

  it('draws households that look like a day of newcomers', () => {
    const households = generateHouseholds('large', 401);
    const sizes = households.map((h) => h.members.length);
    expect(sizes.filter((n) => n === 1).length).toBeGreaterThan(households.length * 0.2);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(4);
    const ages = households.flatMap((h) => h.members.map((m) => 2026 - m.birthYear));
    expect(ages.some((a) => a < 6) && ages.some((a) => a >= 65)).toBe(true);
    expect(households.some((h) => h.members.some((m) => !m.needsInterpreter))).toBe(true);
    expect(new Set(households.map((h) => h.language)).size).toBeGreaterThanOrEqual(5);
  });
});
