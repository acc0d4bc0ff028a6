// The slot engine's input and output: everything needed to say which start times of a service can still
// be booked at one place (an office, or a mobile team's dated visits at a stop), as plain data. Times are
// epoch milliseconds for instants and Europe/Stockholm wall-clock strings for the calendar, so the engine
// gets daylight-saving days right without knowing the server's time zone.
import type { HolidayInfo } from '../calendar/office-calendar.ts';
import type { DateException, OpeningHours } from '../../../../contracts/registry.ts';

/** How a service is booked: set per service by the office manager (booking settings). */
export interface BookingRules {
  durationMin: number;
  /** Kept free before and after each booking (preparing the room, writing up): holds extend by these. */
  bufferBeforeMin: number;
  bufferAfterMin: number;
  /** No booking starts sooner than this after now. */
  minNoticeMin: number;
  /** No booking starts more than this many days after today (Stockholm date). */
  horizonDays: number;
  /**
   * Start times fall on this wall-clock grid from the opening of each interval (e.g. 15 → 09:00, 09:15, …).
   * The service itself must end by closing; the buffers need not fit in the opening hours.
   */
  stepMin: number;
  /** Share (0–1) of the service's staffed capacity kept for the walk-in queue: pools shared with walk-ins
   *  offer floor(units × (1 − walkInShare)) units to bookings. */
  walkInShare: number;
}

/**
 * A capacity pool: identical units (officers of an agency with the competence, counters, video rooms, a
 * mobile team) of which a booking needs one at a time. A booking needs one unit from each pool it names.
 */
export interface Pool {
  /** Unique within a query; holds name their pool by it. */
  key: string;
  /** Units per Stockholm date; a date not listed has none. Walk-in shares are applied by the engine. */
  unitsByDate: Readonly<Record<string, number>>;
  /** Whether the service's walk-in share reduces this pool (staff and counters yes; video rooms no). */
  sharedWithWalkIns: boolean;
}

/**
 * Time already taken in a pool: an existing booking including its buffers, or walk-in service time.
 *
 * A hold with a `unit` sits on that numbered unit (1-based), as the database's `booking_holds` rows do:
 * a booking needs one unit free for its whole window, so a unit busy for part of it is of no use. A
 * unit that is not one of the date's bookable units 1..n (e.g. a booking taken before the walk-in share
 * was raised) makes no lower unit busy. A hold without a unit takes some unit, whichever: such holds
 * count by how many are in progress at one moment, and take that many of the units left free.
 */
export interface Hold {
  pool: string;
  /** Epoch ms, start inclusive, end exclusive. */
  start: number;
  end: number;
  /** The numbered unit it holds (1-based), or none. */
  unit?: number;
}

/** Where and when the service can be given. */
export type Place =
  /** An office: weekly hours, date exceptions and Swedish non-working days (engines/calendar). */
  | { kind: 'office'; openingHours: readonly OpeningHours[]; dateExceptions: readonly DateException[]; holidays: ReadonlyMap<string, HolidayInfo> }
  /** A mobile stop: only the team's dated visits count, each with its hours (holidays are already excluded). */
  | { kind: 'mobile'; visits: ReadonlyArray<{ date: string; opens: string; closes: string }> };

export interface SlotQuery {
  /** Epoch ms: minimum notice and "today" for the horizon are measured from here. */
  now: number;
  /** Stockholm dates, inclusive. */
  from: string;
  to: string;
  rules: BookingRules;
  place: Place;
  /** The pools this service needs (e.g. [Skatteverket officers, counters], or [video rooms, FK officers]). */
  pools: readonly Pool[];
  holds: readonly Hold[];
}

export interface Slot {
  /** Epoch ms of the start; the end is start + durationMin. */
  start: number;
  end: number;
  /** Units still free for this slot: the smallest over the pools it needs of the bookable units 1..n with no
   *  numbered hold overlapping [start − bufferBefore, end + bufferAfter), minus the most holds without a
   *  unit in progress at one moment during that window. Always ≥ 1. */
  free: number;
}

export interface SlotDay {
  /** Stockholm date. */
  date: string;
  slots: Slot[];
}
