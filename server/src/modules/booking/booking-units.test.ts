// The engine offers exactly what the database accepts (docs/booking.md, "Never double-booked"). Bookings
// hold numbered units, and a booking needs one unit free for its whole time, so a pool whose units are
// busy back to back ("fragmented") has no room across the join even though at most one unit is busy at
// any moment. The slots endpoint must not offer such a time, and every time it offers must book.
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp } from '../../test/harness.ts';
import { queryRows } from '../../db/client.ts';
import type { CreatedBooking, SlotsResponse } from '../../../../contracts/booking.ts';
import { api, BOSTADSBIDRAG, VAXJO } from './test-helpers.ts';

// Thursdays, when FK is at Växjö.
const DAY = '2026-12-03';
const OTHER_DAY = '2026-12-10';
const MIN = 60_000;

describeWithApp('booking units: the engine agrees with the exclusion constraint', (ctx) => {
  const slotsOf = async (date: string) => {
    const res = await api(ctx).inject('GET', `/offices/${VAXJO}/services/${BOSTADSBIDRAG}/slots?from=${date}&to=${date}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as SlotsResponse;
  };
  const unitsOf = (code: string) => queryRows<{ unit: number }>(ctx.db, sql`
    select h.unit from booking_holds h join appointments a on a.id = h.appointment_id
    where a.code = ${code} and h.pool_key like 'agency:%'`);
  const booked = async (start: string) => {
    const res = await api(ctx).book({ serviceId: BOSTADSBIDRAG, officeId: VAXJO, start });
    expect(res.statusCode, `${start}: ${res.body}`).toBe(201);
    return res.json() as CreatedBooking;
  };
  const cancel = async (b: CreatedBooking) => {
    expect((await api(ctx).inject('POST', `/bookings/${b.code}/cancel?token=${b.manageToken}`)).statusCode).toBe(200);
  };

  /**
   * Two FK officers on Thursdays, none kept for walk-ins, no buffers: 20-minute bookings every 10
   * minutes. On `date`, A takes officer 1 for 0–20 (from the first slot); W then takes officer 1 for
   * 20–40 (free again at 20), so B at 20 gets officer 2; cancelling W leaves officer 1 busy 0–20 and
   * officer 2 busy 20–40. Returns the time `m` minutes after the first slot, as an ISO instant.
   */
  const fragment = async (date: string) => {
    await api(ctx).configure(BOSTADSBIDRAG, { walkInShare: 0, bufferBeforeMin: 0, bufferAfterMin: 0, minNoticeMin: 0, stepMin: 10 }, { weekday: 4, officers: 2 });
    const before = await slotsOf(date);
    expect(before.durationMin).toBe(20);
    const t0 = Date.parse(before.days[0]!.slots[0]!.start);
    const at = (m: number) => new Date(t0 + m * MIN).toISOString();
    const a = await booked(at(0));
    const w = await booked(at(20));
    const b = await booked(at(20));
    await cancel(w);
    expect((await unitsOf(a.code)).map((r) => r.unit)).toEqual([1]);
    expect((await unitsOf(b.code)).map((r) => r.unit)).toEqual([2]);
    return at;
  };

  it('tells today by the server clock', async () => {
    // ctx.now is 2026-12-01 10:00Z, 11:00 in Sweden.
    expect((await slotsOf(DAY)).today).toBe('2026-12-01');
  });

  it('does not offer a time no single unit is free for, and every time it offers books', async () => {
    const at = await fragment(DAY);
    // 10–30: one officer busy at any moment, but neither free all the time. Not offered, and refused.
    const slots = (await slotsOf(DAY)).days[0]!.slots;
    const free = new Map(slots.map((s) => [s.start, s.free]));
    expect(free.get(at(0))).toBe(1);
    expect(free.has(at(10))).toBe(false);
    expect(free.get(at(20))).toBe(1);
    expect(free.get(at(30))).toBe(1);
    expect(free.get(at(40))).toBe(2);
    const straddling = await api(ctx).book({ serviceId: BOSTADSBIDRAG, officeId: VAXJO, start: at(10) });
    expect(straddling.statusCode).toBe(409);
    expect(straddling.json()).toMatchObject({ details: { reason: 'slot_taken' } });
    expect(straddling.json().details.nextFree).not.toContain(at(10));

    // Every offered time books (each then cancelled, so the next sees the same day).
    expect(slots.length).toBeGreaterThan(10);
    for (const s of slots) await cancel(await booked(s.start));
  }, 120_000);

  it('fills a fragmented day: an offered time books, again and again, until none is left', async () => {
    await fragment(OTHER_DAY);
    // The second offered time each round (the last one at the end): times next to held ones, where a
    // unit counted free but fragmented would show first.
    for (let n = 0; ; n++) {
      const slots = (await slotsOf(OTHER_DAY)).days[0]!.slots;
      const slot = slots[Math.min(1, slots.length - 1)];
      if (!slot) break;
      expect(n).toBeLessThan(200);
      await booked(slot.start);
    }
    // Full, on officers 1 and 2 only.
    const [held] = await queryRows<{ units: number[] }>(ctx.db, sql`
      select array_agg(distinct h.unit order by h.unit) as units from booking_holds h join appointments a on a.id = h.appointment_id
      where h.pool_key like 'agency:%' and a.starts_at::date = ${OTHER_DAY}::date`);
    expect(held!.units).toEqual([1, 2]);
  }, 120_000);
});
