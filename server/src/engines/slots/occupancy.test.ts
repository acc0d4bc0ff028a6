// The occupancy step function on its own: the busiest moment of forward-moving windows.
import { describe, expect, it } from 'vitest';
import { Occupancy, PoolOccupancy } from './occupancy.ts';
import { hold } from './test-helpers.ts';

const h = (start: number, end: number) => hold('p', start, end);

describe('Occupancy', () => {
  it('is 0 with no holds', () => {
    expect(Occupancy.of([]).maxIn(0, 100)).toBe(0);
  });

  it('counts back-to-back holds as one at a time, overlapping ones as two', () => {
    expect(Occupancy.of([h(0, 30), h(30, 60)]).maxIn(0, 60)).toBe(1);
    expect(Occupancy.of([h(0, 40), h(20, 60)]).maxIn(0, 60)).toBe(2);
  });

  it('treats windows and holds as half-open: [start, end)', () => {
    const o = Occupancy.of([h(10, 20)]);
    expect(o.maxIn(0, 10)).toBe(0); // ends where the hold starts
    expect(o.maxIn(0, 11)).toBe(1);
    expect(o.maxIn(19, 30)).toBe(1);
    expect(o.maxIn(20, 30)).toBe(0); // starts where the hold ends
  });

  it('finds the peak inside a window, not only at its edges', () => {
    // Three nested holds peak at 3 between 40 and 50; the window's edges see 1.
    const o = Occupancy.of([h(0, 100), h(30, 60), h(40, 50), h(200, 210)]);
    expect(o.maxIn(0, 100)).toBe(3);
    expect(o.maxIn(50, 100)).toBe(2);
    expect(o.maxIn(60, 200)).toBe(1);
    expect(o.maxIn(100, 200)).toBe(0);
    expect(o.maxIn(100, 205)).toBe(1);
  });

  it('ignores holds that take no time, and does not depend on the order of the holds', () => {
    expect(Occupancy.of([h(50, 50), h(10, 10)]).maxIn(0, 100)).toBe(0);
    expect(Occupancy.of([h(20, 60), h(0, 40), h(30, 35)]).maxIn(0, 100)).toBe(3);
  });

  it('refuses a window that moves backwards', () => {
    const o = Occupancy.of([h(0, 10)]);
    o.maxIn(50, 60);
    expect(() => o.maxIn(40, 60)).toThrow(RangeError);
  });
});

describe('PoolOccupancy', () => {
  // Units 1 and 2 held back to back (0–30, 30–60), unit 5 held throughout, one hold without a unit 40–50.
  const pool = () => new PoolOccupancy(
    Occupancy.of([h(40, 50)]),
    Float64Array.from([1, 2, 5]),
    [Occupancy.of([h(0, 30)]), Occupancy.of([h(30, 60)]), Occupancy.of([h(0, 100)])],
  );

  it('counts a unit spare only when it is free for the whole window', () => {
    const o = pool();
    expect(o.spare(2, 0, 30)).toBe(1); // unit 2 is free until 30
    expect(o.spare(2, 15, 45)).toBe(-1); // both units busy for part of it, and the hold without a unit at 40
    expect(o.spare(2, 60, 90)).toBe(2);
  });

  it('lets holds without a unit take spare units, and ignores units above the bookable count', () => {
    const o = pool();
    expect(o.spare(3, 30, 45)).toBe(1); // unit 1 and 3 spare, one of them taken by the hold without a unit
    expect(o.spare(3, 60, 90)).toBe(3); // unit 5 is held, but 5 > 3
    expect(o.spare(5, 60, 90)).toBe(4);
  });
});
