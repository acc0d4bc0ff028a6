// How busy one pool is over time, for windows that only move forward.
//
// The holds become a step function: sorted start and end times, and after each the number of holds in
// progress. The busiest moment of a window [from, to) is the largest step it touches. Two holds
// back to back (09:00–09:30 and 09:30–10:00) touch the same hour but never run at once: the count is 1,
// not 2. Windows arrive in time order, so the largest step is kept with a monotone queue: each step
// enters and leaves once, and a window costs amortised O(1) instead of a scan of the holds.
import type { Hold } from './types.ts';

export class Occupancy {
  /** Step k runs from times[k] to times[k + 1] with counts[k] holds in progress; 0 before times[0]. */
  private readonly times: Float64Array;
  private readonly counts: Int32Array;
  private readonly steps: number;
  /** Steps by index, counts strictly decreasing from head to tail. */
  private readonly queue: Int32Array;
  private head = 0;
  private tail = 0;
  /** The next step not yet in the queue. */
  private next = 0;
  private lastFrom = -Infinity;
  private lastTo = -Infinity;

  /** Holds of this pool; empty ones (end ≤ start) take no time and are ignored. */
  static of(holds: readonly Hold[]): Occupancy {
    const starts = new Float64Array(holds.length);
    const ends = new Float64Array(holds.length);
    let n = 0;
    for (const h of holds) {
      if (h.start < h.end) {
        starts[n] = h.start;
        ends[n++] = h.end;
      }
    }
    return new Occupancy(starts.subarray(0, n), ends.subarray(0, n));
  }

  /** Start and end times of non-empty holds, in any order; both arrays are sorted in place. */
  constructor(starts: Float64Array, ends: Float64Array) {
    starts.sort();
    ends.sort();
    this.times = new Float64Array(starts.length + ends.length);
    this.counts = new Int32Array(starts.length + ends.length);
    let i = 0;
    let j = 0;
    let k = 0;
    let count = 0;
    while (j < ends.length) {
      const t = i < starts.length ? Math.min(starts[i]!, ends[j]!) : ends[j]!;
      // A hold ending at t and another starting at t are never in progress together.
      while (j < ends.length && ends[j] === t) { count--; j++; }
      while (i < starts.length && starts[i] === t) { count++; i++; }
      this.times[k] = t;
      this.counts[k] = count;
      k++;
    }
    this.steps = k;
    this.queue = new Int32Array(k);
  }

  /** Most holds in progress at once within [from, to). `from` and `to` must never decrease between calls. */
  maxIn(from: number, to: number): number {
    if (from < this.lastFrom || to < this.lastTo) throw new RangeError('Occupancy windows must move forward');
    this.lastFrom = from;
    this.lastTo = to;
    const { times, counts, queue } = this;
    while (this.next < this.steps && times[this.next]! < to) {
      const c = counts[this.next]!;
      while (this.tail > this.head && counts[queue[this.tail - 1]!]! <= c) this.tail--;
      queue[this.tail++] = this.next++;
    }
    // Drop steps over before the window starts (step k ends at times[k + 1]).
    while (this.tail > this.head) {
      const k = queue[this.head]!;
      if (k + 1 < this.steps && times[k + 1]! <= from) this.head++;
      else break;
    }
    return this.tail > this.head ? counts[queue[this.head]!]! : 0;
  }
}

/**
 * How many units of one pool are spare for a window, with holds on numbered units (as booking_holds
 * stores them) and holds without one. A unit is spare when no hold on it overlaps the window, since a
 * booking needs one unit for its whole time; holds without a unit then take as many of the spare units
 * as are in progress at once. Each numbered unit with holds has its own occupancy, read forward like the
 * pool's, so a window costs amortised O(units with holds).
 */
export class PoolOccupancy {
  /**
   * @param anonymous the holds without a unit
   * @param units the units (positive integers, ascending) that have holds
   * @param perUnit each unit's holds, in the order of `units`
   */
  constructor(
    private readonly anonymous: Occupancy,
    private readonly units: Float64Array,
    private readonly perUnit: readonly Occupancy[],
  ) {}

  /** Spare units of 1..bookable for [from, to) (may be 0 or less). Windows must move forward between calls. */
  spare(bookable: number, from: number, to: number): number {
    let busy = 0;
    // Units above the bookable count block nothing: their holds stay valid, and no lower unit is busier for them.
    for (let k = 0; k < this.units.length && this.units[k]! <= bookable; k++) {
      if (this.perUnit[k]!.maxIn(from, to) > 0) busy++;
    }
    return bookable - busy - this.anonymous.maxIn(from, to);
  }
}
