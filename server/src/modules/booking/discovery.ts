// Public discovery: which services an office takes bookings for (and on which channels), and the first
// free time for a service near a place, across offices and mobile stops within a radius.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { offices, officeServices, userRoles, users } from '../../db/schema.ts';
import type { BookableService, FirstFreeQuery, FirstFreeResponse } from '../../../../contracts/booking.ts';
import { firstFree } from '../../engines/slots/slots.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { addDays, stockholmDate, stockholmTime } from '../../lib/dates.ts';
import { haversineKm } from '../../lib/geo.ts';
import { listServices, loadOffices } from '../registry/repo.ts';
import { bookableChannels, loadPlaceContext, slotQuery } from './pools.ts';
import { loadMobileVisits } from './repo.ts';
import { listSettings, loadSettings } from './settings.ts';

/** Offices searched at most for one first-free question, nearest first: enough for any real radius. */
const MAX_CANDIDATES = 60;

export async function bookableServices(db: Db, officeId: string, now: Date): Promise<BookableService[]> {
  const [office] = await loadOffices(db, [officeId]);
  if (!office) throw notFound('Office', 'id');
  const [services, settings, visits] = await Promise.all([
    listServices(db, { ids: office.serviceIds }),
    listSettings(db, officeId),
    office.tier === 'mobile_stop' ? loadMobileVisits(db, { stopOfficeId: officeId, from: stockholmDate(now) }) : Promise.resolve([]),
  ]);
  const agencies = [...new Set(services.filter((s) => s.channels.includes('video')).map((s) => s.agencyId))];
  const officers = agencies.length === 0 ? [] : await db
    .selectDistinct({ agencyId: userRoles.agencyId, userId: userRoles.userId })
    .from(userRoles).innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, 'agency_officer'), inArray(userRoles.agencyId, agencies), eq(users.disabled, false)));
  return services
    .filter((s) => settings.find((x) => x.serviceId === s.id)?.bookable ?? true)
    .map((s) => ({
      id: s.id, agencyId: s.agencyId, nameSv: s.nameSv, nameEn: s.nameEn, descriptionSv: s.descriptionSv, descriptionEn: s.descriptionEn, durationMin: s.durationMin,
      channels: bookableChannels(office, s, officers.filter((o) => o.agencyId === s.agencyId).length, visits.some((v) => v.serviceIds.includes(s.id))),
    }))
    .filter((s) => s.channels.length > 0)
    .sort((a, b) => a.nameSv.localeCompare(b.nameSv, 'sv'));
}

/**
 * The earliest free start at each office or stop within the radius that takes bookings for the service,
 * earliest first and, at the same time, nearest first.
 */
export async function firstFreeNear(db: Db, serviceId: string, q: FirstFreeQuery, now: Date): Promise<FirstFreeResponse> {
  const [service] = await listServices(db, { ids: [serviceId] });
  if (!service) throw notFound('Service', 'id');
  const rows = await db.select({ id: offices.id, name: offices.name, tier: offices.tier, lat: offices.lat, lon: offices.lon })
    .from(officeServices).innerJoin(offices, eq(offices.id, officeServices.officeId))
    .where(eq(officeServices.serviceId, serviceId));
  const candidates = rows
    .map((o) => ({ ...o, distanceKm: haversineKm(q.lat, q.lon, o.lat, o.lon) }))
    .filter((o) => o.distanceKm <= q.radiusKm)
    .sort((a, b) => a.distanceKm - b.distanceKm)
    .slice(0, MAX_CANDIDATES);
  const today = stockholmDate(now);
  const options: FirstFreeResponse['options'] = [];
  for (const o of candidates) {
    const settings = await loadSettings(db, o.id, serviceId);
    const to = addDays(today, settings.horizonDays);
    let ctx;
    try {
      ctx = await loadPlaceContext(db, o.id, serviceId, q.channel, today, to);
    } catch (err) {
      // Offered there but not bookable (or not on this channel): not a candidate.
      if (err instanceof AppError && err.code === 'validation_failed') continue;
      throw err;
    }
    const slot = firstFree(await slotQuery(db, ctx, today, to, now));
    if (!slot) continue;
    const date = stockholmDate(new Date(slot.start));
    options.push({
      officeId: o.id, officeName: o.name, tier: o.tier, mobileVisitId: ctx.mobileVisits.find((v) => v.date === date)?.id ?? null, channel: ctx.channel,
      distanceKm: Math.round(o.distanceKm * 10) / 10, start: new Date(slot.start).toISOString(), end: new Date(slot.end).toISOString(),
      time: stockholmTime(new Date(slot.start)), date,
    });
  }
  options.sort((a, b) => a.start.localeCompare(b.start) || a.distanceKm - b.distanceKm);
  return { serviceId, options: options.slice(0, q.limit) };
}
