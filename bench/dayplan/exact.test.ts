// The exact reference proves the optimum on micro days, checked against a brute force over every
// start on the 5-minute grid, officer and interpreter (with its own feasibility check).
import { describe, expect, it } from 'vitest';
import type { DayInput, Interval, Task } from '../../server/src/engines/dayplan/types.ts';
import { validatePlan } from '../../server/src/engines/dayplan/index.ts';
import { bruteForceOptimum } from '../../server/src/engines/dayplan/test-brute-force.ts';
import { solveBranchBound } from './exact-bb.ts';
import { solveExact } from './exact.ts';

const H = 60;
const shift = (start: number, end: number, breaks: Interval[] = []) => ({ shift: { start, end }, breaks });
const task = (id: string, householdId: string, station: string, personIds: string[], durationMin: number, after: string[] = [], interpreterLanguage: string | null = null): Task =>
  ({ id, householdId, stepKey: id, station, personIds, durationMin, after, interpreterLanguage });

function day(households: Array<{ id: string; arrival: number; persons: string[] }>, tasks: Task[], officers: DayInput['officers'], interpreters: DayInput['interpreters'] = []): DayInput {
  return {
    date: '2026-03-02',
    households: households.map((h) => ({ id: h.id, arrival: h.arrival, personIds: h.persons })),
    persons: households.flatMap((h) => h.persons.map((id) => ({ id, householdId: h.id }))),
    tasks, officers, interpreters,
  };
}

/** Lexicographic optimum (total, makespan) by enumeration; tasks must be listed in precedence order. */
function bruteForce(input: DayInput): { total: number; makespan: number } {
  const arrival = new Map(input.households.map((h) => [h.id, h.arrival]));
  const free = (r: { shift: Interval; breaks: Interval[] }, s: number, e: number) =>
    s >= r.shift.start && e <= r.shift.end && r.breaks.every((b) => e <= b.start || s >= b.end);
  const overlaps = (a: { s: number; e: number }, b: { s: number; e: number }) => a.s < b.e && b.s < a.e;
  const placed: Array<{ task: Task; s: number; e: number; officer: string; interpreter: string | null }> = [];
  let best = { total: Infinity, makespan: Infinity };
  const visit = (i: number) => {
    if (i === input.tasks.length) {
      const last = new Map<string, number>();
      for (const p of placed) for (const id of p.task.personIds) last.set(id, Math.max(last.get(id) ?? 0, p.e));
      const total = input.persons.reduce((sum, p) => sum + (last.has(p.id) ? last.get(p.id)! - arrival.get(p.householdId)! : 0), 0);
      const makespan = Math.max(...placed.map((p) => p.e));
      if (total < best.total || (total === best.total && makespan < best.makespan)) best = { total, makespan };
      return;
    }
    const t = input.tasks[i]!;
    const interpreters = t.interpreterLanguage === null ? [null] : input.interpreters.filter((x) => x.language === t.interpreterLanguage);
    for (let s = arrival.get(t.householdId)!; s + t.durationMin <= 24 * H; s += 5) {
      const e = s + t.durationMin;
      const me = { s, e };
      if (t.after.some((u) => placed.find((p) => p.task.id === u)!.e > s)) continue;
      if (placed.some((p) => overlaps(p, me) && p.task.personIds.some((id) => t.personIds.includes(id)))) continue;
      for (const o of input.officers.filter((x) => x.station === t.station && free(x, s, e))) {
        if (placed.some((p) => p.officer === o.id && overlaps(p, me))) continue;
        for (const x of interpreters) {
          if (x && (!free(x, s, e) || placed.some((p) => p.interpreter === x.id && overlaps(p, me)))) continue;
          placed.push({ task: t, s, e, officer: o.id, interpreter: x?.id ?? null });
          visit(i + 1);
          placed.pop();
        }
      }
    }
  };
  visit(0);
  return best;
}

const micro: Record<string, DayInput> = {
  // One person, two steps in a chain at two stations.
  chain: day([{ id: 'h1', arrival: 8 * H, persons: ['p1'] }],
    [task('a', 'h1', 'MV', ['p1'], 10), task('b', 'h1', 'SKV', ['p1'], 20, ['a'])],
    [{ id: 'mv1', station: 'MV', ...shift(8 * H, 12 * H) }, { id: 'skv1', station: 'SKV', ...shift(8 * H, 12 * H) }]),
  // The long step arrives first, the short one ten minutes later: the optimum leaves the counter idle
  // for ten minutes (first come, first served would give 120 minutes; the optimum is 90).
  waitForShort: day([{ id: 'h1', arrival: 8 * H, persons: ['p1'] }, { id: 'h2', arrival: 8 * H + 10, persons: ['p2'] }],
    [task('long', 'h1', 'SKV', ['p1'], 60), task('short', 'h2', 'SKV', ['p2'], 10)],
    [{ id: 'skv1', station: 'SKV', ...shift(8 * H, 12 * H) }]),
  // A household step with an interpreter who starts at 8:10, then one step each at a station with a
  // 8:20–8:30 break; two officers at MV with different hours.
  householdBreakInterpreter: day([{ id: 'h1', arrival: 8 * H, persons: ['p1', 'p2'] }],
    [task('mv', 'h1', 'MV', ['p1', 'p2'], 20, [], 'ar'), task('skv1', 'h1', 'SKV', ['p1'], 10, ['mv']), task('skv2', 'h1', 'SKV', ['p2'], 15, ['mv'])],
    [{ id: 'mv1', station: 'MV', ...shift(8 * H, 12 * H) }, { id: 'mv2', station: 'MV', ...shift(9 * H, 12 * H) },
      { id: 'skv1', station: 'SKV', ...shift(8 * H, 12 * H, [{ start: 8 * H + 20, end: 8 * H + 30 }]) }],
    [{ id: 'ar1', language: 'ar', ...shift(8 * H + 10, 12 * H) }, { id: 'ar2', language: 'ar', ...shift(8 * H + 15, 12 * H) }]),
};

describe('exact reference (HiGHS)', () => {
  it.each(Object.entries(micro))('proves the brute-force optimum on %s', async (_name, input) => {
    const expected = bruteForce(input);
    const result = await solveExact(input, { timeLimitSec: 20 });
    expect(result.status).toBe('optimal');
    expect(result.plan!.unplanned).toEqual([]);
    expect(validatePlan(input, result.plan!)).toEqual([]);
    expect(result.plan!.objective).toEqual({ totalMinutesInBuilding: expected.total, makespan: expected.makespan });
    expect(result.boundMinutes).toBe(expected.total);
  });

  it('finds the hand-computed optima', async () => {
    const totals = await Promise.all(Object.values(micro).map(async (i) => (await solveExact(i)).plan!.objective));
    // chain: 30 min, out at 8:30. waitForShort: idle until 8:10, short 8:10–8:20, long 8:20–9:20: 10 + 80.
    // householdBreakInterpreter: MV 8:10–8:30 with ar1 (from 8:10), SKV 8:30–8:40 and 8:40–8:55 (the
    // break blocks 8:20–8:30): 40 + 55.
    expect(totals).toEqual([
      { totalMinutesInBuilding: 30, makespan: 8 * H + 30 },
      { totalMinutesInBuilding: 90, makespan: 8 * H + 80 },
      { totalMinutesInBuilding: 95, makespan: 8 * H + 55 },
    ]);
  });
});

/** A seeded micro day: two households, a joint first step, a step each, a joint last step; breaks and interpreters. */
function randomMicro(seed: number): DayInput {
  let x = seed * 2654435761 % 2 ** 32;
  const rand = (k: number) => { x = (x * 1664525 + 1013904223) % 2 ** 32; return x % k; };
  const len = () => 10 + 5 * rand(6);
  const households = [
    { id: 'h1', arrival: 8 * H + 5 * rand(4), persons: rand(2) ? ['a1', 'a2'] : ['a1'] },
    { id: 'h2', arrival: 8 * H + 5 * rand(8), persons: ['b1'] },
  ];
  const tasks: Task[] = households.flatMap((h) => [
    task(`${h.id}-mv`, h.id, 'MV', h.persons, len(), [], rand(2) ? 'ar' : null),
    ...h.persons.map((p) => task(`${h.id}-skv-${p}`, h.id, 'SKV', [p], len(), [`${h.id}-mv`], rand(2) ? 'ar' : null)),
    task(`${h.id}-k`, h.id, 'KOMMUN', h.persons, len(), h.persons.map((p) => `${h.id}-skv-${p}`)),
  ]);
  const lunch = (from: number) => [{ start: from, end: from + 15 }];
  return day(households, tasks, [
    { id: 'mv1', station: 'MV', ...shift(8 * H, 12 * H, lunch(8 * H + 5 * rand(10))) },
    { id: 'skv1', station: 'SKV', ...shift(8 * H, 12 * H, lunch(8 * H + 5 * rand(12))) },
    ...(rand(2) ? [{ id: 'skv2', station: 'SKV', ...shift(8 * H + 30, 12 * H) }] : []),
    { id: 'k1', station: 'KOMMUN', ...shift(8 * H, 12 * H) },
  ], [{ id: 'ar1', language: 'ar', ...shift(8 * H, 12 * H, lunch(8 * H + 5 * rand(10))) }]);
}

describe('exact reference (branch and bound)', () => {
  it.each(Object.entries(micro))('finds the brute-force optimum on %s', (_name, input) => {
    const expected = bruteForce(input);
    const result = solveBranchBound(input);
    expect(result.status).toBe('optimal');
    expect(validatePlan(input, result.plan!)).toEqual([]);
    expect(result.optimumMinutes).toBe(expected.total);
    expect(result.plan!.objective.totalMinutesInBuilding).toBe(expected.total);
  });

  it('agrees with brute force on 12 seeded micro days with breaks, interpreters and joint steps', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const input = randomMicro(seed);
      const expected = bruteForceOptimum(input);
      const result = solveBranchBound(input);
      expect(result.status, `seed ${seed}`).toBe('optimal');
      expect(validatePlan(input, result.plan!), `seed ${seed}`).toEqual([]);
      expect(result.optimumMinutes, `seed ${seed}`).toBe(expected.total);
    }
  });

  it("proves a known plan's total optimal when nothing beats it, and finds the better plan when one does", () => {
    const input = micro.waitForShort!;
    expect(solveBranchBound(input, { incumbentMinutes: 90 })).toMatchObject({ status: 'optimal', plan: null, optimumMinutes: 90 });
    const better = solveBranchBound(input, { incumbentMinutes: 120 }); // first come, first served
    expect(better).toMatchObject({ status: 'optimal', optimumMinutes: 90 });
    expect(better.plan!.objective.totalMinutesInBuilding).toBe(90);
  });

  it('stops at its node limit, the same way on any machine, and keeps the best plan it found', () => {
    const input = randomMicro(3);
    const full = solveBranchBound(input);
    const limit = full.nodes - 1; // stopped just before the proof completes, after the plan was found
    const limited = solveBranchBound(input, { nodeLimit: limit });
    expect(limited.status).toBe('node_limit');
    expect(limited.optimumMinutes).toBeNull();
    expect(limited.plan).not.toBeNull();
    expect(validatePlan(input, limited.plan!)).toEqual([]);
    expect(limited.plan!.objective.totalMinutesInBuilding).toBeGreaterThanOrEqual(full.optimumMinutes!);
    expect(solveBranchBound(input, { nodeLimit: limit })).toMatchObject({ status: 'node_limit', nodes: limited.nodes });
  });
});
