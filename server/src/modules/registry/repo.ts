// Registry reads: set-based queries that assemble agencies, services and offices with their parts.
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/client.ts';
import { queryRows, together } from '../../db/client.ts';
import { isoWeekday } from '../../lib/dates.ts';
import * as t from '../../db/schema.ts';
import type { Agency, Capability, Channel, Office, Performer, Service } from '../../../../contracts/registry.ts';
import { compareSv } from '../../lib/text-fold.ts';

type Reader = Db | Tx;
const hhmm = (time: string | null) => (time ? time.slice(0, 5) : null);

export async function listAgencies(db: Reader): Promise<Agency[]> {
  const rows = await db.select().from(t.agencies);
  return rows
    .map((a) => ({ id: a.id, code: a.code, nameSv: a.nameSv, nameEn: a.nameEn, kind: a.kind, kommunkod: a.kommunkod, website: a.website }))
    .sort((a, b) => (a.kind === b.kind ? compareSv(a.nameSv, b.nameSv) : a.kind === 'state_agency' ? -1 : 1));
}

export async function listServices(db: Reader, filter: { agencyId?: string; ids?: string[] } = {}): Promise<Service[]> {
  const where = filter.ids ? inArray(t.services.id, filter.ids) : filter.agencyId ? eq(t.services.agencyId, filter.agencyId) : undefined;
  const rows = await db.select().from(t.services).where(where);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [caps, performers] = await together(db,
    () => db.select().from(t.serviceCapabilities).where(inArray(t.serviceCapabilities.serviceId, ids)),
    () => db.select().from(t.servicePerformers).where(inArray(t.servicePerformers.serviceId, ids)),
  );
  return rows
    .map((s) => ({
      id: s.id,
      agencyId: s.agencyId,
      nameSv: s.nameSv,
      nameEn: s.nameEn,
      descriptionSv: s.descriptionSv,
      descriptionEn: s.descriptionEn,
      durationMin: s.durationMin,
      channels: s.channels as Channel[],
      requiredCapabilities: caps.filter((c) => c.serviceId === s.id).map((c) => c.capability as Capability).sort(),
      performers: performers
        .filter((p) => p.serviceId === s.id)
        .map((p): Performer => (p.kind === 'agency' && p.agencyId ? { kind: 'agency', agencyId: p.agencyId } : { kind: 'office_staff' })),
    }))
    .sort((a, b) => compareSv(a.nameSv, b.nameSv));
}

export async function listCapabilities(db: Reader) {
  return db.select().from(t.capabilities).orderBy(asc(t.capabilities.code));
}

/** Every office, fully assembled (about 120 rows: cheap enough to load whole). */
export async function loadOffices(db: Reader, ids?: string[]): Promise<Office[]> {
  const only = (col: PgColumn) => (ids ? inArray(col, ids) : undefined);
  const [rows, caps, hours, exceptions, agencyDays, services] = await together(db,
    () => db
      .select({ o: t.offices, m: t.municipalities, c: t.counties })
      .from(t.offices)
      .innerJoin(t.municipalities, eq(t.municipalities.kommunkod, t.offices.kommunkod))
      .innerJoin(t.counties, eq(t.counties.code, t.municipalities.countyCode))
      .where(only(t.offices.id)),
    () => db.select().from(t.officeCapabilities).where(only(t.officeCapabilities.officeId)),
    () => db.select().from(t.officeOpeningHours).where(only(t.officeOpeningHours.officeId)),
    () => db.select().from(t.officeDateExceptions).where(only(t.officeDateExceptions.officeId)),
    () => db.select().from(t.officeAgencyDays).where(only(t.officeAgencyDays.officeId)),
    () => db.select().from(t.officeServices).where(only(t.officeServices.officeId)),
  );
  const group = <R extends { officeId: string }>(list: R[]) => {
    const map = new Map<string, R[]>();
    for (const r of list) map.set(r.officeId, [...(map.get(r.officeId) ?? []), r]);
    return map;
  };
  const [capsBy, hoursBy, excBy, daysBy, servBy] = [group(caps), group(hours), group(exceptions), group(agencyDays), group(services)];
  return rows
    .map(({ o, m, c }): Office => {
      const days = new Map<string, number[]>();
      for (const d of daysBy.get(o.id) ?? []) days.set(d.agencyId, [...(days.get(d.agencyId) ?? []), d.weekday].sort());
      return {
        id: o.id,
        name: o.name,
        tier: o.tier,
        isMotesplats: o.isMotesplats,
        isDemo: o.isDemo,
        partnerName: o.partnerName,
        hubOfficeId: o.hubOfficeId,
        street: o.street,
        postalCode: o.postalCode,
        city: o.city,
        kommunkod: o.kommunkod,
        municipalityName: m.name,
        countyCode: c.code,
        countyName: c.name,
        lat: o.lat,
        lon: o.lon,
        counters: o.counters,
        maxRecalls: o.maxRecalls,
        videoRooms: o.videoRooms,
        capabilities: (capsBy.get(o.id) ?? []).map((x) => x.capability as Capability).sort(),
        languages: o.languages,
        accessibilityNotes: o.accessibilityNotes,
        phone: o.phone,
        email: o.email,
        openingHours: (hoursBy.get(o.id) ?? [])
          .map((h) => ({ weekday: h.weekday, opens: hhmm(h.opens)!, closes: hhmm(h.closes)! }))
          .sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens)),
        dateExceptions: (excBy.get(o.id) ?? [])
          .map((e) => ({ date: e.date, closed: e.closed, opens: hhmm(e.opens), closes: hhmm(e.closes), note: e.note }))
          .sort((a, b) => a.date.localeCompare(b.date)),
        agencyDays: [...days].map(([agencyId, weekdays]) => ({ agencyId, weekdays })),
        serviceIds: (servBy.get(o.id) ?? []).map((s) => s.serviceId).sort(),
      };
    })
    .sort((a, b) => compareSv(a.name, b.name));
}

export async function listMunicipalities(db: Reader) {
  const rows = await db
    .select({ m: t.municipalities, c: t.counties })
    .from(t.municipalities)
    .innerJoin(t.counties, eq(t.counties.code, t.municipalities.countyCode));
  return rows
    .map(({ m, c }) => ({ kommunkod: m.kommunkod, name: m.name, countyCode: c.code, countyName: c.name, population: m.population, lat: m.lat, lon: m.lon }))
    .sort((a, b) => compareSv(a.name, b.name));
}

export async function listCounties(db: Reader) {
  return db.select().from(t.counties).orderBy(asc(t.counties.code));
}

export async function loadHolidays(db: Reader, from: string, to: string) {
  const rows = await db.select().from(t.holidays).where(and(gte(t.holidays.date, from), lte(t.holidays.date, to)));
  return new Map(rows.map((h) => [h.date, h]));
}

/**
 * What the calendar needs to decide one office's hours on one date, in one query: the weekday's hours,
 * the date's exception and holiday. For hot paths (a kiosk handing out a ticket) that must not load the
 * whole office; null when the office does not exist.
 */
export async function loadOfficeDay(db: Reader, officeId: string, date: string) {
  const rows = await queryRows<{ hours: Array<{ opens: string; closes: string }>; exception: { closed: boolean; opens: string | null; closes: string | null; note: string } | null; holiday: typeof t.holidays.$inferSelect | null }>(db, sql`
    select
      coalesce((select json_agg(json_build_object('opens', left(h.opens::text, 5), 'closes', left(h.closes::text, 5)))
                from office_opening_hours h where h.office_id = o.id and h.weekday = ${isoWeekday(date)}), '[]'::json) as hours,
      (select json_build_object('closed', e.closed, 'opens', left(e.opens::text, 5), 'closes', left(e.closes::text, 5), 'note', e.note)
         from office_date_exceptions e where e.office_id = o.id and e.date = ${date}::date) as exception,
      (select json_build_object('date', d.date::text, 'nameSv', d.name_sv, 'nameEn', d.name_en, 'nonWorkingDay', d.non_working_day)
         from holidays d where d.date = ${date}::date) as holiday
    from offices o where o.id = ${officeId}`);
  const row = rows[0];
  if (!row) return null;
  return {
    office: {
      openingHours: row.hours.map((h) => ({ weekday: isoWeekday(date), ...h })),
      dateExceptions: row.exception ? [{ date, ...row.exception }] : [],
      agencyDays: [],
    },
    holidays: new Map(row.holiday ? [[date, row.holiday]] : []),
  };
}
