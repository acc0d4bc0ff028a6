// The office manager's kiosk devices (decision 0013): register one (the token is in the answer once),
// list them, revoke one. Registered from visitRoutes.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams } from '../../../../contracts/registry.ts';
import { KioskDevice, KioskDeviceInput, KioskDeviceParams, RegisteredKioskDevice } from '../../../../contracts/abuse.ts';
import { officeFromParams } from '../../http/route-config.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { listKioskDevices, registerKioskDevice, revokeKioskDevice } from './kiosk-devices.ts';
import { eq } from 'drizzle-orm';
import { offices } from '../../db/schema.ts';

export const kioskDeviceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;
  const now = () => app.deps.clock?.() ?? new Date();

  app.get('/offices/:id/kiosk-devices', {
    config: { action: 'visits.kiosk.manage', scope: officeFromParams },
    schema: { tags: ['visits'], summary: "The office's kiosk devices, revoked ones too", params: IdParams, response: { 200: Type.Array(KioskDevice) } },
  }, async (req) => listKioskDevices(db, req.params.id));

  app.post('/offices/:id/kiosk-devices', {
    config: { action: 'visits.kiosk.manage', scope: officeFromParams },
    schema: {
      tags: ['visits'], summary: 'Register a kiosk device: its tickets and check-ins skip the per-address limit',
      description: 'The answer holds the device token once (only its hash is stored) and the kiosk page link that hands it to the device.',
      params: IdParams, body: KioskDeviceInput, response: { 201: RegisteredKioskDevice },
    },
  }, async (req, reply) => {
    if (!req.principal) throw new AppError('unauthenticated', 'Log in to do this');
    // Only an admin can name another office than their own; say so rather than fail on the foreign key.
    if ((await db.select({ id: offices.id }).from(offices).where(eq(offices.id, req.params.id))).length === 0) throw notFound('Office', 'id');
    return reply.status(201).send(await registerKioskDevice(db, req.params.id, req.body.name, req.principal.userId, now()));
  });

  app.post('/offices/:id/kiosk-devices/:deviceId/revoke', {
    config: { action: 'visits.kiosk.manage', scope: officeFromParams, audit: { resourceType: 'kiosk_device', resourceId: (req) => (req.params as { deviceId?: string }).deviceId } },
    schema: { tags: ['visits'], summary: 'Revoke a kiosk device: its token counts like any other address from now on', params: KioskDeviceParams, response: { 200: KioskDevice } },
  }, async (req) => revokeKioskDevice(db, req.params.id, req.params.deviceId, now()));
};
