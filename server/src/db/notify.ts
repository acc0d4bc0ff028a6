// PostgreSQL LISTEN/NOTIFY as a message transport between app servers. One dedicated connection listens
// (a pooled one would be handed to other queries); sending goes through the pool. A lost listening
// connection is re-opened with a growing pause; events sent meanwhile are missed, which live pages
// survive because they re-read their state whenever their stream reconnects or the next event comes.
import pg from 'pg';

/** Carries messages between servers; every server, the sender included, receives each message once. */
export interface BusTransport {
  send(payload: string): Promise<void>;
  /** Starts listening; resolves to a function that stops. */
  listen(onMessage: (payload: string) => void): Promise<() => Promise<void>>;
}

export function pgNotifyTransport(url: string, channel: string, onError: (err: unknown) => void): BusTransport {
  // A fixed channel name, quoted as an identifier: never user input.
  const quoted = `"${channel.replace(/"/g, '""')}"`;
  let sender: pg.Pool | null = null;
  let closed = false;
  return {
    async send(payload) {
      // After stop nothing may open a new pool: it would outlive the app and its idle connections would
      // fail later (e.g. when the database is dropped), far from any caller.
      if (closed) throw new Error('the visit event transport is stopped');
      if (!sender) {
        sender = new pg.Pool({ connectionString: url, max: 2 });
        // An idle pooled connection that drops emits on the pool; without a listener that is a crash.
        sender.on('error', onError);
      }
      await sender.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async listen(onMessage) {
      let client: pg.Client | null = null;
      let stopped = false;
      let retryMs = 250;
      const reconnect = () => {
        if (stopped) return;
        setTimeout(() => connect().catch((err: unknown) => {
          onError(err);
          reconnect();
        }), retryMs).unref();
        retryMs = Math.min(retryMs * 2, 10_000);
      };
      const connect = async (): Promise<void> => {
        const c = new pg.Client({ connectionString: url });
        c.on('notification', (n) => n.channel === channel && n.payload !== undefined && onMessage(n.payload));
        c.on('error', (err) => {
          onError(err);
          void c.end().catch(() => {});
          reconnect();
        });
        await c.connect();
        await c.query(`listen ${quoted}`);
        // Stopped while this reconnect was under way: nobody would end this connection later.
        if (stopped) {
          await c.end().catch(() => {});
          return;
        }
        client = c;
        retryMs = 250;
      };
      await connect();
      return async () => {
        stopped = true;
        closed = true;
        await client?.end().catch(() => {});
        await sender?.end().catch(() => {});
        sender = null;
      };
    },
  };
}
