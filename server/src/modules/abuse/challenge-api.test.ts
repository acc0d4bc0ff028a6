// The booking form's proof of work (issue 11, point 4): a public booking needs a solved ALTCHA challenge;
// none, a wrong, a tampered, an expired or a replayed solution is refused with a stable reason, a valid one
// is accepted once (also across two instances sharing ALTCHA_HMAC_KEY); staff booking needs none.
import { expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { createChallenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { describeWithApp, type TestContext } from '../../test/harness.ts';
import type { SlotsResponse } from '../../../../contracts/booking.ts';
import { api, BOSTADSBIDRAG, VAXJO } from '../booking/test-helpers.ts';
import { secondInstance, solvedPayload } from './test-helpers.ts';

const KEY = 'k'.repeat(64);
const ENV = { BOOKING_CHALLENGE: 'true', BOOKING_CHALLENGE_WORK: '200', ALTCHA_HMAC_KEY: KEY };

async function starts(ctx: TestContext, date: string, weekday: number): Promise<string[]> {
  const { configure, inject } = api(ctx);
  await configure(BOSTADSBIDRAG, { walkInShare: 0, bufferAfterMin: 0, minNoticeMin: 0 }, { weekday, officers: 5 });
  return ((await inject('GET', `/offices/${VAXJO}/services/${BOSTADSBIDRAG}/slots?from=${date}&to=${date}`)).json() as SlotsResponse).days[0]!.slots.map((s) => s.start);
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

describeWithApp('booking challenge (ALTCHA)', (ctx) => {
  let free: string[] = [];
  let n = 0;
  const book = (app: TestContext['app'], altcha?: string) =>
    app.inject({
      method: 'POST', url: '/api/v1/bookings',
      payload: { serviceId: BOSTADSBIDRAG, officeId: VAXJO, start: free[n++]!, visitorName: 'Test', email: `c${n}@example.se`, ...(altcha === undefined ? {} : { altcha }) },
    });

  it('hands out signed challenges that expire, uncached', async () => {
    free = await starts(ctx, '2026-12-03', 4);
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/bookings/challenge' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body.parameters).toMatchObject({ algorithm: 'PBKDF2/SHA-256', cost: 200 });
    expect(body.parameters.keySignature).toMatch(/^[0-9a-f]{64}$/);
    // The expiry is signed data that the server checks (not ALTCHA's expiresAt, which the widget would time by the browser's clock).
    expect(body.parameters.expiresAt).toBeUndefined();
    expect(body.parameters.data.expires * 1000).toBeGreaterThan(Date.now() + 15 * 60_000);
    expect(body.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a booking without a solution, with a wrong one, or a tampered challenge', async () => {
    expect((await book(ctx.app)).json()).toMatchObject({ code: 'validation_failed', field: 'altcha', details: { reason: 'challenge_required' } });
    expect((await book(ctx.app, 'not base64 json')).json()).toMatchObject({ field: 'altcha', details: { reason: 'challenge_failed', problem: 'malformed' } });

    const challenge = (await ctx.app.inject({ method: 'GET', url: '/api/v1/bookings/challenge' })).json();
    const wrong = await book(ctx.app, encode({ challenge, solution: { counter: 1, derivedKey: 'ab'.repeat(32) } }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'validation_failed', field: 'altcha', details: { reason: 'challenge_failed', problem: 'invalid' } });

    // An easier challenge made up by the client: its signature no longer matches.
    const solution = await solveChallenge({ challenge, deriveKey });
    const tampered = { ...challenge, parameters: { ...challenge.parameters, cost: 1 } };
    expect((await book(ctx.app, encode({ challenge: tampered, solution }))).json()).toMatchObject({ details: { reason: 'challenge_failed', problem: 'invalid' } });
    // The browser widget's test mode sends a null challenge.
    expect((await book(ctx.app, encode({ challenge: null, solution: null, test: true }))).json()).toMatchObject({ details: { reason: 'challenge_failed', problem: 'malformed' } });
  });

  it('refuses an expired challenge', async () => {
    const keySecret = createHmac('sha256', KEY).update('altcha-key-signature').digest('hex');
    const expired = await createChallenge({
      algorithm: 'PBKDF2/SHA-256', cost: 200, counter: 50, deriveKey, hmacSignatureSecret: KEY, hmacKeySignatureSecret: keySecret,
      data: { expires: Math.floor(Date.now() / 1000) - 1 },
    });
    const solution = await solveChallenge({ challenge: expired, deriveKey });
    expect((await book(ctx.app, encode({ challenge: expired, solution }))).json()).toMatchObject({ details: { reason: 'challenge_failed', problem: 'expired' } });
  });

  it('accepts a solved challenge once, also across two instances sharing the key', async () => {
    const payload = await solvedPayload(ctx.app);
    const ok = await book(ctx.app, payload);
    expect(ok.statusCode, ok.body).toBe(201);
    const replay = await book(ctx.app, payload);
    expect(replay.statusCode).toBe(400);
    expect(replay.json()).toMatchObject({ field: 'altcha', details: { reason: 'challenge_failed', problem: 'used' } });

    const other = await secondInstance(ctx, ENV);
    try {
      // Solved from one instance's challenge, accepted by the other; then used up for both.
      const fromOther = await solvedPayload(other.app);
      expect((await book(ctx.app, fromOther)).statusCode).toBe(201);
      expect((await book(other.app, fromOther)).json()).toMatchObject({ details: { reason: 'challenge_failed', problem: 'used' } });
      expect((await book(other.app, payload)).json()).toMatchObject({ details: { reason: 'challenge_failed', problem: 'used' } });
      // The same solution sent to both at once: exactly one booking.
      const twice = await solvedPayload(ctx.app);
      const both = await Promise.all([book(ctx.app, twice), book(other.app, twice)]);
      expect(both.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    } finally {
      await other.close();
    }
  });

  it('does not ask staff booking on a visitor\'s behalf', async () => {
    const cookie = await ctx.login('handlaggare.vaxjo');
    const res = await ctx.app.inject({
      method: 'POST', url: `/api/v1/offices/${VAXJO}/bookings`, headers: { cookie },
      payload: { serviceId: BOSTADSBIDRAG, start: free[n++]!, visitorName: 'Via disken', phone: '0701234567' },
    });
    expect(res.statusCode, res.body).toBe(201);
    // And the staff form's schema has no place for one.
    const withChallenge = await ctx.app.inject({
      method: 'POST', url: `/api/v1/offices/${VAXJO}/bookings`, headers: { cookie },
      payload: { serviceId: BOSTADSBIDRAG, start: free[n++]!, visitorName: 'Via disken', phone: '0701234567', altcha: 'x' },
    });
    expect(withChallenge.json()).toMatchObject({ code: 'validation_failed', field: 'altcha' });
  });
}, { env: () => ENV });

describeWithApp('booking challenge with different keys per instance', (ctx) => {
  it('refuses a solution to another key\'s challenge (why several instances need a shared ALTCHA_HMAC_KEY)', async () => {
    const free = await starts(ctx, '2026-12-03', 4);
    const other = await secondInstance(ctx, { BOOKING_CHALLENGE: 'true', BOOKING_CHALLENGE_WORK: '200' });
    try {
      const res = await ctx.app.inject({
        method: 'POST', url: '/api/v1/bookings',
        payload: { serviceId: BOSTADSBIDRAG, officeId: VAXJO, start: free[0]!, visitorName: 'Test', email: 'k@example.se', altcha: await solvedPayload(other.app) },
      });
      expect(res.json()).toMatchObject({ details: { reason: 'challenge_failed', problem: 'invalid' } });
    } finally {
      await other.close();
    }
  });
}, { env: () => ({ BOOKING_CHALLENGE: 'true', BOOKING_CHALLENGE_WORK: '200' }) });
