// The cap on open bookings per contact and service (issue 11, point 4): two open bookings of a service per
// email address (ignoring case and a +tag), mobile number or personnummer; a third is refused with
// `too_many_open_bookings`, also when the attempts come at once; cancelling frees a place; staff are not capped.
import { expect, it } from 'vitest';
import { describeWithApp, type TestContext } from '../../test/harness.ts';
import type { CreatedBooking, SlotsResponse } from '../../../../contracts/booking.ts';
import { api, BOSTADSBIDRAG, FORALDRAPENNING, VAXJO } from '../booking/test-helpers.ts';

async function starts(ctx: TestContext, service: string, date: string, weekday: number): Promise<string[]> {
  const { configure, inject } = api(ctx);
  await configure(service, { walkInShare: 0, bufferAfterMin: 0, minNoticeMin: 0 }, { weekday, officers: 5 });
  return ((await inject('GET', `/offices/${VAXJO}/services/${service}/slots?from=${date}&to=${date}`)).json() as SlotsResponse).days[0]!.slots.map((s) => s.start);
}

describeWithApp('open bookings per contact', (ctx) => {
  let free: string[] = [];
  const book = (contact: object, service = BOSTADSBIDRAG, start = free.shift()!) =>
    ctx.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: { serviceId: service, officeId: VAXJO, start, visitorName: 'Test', ...contact } });

  it('refuses a third open booking of a service by the same email, phone or personnummer', async () => {
    free = await starts(ctx, BOSTADSBIDRAG, '2026-12-03', 4);
    expect((await book({ email: 'anna@example.se' })).statusCode).toBe(201);
    expect((await book({ email: 'Anna+second@Example.se' })).statusCode).toBe(201);
    const third = await book({ email: 'anna+third@example.se' });
    expect(third.statusCode).toBe(422);
    expect(third.json()).toMatchObject({ code: 'rule_violation', field: 'email', details: { reason: 'too_many_open_bookings', max: 2, open: 2 } });

    // The same person by phone, then by personnummer, with a new address each time.
    expect((await book({ email: 'p1@example.se', phone: '070-111 22 33' })).statusCode).toBe(201);
    expect((await book({ email: 'p2@example.se', phone: '+46701112233', personnummer: '811218-9876' })).statusCode).toBe(201);
    expect((await book({ email: 'p3@example.se', phone: '0701112233' })).json()).toMatchObject({ field: 'phone', details: { reason: 'too_many_open_bookings' } });
    // The personnummer has one open booking (with the phone above): one more, then no more.
    expect((await book({ email: 'p4@example.se', personnummer: '198112189876' })).statusCode).toBe(201);
    expect((await book({ email: 'p5@example.se', personnummer: '19811218-9876' })).json()).toMatchObject({ field: 'personnummer', details: { reason: 'too_many_open_bookings', open: 2 } });
  });

  it('counts per service, only future bookings, and frees a place when one is cancelled', async () => {
    const other = await starts(ctx, FORALDRAPENNING, '2026-12-03', 4);
    expect((await book({ email: 'anna@example.se' }, FORALDRAPENNING, other[0]!)).statusCode).toBe(201);

    const first = await book({ email: 'bo@example.se' });
    expect((await book({ email: 'bo@example.se' })).statusCode).toBe(201);
    expect((await book({ email: 'bo@example.se' })).statusCode).toBe(422);
    const created = first.json() as CreatedBooking;
    const cancel = await ctx.app.inject({ method: 'POST', url: `/api/v1/bookings/${created.code}/cancel?token=${created.manageToken}` });
    expect(cancel.statusCode).toBe(200);
    expect((await book({ email: 'bo@example.se' })).statusCode).toBe(201);

    // Once the booked times have passed they no longer count.
    const saved = ctx.now;
    ctx.now = new Date('2026-12-03T20:00:00Z');
    try {
      const later = await starts(ctx, BOSTADSBIDRAG, '2026-12-04', 5);
      expect((await book({ email: 'bo@example.se' }, BOSTADSBIDRAG, later[0]!)).statusCode).toBe(201);
    } finally {
      ctx.now = saved;
    }
  });

  it('lets staff book beyond the cap on a visitor\'s behalf', async () => {
    const cookie = await ctx.login('handlaggare.vaxjo');
    const res = await ctx.app.inject({
      method: 'POST', url: `/api/v1/offices/${VAXJO}/bookings`, headers: { cookie },
      payload: { serviceId: BOSTADSBIDRAG, start: free.shift()!, visitorName: 'Anna', email: 'anna@example.se' },
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('gives exactly two of ten simultaneous bookings by one person', async () => {
    const times = await starts(ctx, BOSTADSBIDRAG, '2026-12-08', 2);
    const answers = await Promise.all(times.slice(0, 10).map((start, i) => book({ email: `samtidig${i % 2 ? '+x' : ''}@example.se` }, BOSTADSBIDRAG, start)));
    expect(answers.filter((r) => r.statusCode === 201).length).toBe(2);
    const refused = answers.filter((r) => r.statusCode !== 201);
    expect(refused.length).toBe(8);
    for (const r of refused) expect(r.json()).toMatchObject({ code: 'rule_violation', details: { reason: 'too_many_open_bookings' } });
  }, 60_000);
}, { env: () => ({ BOOKING_OPEN_LIMIT: '2' }) });
