// Health checks for load balancers, orchestrators and the start script: `/health` (database reachable,
// as always), `/health/live` (the process answers) and `/health/ready` (this server should get traffic:
// not draining, database answering, and on PostgreSQL the live-event listener connected).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { AppError } from '../../lib/errors.ts';
import type { Db } from '../../db/client.ts';

/** A database that takes longer than this to answer `select 1` counts as down for readiness. */
const READY_DB_TIMEOUT_MS = 2_000;

const Unavailable = Type.Object({
  code: Type.Literal('unavailable'),
  message: Type.String(),
  details: Type.Object({ reason: Type.Union([Type.Literal('draining'), Type.Literal('database_down'), Type.Literal('listen_down')]) }),
  requestId: Type.String(),
}, { description: 'Not ready; `details.reason` says why' });

async function databaseAnswers(db: Db): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer to select 1 within ${READY_DB_TIMEOUT_MS} ms`)), READY_DB_TIMEOUT_MS);
  });
  try {
    await Promise.race([db.execute(sql`select 1`), timeout]);
    return null;
  } catch (err) {
    return err;
  } finally {
    clearTimeout(timer);
  }
}

export const systemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/ping', {
    config: { action: 'system.health' },
    schema: { tags: ['system'], summary: 'Answers at once without touching the database (the benchmarks\' ceiling)', response: { 200: Type.Object({ pong: Type.Boolean() }) } },
  }, async () => ({ pong: true }));

  app.get('/health', {
    config: { action: 'system.health' },
    schema: {
      tags: ['system'],
      summary: 'Liveness and database reachability',
      response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }) },
    },
  }, async () => {
    await app.deps.database.db.execute(sql`select 1`);
    return { status: 'ok' as const, database: app.deps.database.kind };
  });

  app.get('/health/live', {
    config: { action: 'system.health' },
    schema: {
      tags: ['system'],
      summary: 'Liveness: the process answers (nothing else is checked; also while draining)',
      response: { 200: Type.Object({ status: Type.Literal('live') }) },
    },
  }, async () => ({ status: 'live' as const }));

  app.get('/health/ready', {
    config: { action: 'system.health' },
    schema: {
      tags: ['system'],
      summary: 'Readiness: whether a load balancer should send this server traffic',
      description: '503 `unavailable` with `details.reason` `draining` (shutting down), `database_down` (no answer to `select 1` within 2 s) or `listen_down` (PostgreSQL: the connection that hears other servers\' live events is lost and being re-opened).',
      response: { 200: Type.Object({ status: Type.Literal('ready'), database: Type.String() }), 503: Unavailable },
    },
  }, async (req) => {
    const { database, lifecycle, live } = app.deps;
    if (lifecycle?.draining) throw new AppError('unavailable', 'This server is shutting down', { reason: 'draining' });
    const failure = await databaseAnswers(database.db);
    if (failure) {
      req.log.warn({ err: failure }, 'not ready: the database does not answer');
      throw new AppError('unavailable', 'The database does not answer', { reason: 'database_down' });
    }
    if (live && !live.listening()) throw new AppError('unavailable', 'The connection for live events is down and being re-opened', { reason: 'listen_down' });
    return { status: 'ready' as const, database: database.kind };
  });
};
