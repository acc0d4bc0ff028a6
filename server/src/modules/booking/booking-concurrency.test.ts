// Never double-booked (issue 4, point 5): 200 simultaneous attempts at one slot get exactly as many
// bookings as the pool has units; every other attempt gets `slot_taken` with the next free times.
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp } from '../../test/harness.ts';
import { queryRows } from '../../db/client.ts';
import { api, BOSTADSBIDRAG, VAXJO } from './test-helpers.ts';
import type { SlotsResponse } from '../../../../contracts/booking.ts';

describeWithApp('booking under concurrency', (ctx) => {
  const run = async (date: string, weekday: number, capacity: number) => {
    const { book, configure, inject } = api(ctx);
    await configure(BOSTADSBIDRAG, { walkInShare: 0, bufferAfterMin: 0, minNoticeMin: 0 }, { weekday, officers: capacity });
    const slots = (await inject('GET', `/offices/${VAXJO}/services/${BOSTADSBIDRAG}/slots?from=${date}&to=${date}`)).json() as SlotsResponse;
    const slot = slots.days[0]!.slots[0]!;
    expect(slot.free).toBe(capacity);

    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => book({ serviceId: BOSTADSBIDRAG, officeId: VAXJO, start: slot.start, visitorName: `Besökare ${i}` })));
    const ok = answers.filter((r) => r.statusCode === 201);
    const taken = answers.filter((r) => r.statusCode === 409);
    expect(answers.filter((r) => r.statusCode !== 201 && r.statusCode !== 409).map((r) => r.body)).toEqual([]);
    expect(ok.length).toBe(capacity);
    expect(taken.length).toBe(200 - capacity);
    for (const r of taken) {
      const body = r.json();
      expect(body).toMatchObject({ code: 'conflict', field: 'start', details: { reason: 'slot_taken' } });
      expect(body.details.nextFree.length).toBeGreaterThan(0);
      expect(body.details.nextFree).not.toContain(slot.start);
    }
    // The database agrees: exactly `capacity` holds of the agency's officers overlap the slot.
    const [held] = await queryRows<{ n: number }>(ctx.db, sql`
      select count(*)::int as n from booking_holds
      where pool_key like 'agency:%' and during && tstzrange(${slot.start}::timestamptz, ${slot.end}::timestamptz)`);
    expect(held!.n).toBe(capacity);
    const after = (await inject('GET', `/offices/${VAXJO}/services/${BOSTADSBIDRAG}/slots?from=${date}&to=${date}`)).json() as SlotsResponse;
    expect(after.days[0]!.slots.find((s) => s.start === slot.start)).toBeUndefined();
  };

  it('gives one slot of capacity 1 to exactly one of 200 simultaneous attempts', async () => {
    await run('2026-12-03', 4, 1);
  }, 120_000);

  it('gives one slot of capacity 3 to exactly three of 200 simultaneous attempts', async () => {
    await run('2026-12-04', 5, 3);
  }, 120_000);
});
