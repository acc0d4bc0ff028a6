// Shared by the abuse suites: a second app instance on the suite's database (its own connection pool on
// PostgreSQL), to show that limits and used challenges are shared, and solving a booking challenge the way
// the widget does.
import type { FastifyInstance } from 'fastify';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openPostgres } from '../../db/client.ts';
import { LENIENT_ABUSE_ENV, type TestContext } from '../../test/harness.ts';
import type { BookingChallenge } from '../../../../contracts/abuse.ts';

export async function secondInstance(ctx: TestContext, env: NodeJS.ProcessEnv): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const shared = ctx.app.deps.database;
  const database = ctx.kind === 'postgres' ? await openPostgres(shared.url!, 5) : shared;
  const config = { ...loadConfig({ RETENTION_SCHEDULE: 'false', ...LENIENT_ABUSE_ENV, ...env }), webDist: '/nonexistent', cookieSecure: false, remindersEnabled: false };
  const app = await buildApp({ config, database, logger: false, clock: () => ctx.now });
  return {
    app,
    close: async () => {
      await app.close();
      if (database !== shared) await database.close();
    },
  };
}

/** Fetches a challenge from the app and solves it as the browser widget would; returns the `altcha` payload. */
export async function solvedPayload(app: FastifyInstance): Promise<string> {
  const res = await app.inject({ method: 'GET', url: '/api/v1/bookings/challenge' });
  if (res.statusCode !== 200) throw new Error(`challenge: ${res.statusCode} ${res.body}`);
  const challenge = res.json() as BookingChallenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('challenge not solved');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}
