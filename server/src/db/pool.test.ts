// A server on PostgreSQL holds at most DATABASE_POOL_SIZE connections plus one that listens for live
// events: notifications go out through the pool, not through connections of their own. Under concurrent
// reads and many live events, the server's backends never exceed that.
import { describe, expect, it, inject } from 'vitest';
import pg from 'pg';
import { openPostgres } from './client.ts';
import { freshPostgres } from '../test/postgres.ts';
import { appOn } from '../test/reopenable.ts';

const POOL = 3;

describe('connections per server on PostgreSQL', () => {
  const url = process.env.TEST_DATABASE_URL;
  it.skipIf(!url)(`stay within the pool (${POOL}) plus one listening connection`, async () => {
    const fresh = await freshPostgres(url!, inject('postgresTemplate'));
    const database = await openPostgres(fresh.url, POOL);
    const app = await appOn(database, new Date('2026-12-01T10:00:00Z'));
    const admin = new pg.Client({ connectionString: fresh.url });
    await admin.connect();
    const backends = async () => (await admin.query<{ listening: number; other: number }>(`
      select count(*) filter (where query ilike 'listen%')::int as listening, count(*) filter (where query not ilike 'listen%')::int as other
      from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`)).rows[0]!;
    try {
      const offices = (await app.inject({ method: 'GET', url: '/api/v1/offices' })).json() as Array<{ id: string }>;
      const heard: string[] = [];
      const bus = app.deps.visitBus!;
      for (const o of offices.slice(0, 20)) bus.subscribe(o.id, (e) => heard.push(e.officeId));
      let most = { listening: 0, other: 0 };
      await Promise.all([
        ...offices.slice(0, 20).map(async (o) => {
          bus.publish({ type: 'changed', officeId: o.id, ticketId: o.id });
          const res = await app.inject({ method: 'GET', url: `/api/v1/offices/${o.id}` });
          expect(res.statusCode).toBe(200);
        }),
        (async () => {
          for (let i = 0; i < 10; i++) {
            const now = await backends();
            most = { listening: Math.max(most.listening, now.listening), other: Math.max(most.other, now.other) };
          }
        })(),
      ]);
      // Every event came back through LISTEN/NOTIFY (the test timeout bounds the wait).
      while (heard.length < 20) await new Promise((r) => setTimeout(r, 20));
      const after = await backends();
      expect(after.listening).toBe(1);
      expect(Math.max(most.other, after.other)).toBeLessThanOrEqual(POOL);
      expect(most.listening).toBe(1);
    } finally {
      await admin.end();
      await app.close();
      await database.close();
      await fresh.drop();
    }
  });
});
