// Live updates of the visit flow: services publish after commit; display boards, ticket pages and the
// SMS notifier subscribe per office. On one server the bus is an in-process emitter. With several app
// servers on one PostgreSQL database, events travel through LISTEN/NOTIFY (db/notify.ts), so a board
// connected to server A sees a call made at a desk on server B.
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.ts';
import { pgNotifyTransport, type BusTransport } from '../../db/notify.ts';

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
export type DeliveredEvent = VisitBusEvent & { local: boolean };


export class VisitBus {
  private readonly emitter = new EventEmitter();
  /** Tells this server's events from other servers' (e.g. only the server that made a call sends its SMS). */
  private readonly origin = randomUUID();
  private stopListening: (() => Promise<void>) | null = null;

  constructor(private readonly transport: BusTransport | null = null) {
    // One listener per open display board or ticket page; hundreds are normal.
    this.emitter.setMaxListeners(0);
  }

  /** Starts receiving other servers' events (a no-op for the in-process bus). */
  async start(onError: (err: unknown) => void = () => {}): Promise<void> {
    if (!this.transport) return;
    this.stopListening = await this.transport.listen((payload) => {
      try {
        const { origin, ...event } = JSON.parse(payload) as VisitBusEvent & { origin: string };
        this.deliver({ ...event, local: origin === this.origin } as DeliveredEvent);
      } catch (err) {
        onError(err);
      }
    });
  }

  async stop(): Promise<void> {
    await this.stopListening?.();
    this.stopListening = null;
  }

  publish(event: VisitBusEvent): void {
    if (!this.transport) {
      this.deliver({ ...event, local: true });
      return;
    }
    // Delivered when the notification comes back, to this server as to the others, so all see one order.
    this.transport.send(JSON.stringify({ ...event, origin: this.origin })).catch(() => {
      // The database is unreachable: the write that preceded this failed too, or will be seen at the
      // next event; live pages also re-read on reconnect. Deliver locally so this server stays live.
      this.deliver({ ...event, local: true });
    });
  }

  private deliver(event: DeliveredEvent): void {
    this.emitter.emit(`office:${event.officeId}`, event);
    this.emitter.emit('any', event);
  }

  /** Every event of every office: for background work such as SMS notifications. */
  subscribeAll(listener: (event: DeliveredEvent) => void): () => void {
    this.emitter.on('any', listener);
    return () => this.emitter.off('any', listener);
  }

  subscribe(officeId: string, listener: (event: DeliveredEvent) => void): () => void {
    const key = `office:${officeId}`;
    this.emitter.on(key, listener);
    return () => this.emitter.off(key, listener);
  }
}

/** In process on PGlite (one server); across servers through LISTEN/NOTIFY on PostgreSQL. */
export function createVisitBus(database: Database, log: FastifyBaseLogger): VisitBus {
  if (database.kind !== 'postgres' || !database.url) return new VisitBus();
  return new VisitBus(pgNotifyTransport(database.url, 'samservice_visits', (err) => log.warn({ err }, 'visit events: listening connection lost')));
}
