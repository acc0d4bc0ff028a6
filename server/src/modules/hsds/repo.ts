// Reads the registry for the HSDS API and export: one page of ids plus a total, then the related rows in a
// handful of set-based queries (never one query per row), shaped as mapper.ts's RegistrySlice.
import { and, asc, count, eq, gte, ilike, inArray, lte, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import * as t from '../../db/schema.ts';
import { addDays } from '../../lib/dates.ts';
import {
  serviceAtLocationId,
  type AgencyRow,
  type DateExceptionRow,
  type HolidayRow,
  type LocationBundle,
  type OfficeRow,
  type OpeningHoursRow,
  type RegistrySlice,
  type ScheduleContext,
  type ServiceLink,
  type ServiceRow,
} from './mapper.ts';

export interface PageRequest {
  /** 1-based. */
  page: number;
  perPage: number;
  search?: string | undefined;
  /** Only services (or service_at_locations) of this agency. */
  organizationId?: string | undefined;
}

export interface PageOf<T> {
  total: number;
  items: T[];
}

/** How far ahead holiday closures are published. */
export const HOLIDAY_HORIZON_DAYS = 365;

/** `search` is a plain substring: escape LIKE's wildcards so "%" and "_" match themselves. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const offsetOf = (q: PageRequest) => (q.page - 1) * q.perPage;
const unique = (ids: Iterable<string>) => [...new Set(ids)];

// ---------- pages ----------

export async function pageAgencies(db: Db, q: PageRequest): Promise<PageOf<string>> {
  const where = q.search
    ? or(ilike(t.agencies.nameSv, contains(q.search)), ilike(t.agencies.nameEn, contains(q.search)), ilike(t.agencies.code, contains(q.search)))
    : undefined;
  const [totals, rows] = await Promise.all([
    db.select({ n: count() }).from(t.agencies).where(where),
    db.select({ id: t.agencies.id }).from(t.agencies).where(where)
      .orderBy(asc(t.agencies.nameSv), asc(t.agencies.id)).limit(q.perPage).offset(offsetOf(q)),
  ]);
  return { total: totals[0]?.n ?? 0, items: rows.map((r) => r.id) };
}

function serviceFilter(q: PageRequest): SQL | undefined {
  const where: SQL[] = [];
  if (q.organizationId) where.push(eq(t.services.agencyId, q.organizationId));
  if (q.search) {
    const p = contains(q.search);
    where.push(or(ilike(t.services.nameSv, p), ilike(t.services.nameEn, p), ilike(t.services.descriptionSv, p), ilike(t.services.descriptionEn, p))!);
  }
  return where.length ? and(...where) : undefined;
}

export async function pageServices(db: Db, q: PageRequest): Promise<PageOf<string>> {
  const where = serviceFilter(q);
  const [totals, rows] = await Promise.all([
    db.select({ n: count() }).from(t.services).where(where),
    db.select({ id: t.services.id }).from(t.services).where(where)
      .orderBy(asc(t.services.nameSv), asc(t.services.id)).limit(q.perPage).offset(offsetOf(q)),
  ]);
  return { total: totals[0]?.n ?? 0, items: rows.map((r) => r.id) };
}

export async function pageServiceLinks(db: Db, q: PageRequest): Promise<PageOf<ServiceLink>> {
  const where: SQL[] = [];
  if (q.organizationId) where.push(eq(t.services.agencyId, q.organizationId));
  if (q.search) {
    const p = contains(q.search);
    where.push(or(ilike(t.services.nameSv, p), ilike(t.services.nameEn, p), ilike(t.offices.name, p), ilike(t.offices.city, p))!);
  }
  const filter = where.length ? and(...where) : undefined;
  const [totals, rows] = await Promise.all([
    db.select({ n: count() })
      .from(t.officeServices)
      .innerJoin(t.services, eq(t.services.id, t.officeServices.serviceId))
      .innerJoin(t.offices, eq(t.offices.id, t.officeServices.officeId))
      .where(filter),
    db.select({ serviceId: t.officeServices.serviceId, officeId: t.officeServices.officeId })
      .from(t.officeServices)
      .innerJoin(t.services, eq(t.services.id, t.officeServices.serviceId))
      .innerJoin(t.offices, eq(t.offices.id, t.officeServices.officeId))
      .where(filter)
      .orderBy(asc(t.services.nameSv), asc(t.services.id), asc(t.offices.name), asc(t.offices.id))
      .limit(q.perPage)
      .offset(offsetOf(q)),
  ]);
  return { total: totals[0]?.n ?? 0, items: rows };
}

/**
 * The office_services pair behind a service_at_location id. The id is a SHA-1 name-based UUID of the
 * pair, which SQL cannot invert portably, so this hashes every pair: one two-column query over a table
 * of a few thousand rows.
 */
export async function findServiceLink(db: Db, id: string): Promise<ServiceLink | null> {
  const wanted = id.toLowerCase();
  const rows = await db.select({ serviceId: t.officeServices.serviceId, officeId: t.officeServices.officeId }).from(t.officeServices);
  return rows.find((r) => serviceAtLocationId(r.serviceId, r.officeId) === wanted) ?? null;
}

// ---------- related rows ----------

async function loadAgencies(db: Db, ids: string[] | 'all'): Promise<AgencyRow[]> {
  if (ids !== 'all' && ids.length === 0) return [];
  return db
    .select({
      id: t.agencies.id,
      code: t.agencies.code,
      nameSv: t.agencies.nameSv,
      nameEn: t.agencies.nameEn,
      kind: t.agencies.kind,
      kommunkod: t.agencies.kommunkod,
      website: t.agencies.website,
      municipalityName: t.municipalities.name,
    })
    .from(t.agencies)
    .leftJoin(t.municipalities, eq(t.municipalities.kommunkod, t.agencies.kommunkod))
    .where(ids === 'all' ? undefined : inArray(t.agencies.id, ids))
    .orderBy(asc(t.agencies.nameSv), asc(t.agencies.id));
}

async function loadServices(db: Db, by: { ids: string[]; agencyIds: string[] } | 'all'): Promise<ServiceRow[]> {
  const where: SQL[] = [];
  if (by !== 'all') {
    if (by.ids.length) where.push(inArray(t.services.id, by.ids));
    if (by.agencyIds.length) where.push(inArray(t.services.agencyId, by.agencyIds));
    if (where.length === 0) return [];
  }
  return db
    .select({
      id: t.services.id,
      agencyId: t.services.agencyId,
      nameSv: t.services.nameSv,
      nameEn: t.services.nameEn,
      descriptionSv: t.services.descriptionSv,
      descriptionEn: t.services.descriptionEn,
      channels: t.services.channels,
    })
    .from(t.services)
    .where(where.length ? or(...where) : undefined)
    .orderBy(asc(t.services.nameSv), asc(t.services.id));
}

/** office_services of the given services, each service's offices in name order. */
async function loadLinks(db: Db, serviceIds: string[] | 'all'): Promise<ServiceLink[]> {
  if (serviceIds !== 'all' && serviceIds.length === 0) return [];
  return db
    .select({ serviceId: t.officeServices.serviceId, officeId: t.officeServices.officeId })
    .from(t.officeServices)
    .innerJoin(t.services, eq(t.services.id, t.officeServices.serviceId))
    .innerJoin(t.offices, eq(t.offices.id, t.officeServices.officeId))
    .where(serviceIds === 'all' ? undefined : inArray(t.officeServices.serviceId, serviceIds))
    .orderBy(asc(t.services.nameSv), asc(t.services.id), asc(t.offices.name), asc(t.offices.id));
}

/**
 * Offices with municipality and county names; with `schedules`, also their weekly hours and the date
 * exceptions from `asOf` on (past exceptions say nothing about when to visit).
 */
async function loadLocations(db: Db, ids: string[] | 'all', opts: { schedules: boolean; asOf: string }): Promise<LocationBundle[]> {
  if (ids !== 'all' && ids.length === 0) return [];
  const only = ids === 'all' ? undefined : ids;
  const [offices, hours, exceptions] = await Promise.all([
    db
      .select({
        id: t.offices.id,
        name: t.offices.name,
        tier: t.offices.tier,
        isMotesplats: t.offices.isMotesplats,
        partnerName: t.offices.partnerName,
        street: t.offices.street,
        postalCode: t.offices.postalCode,
        city: t.offices.city,
        kommunkod: t.offices.kommunkod,
        municipalityName: t.municipalities.name,
        countyName: t.counties.name,
        lat: t.offices.lat,
        lon: t.offices.lon,
        languages: t.offices.languages,
        accessibilityNotes: t.offices.accessibilityNotes,
        phone: t.offices.phone,
        email: t.offices.email,
        updatedAt: t.offices.updatedAt,
      })
      .from(t.offices)
      .innerJoin(t.municipalities, eq(t.municipalities.kommunkod, t.offices.kommunkod))
      .innerJoin(t.counties, eq(t.counties.code, t.municipalities.countyCode))
      .where(only ? inArray(t.offices.id, only) : undefined)
      .orderBy(asc(t.offices.name), asc(t.offices.id)),
    opts.schedules
      ? db
        .select({ officeId: t.officeOpeningHours.officeId, weekday: t.officeOpeningHours.weekday, opens: t.officeOpeningHours.opens, closes: t.officeOpeningHours.closes })
        .from(t.officeOpeningHours)
        .where(only ? inArray(t.officeOpeningHours.officeId, only) : undefined)
        .orderBy(asc(t.officeOpeningHours.weekday), asc(t.officeOpeningHours.opens))
      : Promise.resolve([]),
    opts.schedules
      ? db
        .select({
          officeId: t.officeDateExceptions.officeId,
          date: t.officeDateExceptions.date,
          closed: t.officeDateExceptions.closed,
          opens: t.officeDateExceptions.opens,
          closes: t.officeDateExceptions.closes,
          note: t.officeDateExceptions.note,
        })
        .from(t.officeDateExceptions)
        .where(and(gte(t.officeDateExceptions.date, opts.asOf), only ? inArray(t.officeDateExceptions.officeId, only) : undefined))
        .orderBy(asc(t.officeDateExceptions.date))
      : Promise.resolve([]),
  ]);
  const hoursBy = new Map<string, OpeningHoursRow[]>();
  for (const { officeId, ...h } of hours) hoursBy.set(officeId, [...(hoursBy.get(officeId) ?? []), h]);
  const exceptionsBy = new Map<string, DateExceptionRow[]>();
  for (const { officeId, ...x } of exceptions) exceptionsBy.set(officeId, [...(exceptionsBy.get(officeId) ?? []), x]);
  return offices.map((o: OfficeRow) => ({ office: o, openingHours: hoursBy.get(o.id) ?? [], dateExceptions: exceptionsBy.get(o.id) ?? [] }));
}

/** Non-working days from `asOf` through the horizon: the closures a full location lists. */
export async function loadScheduleContext(db: Db, asOf: string): Promise<ScheduleContext> {
  const holidays: HolidayRow[] = await db
    .select({ date: t.holidays.date, nameSv: t.holidays.nameSv, nameEn: t.holidays.nameEn, nonWorkingDay: t.holidays.nonWorkingDay })
    .from(t.holidays)
    .where(and(gte(t.holidays.date, asOf), lte(t.holidays.date, addDays(asOf, HOLIDAY_HORIZON_DAYS)), eq(t.holidays.nonWorkingDay, true)))
    .orderBy(asc(t.holidays.date));
  return { asOf, holidays };
}

export interface SliceRequest {
  /** Agencies to include, and with `servicesOfAgencies` every service they own. */
  agencyIds?: string[];
  servicesOfAgencies?: boolean;
  /** Services to include (their agencies come along). */
  serviceIds?: string[];
  /** Also every office link of the included services. */
  linksOfServices?: boolean;
  /** Explicit links (their services, agencies and offices come along). */
  links?: ServiceLink[];
  /** How to load the offices the links point at: one-to-one fields only, or with schedules. */
  locations?: 'none' | 'brief' | 'full';
  asOf: string;
}

/** Loads exactly the rows needed to map one page: at most six queries, whatever the page size. */
export async function loadSlice(db: Db, req: SliceRequest): Promise<{ slice: RegistrySlice; ctx: ScheduleContext }> {
  const agencyIds = req.agencyIds ?? [];
  const services = await loadServices(db, {
    ids: unique([...(req.serviceIds ?? []), ...(req.links ?? []).map((l) => l.serviceId)]),
    agencyIds: req.servicesOfAgencies ? agencyIds : [],
  });
  const serviceIds = services.map((s) => s.id);
  const [agencies, links] = await Promise.all([
    loadAgencies(db, unique([...agencyIds, ...services.map((s) => s.agencyId)])),
    req.linksOfServices ? loadLinks(db, serviceIds) : Promise.resolve(req.links ?? []),
  ]);
  const mode = req.locations ?? 'none';
  const [locations, ctx] = await Promise.all([
    mode === 'none' ? Promise.resolve([]) : loadLocations(db, unique(links.map((l) => l.officeId)), { schedules: mode === 'full', asOf: req.asOf }),
    mode === 'full' ? loadScheduleContext(db, req.asOf) : Promise.resolve({ asOf: req.asOf, holidays: [] }),
  ]);
  return { slice: { agencies, services, links, locations }, ctx };
}

/** The whole registry, for the file export: every agency, service, office (with schedules) and link. */
export async function loadRegistry(db: Db, asOf: string): Promise<{ slice: RegistrySlice; ctx: ScheduleContext }> {
  const [agencies, services, links, locations, ctx] = await Promise.all([
    loadAgencies(db, 'all'),
    loadServices(db, 'all'),
    loadLinks(db, 'all'),
    loadLocations(db, 'all', { schedules: true, asOf }),
    loadScheduleContext(db, asOf),
  ]);
  return { slice: { agencies, services, links, locations }, ctx };
}
