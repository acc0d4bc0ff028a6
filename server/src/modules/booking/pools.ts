// From office data to the slot engine's input (docs/booking.md, "Pools"): where and when the service is
// given (office hours or the mobile team's visits), which capacity pools a booking needs, and the holds
// already taken in them. The same context says which database units a booking may take.
import type { Db, Tx } from '../../db/client.ts';
import type { BookingRules, Hold, Place, Pool, SlotQuery } from '../../engines/slots/types.ts';
import { bookableUnits } from '../../engines/slots/rules.ts';
import type { Office } from '../../../../contracts/registry.ts';
import type { HolidayInfo } from '../../engines/calendar/office-calendar.ts';
import type { BookingChannel } from '../../../../contracts/booking.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { addDays, isoWeekday, stockholmOffset } from '../../lib/dates.ts';
import { listServices, loadOffices } from '../registry/repo.ts';
import { loadHolds, loadHolidays, loadMobileVisits, loadStaffing, loadVideoOfficers, type HoldRow, type MobileVisitRow } from './repo.ts';
import { loadSettings, type Settings } from './settings.ts';

type Reader = Db | Tx;
export type Service = Awaited<ReturnType<typeof listServices>>[number];

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

/** What a place context is built from; loaded for one place (loadPlaceContext) or for many at once (discovery.ts). */
export interface PlaceData {
  office: Office;
  service: Service;
  settings: Settings;
  videoOfficers: Array<{ userId: string; displayName: string }>;
  /** Mobile stops: the stop's visits in the range (any services). */
  visits: MobileVisitRow[];
  /** Mobile stops: whether any visit, in the range or not, brings the service (so it is bookable there at all). */
  anyVisit: boolean;
  /** Offices: the holidays in the range. */
  holidays: Map<string, HolidayInfo>;
  /** Offices, in person: officers of the service's agency per ISO weekday (a missing day means one). */
  staffing: Map<number, number>;
}

/**
 * The channel a booking of the service at the place takes: the asked one, else the first bookable. Throws
 * `validation_failed` when it is not bookable there at all, or not on the asked channel.
 */
function chooseChannel(d: Pick<PlaceData, 'office' | 'service' | 'settings' | 'videoOfficers' | 'anyVisit'>, channel: BookingChannel | undefined): BookingChannel {
  const channels = bookableChannels(d.office, d.service, d.videoOfficers.length, d.anyVisit);
  if (!d.settings.bookable || channels.length === 0) {
    throw new AppError('validation_failed', 'The service cannot be booked at this office', { field: 'serviceId', reason: 'not_bookable' });
  }
  const chosen = channel ?? channels[0]!;
  if (!channels.includes(chosen)) {
    throw new AppError('validation_failed', `The service cannot be booked by ${chosen === 'video' ? 'video' : 'visit'} at this office`, { field: 'channel', reason: 'channel_not_available' });
  }
  return chosen;
}

/** The context from loaded data, with no database reads: the same for one place as for a national search. */
export function buildPlaceContext(d: PlaceData, channel: BookingChannel | undefined, from: string, to: string): PlaceContext {
  const { office, service, settings, videoOfficers } = d;
  const chosen = chooseChannel(d, channel);
  const visits = d.visits.filter((v) => v.serviceIds.includes(service.id));
  const dates = datesBetween(from, to);
  const rules: BookingRules = {
    durationMin: service.durationMin, bufferBeforeMin: settings.bufferBeforeMin, bufferAfterMin: settings.bufferAfterMin,
    minNoticeMin: settings.minNoticeMin, horizonDays: settings.horizonDays, stepMin: settings.stepMin, walkInShare: settings.walkInShare,
  };
  const perDate = (units: (date: string) => number) => Object.fromEntries(dates.map((date) => [date, units(date)]));
  const pools: Pool[] = [];
  const holdKeys = new Map<string, string[]>();
  const addPool = (pool: Pool, keys = [pool.key]) => { pools.push(pool); holdKeys.set(pool.key, keys); };
  let place: Place;

  if (office.tier === 'mobile_stop') {
    place = { kind: 'mobile', visits: visits.map((v) => ({ date: v.date, opens: v.opens, closes: v.closes })) };
    const capacity = new Map(visits.map((v) => [v.date, v.capacity]));
    addPool({ key: poolKeys.mobile(office.id), unitsByDate: perDate((date) => capacity.get(date) ?? 0), sharedWithWalkIns: true });
  } else {
    place = { kind: 'office', openingHours: office.openingHours, dateExceptions: office.dateExceptions, holidays: d.holidays };
    if (chosen === 'video') {
      // The room at the office and one of the agency's officers (wherever they sit): neither serves walk-ins.
      addPool({ key: poolKeys.videoRooms(office.id), unitsByDate: perDate(() => office.videoRooms), sharedWithWalkIns: false });
      addPool({ key: poolKeys.videoOfficers(service.agencyId), unitsByDate: perDate(() => videoOfficers.length), sharedWithWalkIns: false },
        videoOfficers.map((o) => poolKeys.officer(o.userId)));
    } else {
      const weekdays = office.agencyDays.find((a) => a.agencyId === service.agencyId)?.weekdays ?? [];
      addPool({ key: poolKeys.agencyOfficers(office.id, service.agencyId), unitsByDate: perDate((date) => (weekdays.includes(isoWeekday(date)) ? d.staffing.get(isoWeekday(date)) ?? 1 : 0)), sharedWithWalkIns: true });
      addPool({ key: poolKeys.counters(office.id), unitsByDate: perDate(() => office.counters), sharedWithWalkIns: true });
    }
  }
  return { office, service, channel: chosen, settings, rules, place, pools, mobileVisits: visits, videoOfficers, holdKeys };
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
  const [settings, videoOfficers, visits] = await Promise.all([
    loadSettings(db, officeId, serviceId),
    service.channels.includes('video') ? loadVideoOfficers(db, service.agencyId) : Promise.resolve([]),
    office.tier === 'mobile_stop' ? loadMobileVisits(db, { stopOfficeId: officeId, from, to }) : Promise.resolve([]),
  ]);
  // Whether a mobile stop is bookable at all does not depend on the asked range.
  const brings = (v: MobileVisitRow) => v.serviceIds.includes(serviceId);
  const anyVisit = office.tier === 'mobile_stop' && (visits.some(brings) || (await loadMobileVisits(db, { stopOfficeId: officeId })).some(brings));
  const chosen = chooseChannel({ office, service, settings, videoOfficers, anyVisit }, channel);
  const inPersonOffice = office.tier !== 'mobile_stop' && chosen === 'in_person';
  const [holidays, staffing] = await Promise.all([
    office.tier === 'mobile_stop' ? Promise.resolve(new Map<string, HolidayInfo>()) : loadHolidays(db, from, to),
    inPersonOffice ? loadStaffing(db, officeId, service.agencyId) : Promise.resolve(new Map<number, number>()),
  ]);
  return buildPlaceContext({ office, service, settings, videoOfficers, visits, anyVisit, holidays, staffing }, chosen, from, to);
}

/** A day's holds can reach into the next one only by a buffer: holds are read with a day of margin each side. */
export const holdRange = (from: string, to: string) => ({ from: startOfDay(addDays(from, -1)), to: startOfDay(addDays(to, 2)) });

/** The database pool keys whose holds a context's query needs. */
export const holdKeysOf = (ctx: PlaceContext): string[] => [...ctx.holdKeys.values()].flat();

/**
 * The engine query for the context from the holds already read (rows of any pools; those of other
 * places are ignored), each on its unit.
 */
export function slotQueryFrom(ctx: PlaceContext, from: string, to: string, now: Date, rows: ReadonlyArray<HoldRow>): SlotQuery {
  // Database pool key → engine pool, and the engine unit when the key stands for one unit (an officer).
  const poolOf = new Map<string, { pool: string; unit: number | null }>();
  for (const [pool, keys] of ctx.holdKeys) {
    keys.forEach((k, i) => poolOf.set(k, { pool, unit: keys.length === 1 && k === pool ? null : i + 1 }));
  }
  const holds: Hold[] = [];
  for (const r of rows) {
    const p = poolOf.get(r.poolKey);
    if (p) holds.push({ pool: p.pool, start: r.start, end: r.end, unit: p.unit ?? r.unit });
  }
  return { now: now.getTime(), from, to, rules: ctx.rules, place: ctx.place, pools: ctx.pools, holds };
}

/**
 * The engine query for the context, with the holds already taken in its pools, each on its unit: the
 * engine then offers a time only when some unit the booking may take (1..bookable, as `unitChoices`) is
 * free for the whole of it, which is exactly when the exclusion constraint will accept the booking.
 */
export async function slotQuery(db: Reader, ctx: PlaceContext, from: string, to: string, now: Date, exceptAppointmentId?: string): Promise<SlotQuery> {
  const range = holdRange(from, to);
  const rows = await loadHolds(db, holdKeysOf(ctx), range.from, range.to, exceptAppointmentId);
  return slotQueryFrom(ctx, from, to, now, rows);
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
