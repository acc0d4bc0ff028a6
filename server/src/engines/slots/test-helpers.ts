// Small builders for the slot tests: a query with sensible defaults that each test overrides.
import type { HolidayInfo } from '../calendar/office-calendar.ts';
import type { BookingRules, Hold, Place, Pool, SlotDay, SlotQuery } from './types.ts';

export const RULES: BookingRules = {
  durationMin: 30, bufferBeforeMin: 0, bufferAfterMin: 0, minNoticeMin: 0, horizonDays: 365, stepMin: 30, walkInShare: 0,
};

/** An instant given as Swedish wall-clock time with its UTC offset, e.g. at('2026-06-01T09:00', 2). */
export const at = (local: string, offsetHours: number) => Date.parse(`${local}:00Z`) - offsetHours * 3_600_000;

/** One-day mobile visit: the simplest open place. */
export const visit = (date: string, opens: string, closes: string): Place => ({ kind: 'mobile', visits: [{ date, opens, closes }] });

export const pool = (key: string, unitsByDate: Record<string, number>, sharedWithWalkIns = false): Pool => ({ key, unitsByDate, sharedWithWalkIns });

/** A pool with the same units on every date of 2026–2027. */
export function everyDay(key: string, units: number, sharedWithWalkIns = false): Pool {
  const unitsByDate = new Proxy({}, { get: () => units }) as Record<string, number>;
  return { key, unitsByDate, sharedWithWalkIns };
}

/** A hold; with `unit`, on that numbered unit (as booking_holds stores bookings). */
export const hold = (poolKey: string, start: number, end: number, unit?: number): Hold =>
  (unit === undefined ? { pool: poolKey, start, end } : { pool: poolKey, start, end, unit });

export const NO_HOLIDAYS: ReadonlyMap<string, HolidayInfo> = new Map();

export function query(p: Partial<Omit<SlotQuery, 'rules'>> & { rules?: Partial<BookingRules> }): SlotQuery {
  const from = p.from ?? '2026-06-01';
  return {
    now: p.now ?? Date.UTC(2026, 0, 1),
    from,
    to: p.to ?? from,
    rules: { ...RULES, ...p.rules },
    place: p.place ?? visit(from, '09:00', '11:00'),
    pools: p.pools ?? [everyDay('desk', 1)],
    holds: p.holds ?? [],
  };
}

/** The slots of every day as "HH:MM" UTC start times joined by spaces, e.g. "07:00 07:30". */
export const startsUtc = (days: SlotDay[]) =>
  days.map((d) => d.slots.map((s) => new Date(s.start).toISOString().slice(11, 16)).join(' '));
