// PostgreSQL LISTEN/NOTIFY as a message transport between app servers, for every live channel of the
// app (db/live-channel.ts). One dedicated connection listens on all the channels (a pooled one would be
// handed to other queries); sending goes through the app's own pool when given one (so a server uses its
// pool plus this one connection), else through a small pool of its own. A lost listening connection is
// re-opened with a growing pause; events sent meanwhile are missed, which live pages survive because
// they re-read their state whenever their stream reconnects or the next event comes. Readiness
// (/health/ready) reports the time in between as `listen_down`.
import pg from 'pg';

/** Carries messages between servers; every server, the sender included, receives each message once. */
export interface BusTransport {
  send(channel: string, payload: string): Promise<void>;
  /** Starts listening on the channels; resolves to a function that stops listening. */
  listen(channels: readonly string[], onMessage: (channel: string, payload: string) => void): Promise<() => Promise<void>>;
  /** Stops listening and sending for good: nothing is opened again afterwards. */
  close(): Promise<void>;
  /** Whether every listen is connected now (false while a lost connection is being re-opened). */
  listening(): boolean;
}

/** Sends one notification on a connection the caller owns (the app's pool). */
export type NotifySender = (channel: string, payload: string) => Promise<void>;

/** Fixed channel names, quoted as identifiers: never user input. */
const quote = (channel: string) => `"${channel.replace(/"/g, '""')}"`;

export function pgNotifyTransport(url: string, onError: (err: unknown) => void, notify?: NotifySender): BusTransport {
  let sender: pg.Pool | null = null;
  let closed = false;
  /** Each listen's stop, with whether its connection is up now. */
  const listeners = new Map<() => Promise<void>, () => boolean>();
  return {
    async send(channel, payload) {
      // After stop nothing may open a new pool: it would outlive the app and its idle connections would
      // fail later (e.g. when the database is dropped), far from any caller.
      if (closed) throw new Error('the live event transport is stopped');
      if (notify) return notify(channel, payload);
      if (!sender) {
        sender = new pg.Pool({ connectionString: url, max: 2 });
        // An idle pooled connection that drops emits on the pool; without a listener that is a crash.
        sender.on('error', onError);
      }
      await sender.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async listen(channels, onMessage) {
      if (closed) throw new Error('the live event transport is stopped');
      const names = new Set(channels);
      const listenSql = [...names].map((c) => `listen ${quote(c)}`).join('; ');
      let client: pg.Client | null = null;
      let stopped = false;
      let retryMs = 250;
      /** The pending reconnect: stop cancels it, so nothing is opened after stop. */
      let retry: NodeJS.Timeout | null = null;
      const reconnect = () => {
        if (stopped) return;
        retry = setTimeout(() => {
          retry = null;
          if (stopped) return;
          connect().catch((err: unknown) => {
            onError(err);
            reconnect();
          });
        }, retryMs);
        retry.unref();
        retryMs = Math.min(retryMs * 2, 10_000);
      };
      const connect = async (): Promise<void> => {
        // TCP keep-alive: a listening connection only receives, so without it a silently dead link (a
        // restarted proxy, a dropped NAT entry) would never error and other servers' events would stop.
        const c = new pg.Client({ connectionString: url, keepAlive: true, keepAliveInitialDelayMillis: 30_000 });
        c.on('notification', (n) => names.has(n.channel) && n.payload !== undefined && onMessage(n.channel, n.payload));
        c.on('error', (err) => {
          void c.end().catch(() => {});
          // Still connecting: connect() rejects as well, and its caller reports and retries (once).
          if (client !== c) return;
          client = null;
          onError(err);
          reconnect();
        });
        try {
          await c.connect();
          if (listenSql) await c.query(listenSql);
        } catch (err) {
          await c.end().catch(() => {});
          throw err;
        }
        // Stopped while this reconnect was under way: nobody would end this connection later.
        if (stopped) {
          await c.end().catch(() => {});
          return;
        }
        client = c;
        retryMs = 250;
      };
      const stop = async () => {
        stopped = true;
        if (retry) clearTimeout(retry);
        retry = null;
        listeners.delete(stop);
        await client?.end().catch(() => {});
        client = null;
      };
      listeners.set(stop, () => client !== null);
      try {
        await connect();
      } catch (err) {
        await stop();
        throw err;
      }
      return stop;
    },
    async close() {
      closed = true;
      await Promise.all([...listeners.keys()].map((stop) => stop()));
      await sender?.end().catch(() => {});
      sender = null;
    },
    listening() {
      return !closed && listeners.size > 0 && [...listeners.values()].every((up) => up());
    },
  };
}
