// GET /audit: the audit log for administrators (reading it is itself audited).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listAudit } from './repo.ts';

const AuditRow = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  resourceType: Type.String(),
  resourceId: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.String(),
});

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/audit', {
    config: { action: 'audit.read', audit: { resourceType: 'audit_log' } },
    schema: {
      tags: ['audit'],
      summary: 'Read the audit log, newest first',
      querystring: Type.Object({
        resourceType: Type.Optional(Type.String({ maxLength: 60 })),
        resourceId: Type.Optional(Type.String({ maxLength: 100 })),
        before: Type.Optional(Type.Integer({ minimum: 1 })),
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
      }, { additionalProperties: false }),
      response: { 200: Type.Array(AuditRow) },
    },
  }, async (req) => {
    const rows = await listAudit(app.deps.database.db, req.query);
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  });
};
