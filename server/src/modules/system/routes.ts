// Health check for load balancers and the start script.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import { Type } from 'typebox';

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
};
