// Live channels: typed events that services publish after commit and live pages (SSE streams) and
// background work subscribe to, per key (an office, an office's day) or all of them. A domain declares
// only its event type, its channel name and how an event is keyed (modules/visits/bus.ts,
// modules/motesplats/bus.ts). All channels of an app share one hub: in process on PGlite (one server);
// on PostgreSQL through LISTEN/NOTIFY (db/notify.ts) on one listening connection for all channels, so a
// page connected to server A hears a change made on server B.
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { pgNotifyTransport, type BusTransport } from './notify.ts';

/** An event as subscribers receive it: `local` when this server published it. */
export type Delivered<E> = E & { local: boolean };

export class LiveChannel<E extends object> {
  private readonly emitter = new EventEmitter();

  /** Made by `LiveHub.channel`; `send` is null in process. */
  constructor(
    readonly name: string,
    private readonly keyOf: (event: E) => string,
    private readonly origin: string,
    private readonly send: ((payload: string) => Promise<void>) | null,
  ) {
    // One listener per open display board, ticket page or itinerary page; hundreds are normal.
    this.emitter.setMaxListeners(0);
  }

  publish(event: E): void {
    if (!this.send) {
      this.deliver({ ...event, local: true });
      return;
    }
    // Delivered when the notification comes back, to this server as to the others, so all see one order.
    this.send(JSON.stringify({ ...event, origin: this.origin })).catch(() => {
      // The database is unreachable (or the hub stopped): the write that preceded this failed too, or
      // will be seen at the next event; live pages also re-read on reconnect. Deliver locally so this
      // server stays live.
      this.deliver({ ...event, local: true });
    });
  }

  /** A notification from the transport (any server's, this one's included). Throws on a bad payload. */
  receive(payload: string): void {
    const { origin, ...event } = JSON.parse(payload) as E & { origin?: string };
    this.deliver({ ...(event as E), local: origin === this.origin });
  }

  private deliver(event: Delivered<E>): void {
    this.emitter.emit(`key:${this.keyOf(event)}`, event);
    this.emitter.emit('any', event);
  }

  /** The events of one key (e.g. one office). */
  subscribe(key: string, listener: (event: Delivered<E>) => void): () => void {
    const name = `key:${key}`;
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  /** Every event of the channel: for background work such as SMS notifications. */
  subscribeAll(listener: (event: Delivered<E>) => void): () => void {
    this.emitter.on('any', listener);
    return () => this.emitter.off('any', listener);
  }
}

/** The app's live channels over one transport; channels are opened before `start`. */
export class LiveHub {
  /** Tells this server's events from other servers' (e.g. only the server that made a call sends its SMS). */
  private readonly origin = randomUUID();
  private readonly channels = new Map<string, { receive(payload: string): void }>();
  private stopListening: (() => Promise<void>) | null = null;
  private started = false;

  /** Without a transport every channel is in process (PGlite, one server; unit tests). */
  constructor(
    private readonly transport: BusTransport | null = null,
    private readonly onBadMessage: (err: unknown, channel: string) => void = () => {},
  ) {}

  channel<E extends object>(name: string, keyOf: (event: E) => string): LiveChannel<E> {
    // The listening connection LISTENs on the channels known at start.
    if (this.started) throw new Error(`live channel ${name} opened after the hub started`);
    if (this.channels.has(name)) throw new Error(`live channel ${name} opened twice`);
    const transport = this.transport;
    const channel = new LiveChannel<E>(name, keyOf, this.origin, transport ? (payload) => transport.send(name, payload) : null);
    this.channels.set(name, channel);
    return channel;
  }

  /** Starts receiving every server's events (a no-op in process). */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    if (!this.transport) return;
    this.stopListening = await this.transport.listen([...this.channels.keys()], (name, payload) => {
      try {
        this.channels.get(name)?.receive(payload);
      } catch (err) {
        this.onBadMessage(err, name);
      }
    });
  }

  /** Whether this server hears the other servers' events now: in process always; on PostgreSQL while the listening connection is up. */
  listening(): boolean {
    if (!this.transport) return true;
    return this.started && this.stopListening !== null && this.transport.listening();
  }

  /** Stops listening and closes the transport; publishing afterwards delivers on this server only. */
  async stop(): Promise<void> {
    await this.stopListening?.();
    this.stopListening = null;
    await this.transport?.close();
  }
}

/** In process on PGlite (one server); across servers through LISTEN/NOTIFY on PostgreSQL. */
export function createLiveHub(database: Database, log: FastifyBaseLogger): LiveHub {
  if (database.kind !== 'postgres' || !database.url) return new LiveHub();
  // Notifications go out through the app's pool: a server holds its pool and one listening connection.
  const notify = async (channel: string, payload: string) => {
    await database.db.execute(sql`select pg_notify(${channel}, ${payload})`);
  };
  return new LiveHub(
    pgNotifyTransport(database.url, (err) => log.warn({ err }, 'live events: listening connection lost'), notify),
    (err, channel) => log.warn({ err, channel }, 'live events: bad message'),
  );
}
