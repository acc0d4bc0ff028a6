// Coverage and closure impact on hand-made cases whose answers are worked out in the comments.
import { describe, expect, it } from 'vitest';
import { closureImpact } from './closure.ts';
import { computeCoverage } from './coverage.ts';
import { instanceFrom } from './test-helpers.ts';

// Four places of 100, 200, 300 and 400 people; two sites. Places 0–1 in county A (kommun 1),
// places 2–3 in county B (kommun 2).
const instance = instanceFrom(
  [100, 200, 300, 400],
  [
    [5, 50],
    [20, 10],
    [40, 35],
    [70, 65],
  ],
  { county: ['A', 'A', 'B', 'B'], kommun: ['1', '1', '2', '2'] },
);

describe('coverage', () => {
  const result = computeCoverage(instance, [0, 1]);

  it('finds each place\'s nearest open site and minutes', () => {
    expect(result.assignments.map((a) => [a.siteIndex, a.minutes])).toEqual([[0, 5], [1, 10], [1, 35], [1, 65]]);
  });

  it('gives shares within 15/30/45/60, the weighted mean and p90 nationally', () => {
    // Within 15: 100 + 200; within 45: + 300; nobody else within 60.
    expect(result.national.within).toEqual([300, 300, 600, 600]);
    expect(result.national.shareWithin).toEqual([0.3, 0.3, 0.6, 0.6]);
    // (100·5 + 200·10 + 300·35 + 400·65) / 1000 = 39.
    expect(result.national.meanMinutes).toBeCloseTo(39, 10);
    // Cumulative people by minutes: 100, 300, 600, 1000; 90 % = 900 is reached at 65 minutes.
    expect(result.national.p90Minutes).toBe(65);
  });

  it('gives the same figures per county and municipality', () => {
    expect(result.byCounty.get('A')).toMatchObject({ population: 300, within: [300, 300, 300, 300], p90Minutes: 10 });
    expect(result.byCounty.get('A')!.meanMinutes).toBeCloseTo((500 + 2000) / 300, 10);
    // County B: 300 at 35 and 400 at 65; 90 % of 700 = 630 needs the 65-minute place.
    expect(result.byMunicipality.get('2')).toMatchObject({ population: 700, within: [0, 0, 300, 300], p90Minutes: 65 });
  });

  it('lists the underserved places beyond 30 minutes, largest population first', () => {
    expect(result.underserved).toEqual([
      { demandIndex: 3, population: 400, minutes: 65 },
      { demandIndex: 2, population: 300, minutes: 35 },
    ]);
    expect(computeCoverage(instance, [0, 1], { underservedMinutes: 60 }).underserved.map((u) => u.demandIndex)).toEqual([3]);
  });

  it('reports people who can reach no open site as unreachable, not as a mean of infinity', () => {
    const cut = instanceFrom([100, 900], [[10], [Infinity]]);
    const r = computeCoverage(cut, [0]);
    expect(r.national).toMatchObject({ population: 1000, unreachable: 900, meanMinutes: 10, p90Minutes: null, within: [100, 100, 100, 100] });
    expect(r.assignments[1]).toMatchObject({ siteIndex: -1, minutes: Infinity });
    expect(computeCoverage(cut, []).national).toMatchObject({ meanMinutes: null, unreachable: 1000 });
  });
});

describe('closure impact', () => {
  // Closing site 1 sends places 1, 2, 3 to site 0: +10, +5 and +5 minutes.
  const impact = closureImpact(instance, [0, 1], [1]);

  it('reassigns the closed site\'s people to their next site', () => {
    expect(impact.reassignments).toEqual([{ from: 1, to: 0, people: 900, addedPersonMinutes: 200 * 10 + 300 * 5 + 400 * 5 }]);
    expect(impact.affectedPeople).toBe(900);
  });

  it('adds travel time in total, per affected person and per capita', () => {
    expect(impact.addedPersonMinutes).toBe(5500);
    expect(impact.addedMinutesPerAffectedPerson).toBeCloseTo(5500 / 900, 10);
    expect(impact.addedMinutesPerCapita).toBeCloseTo(5.5, 10);
    expect(impact.after.national.meanMinutes! - impact.before.national.meanMinutes!).toBeCloseTo(5.5, 10);
  });

  it('counts the people who cross each threshold', () => {
    // Place 1 goes from 10 to 20 minutes: out of 15, still within 30.
    expect(impact.crossings.map((c) => [c.minutes, c.lost])).toEqual([[15, 200], [30, 0], [45, 0], [60, 0]]);
  });

  it('closes several sites at once and reports who is cut off', () => {
    const all = closureImpact(instance, [0, 1], [0, 1]);
    expect(all.cutOff).toBe(1000);
    expect(all.reassignments.map((r) => [r.from, r.to, r.people])).toEqual([[1, -1, 900], [0, -1, 100]]);
    expect(all.addedPersonMinutes).toBe(0);
    expect(() => closureImpact(instance, [0], [1])).toThrow(RangeError);
  });
});
