// Adding sites: greedy, fast interchange and the Lagrangian bound against optima known by hand or by
// enumerating every subset.
import { describe, expect, it } from 'vitest';
import { addSites } from './add-sites.ts';
import { greedy } from './greedy.ts';
import { fastInterchange } from './interchange.ts';
import { lagrangianBound, solutionCosts } from './lagrangian.ts';
import { buildProblem, evaluate } from './problem.ts';
import { instanceFrom, lineInstance, randomInstance, subsets } from './test-helpers.ts';

const all = (m: number) => Array.from({ length: m }, (_, j) => j);

function bruteForce(p: ReturnType<typeof buildProblem>, k: number) {
  let best = Infinity;
  for (const s of subsets(p.candidates.length, k)) best = Math.min(best, evaluate(p, s));
  return best;
}

describe('p-median: greedy and fast interchange', () => {
  // People at 0, 1, 5, 9, 10 (one each); candidate sites at 0, 1, 5, 9, 10. Greedy opens 5 first
  // (18 person-minutes) and then any second site (10); the optimum pairs 1 or 0 with 9 or 10 (6).
  const line = lineInstance([0, 1, 5, 9, 10], [1, 1, 1, 1, 1], [0, 1, 5, 9, 10]);
  const p = buildProblem(line, { objective: 'pmedian', candidates: all(5) });

  it('greedy is trapped by its first choice', () => {
    const g = greedy(p, 2);
    expect(g.chosen[0]).toBe(2);
    expect(g.gains[0]).toBe(5 * 1440 - 18);
    expect(g.objective).toBe(10);
  });

  it('interchange reaches the optimum', () => {
    const r = fastInterchange(p, greedy(p, 2).chosen);
    expect(r.objective).toBe(6);
    expect(bruteForce(p, 2)).toBe(6);
    expect(r.swaps).toBeGreaterThan(0);
  });

  it('keeps the existing network fixed and reports each added site\'s gain', () => {
    // An office exists at 0; the best single addition is 9, next to the people at 9 and 10.
    const r = addSites(line, { objective: 'pmedian', k: 1, fixed: [0], candidates: all(5) });
    // With 0 open: 0+1+5+9+10 = 25. Adding 9: 0+1+4+0+1 = 6 (5 is 4 from 9 and 5 from 0).
    expect(r.objectiveBefore).toBe(25);
    expect(r.objectiveAfter).toBe(6);
    expect(r.sites).toEqual([{ siteIndex: 3, gain: 19, greedyGain: 19 }]);
    expect(r.headlineAfter).toBeCloseTo(6 / 5, 10);
    expect(r.coverage.assignments.map((a) => a.siteIndex)).toEqual([0, 0, 3, 3, 3]);
  });

  it('matches enumeration on random instances, with and without a fixed network', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const inst = randomInstance(seed, 30, 10);
      for (const fixed of [[], [seed % 10]]) {
        const q = buildProblem(inst, { objective: 'pmedian', candidates: all(10), fixed });
        const g = greedy(q, 3);
        const h = fastInterchange(q, g.chosen);
        const opt = bruteForce(q, 3);
        expect(h.objective).toBeLessThanOrEqual(g.objective + 1e-6);
        // Fast interchange is a local search: it must be at least as good as greedy and within 2 % here.
        expect(h.objective).toBeLessThanOrEqual(opt * 1.02 + 1e-6);
      }
    }
  });
});

describe('maximal covering', () => {
  // Four places of 4 people and one of 1. Site C covers places 1, 2 and 4 (9 people); site A covers 0, 1
  // and site B covers 2, 3 (8 each). Greedy takes C then A or B (13); the optimum is A + B (16).
  const covered = [
    [1, 0, 0],
    [1, 0, 1],
    [0, 1, 1],
    [0, 1, 0],
    [0, 0, 1],
  ];
  const inst = instanceFrom([4, 4, 4, 4, 1], covered.map((row) => row.map((c) => (c ? 10 : 100))));

  it('greedy alone covers 13 people, interchange the optimal 16', () => {
    const g = addSites(inst, { objective: 'maxcover', k: 2, candidates: [0, 1, 2], coverMinutes: 30, method: 'greedy' });
    expect(g.headlineAfter).toBe(13);
    const h = addSites(inst, { objective: 'maxcover', k: 2, candidates: [0, 1, 2], coverMinutes: 30 });
    expect(h.headlineAfter).toBe(16);
    expect(h.objectiveAfter).toBe(1); // the one person only C reaches
    expect(h.sites.map((s) => s.siteIndex).sort()).toEqual([0, 1]);
    expect(h.sites.every((s) => s.gain === 8)).toBe(true);
    expect(h.coverage.national.within[1]).toBe(16); // within 30 minutes
  });

  it('counts people exactly at the covering time as covered', () => {
    const edge = instanceFrom([5, 7], [[30], [30.5]]);
    expect(addSites(edge, { objective: 'maxcover', k: 1, candidates: [0], coverMinutes: 30 }).headlineAfter).toBe(5);
  });
});

describe('Lagrangian lower bound', () => {
  it('never exceeds the optimum and closes the gap on small instances', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const inst = randomInstance(100 + seed, 40, 12);
      const p = buildProblem(inst, { objective: 'pmedian', candidates: all(12), fixed: seed % 2 ? [] : [seed] });
      const h = fastInterchange(p, greedy(p, 3).chosen);
      const opt = bruteForce(p, 3);
      const lb = lagrangianBound(p, 3, { upperBound: h.objective, start: solutionCosts(p, h.chosen) });
      expect(lb.lowerBound).toBeLessThanOrEqual(opt * (1 + 1e-9));
      expect(lb.upperBound).toBeGreaterThanOrEqual(opt * (1 - 1e-9));
      expect(lb.lowerBound).toBeGreaterThan(opt * 0.97);
    }
  });

  it('is tight on the line example (the optimum 6)', () => {
    const line = lineInstance([0, 1, 5, 9, 10], [1, 1, 1, 1, 1], [0, 1, 5, 9, 10]);
    const p = buildProblem(line, { objective: 'pmedian', candidates: all(5) });
    const lb = lagrangianBound(p, 2, { upperBound: 6 });
    expect(lb.lowerBound).toBeLessThanOrEqual(6 + 1e-9);
    expect(lb.lowerBound).toBeGreaterThan(5.9);
  });
});
