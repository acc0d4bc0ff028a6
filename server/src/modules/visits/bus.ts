// Live updates of the visit flow: services publish after commit; display boards, ticket pages and the
// SMS notifier subscribe per office (or to all offices). A live channel of the app's hub
// (db/live-channel.ts): in process on PGlite; with several app servers on one PostgreSQL database,
// events travel through LISTEN/NOTIFY, so a board connected to server A sees a call made at a desk on
// server B, and each event says whether this server published it (`local`).
import { LiveHub, type Delivered, type LiveChannel } from '../../db/live-channel.ts';

export interface CallEvent {
  ticketId: string;
  number: string;
  counterName: string;
  at: string;
  recall: boolean;
}

export type VisitBusEvent =
  | { type: 'call'; officeId: string; call: CallEvent }
  | { type: 'changed'; officeId: string; ticketId: string };

/** An event as subscribers receive it: `local` when this server published it. */
export type DeliveredEvent = Delivered<VisitBusEvent>;

/** Keyed by office: `subscribe(officeId, …)`. */
export type VisitBus = LiveChannel<VisitBusEvent>;

export const VISIT_CHANNEL = 'samservice_visits';

/** The visit channel on the app's hub; without one, in process only (unit tests). */
export function createVisitBus(hub: LiveHub = new LiveHub()): VisitBus {
  return hub.channel<VisitBusEvent>(VISIT_CHANNEL, (event) => event.officeId);
}
