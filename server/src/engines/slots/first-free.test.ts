// firstFree, firstFreeAcross and firstFreeEach: the earliest free slot in one place, over several, and of
// each of the earliest places.
import { describe, expect, it } from 'vitest';
import { computeSlots, firstFree, firstFreeAcross, firstFreeEach } from './slots.ts';
import { at, everyDay, hold, query } from './test-helpers.ts';
import type { Place, SlotQuery } from './types.ts';

const stop = (dates: string[]): Place => ({ kind: 'mobile', visits: dates.map((date) => ({ date, opens: '09:00', closes: '10:00' })) });

describe('firstFree', () => {
  it('skips full and closed days to the first free slot', () => {
    const place = stop(['2026-06-01', '2026-06-03']);
    // 2026-06-01 is full (09:00–10:00 held); 06-02 closed; 06-03 free from 09:00.
    const q = query({ place, from: '2026-06-01', to: '2026-06-05', holds: [hold('desk', at('2026-06-01T09:00', 2), at('2026-06-01T10:00', 2))] });
    expect(firstFree(q)).toEqual({ start: at('2026-06-03T09:00', 2), end: at('2026-06-03T09:30', 2), free: 1 });
    expect(firstFree(q)).toEqual(computeSlots(q).flatMap((d) => d.slots)[0]);
  });

  it('is null when nothing is free', () => {
    expect(firstFree(query({ place: stop([]), from: '2026-06-01', to: '2026-06-30' }))).toBeNull();
  });
});

describe('firstFreeAcross', () => {
  const a = query({ place: stop(['2026-06-03']), from: '2026-06-01', to: '2026-06-30' });
  const b = query({ place: stop(['2026-06-02']), from: '2026-06-01', to: '2026-06-30' });

  it('takes the earliest over the places', () => {
    expect(firstFreeAcross([{ key: 'a', query: a }, { key: 'b', query: b }])).toEqual({ key: 'b', slot: firstFree(b) });
  });

  it('gives a tie to the earlier entry', () => {
    expect(firstFreeAcross([{ key: 'b', query: b }, { key: 'b2', query: { ...b } }])?.key).toBe('b');
  });

  it('is null for no places, or none free', () => {
    expect(firstFreeAcross([])).toBeNull();
    expect(firstFreeAcross([{ key: 'x', query: query({ place: stop([]), from: '2026-06-01', to: '2026-06-30' }) }])).toBeNull();
  });

  it('handles places with different ranges', () => {
    const late = query({ place: stop(['2026-06-20']), from: '2026-06-15', to: '2026-06-30' });
    const none = query({ place: stop(['2026-06-10']), from: '2026-06-01', to: '2026-06-05' });
    expect(firstFreeAcross([{ key: 'late', query: late }, { key: 'none', query: none }])?.key).toBe('late');
  });

  it('stops at the first date with a slot: a place whose slots come later never reads its holds', () => {
    const trap: SlotQuery = {
      ...query({ place: stop(['2026-06-10']), from: '2026-06-01', to: '2026-06-30', pools: [everyDay('desk', 1)] }),
      get holds(): never { throw new Error('holds read'); },
    };
    expect(firstFreeAcross([{ key: 'trap', query: trap }, { key: 'b', query: b }])?.key).toBe('b');
  });
});

describe('firstFreeEach', () => {
  const places = ['2026-06-05', '2026-06-02', '2026-06-03', '2026-06-02', '2026-06-20'].map((d, i) => ({
    key: `p${i}`, query: query({ place: stop([d]), from: '2026-06-01', to: '2026-06-30' }),
  }));

  it('gives each place its own first free slot, earliest first and ties in the given order', () => {
    const all = firstFreeEach(places, 10);
    expect(all.map((x) => x.key)).toEqual(['p1', 'p3', 'p2', 'p0', 'p4']);
    for (const x of all) expect(x.slot).toEqual(firstFree(places.find((p) => p.key === x.key)!.query));
  });

  it('returns the limit earliest, the first of them what firstFreeAcross answers', () => {
    expect(firstFreeEach(places, 2).map((x) => x.key)).toEqual(['p1', 'p3']);
    expect(firstFreeEach(places, 1)[0]).toEqual(firstFreeAcross(places));
    expect(firstFreeEach(places, 0)).toEqual([]);
    expect(firstFreeEach([], 3)).toEqual([]);
  });

  it('stops once enough places have a slot: a later place never reads its holds', () => {
    const trap: SlotQuery = {
      ...query({ place: stop(['2026-06-10']), from: '2026-06-01', to: '2026-06-30', pools: [everyDay('desk', 1)] }),
      get holds(): never { throw new Error('holds read'); },
    };
    expect(firstFreeEach([{ key: 'trap', query: trap }, ...places.slice(1, 3)], 2).map((x) => x.key)).toEqual(['p1', 'p2']);
  });
});
