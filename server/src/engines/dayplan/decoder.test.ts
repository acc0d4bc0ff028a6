// The incremental decoder must give exactly what a fresh decode of the same genes gives, whatever the
// sequence of tried, accepted, rejected and no-op moves; and the search built on it stays valid.
import { describe, expect, it } from 'vitest';
import { Decoder, decode } from './decoder.ts';
import { emptyGenes, makeFrame } from './frame.ts';
import type { DayInput } from './types.ts';
import { indexDay } from './instance.ts';
import { dispatchSchedule } from './dispatch.ts';
import { genesFromSchedule, priorityRuleGenes } from './seeds.ts';
import { neighbourhood } from './moves.ts';
import { rng } from './random.ts';
import { randomDay } from './test-instances.ts';

describe('incremental decoder', () => {
  it.each([1, 2, 3, 4])('matches a fresh decode after every move on random day %i', (seed) => {
    const ix = indexDay(randomDay(seed * 31, { households: 3 + seed * 2 }));
    const frame = makeFrame(ix);
    const rand = rng(seed);
    const neighbour = neighbourhood(frame, rand);
    const start = seed % 2 ? genesFromSchedule(ix, dispatchSchedule(ix, 'fcfs')) : priorityRuleGenes(frame)[0]!;
    const dec = new Decoder(frame, start);
    const outcomes = { same: 0, accepted: 0, rejected: 0 };
    for (let k = 0; k < 300; k++) {
      const move = neighbour(dec.genes, dec.sched);
      if (!move) continue;
      if (dec.tryGenes(move.genes, move.first, move.last, move.geneTasks) === 'same') outcomes.same++;
      else if (rand() < 0.5) {
        dec.accept();
        outcomes.accepted++;
      } else {
        dec.reject();
        outcomes.rejected++;
      }
      const fresh = decode(frame, dec.genes);
      expect(dec.sched).toEqual(fresh);
    }
    // Every path through the decoder was exercised.
    expect(Math.min(outcomes.same, outcomes.accepted, outcomes.rejected)).toBeGreaterThan(0);
  });

  it('keeps fixed placements and the floor when re-planning', () => {
    const ix = indexDay(randomDay(5, { households: 4 }));
    const first = dispatchSchedule(ix, 'fcfs');
    const fixed = ix.tasks.map((_, i) => (first.start[i]! >= 0 && first.start[i]! < 540 ? { start: first.start[i]!, end: first.end[i]!, officer: first.officer[i]!, interpreter: first.interpreter[i]! } : null));
    const frame = makeFrame(ix, { floor: 540, fixed });
    const dec = new Decoder(frame, genesFromSchedule(ix, first));
    const neighbour = neighbourhood(frame, rng(9));
    for (let k = 0; k < 100; k++) {
      const move = neighbour(dec.genes, dec.sched);
      if (move && dec.tryGenes(move.genes, move.first, move.last, move.geneTasks) === 'decoded') dec.accept();
    }
    fixed.forEach((f, i) => {
      if (f) expect([dec.sched.start[i], dec.sched.end[i]]).toEqual([f.start, f.end]);
      else if (dec.sched.start[i]! >= 0) expect(dec.sched.start[i]).toBeGreaterThanOrEqual(540);
    });
    expect(dec.sched).toEqual(decode(frame, dec.genes));
  });

  it('gives a task to the officer whose break leaves no unusable stretch (looks ahead to lunches)', () => {
    // Two officers with overlapping long lunches (A 11:30–13:15, B 11:45–13:30) and three 45-minute
    // steps arriving 10:10, 10:25 and 10:55. The first must go to B (B then still has 50 minutes
    // before lunch, room for the third); on A it would leave 35 useless minutes and push the third
    // step to after lunch.
    const persons = ['a', 'b', 'c'];
    const arrival = [610, 625, 655];
    const day: DayInput = {
      date: '2026-03-10',
      persons: persons.map((id) => ({ id, householdId: id })),
      households: persons.map((id, k) => ({ id, arrival: arrival[k]!, personIds: [id] })),
      tasks: persons.map((id) => ({ id: `t-${id}`, householdId: id, stepKey: 'af', station: 'AF', personIds: [id], durationMin: 45, after: [], interpreterLanguage: null })),
      officers: [
        { id: 'A', station: 'AF', shift: { start: 480, end: 990 }, breaks: [{ start: 690, end: 795 }] },
        { id: 'B', station: 'AF', shift: { start: 480, end: 990 }, breaks: [{ start: 705, end: 810 }] },
      ],
      interpreters: [],
    };
    const ix = indexDay(day);
    const s = decode(makeFrame(ix), emptyGenes(3, [0, 1, 2]));
    expect([s.start[0], s.start[1], s.start[2]]).toEqual([610, 625, 655]);
    expect([s.officer[0], s.officer[1], s.officer[2]]).toEqual([1, 0, 1]);
  });
});
