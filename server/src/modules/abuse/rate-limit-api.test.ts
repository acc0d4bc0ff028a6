// Per-address rate limits on the public write routes (issue 11, point 4): refusals with Retry-After and a
// reason per group, counts shared by two instances on one database, an IPv6 client counted by its /64,
// X-Forwarded-For believed only from a trusted proxy, and a new window letting the address in again.
import { expect, it } from 'vitest';
import { describeWithApp, type TestContext } from '../../test/harness.ts';
import { rateLimitCounters } from '../../db/schema.ts';
import type { SlotsResponse } from '../../../../contracts/booking.ts';
import { api, BOSTADSBIDRAG, FK, VAXJO } from '../booking/test-helpers.ts';
import { secondInstance } from './test-helpers.ts';
import { createRateLimiter } from './rate-limit.ts';
import { loadConfig } from '../../config.ts';

const LIMITS = { RATE_LIMIT_BOOKINGS: '5', RATE_LIMIT_TICKETS: '3', RATE_LIMIT_CHECK_INS: '2', RATE_LIMIT_BOOKING_CHANGES: '2', BOOKING_CHALLENGE: 'false' };

/** Free starts of Bostadsbidrag at Växjö on a date, after setting a wide pool so that the day has many. */
async function freeStarts(ctx: TestContext, date: string, weekday: number): Promise<string[]> {
  const { configure, inject } = api(ctx);
  await configure(BOSTADSBIDRAG, { walkInShare: 0, bufferAfterMin: 0, minNoticeMin: 0 }, { weekday, officers: 5 });
  const slots = (await inject('GET', `/offices/${VAXJO}/services/${BOSTADSBIDRAG}/slots?from=${date}&to=${date}`)).json() as SlotsResponse;
  return slots.days[0]!.slots.map((s) => s.start);
}

const ticket = (app: TestContext['app'], remoteAddress: string, serviceId: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: `/api/v1/offices/${VAXJO}/tickets`, payload: { serviceIds: [serviceId] }, remoteAddress, headers });

/** An in-person FK service at Växjö, for tickets. */
async function fkService(ctx: TestContext): Promise<string> {
  const office = (await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${VAXJO}` })).json() as { serviceIds: string[] };
  const services = (await ctx.app.inject({ method: 'GET', url: '/api/v1/services' })).json() as Array<{ id: string; agencyId: string; channels: string[] }>;
  return services.find((s) => s.agencyId === FK && office.serviceIds.includes(s.id) && s.channels.includes('in_person'))!.id;
}

describeWithApp('rate limits on the public routes', (ctx) => {

  it('refuses the 6th to 20th booking in a row from one address, with Retry-After, and lets another address book', async () => {
    const starts = await freeStarts(ctx, '2026-12-03', 4);
    const answers = [];
    for (let i = 0; i < 20; i++) {
      answers.push(await ctx.app.inject({
        method: 'POST', url: '/api/v1/bookings', remoteAddress: '198.51.100.7',
        payload: { serviceId: BOSTADSBIDRAG, officeId: VAXJO, start: starts[i]!, visitorName: `Besökare ${i}`, email: `b${i}@example.se` },
      }));
    }
    expect(answers.slice(0, 5).map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    for (const r of answers.slice(5)) {
      expect(r.statusCode).toBe(429);
      const body = r.json();
      expect(body).toMatchObject({ code: 'rate_limited', details: { reason: 'too_many_bookings', limit: 5, windowSeconds: 3600 } });
      expect(body.requestId).toBeTruthy();
      // 10:00 UTC is the start of the window: the address may book again at 11:00.
      expect(body.details.retryAfterSeconds).toBe(3600);
      expect(r.headers['retry-after']).toBe('3600');
    }
    const other = await ctx.app.inject({
      method: 'POST', url: '/api/v1/bookings', remoteAddress: '198.51.100.8',
      payload: { serviceId: BOSTADSBIDRAG, officeId: VAXJO, start: starts[6]!, visitorName: 'Annan', email: 'annan@example.se' },
    });
    expect(other.statusCode, other.body).toBe(201);
  });

  it('limits tickets per address, and a new window lets the address in again', async () => {
    const service = await fkService(ctx);
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await ticket(ctx.app, '203.0.113.10', service)).statusCode);
    expect(codes).toEqual([201, 201, 201, 429, 429]);
    const refused = await ticket(ctx.app, '203.0.113.10', service);
    expect(refused.json()).toMatchObject({ code: 'rate_limited', details: { reason: 'too_many_tickets' } });
    const saved = ctx.now;
    ctx.now = new Date(saved.getTime() + 3600_000);
    try {
      expect((await ticket(ctx.app, '203.0.113.10', service)).statusCode).toBe(201);
    } finally {
      ctx.now = saved;
    }
  });

  it('counts an IPv6 client by its /64 and ignores X-Forwarded-For from an untrusted peer', async () => {
    const service = await fkService(ctx);
    const a = await ticket(ctx.app, '2001:db8:1:2::1', service);
    const b = await ticket(ctx.app, '2001:db8:1:2:aaaa:bbbb:cccc:dddd', service);
    const c = await ticket(ctx.app, '2001:db8:1:2::ffff', service, { 'x-forwarded-for': '192.0.2.99' });
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([201, 201, 201]);
    expect((await ticket(ctx.app, '2001:db8:1:2::2', service, { 'x-forwarded-for': '192.0.2.100' })).statusCode).toBe(429);
    // Another /64 is another client.
    expect((await ticket(ctx.app, '2001:db8:1:3::1', service)).statusCode).toBe(201);
  });

  it('limits check-ins and changes by the manage link per address', async () => {
    const checkIns = [];
    for (let i = 0; i < 3; i++) {
      checkIns.push(await ctx.app.inject({ method: 'POST', url: `/api/v1/offices/${VAXJO}/check-ins`, payload: { code: 'ABCDEFGH' }, remoteAddress: '203.0.113.20' }));
    }
    expect(checkIns.map((r) => r.statusCode)).toEqual([404, 404, 429]);
    expect(checkIns[2]!.json()).toMatchObject({ code: 'rate_limited', details: { reason: 'too_many_check_ins' } });

    const changes = [];
    for (let i = 0; i < 3; i++) {
      changes.push(await ctx.app.inject({ method: 'POST', url: `/api/v1/bookings/ABCDEFGH/cancel?token=${'x'.repeat(32)}`, remoteAddress: '203.0.113.21' }));
    }
    expect(changes.map((r) => r.statusCode)).toEqual([404, 404, 429]);
    expect(changes[2]!.json()).toMatchObject({ code: 'rate_limited', details: { reason: 'too_many_booking_changes' } });
    const reschedule = await ctx.app.inject({ method: 'POST', url: `/api/v1/bookings/ABCDEFGH/reschedule?token=${'x'.repeat(32)}`, payload: { start: '2026-12-03T09:00:00.000Z' }, remoteAddress: '203.0.113.21' });
    expect(reschedule.json()).toMatchObject({ code: 'rate_limited', details: { reason: 'too_many_booking_changes' } });
  });

  it('shares the counts between two instances on one database', async () => {
    const service = await fkService(ctx);
    const other = await secondInstance(ctx, LIMITS);
    try {
      const answers = [
        await ticket(ctx.app, '203.0.113.30', service),
        await ticket(other.app, '203.0.113.30', service),
        await ticket(ctx.app, '203.0.113.30', service),
        await ticket(other.app, '203.0.113.30', service),
        await ticket(ctx.app, '203.0.113.30', service),
      ];
      expect(answers.map((r) => r.statusCode)).toEqual([201, 201, 201, 429, 429]);
      // Both instances' requests at once still count exactly: one upsert per request, row-locked.
      const burst = await Promise.all(Array.from({ length: 8 }, (_, i) => ticket(i % 2 ? other.app : ctx.app, '203.0.113.31', service)));
      expect(burst.filter((r) => r.statusCode === 201).length).toBe(3);
      expect(burst.filter((r) => r.statusCode === 429).length).toBe(5);
    } finally {
      await other.close();
    }
  });

  it('sweeps the windows that have passed', async () => {
    const limiter = createRateLimiter(ctx.db, loadConfig(LIMITS).abuse, () => ctx.now, { warn: () => undefined });
    await limiter.hit('tickets', `192.0.2.${Math.floor(Math.random() * 200) + 1}`);
    const before = (await ctx.db.select().from(rateLimitCounters)).length;
    expect(before).toBeGreaterThan(0);
    const later = createRateLimiter(ctx.db, loadConfig(LIMITS).abuse, () => new Date(ctx.now.getTime() + 3 * 3600_000), { warn: () => undefined });
    expect(await later.sweep()).toBe(before);
    expect(await ctx.db.select().from(rateLimitCounters)).toEqual([]);
  });
}, { env: () => LIMITS });

describeWithApp('rate limits behind a trusted proxy', (ctx) => {
  it('counts the address the proxy names, and exempts the listed network', async () => {
    const service = await fkService(ctx);
    const take = (forwardedFor: string) =>
      ctx.app.inject({ method: 'POST', url: `/api/v1/offices/${VAXJO}/tickets`, payload: { serviceIds: [service] }, remoteAddress: '10.1.1.1', headers: { 'x-forwarded-for': forwardedFor } });
    // Two visitors behind the same proxy are two addresses.
    expect((await take('192.0.2.1')).statusCode).toBe(201);
    expect((await take('192.0.2.1')).statusCode).toBe(429);
    expect((await take('192.0.2.2')).statusCode).toBe(201);
    // The office's guest network (RATE_LIMIT_EXEMPT) is not limited.
    const guest = await Promise.all(Array.from({ length: 4 }, () => take('198.18.0.5')));
    expect(guest.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
  });
}, { env: () => ({ TRUST_PROXY: '10.1.1.1', RATE_LIMIT_TICKETS: '1', RATE_LIMIT_EXEMPT: '198.18.0.0/24' }) });
