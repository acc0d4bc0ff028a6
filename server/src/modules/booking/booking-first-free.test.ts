// "First free time near me" over every office within the radius: the answer equals asking each place on
// its own (loadPlaceContext + firstFree, the per-office path the slots page uses) and sorting, however
// many places there are; a far office with the earliest time is found even when dozens are nearer.
import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeWithApp } from '../../test/harness.ts';
import { bookingSettings, offices, officeServices } from '../../db/schema.ts';
import type { FirstFreeOption } from '../../../../contracts/booking.ts';
import { firstFree } from '../../engines/slots/slots.ts';
import { AppError } from '../../lib/errors.ts';
import { addDays, stockholmDate } from '../../lib/dates.ts';
import { haversineKm } from '../../lib/geo.ts';
import { loadPlaceContext, slotQuery } from './pools.ts';
import { DEFAULT_SETTINGS } from './settings.ts';
import { api, FORALDRAPENNING } from './test-helpers.ts';

// Växjö's coordinates; 1,500 km reaches the whole country.
const PLACE = { lat: 56.8777, lon: 14.8091 };

describeWithApp('first free time across all offices within the radius', (ctx) => {
  /** Each place on its own, as the per-office slots path sees it: earliest first, nearest first at the same time. */
  async function oneByOne(serviceId: string, radiusKm: number) {
    const now = ctx.now;
    const today = stockholmDate(now);
    const rows = await ctx.db.select({ id: offices.id, lat: offices.lat, lon: offices.lon }).from(officeServices)
      .innerJoin(offices, eq(offices.id, officeServices.officeId)).where(eq(officeServices.serviceId, serviceId));
    const near = rows.map((o) => ({ id: o.id, km: haversineKm(PLACE.lat, PLACE.lon, o.lat, o.lon) })).filter((o) => o.km <= radiusKm).sort((a, b) => a.km - b.km);
    const found: Array<{ officeId: string; start: string; km: number }> = [];
    for (const o of near) {
      let c;
      try {
        c = await loadPlaceContext(ctx.db, o.id, serviceId, undefined, today, today);
      } catch (err) {
        if (err instanceof AppError && err.code === 'validation_failed') continue;
        throw err;
      }
      const to = addDays(today, c.settings.horizonDays);
      const slot = firstFree(await slotQuery(ctx.db, await loadPlaceContext(ctx.db, o.id, serviceId, undefined, today, to), today, to, now));
      if (slot) found.push({ officeId: o.id, start: new Date(slot.start).toISOString(), km: o.km });
    }
    return { places: near.length, found: found.sort((a, b) => a.start.localeCompare(b.start) || a.km - b.km) };
  }

  it('searches every place within the radius and answers as each place would on its own', async () => {
    // The northernmost office giving the service takes bookings at once (no minimum notice), so its first
    // time (about now) is the earliest in the country, though it is the farthest from Växjö.
    const rows = await ctx.db.select({ id: offices.id, lat: offices.lat, tier: offices.tier }).from(officeServices)
      .innerJoin(offices, eq(offices.id, officeServices.officeId)).where(eq(officeServices.serviceId, FORALDRAPENNING));
    const far = rows.filter((r) => r.tier === 'servicekontor').sort((a, b) => b.lat - a.lat)[0]!;
    await ctx.db.insert(bookingSettings).values({ officeId: far.id, serviceId: FORALDRAPENNING, ...DEFAULT_SETTINGS, minNoticeMin: 0, updatedAt: new Date() })
      .onConflictDoUpdate({ target: [bookingSettings.officeId, bookingSettings.serviceId], set: { minNoticeMin: 0 } });

    const reference = await oneByOne(FORALDRAPENNING, 1500);
    // More places than the old search's cap of the 60 nearest.
    expect(reference.places).toBeGreaterThan(60);
    expect(reference.found[0]!.officeId).toBe(far.id);

    const t0 = performance.now();
    const res = await api(ctx).inject('GET', `/services/${FORALDRAPENNING}/first-free?lat=${PLACE.lat}&lon=${PLACE.lon}&radiusKm=1500&limit=20`);
    const ms = performance.now() - t0;
    expect(res.statusCode, res.body).toBe(200);
    const options = res.json().options as FirstFreeOption[];
    expect(options.map((o) => [o.officeId, o.start])).toEqual(reference.found.slice(0, 20).map((o) => [o.officeId, o.start]));
    expect(options[0]!.officeId).toBe(far.id);
    ctx.app.log.info({ ms }, 'national first free');
  });

  it('answers the same for a narrow radius, and nothing for a place with no office near', async () => {
    const reference = await oneByOne(FORALDRAPENNING, 60);
    const res = await api(ctx).inject('GET', `/services/${FORALDRAPENNING}/first-free?lat=${PLACE.lat}&lon=${PLACE.lon}&radiusKm=60&limit=20`);
    expect((res.json().options as FirstFreeOption[]).map((o) => [o.officeId, o.start])).toEqual(reference.found.slice(0, 20).map((o) => [o.officeId, o.start]));
    // The open sea east of Gotland.
    const sea = await api(ctx).inject('GET', `/services/${FORALDRAPENNING}/first-free?lat=57.5&lon=20.5&radiusKm=5`);
    expect(sea.json()).toEqual({ serviceId: FORALDRAPENNING, options: [] });
  });
});
