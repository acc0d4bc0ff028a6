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
  return {
    async send(payload) {
      sender ??= new pg.Pool({ connectionString: url, max: 2 });
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
        client = c;
        retryMs = 250;
      };
      await connect();
      return async () => {
        stopped = true;
        await client?.end().catch(() => {});
        await sender?.end().catch(() => {});
        sender = null;
      };
    },
  };
}
