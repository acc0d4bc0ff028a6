// One resource's busy time (an officer, an interpreter or a person) as sorted, disjoint half-open
// intervals in two parallel number arrays. Officers and interpreters start with everything outside
// their working windows marked busy, so "free" already means "working and not taken".
import type { Interval } from './types.ts';

/** Stands in for "the whole day before / after": far outside any minute of a day. */
export const NEVER = 1e9;

export class Calendar {
  constructor(
    readonly starts: number[] = [],
    readonly ends: number[] = [],
  ) {}

  /** Busy everywhere outside the given sorted, disjoint windows. */
  static outside(windows: Interval[]): Calendar {
    const c = new Calendar();
    let from = -NEVER;
    for (const w of windows) {
      if (w.start > from) c.add(from, w.start);
      from = w.end;
    }
    c.add(from, NEVER);
    return c;
  }

  clone(): Calendar {
    return new Calendar(this.starts.slice(), this.ends.slice());
  }

  /** Index of the first interval that ends after t (binary search). */
  private firstEndingAfter(t: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** The earliest s ≥ from with [s, s + duration) free; NEVER or more when there is none. */
  earliestFree(from: number, duration: number): number {
    let s = from;
    let i = this.firstEndingAfter(s);
    const n = this.starts.length;
    while (i < n && this.starts[i]! < s + duration) {
      if (this.ends[i]! > s) s = this.ends[i]!;
      i++;
    }
    return s;
  }

  /** How long the resource would have stood idle right before s (best-fit tie-breaking). */
  idleBefore(s: number): number {
    const i = this.firstEndingAfter(s) - 1;
    return i < 0 ? NEVER : s - this.ends[i]!;
  }

  /** How long the resource stays free from s on (s itself free): up to its next busy interval. */
  idleAfter(s: number): number {
    const i = this.firstEndingAfter(s);
    return i >= this.starts.length ? NEVER : this.starts[i]! - s;
  }

  /** Whether [s, s + duration) is free (the quick test before a full search). */
  freeAt(s: number, duration: number): boolean {
    const i = this.firstEndingAfter(s);
    return i >= this.starts.length || this.starts[i]! >= s + duration;
  }

  add(start: number, end: number): void {
    if (end <= start) return;
    let i = this.firstEndingAfter(start);
    // Keep intervals sorted by start; callers only add free time, so no overlap to merge.
    while (i < this.starts.length && this.starts[i]! < start) i++;
    this.starts.splice(i, 0, start);
    this.ends.splice(i, 0, end);
  }

  /** Takes out an interval added earlier (the incremental decoder's undo). */
  remove(start: number, end: number): void {
    if (end <= start) return;
    let i = this.firstEndingAfter(start);
    while (i < this.starts.length && !(this.starts[i] === start && this.ends[i] === end)) i++;
    if (i === this.starts.length) throw new Error(`calendar: no interval ${start}–${end} to remove`);
    this.starts.splice(i, 1);
    this.ends.splice(i, 1);
  }
}
