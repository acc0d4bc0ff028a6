// The incremental decoder must give exactly what a fresh decode of the same genes gives, whatever the
// sequence of tried, accepted, rejected and no-op moves; and the search built on it stays valid.
import { describe, expect, it } from 'vitest';
import { Decoder, decode } from './decoder.ts';
import { makeFrame } from './frame.ts';
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
});
