// Live updates of a Mötesplats day: a status changed, a household was corrected or removed, a plan was
// made or re-planned. The coordinator's board and the households' itinerary pages subscribe and re-read.
// Its own small bus rather than a new event type on the visit bus: the visit bus's subscribers (SMS
// notifier, ticket feeds) would each have to learn to ignore it. Like the visit bus: in process on PGlite, LISTEN/NOTIFY across servers on
// PostgreSQL, on a channel of its own. Events carry ids only, never personal data.
import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.ts';
import { pgNotifyTransport, type BusTransport } from '../../db/notify.ts';

export interface DayChanged {
  officeId: string;
  date: string;
  /** The plan in force after the change, when there is one. */
  planVersion: number | null;
  /** Households whose itinerary or steps changed; empty means the whole day (a new plan). */
  householdIds: string[];
  /** `household`: a household was corrected or removed (the plan may now be stale). */
  what: 'plan' | 'event' | 'status' | 'household';
}

export class MotesplatsBus {
  private readonly emitter = new EventEmitter();
  private stopListening: (() => Promise<void>) | null = null;

  constructor(private readonly transport: BusTransport | null) {
    this.emitter.setMaxListeners(0);
  }

  async start(onError: (err: unknown) => void): Promise<void> {
    if (!this.transport) return;
    this.stopListening = await this.transport.listen((payload) => {
      try {
        this.deliver(JSON.parse(payload) as DayChanged);
      } catch (err) {
        onError(err);
      }
    });
  }

  async stop(): Promise<void> {
    await this.stopListening?.();
    this.stopListening = null;
  }

  publish(event: DayChanged): void {
    if (!this.transport) return this.deliver(event);
    // Pages re-read on their next event or reconnect, so a lost notification only delays them.
    this.transport.send(JSON.stringify(event)).catch(() => this.deliver(event));
  }

  private deliver(event: DayChanged): void {
    this.emitter.emit(`${event.officeId}/${event.date}`, event);
  }

  subscribe(officeId: string, date: string, listener: (event: DayChanged) => void): () => void {
    const key = `${officeId}/${date}`;
    this.emitter.on(key, listener);
    return () => this.emitter.off(key, listener);
  }
}

export function createMotesplatsBus(database: Database, log: FastifyBaseLogger): MotesplatsBus {
  if (database.kind !== 'postgres' || !database.url) return new MotesplatsBus(null);
  return new MotesplatsBus(pgNotifyTransport(database.url, 'samservice_motesplats', (err) => log.warn({ err }, 'Mötesplats events: listening connection lost')));
}
