// Kiosk devices (issue 11, point 4): the office manager registers the entrance tablet and gets its token
// once; tickets and check-ins with a live token of that office skip the per-address limit; a revoked
// token, one of another office or a made-up one count like any phone. Devices are listed and revoked.
import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeWithApp, type TestContext } from '../../test/harness.ts';
import { kioskDevices } from '../../db/schema-visits.ts';
import { offices } from '../../db/schema.ts';
import type { KioskDevice, RegisteredKioskDevice } from '../../../../contracts/abuse.ts';
import { FK, VAXJO } from '../booking/test-helpers.ts';

async function fkService(ctx: TestContext, officeId: string): Promise<string> {
  const office = (await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${officeId}` })).json() as { serviceIds: string[] };
  const services = (await ctx.app.inject({ method: 'GET', url: '/api/v1/services' })).json() as Array<{ id: string; agencyId: string; channels: string[] }>;
  return services.find((s) => s.agencyId === FK && office.serviceIds.includes(s.id) && s.channels.includes('in_person'))!.id;
}

describeWithApp('kiosk devices', (ctx) => {
  const take = async (token?: string) =>
    ctx.app.inject({
      method: 'POST', url: `/api/v1/offices/${VAXJO}/tickets`, remoteAddress: '192.0.2.50',
      payload: { serviceIds: [await fkService(ctx, VAXJO)] }, headers: token ? { 'x-kiosk-device': token } : {},
    });
  let registered: RegisteredKioskDevice;

  it('lets the office manager register a device, showing its token once and storing only its hash', async () => {
    const chef = await ctx.login('chef.vaxjo');
    const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/offices/${VAXJO}/kiosk-devices`, headers: { cookie: chef }, payload: { name: 'Surfplattan vid entrén' } });
    expect(res.statusCode, res.body).toBe(201);
    registered = res.json();
    expect(registered.token.length).toBeGreaterThanOrEqual(43);
    expect(registered.setupPath).toBe(`/kontor/${VAXJO}/kiosk#enhet=${registered.token}`);
    expect(registered.device).toMatchObject({ officeId: VAXJO, name: 'Surfplattan vid entrén', revokedAt: null, lastUsedAt: null });
    const [row] = await ctx.db.select().from(kioskDevices).where(eq(kioskDevices.id, registered.device.id));
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(registered.token);
    const list = (await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${VAXJO}/kiosk-devices`, headers: { cookie: chef } })).json() as KioskDevice[];
    expect(list.map((d) => d.id)).toEqual([registered.device.id]);
    expect(JSON.stringify(list)).not.toContain(registered.token);
  });

  it('refuses other staff and other offices\' managers', async () => {
    const officer = await ctx.login('handlaggare.vaxjo');
    expect((await ctx.app.inject({ method: 'POST', url: `/api/v1/offices/${VAXJO}/kiosk-devices`, headers: { cookie: officer }, payload: { name: 'x' } })).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${VAXJO}/kiosk-devices` })).statusCode).toBe(401);
    const chef = await ctx.login('chef.vaxjo');
    expect((await ctx.app.inject({ method: 'POST', url: `/api/v1/offices/${VAXJO}/kiosk-devices`, headers: { cookie: chef }, payload: { name: '   ' } })).json())
      .toMatchObject({ code: 'validation_failed', field: 'name' });
  });

  it('exempts the office\'s live kiosk from the ticket limit, and nothing else', async () => {
    const phone = [];
    for (let i = 0; i < 3; i++) phone.push((await take()).statusCode);
    expect(phone).toEqual([201, 201, 429]);
    // The kiosk at the same address keeps handing out tickets.
    const kiosk = [];
    for (let i = 0; i < 5; i++) kiosk.push((await take(registered.token)).statusCode);
    expect(kiosk).toEqual([201, 201, 201, 201, 201]);
    const [row] = await ctx.db.select().from(kioskDevices).where(eq(kioskDevices.id, registered.device.id));
    expect(row!.lastUsedAt).not.toBeNull();
    // A made-up token counts like a phone.
    expect((await take('x'.repeat(43))).statusCode).toBe(429);

    // A device of another office (registered by an admin there) is not Växjö's kiosk.
    const admin = await ctx.login('admin');
    const [other] = await ctx.db.select({ id: offices.id }).from(offices).where(eq(offices.tier, 'servicekontor')).limit(2).then((rows) => rows.filter((o) => o.id !== VAXJO));
    const elsewhere = (await ctx.app.inject({ method: 'POST', url: `/api/v1/offices/${other!.id}/kiosk-devices`, headers: { cookie: admin }, payload: { name: 'Annat kontor' } })).json() as RegisteredKioskDevice;
    expect((await take(elsewhere.token)).statusCode).toBe(429);

    // Check-ins from the kiosk are exempt too (this code is unknown: 404, never 429).
    const checkIns = [];
    for (let i = 0; i < 4; i++) {
      checkIns.push((await ctx.app.inject({ method: 'POST', url: `/api/v1/offices/${VAXJO}/check-ins`, remoteAddress: '192.0.2.50', payload: { code: 'ABCDEFGH' }, headers: { 'x-kiosk-device': registered.token } })).statusCode);
    }
    expect(checkIns).toEqual([404, 404, 404, 404]);
  });

  it('revokes a device: its token counts like any address from then on', async () => {
    const chef = await ctx.login('chef.vaxjo');
    const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/offices/${VAXJO}/kiosk-devices/${registered.device.id}/revoke`, headers: { cookie: chef } });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as KioskDevice).revokedAt).not.toBeNull();
    expect((await take(registered.token)).statusCode).toBe(429);
    const list = (await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${VAXJO}/kiosk-devices`, headers: { cookie: chef } })).json() as KioskDevice[];
    expect(list[0]!.revokedAt).not.toBeNull();
    const unknown = await ctx.app.inject({ method: 'POST', url: `/api/v1/offices/${VAXJO}/kiosk-devices/${VAXJO}/revoke`, headers: { cookie: chef } });
    expect(unknown.json()).toMatchObject({ code: 'not_found', details: { reason: 'unknown_kiosk_device' } });
  });
}, { env: () => ({ RATE_LIMIT_TICKETS: '2', RATE_LIMIT_CHECK_INS: '2' }) });
