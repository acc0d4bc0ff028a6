// Public discovery: which services an office takes bookings for (and on which channels), and the first
// free time for a service near a place, across offices and mobile stops within a radius.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { offices, officeServices, userRoles, users } from '../../db/schema.ts';
import type { BookableService, FirstFreeQuery, FirstFreeResponse } from '../../../../contracts/booking.ts';
import { firstFreeEach } from '../../engines/slots/slots.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { addDays, stockholmDate, stockholmTime } from '../../lib/dates.ts';
import { haversineKm } from '../../lib/geo.ts';
import { listServices, loadOffices } from '../registry/repo.ts';
import { bookableChannels, buildPlaceContext, holdKeysOf, holdRange, slotQueryFrom, type PlaceContext } from './pools.ts';
import { loadHolds, loadHolidays, loadMobileVisits, loadStaffingAt, loadVideoOfficers, type HoldRow } from './repo.ts';
import { listSettings, loadSettingsAt } from './settings.ts';

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
 * earliest first and, at the same time, nearest first: every place within the radius is searched, however
 * many. The data of all of them is read in a handful of queries (offices, settings, staffing, visits,
 * holidays, and the holds of every pool at once), and the engine walks their days together, stopping
 * once `limit` places have a free time (firstFreeEach), so a wide radius costs little more than a narrow one.
 */
export async function firstFreeNear(db: Db, serviceId: string, q: FirstFreeQuery, now: Date): Promise<FirstFreeResponse> {
  const [service] = await listServices(db, { ids: [serviceId] });
  if (!service) throw notFound('Service', 'id');
  const rows = await db.select({ id: offices.id, lat: offices.lat, lon: offices.lon })
    .from(officeServices).innerJoin(offices, eq(offices.id, officeServices.officeId))
    .where(eq(officeServices.serviceId, serviceId));
  const near = rows
    .map((o) => ({ id: o.id, distanceKm: haversineKm(q.lat, q.lon, o.lat, o.lon) }))
    .filter((o) => o.distanceKm <= q.radiusKm)
    .sort((a, b) => a.distanceKm - b.distanceKm);
  if (near.length === 0) return { serviceId, options: [] };
  const ids = near.map((o) => o.id);
  const today = stockholmDate(now);
  const [placeOffices, settings, staffing, videoOfficers] = await Promise.all([
    loadOffices(db, ids),
    loadSettingsAt(db, ids, serviceId),
    loadStaffingAt(db, ids, service.agencyId),
    service.channels.includes('video') ? loadVideoOfficers(db, service.agencyId) : Promise.resolve([]),
  ]);
  const officeById = new Map(placeOffices.map((o) => [o.id, o]));
  const lastDate = addDays(today, Math.max(...[...settings.values()].map((s) => s.horizonDays)));
  const stopIds = placeOffices.filter((o) => o.tier === 'mobile_stop').map((o) => o.id);
  const [visits, holidays] = await Promise.all([
    loadMobileVisits(db, { stopOfficeIds: stopIds, from: today, to: lastDate }),
    loadHolidays(db, today, lastDate),
  ]);

  const places: Array<{ ctx: PlaceContext; distanceKm: number; to: string }> = [];
  for (const o of near) {
    const office = officeById.get(o.id)!;
    const to = addDays(today, settings.get(o.id)!.horizonDays);
    const stopVisits = visits.filter((v) => v.stopOfficeId === o.id);
    try {
      const ctx = buildPlaceContext({
        office, service, settings: settings.get(o.id)!, videoOfficers, visits: stopVisits,
        // Only visits from today count here: a stop whose visits bringing the service are all past has nothing free anyway.
        anyVisit: stopVisits.some((v) => v.serviceIds.includes(serviceId)),
        holidays, staffing: staffing.get(o.id) ?? new Map(),
      }, q.channel, today, to);
      places.push({ ctx, distanceKm: o.distanceKm, to });
    } catch (err) {
      // Offered there but not bookable (or not on this channel): not a candidate.
      if (err instanceof AppError && err.code === 'validation_failed') continue;
      throw err;
    }
  }

  const range = holdRange(today, lastDate);
  const holdRows = await loadHolds(db, [...new Set(places.flatMap((p) => holdKeysOf(p.ctx)))], range.from, range.to);
  const byKey = new Map<string, HoldRow[]>();
  for (const r of holdRows) {
    const list = byKey.get(r.poolKey);
    if (list) list.push(r);
    else byKey.set(r.poolKey, [r]);
  }
  const queries = places.map((p, i) => ({
    key: i,
    query: slotQueryFrom(p.ctx, today, p.to, now, holdKeysOf(p.ctx).flatMap((k) => byKey.get(k) ?? [])),
  }));
  const options = firstFreeEach(queries, q.limit).map(({ key, slot }) => {
    const { ctx, distanceKm } = places[key]!;
    const date = stockholmDate(new Date(slot.start));
    return {
      officeId: ctx.office.id, officeName: ctx.office.name, tier: ctx.office.tier, mobileVisitId: ctx.mobileVisits.find((v) => v.date === date)?.id ?? null,
      channel: ctx.channel, distanceKm: Math.round(distanceKm * 10) / 10, start: new Date(slot.start).toISOString(), end: new Date(slot.end).toISOString(),
      time: stockholmTime(new Date(slot.start)), date,
    };
  });
  return { serviceId, options };
}
