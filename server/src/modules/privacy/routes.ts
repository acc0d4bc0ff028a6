// Privacy API (docs/retention.md), for administrators: the retention policy in force with the last run, a
// preview of the next run, and erasure on request (preview, then execute). Also starts the daily run.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ErasureInput, ErasureResult, RetentionOverview, RetentionRun, type RetentionCounts } from '../../../../contracts/privacy.ts';
import type { AuditSpec } from '../../http/route-config.ts';
import { erase } from './erasure.ts';
import { lastRetentionRun, runRetention, startRetention } from './retention.ts';

export const privacyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.deps.database;
  const now = () => app.deps.clock?.() ?? new Date();
  const { scheduled, ...policy } = app.deps.config.retention;
  if (scheduled) {
    const timer = startRetention({ db, policy, now, log: app.log });
    app.addHook('onClose', () => timer.stop());
  }

  app.get('/privacy/retention', {
    config: { action: 'privacy.retention.read' },
    schema: { tags: ['privacy'], summary: 'The retention policy in force and the last run', response: { 200: RetentionOverview } },
  }, async () => ({ policy: { ...policy, scheduled }, lastRun: await lastRetentionRun(db) }));

  app.get('/privacy/retention/preview', {
    config: { action: 'privacy.retention.read' },
    schema: { tags: ['privacy'], summary: 'What a retention run would anonymise now (changes nothing; audit-logged)', response: { 200: RetentionRun } },
  }, async (req) => runRetention(db, policy, { now: now(), dryRun: true, actorUserId: req.principal?.userId ?? null, trigger: 'admin' }));

  // The counts reach the audit row through the shared hook (decision 0004), which runs after the handler.
  const counted = new WeakMap<FastifyRequest, RetentionCounts>();
  const resourceIds = new WeakMap<FastifyRequest, string | null>();
  const audit = (dryRun: boolean): AuditSpec => ({
    resourceType: 'privacy.erasure',
    resourceId: (req) => resourceIds.get(req) ?? undefined,
    // The kind only: the phone number or email address erased must not live on in the audit log.
    details: (req) => ({ kind: (req.body as ErasureInput).kind, dryRun, counts: counted.get(req) }),
  });
  const handler = (dryRun: boolean) => async (req: FastifyRequest<{ Body: ErasureInput }>) => {
    const result = await erase(db, req.body, now(), dryRun);
    counted.set(req, result.counts);
    resourceIds.set(req, result.resourceId);
    return { kind: req.body.kind, dryRun, counts: result.counts };
  };

  app.post('/privacy/erasures/preview', {
    config: { action: 'privacy.erasure.preview', audit: audit(true) },
    schema: { tags: ['privacy'], summary: 'Count what an erasure would anonymise (changes nothing)', body: ErasureInput, response: { 200: ErasureResult } },
  }, handler(true));

  app.post('/privacy/erasures', {
    config: { action: 'privacy.erasure.execute', audit: audit(false) },
    schema: {
      tags: ['privacy'], summary: 'Erase a booking, a Mötesplats household, or everything under a mobile number or email address',
      description: 'Anonymises at once, in one transaction, with the same steps as retention; a booking still ahead is cancelled.',
      body: ErasureInput, response: { 200: ErasureResult },
    },
  }, handler(false));
};
