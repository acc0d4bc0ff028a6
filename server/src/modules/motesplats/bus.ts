// Live updates of a Mötesplats day: a status changed, a household was corrected or removed, a plan was
// made or re-planned. The coordinator's board and the households' itinerary pages subscribe and re-read.
// Its own channel rather than a new event type on the visit bus: the visit bus's subscribers (SMS
// notifier, ticket feeds) would each have to learn to ignore it. A live channel of the app's hub
// (db/live-channel.ts), like the visit bus: in process on PGlite, LISTEN/NOTIFY across servers on
// PostgreSQL. Events carry ids only, never personal data.
import { LiveHub, type LiveChannel } from '../../db/live-channel.ts';

export interface DayChanged {
  officeId: string;
  date: string;
  /** The plan in force after the change, when there is one. */
  planVersion: number | null;
  /** Households whose itinerary or steps changed; empty means the whole day (a new plan). */
  householdIds: string[];
  /**
   * `household`: a household was corrected or removed; `resources`: the day's staffing or template was
   * set. Either may leave the plan stale.
   */
  what: 'plan' | 'event' | 'status' | 'household' | 'resources';
}

/** Keyed by an office's day: `subscribe(dayKey(officeId, date), …)`. */
export type MotesplatsBus = LiveChannel<DayChanged>;

export const MOTESPLATS_CHANNEL = 'samservice_motesplats';

export const dayKey = (officeId: string, date: string) => `${officeId}/${date}`;

/** The Mötesplats channel on the app's hub; without one, in process only (unit tests). */
export function createMotesplatsBus(hub: LiveHub = new LiveHub()): MotesplatsBus {
  return hub.channel<DayChanged>(MOTESPLATS_CHANNEL, (event) => dayKey(event.officeId, event.date));
}
