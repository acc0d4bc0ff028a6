// Health and readiness: /health as before, /health/live always, /health/ready false (503 `unavailable`
// with a reason) while the database does not answer, while the LISTEN connection is down (PostgreSQL),
// and while draining; draining sends live streams a `reconnect` event and refuses new requests.
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describeWithApp, openTestDatabase } from '../../test/harness.ts';
import { appOn } from '../../test/reopenable.ts';
import { openStream } from '../../test/sse-reader.ts';
import { queryRows } from '../../db/client.ts';

/** Polls a condition that follows from something asynchronous (a lost connection noticed, re-opened); the test timeout bounds it. */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describeWithApp('health and readiness', (ctx) => {
  const get = (url: string) => ctx.app.inject({ method: 'GET', url });

  it('answers live, ready and health while all is well', async () => {
    expect((await get('/api/v1/health/live')).json()).toEqual({ status: 'live' });
    const ready = await get('/api/v1/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: ctx.kind });
    expect((await get('/api/v1/health')).json()).toEqual({ status: 'ok', database: ctx.kind });
  });

  // In process on PGlite: there is no connection to lose.
  it.skipIf(ctx.kind !== 'postgres')('is not ready while the LISTEN connection is down, and ready again once it is re-opened', async () => {
    const listeners = async () => (await queryRows<{ n: number }>(ctx.db,
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and query ilike 'listen%'`))[0]!.n;
    expect(await listeners()).toBe(1);
    await ctx.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%'`);
    const down = await until(() => get('/api/v1/health/ready'), (r) => r.statusCode === 503);
    expect(down.json()).toMatchObject({ code: 'unavailable', details: { reason: 'listen_down' } });
    expect(down.json().requestId).toEqual(expect.any(String));
    // /health checks the database only, as before.
    expect((await get('/api/v1/health')).statusCode).toBe(200);
    await until(() => get('/api/v1/health/ready'), (r) => r.statusCode === 200);
    expect(await listeners()).toBe(1);
  });

  it('is not ready while the database does not answer', async () => {
    const database = await openTestDatabase(ctx.kind);
    const app = await appOn(database, ctx.now);
    const admin = ctx.kind === 'postgres' ? new pg.Client({ connectionString: process.env.TEST_DATABASE_URL }) : null;
    try {
      expect((await app.inject({ method: 'GET', url: '/api/v1/health/ready' })).statusCode).toBe(200);
      let name = '';
      if (admin) {
        // The server refuses connections to this database and ends the open ones, as an outage would.
        await admin.connect();
        name = (await queryRows<{ name: string }>(database.db, sql`select current_database() as name`))[0]!.name;
        await admin.query(`alter database ${name} with allow_connections false`);
        await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
      } else {
        await database.close();
      }
      const down = await until(() => app.inject({ method: 'GET', url: '/api/v1/health/ready' }), (r) => r.statusCode === 503);
      expect(down.json()).toMatchObject({ code: 'unavailable', details: { reason: 'database_down' } });
      expect((await app.inject({ method: 'GET', url: '/api/v1/health/live' })).statusCode).toBe(200);
      if (admin) {
        await admin.query(`alter database ${name} with allow_connections true`);
        await until(() => app.inject({ method: 'GET', url: '/api/v1/health/ready' }), (r) => r.statusCode === 200);
      }
    } finally {
      await app.close();
      await admin?.end();
      await database.close().catch(() => {}); // PGlite: closed above already
    }
  });

  // Last: the suite's app stays draining.
  it('while draining: streams are told to reconnect and end, readiness says draining, new requests are refused', async () => {
    const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const offices = (await get('/api/v1/offices?tier=servicekontor')).json() as Array<{ id: string }>;
    const streams = await Promise.all(offices.slice(0, 2).map((o) => openStream(`${address}/api/v1/offices/${o.id}/events`)));
    try {
      for (const s of streams) await s.next('queues');
      expect(ctx.app.deps.lifecycle!.drain()).toBe(2);
      for (const s of streams) {
        expect(await s.next('reconnect')).toMatchObject({ reason: 'draining', retryMs: expect.any(Number) });
        await expect(s.next('queues')).rejects.toThrow(/ended before/);
      }
      const ready = await get('/api/v1/health/ready');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ code: 'unavailable', details: { reason: 'draining' } });
      expect((await get('/api/v1/health/live')).statusCode).toBe(200);
      const refused = await get(`/api/v1/offices/${offices[0]!.id}`);
      expect(refused.statusCode).toBe(503);
      expect(refused.json()).toMatchObject({ code: 'unavailable', details: { reason: 'draining' }, requestId: expect.any(String) });
      expect(refused.headers.connection).toBe('close');
      // A stream asked for now is refused too, not held open.
      const late = await fetch(`${address}/api/v1/offices/${offices[0]!.id}/events`);
      expect(late.status).toBe(503);
      expect(await late.json()).toMatchObject({ code: 'unavailable' });
    } finally {
      await Promise.all(streams.map((s) => s.close()));
    }
  });
});
