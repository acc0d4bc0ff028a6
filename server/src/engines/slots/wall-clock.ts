// Europe/Stockholm wall-clock times to instants, right on the two daylight-saving days a year.
//
// A wall-clock minute of a date can exist once (most of the year), not at all (02:00–02:59 on the last
// Sunday of March: the clock jumps from 02:00 to 03:00), or twice (02:00–02:59 on the last Sunday of
// October: the clock goes back from 03:00 to 02:00). `DayClock` answers for one date with at most one
// change of UTC offset, which is all Sweden has.
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

const OFFSET_FORMAT = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Stockholm', timeZoneName: 'longOffset' });

/** Minutes east of UTC in Sweden at an instant (60 in winter, 120 in summer). */
export function stockholmOffsetAt(instant: number): number {
  const name = OFFSET_FORMAT.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** Midnight UTC of a YYYY-MM-DD date: wall-clock minute m of that date is near base + m minutes. */
export function utcMidnight(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

export interface DayClock {
  /** The instant of wall-clock minute m the first time the clock shows it; null if it never does (spring gap). */
  first(minute: number): number | null;
  /** The instant the clock first shows minute m, or the end of the gap if it never does (an opening time). */
  opening(minute: number): number;
  /** The last instant the clock shows minute m, or the end of the gap if it never does (a closing time). */
  closing(minute: number): number;
}

/** Per date, found once: the offset at its start, at its end, and the instant it changes (if it does). */
interface DayOffsets { base: number; before: number; after: number; change: number | null }

// Dates repeat across queries (every office asks for the same month), so the offsets are remembered.
// The answer for a date never changes, so the cache keeps the engine a pure function; it is bounded.
const CACHE = new Map<string, DayOffsets>();
const CACHE_LIMIT = 20_000;

function dayOffsets(date: string): DayOffsets {
  const hit = CACHE.get(date);
  if (hit) return hit;
  const base = utcMidnight(date);
  // Probes just before the date's first and after its last local minute (the day spans about
  // base − 2 h to base + 23 h); Sweden changes at 01:00 UTC, well inside.
  const lo = base - 3 * HOUR_MS;
  const hi = base + 21 * HOUR_MS;
  const before = stockholmOffsetAt(lo);
  const after = stockholmOffsetAt(hi);
  let change: number | null = null;
  if (before !== after) {
    // The first minute with the new offset, by bisection over whole minutes.
    let a = lo / MINUTE_MS;
    let b = hi / MINUTE_MS;
    while (b - a > 1) {
      const mid = Math.floor((a + b) / 2);
      if (stockholmOffsetAt(mid * MINUTE_MS) === before) a = mid;
      else b = mid;
    }
    change = b * MINUTE_MS;
  }
  const out = { base, before, after, change };
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(date, out);
  return out;
}

export function dayClock(date: string): DayClock {
  const { base, before, after, change } = dayOffsets(date);
  if (change === null) {
    const shift = base - before * MINUTE_MS;
    const at = (minute: number) => shift + minute * MINUTE_MS;
    return { first: at, opening: at, closing: at };
  }
  // Reading the minute with the old offset is right if that instant is before the change; with the new
  // offset, if it is at or after it. Both right: the repeated hour; neither: the skipped hour.
  const withBefore = (minute: number) => {
    const t = base + (minute - before) * MINUTE_MS;
    return t < change ? t : null;
  };
  const withAfter = (minute: number) => {
    const t = base + (minute - after) * MINUTE_MS;
    return t >= change ? t : null;
  };
  const first = (minute: number) => {
    const a = withBefore(minute);
    const b = withAfter(minute);
    if (a === null) return b;
    return b === null ? a : Math.min(a, b);
  };
  const last = (minute: number) => {
    const a = withBefore(minute);
    const b = withAfter(minute);
    if (a === null) return b;
    return b === null ? a : Math.max(a, b);
  };
  return {
    first,
    opening: (minute) => first(minute) ?? change,
    closing: (minute) => last(minute) ?? change,
  };
}
