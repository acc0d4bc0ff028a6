// From office data to the slot engine's input (docs/booking.md, "Pools"): where and when the service is
// given (office hours or the mobile team's visits), which capacity pools a booking needs, and the holds
// already taken in them. The same context says which database units a booking may take.
import type { Db, Tx } from '../../db/client.ts';
import type { BookingRules, Hold, Place, Pool, SlotQuery } from '../../engines/slots/types.ts';
import { bookableUnits } from '../../engines/slots/rules.ts';
import type { Office } from '../../../../contracts/registry.ts';
import type { BookingChannel } from '../../../../contracts/booking.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { addDays, isoWeekday, stockholmOffset } from '../../lib/dates.ts';
import { listServices, loadOffices } from '../registry/repo.ts';
import { loadHolds, loadHolidays, loadMobileVisits, loadStaffing, loadVideoOfficers, type MobileVisitRow } from './repo.ts';
import { loadSettings, type Settings } from './settings.ts';

type Reader = Db | Tx;
type Service = Awaited<ReturnType<typeof listServices>>[number];

/** One way to take capacity in a pool: a database pool key and unit (and, for video, the officer it stands for). */
export interface UnitChoice {
  poolKey: string;
  unit: number;
  officerUserId?: string;
}

export interface PlaceContext {
  office: Office;
  service: Service;
  channel: BookingChannel;
  settings: Settings;
  rules: BookingRules;
  place: Place;
  pools: Pool[];
  /** Mobile stops: the team's visits in the range that bring the service. */
  mobileVisits: MobileVisitRow[];
  videoOfficers: Array<{ userId: string; displayName: string }>;
  /**
   * Database pool keys whose holds count in each engine pool. Usually the pool's own key, whose units are
   * the engine's; for video officers one key per officer (each a pool of one unit), the i-th officer
   * being the engine pool's unit i + 1, in the order `unitChoices` tries them.
   */
  holdKeys: Map<string, string[]>;
}

export const poolKeys = {
  agencyOfficers: (officeId: string, agencyId: string) => `agency:${officeId}:${agencyId}`,
  counters: (officeId: string) => `counters:${officeId}`,
  videoRooms: (officeId: string) => `video-rooms:${officeId}`,
  videoOfficers: (agencyId: string) => `video-officers:${agencyId}`,
  officer: (userId: string) => `officer:${userId}`,
  mobile: (stopOfficeId: string) => `mobile:${stopOfficeId}`,
};

/** Units of a pool left for bookings on a date after the walk-in share: the engine's own rule, so the
 * database never offers more units than the engine counted. */
export { bookableUnits };

const datesBetween = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

/** Stockholm midnight starting a date, as an instant. */
export const startOfDay = (date: string) => new Date(`${date}T00:00:00${stockholmOffset(date)}`);

/** The channels a service can be booked on at an office (before settings). */
export function bookableChannels(office: Office, service: Service, videoOfficerCount: number, hasMobileVisits: boolean): BookingChannel[] {
  const out: BookingChannel[] = [];
  if (office.tier === 'mobile_stop') {
    if (service.channels.includes('mobile') && hasMobileVisits) out.push('in_person');
    return out;
  }
  const present = office.agencyDays.some((a) => a.agencyId === service.agencyId && a.weekdays.length > 0);
  if (service.channels.includes('in_person') && present && office.counters > 0) out.push('in_person');
  if (service.channels.includes('video') && office.videoRooms > 0 && videoOfficerCount > 0) out.push('video');
  return out;
}

/**
 * Everything the engine needs for a service at an office (or mobile stop) over Stockholm dates
 * [from, to]. Throws `not_found` for an unknown office or service, and `validation_failed` when the
 * office does not offer the service, it is not bookable there, or not on the asked channel.
 */
export async function loadPlaceContext(db: Reader, officeId: string, serviceId: string, channel: BookingChannel | undefined, from: string, to: string): Promise<PlaceContext> {
  const [[office], [service]] = await Promise.all([loadOffices(db, [officeId]), listServices(db, { ids: [serviceId] })]);
  if (!office) throw notFound('Office', 'officeId');
  if (!service) throw notFound('Service', 'serviceId');
  if (!office.serviceIds.includes(service.id)) {
    throw new AppError('validation_failed', 'This office does not offer the service', { field: 'serviceId', reason: 'service_not_offered' });
  }
  const [settings, videoOfficers, mobileVisits] = await Promise.all([
    loadSettings(db, officeId, serviceId),
    service.channels.includes('video') ? loadVideoOfficers(db, service.agencyId) : Promise.resolve([]),
    office.tier === 'mobile_stop' ? loadMobileVisits(db, { stopOfficeId: officeId, from, to }) : Promise.resolve([]),
  ]);
  const visits = mobileVisits.filter((v) => v.serviceIds.includes(serviceId));
  // Whether a mobile stop is bookable at all does not depend on the asked range.
  const anyVisit = office.tier === 'mobile_stop' && (visits.length > 0 || (await loadMobileVisits(db, { stopOfficeId: officeId })).some((v) => v.serviceIds.includes(serviceId)));
  const channels = bookableChannels(office, service, videoOfficers.length, anyVisit);
  if (!settings.bookable || channels.length === 0) {
    throw new AppError('validation_failed', 'The service cannot be booked at this office', { field: 'serviceId', reason: 'not_bookable' });
  }
  const chosen = channel ?? channels[0]!;
  if (!channels.includes(chosen)) {
    throw new AppError('validation_failed', `The service cannot be booked by ${chosen === 'video' ? 'video' : 'visit'} at this office`, { field: 'channel', reason: 'channel_not_available' });
  }

  const dates = datesBetween(from, to);
  const rules: BookingRules = {
    durationMin: service.durationMin, bufferBeforeMin: settings.bufferBeforeMin, bufferAfterMin: settings.bufferAfterMin,
    minNoticeMin: settings.minNoticeMin, horizonDays: settings.horizonDays, stepMin: settings.stepMin, walkInShare: settings.walkInShare,
  };
  const perDate = (units: (date: string) => number) => Object.fromEntries(dates.map((d) => [d, units(d)]));
  const pools: Pool[] = [];
  const holdKeys = new Map<string, string[]>();
  const addPool = (pool: Pool, keys = [pool.key]) => { pools.push(pool); holdKeys.set(pool.key, keys); };
  let place: Place;

  if (office.tier === 'mobile_stop') {
    place = { kind: 'mobile', visits: visits.map((v) => ({ date: v.date, opens: v.opens, closes: v.closes })) };
    const capacity = new Map(visits.map((v) => [v.date, v.capacity]));
    addPool({ key: poolKeys.mobile(officeId), unitsByDate: perDate((d) => capacity.get(d) ?? 0), sharedWithWalkIns: true });
  } else {
    place = { kind: 'office', openingHours: office.openingHours, dateExceptions: office.dateExceptions, holidays: await loadHolidays(db, from, to) };
    if (chosen === 'video') {
      // The room at the office and one of the agency's officers (wherever they sit): neither serves walk-ins.
      addPool({ key: poolKeys.videoRooms(officeId), unitsByDate: perDate(() => office.videoRooms), sharedWithWalkIns: false });
      addPool({ key: poolKeys.videoOfficers(service.agencyId), unitsByDate: perDate(() => videoOfficers.length), sharedWithWalkIns: false },
        videoOfficers.map((o) => poolKeys.officer(o.userId)));
    } else {
      const weekdays = office.agencyDays.find((a) => a.agencyId === service.agencyId)?.weekdays ?? [];
      const staffing = await loadStaffing(db, officeId, service.agencyId);
      addPool({ key: poolKeys.agencyOfficers(officeId, service.agencyId), unitsByDate: perDate((d) => (weekdays.includes(isoWeekday(d)) ? staffing.get(isoWeekday(d)) ?? 1 : 0)), sharedWithWalkIns: true });
      addPool({ key: poolKeys.counters(officeId), unitsByDate: perDate(() => office.counters), sharedWithWalkIns: true });
    }
  }
  return { office, service, channel: chosen, settings, rules, place, pools, mobileVisits: visits, videoOfficers, holdKeys };
}

/**
 * The engine query for the context, with the holds already taken in its pools, each on its unit: the
 * engine then offers a time only when some unit the booking may take (1..bookable, as `unitChoices`) is
 * free for the whole of it, which is exactly when the exclusion constraint will accept the booking.
 */
export async function slotQuery(db: Reader, ctx: PlaceContext, from: string, to: string, now: Date, exceptAppointmentId?: string): Promise<SlotQuery> {
  // Database pool key → engine pool, and the engine unit when the key stands for one unit (an officer).
  const poolOf = new Map<string, { pool: string; unit: number | null }>();
  for (const [pool, keys] of ctx.holdKeys) {
    keys.forEach((k, i) => poolOf.set(k, { pool, unit: keys.length === 1 && k === pool ? null : i + 1 }));
  }
  // A day's holds can reach into the next one only by a buffer; a day of margin covers it.
  const rows = await loadHolds(db, [...poolOf.keys()], startOfDay(addDays(from, -1)), startOfDay(addDays(to, 2)), exceptAppointmentId);
  const holds: Hold[] = rows.map((r) => {
    const { pool, unit } = poolOf.get(r.poolKey)!;
    return { pool, start: r.start, end: r.end, unit: unit ?? r.unit };
  });
  return { now: now.getTime(), from, to, rules: ctx.rules, place: ctx.place, pools: ctx.pools, holds };
}

/** The units a booking on `date` may take in each pool, in the order to try them. */
export function unitChoices(ctx: PlaceContext, date: string): UnitChoice[][] {
  return ctx.pools.map((pool) => {
    const officers = pool.key === poolKeys.videoOfficers(ctx.service.agencyId) ? ctx.videoOfficers : null;
    if (officers) return officers.map((o) => ({ poolKey: poolKeys.officer(o.userId), unit: 1, officerUserId: o.userId }));
    const n = bookableUnits(pool, date, ctx.settings.walkInShare);
    return Array.from({ length: n }, (_, i) => ({ poolKey: pool.key, unit: i + 1 }));
  });
}
