// The HSDS 3.0 export: mapper units on constructed rows, the strict validator, and the API plus file export
// on the seeded demo network, every record checked against the official compiled schemas.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { Value } from 'typebox/value';
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as t from '../../db/schema.ts';
import { describeWithApp } from '../../test/harness.ts';
import { exportHsds, runExportHsdsCommand } from './export.ts';
import { stockholmOffset } from '../../lib/dates.ts';
import { uuidV5 } from '../../lib/uuid-v5.ts';
import {
  HsdsLocation,
  HsdsOrganization,
  HsdsService,
  HsdsServiceAtLocation,
  SliceMapper,
  hsdsId,
  mapLocation,
  mapNestedOrganization,
  mapOrganization,
  mapOrganizationBrief,
  mapSchedules,
  mapService,
  mapServiceAtLocation,
  mapServiceAtLocationBrief,
  mapServiceBrief,
  mapServiceCore,
  serviceAtLocationId,
  type AgencyRow,
  type LocationBundle,
  type OfficeRow,
  type ScheduleContext,
  type ServiceRow,
} from './mapper.ts';
import { closeSchema, createHsdsValidator, type HsdsSchemaName, type HsdsValidator } from './validate.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Compiling the HSDS schemas costs about a second each: one validator for the whole file.
let sharedValidator: HsdsValidator | undefined;
const validator = () => (sharedValidator ??= createHsdsValidator());

function expectValid(name: HsdsSchemaName, record: unknown, label: string = name): void {
  const result = validator().validate(name, record);
  expect(result.errors, `${label} should be valid HSDS ${name}`).toEqual([]);
  expect(result.valid).toBe(true);
}

/** Every `id` anywhere in a record, with its path, to check they are all UUIDs. */
function collectIds(value: unknown, path = '$', out: Array<[string, unknown]> = []): Array<[string, unknown]> {
  if (Array.isArray(value)) value.forEach((v, i) => collectIds(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'id' || k.endsWith('_id')) out.push([`${path}.${k}`, v]);
      collectIds(v, `${path}.${k}`, out);
    }
  }
  return out;
}

// ---------- constructed registry rows ----------

const stateAgency: AgencyRow = {
  id: '0b5c3a52-8d0e-4f51-9a44-1f0c3e0b6a01',
  code: 'FK',
  nameSv: 'Försäkringskassan',
  nameEn: 'Swedish Social Insurance Agency',
  kind: 'state_agency',
  kommunkod: null,
  website: 'https://www.forsakringskassan.se',
  municipalityName: null,
};
const municipality: AgencyRow = {
  id: '0b5c3a52-8d0e-4f51-9a44-1f0c3e0b6a02',
  code: 'K0780',
  nameSv: 'Växjö kommun',
  nameEn: 'Växjö Municipality',
  kind: 'municipality',
  kommunkod: '0780',
  website: null,
  municipalityName: 'Växjö',
};
const service: ServiceRow = {
  id: '1c6d4b63-9e1f-4a62-8b55-2a1d4f1c7b01',
  agencyId: stateAgency.id,
  nameSv: 'Föräldrapenning',
  nameEn: 'Parental benefit',
  descriptionSv: 'Hjälp att ansöka om föräldrapenning.',
  descriptionEn: 'Help applying for parental benefit.',
  channels: ['video', 'in_person'],
};
const kommunService: ServiceRow = {
  id: '1c6d4b63-9e1f-4a62-8b55-2a1d4f1c7b02',
  agencyId: municipality.id,
  nameSv: 'Bygglov',
  nameEn: 'Building permit',
  descriptionSv: '',
  descriptionEn: '',
  channels: ['in_person'],
};
const office: OfficeRow = {
  id: '2d7e5c74-af20-4b73-9c66-3b2e5a2d8c01',
  name: 'Servicekontor Växjö',
  tier: 'servicekontor',
  isMotesplats: true,
  partnerName: null,
  street: 'Storgatan 1',
  postalCode: '352 30',
  city: 'Växjö',
  kommunkod: '0780',
  municipalityName: 'Växjö',
  countyName: 'Kronobergs län',
  lat: 56.8777,
  lon: 14.8091,
  languages: ['sv', 'en', 'ar'],
  accessibilityNotes: 'Entré i gatuplan, hörslinga vid disken.',
  phone: '0771-524 524',
  email: 'vaxjo@servicekontor.example',
  updatedAt: new Date('2026-03-01T10:00:00Z'),
};
// 2026-06-03 is a Wednesday; 2026-06-06 (National Day) a Saturday; 2026-06-19 (Midsommarafton) a Friday.
const bundle: LocationBundle = {
  office,
  openingHours: [
    { weekday: 1, opens: '09:00:00', closes: '16:00:00' },
    { weekday: 2, opens: '09:00:00', closes: '16:00:00' },
    { weekday: 3, opens: '09:00:00', closes: '16:00:00' },
    { weekday: 4, opens: '10:00:00', closes: '18:00:00' },
    { weekday: 5, opens: '09:00:00', closes: '16:00:00' },
  ],
  dateExceptions: [
    { date: '2026-05-01', closed: true, opens: null, closes: null, note: 'Före asOf, utelämnas' },
    { date: '2026-06-10', closed: true, opens: null, closes: null, note: 'Personaldag' },
    { date: '2026-06-12', closed: false, opens: '10:00:00', closes: '13:00:00', note: 'Kortare dag' },
    { date: '2026-12-30', closed: false, opens: '10:00:00', closes: '14:00:00', note: '' },
  ],
};
const ctx: ScheduleContext = {
  asOf: '2026-06-01',
  holidays: [
    { date: '2026-06-06', nameSv: 'Sveriges nationaldag', nameEn: 'National Day of Sweden', nonWorkingDay: true },
    { date: '2026-06-19', nameSv: 'Midsommarafton', nameEn: 'Midsummer Eve', nonWorkingDay: true },
    { date: '2026-06-12', nameSv: 'Påhittad helgdag', nameEn: 'Made-up holiday', nonWorkingDay: true },
    { date: '2026-06-05', nameSv: 'Vanlig dag', nameEn: 'Ordinary day', nonWorkingDay: false },
  ],
};

describe('HSDS ids', () => {
  it('implements RFC 4122 version 5 (the standard DNS-namespace test vector)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('derives the same id from the same key, and different ids from different keys', () => {
    expect(serviceAtLocationId(service.id, office.id)).toBe(serviceAtLocationId(service.id, office.id));
    expect(serviceAtLocationId(service.id, office.id)).toBe(serviceAtLocationId(service.id.toUpperCase(), office.id));
    expect(serviceAtLocationId(service.id, office.id)).not.toBe(serviceAtLocationId(kommunService.id, office.id));
    expect(hsdsId('schedule', office.id, 'holiday', '2026-06-19')).toMatch(UUID);
  });
});

describe('HSDS mapper', () => {
  it('maps an agency to an organization; a municipality carries its kommunkod as identifier', () => {
    const org = mapOrganization(municipality, [mapServiceCore(kommunService)]);
    expect(org).toMatchObject({ id: municipality.id, name: 'Växjö kommun', alternate_name: 'Växjö Municipality', legal_status: 'Kommun' });
    expect(org.website).toBeUndefined(); // null website is left out, not emitted as null
    expect(org.organization_identifiers).toEqual([
      { id: hsdsId('organization_identifier', municipality.id, 'kommunkod'), organization_id: municipality.id, identifier_type: 'Kommunkod (SCB)', identifier: '0780' },
    ]);
    expect(org.services?.map((s) => s.id)).toEqual([kommunService.id]);
    const state = mapNestedOrganization(stateAgency);
    expect(state.organization_identifiers).toEqual([]);
    expect(state).toMatchObject({ name: 'Försäkringskassan', alternate_name: 'Swedish Social Insurance Agency', website: 'https://www.forsakringskassan.se' });
    expectValid('organization', org);
    expectValid('organization', mapOrganization(stateAgency, []));
  });

  it('maps a service with its organization, area, channels and locations', () => {
    const location = mapLocation(bundle, ctx);
    const s = mapService(service, stateAgency, [{ officeId: office.id, location }]);
    expect(s).toMatchObject({
      id: service.id,
      organization_id: stateAgency.id,
      name: 'Föräldrapenning',
      alternate_name: 'Parental benefit',
      description: 'Hjälp att ansöka om föräldrapenning.',
      status: 'active',
    });
    expect(s.organization?.id).toBe(stateAgency.id);
    expect(s.service_areas).toEqual([{ id: hsdsId('service_area', service.id), service_id: service.id, name: 'Sverige', description: 'Hela landet.' }]);
    expect(s.attributes?.map((a) => a.taxonomy_term.code)).toEqual(['in_person', 'video']);
    expect(s.attributes?.every((a) => a.link_id === service.id && a.taxonomy_term_id === a.taxonomy_term.id)).toBe(true);
    expect(s.service_at_locations).toEqual([{ id: serviceAtLocationId(service.id, office.id), service_id: service.id, location_id: office.id, location }]);
    expectValid('service', s);

    const k = mapService(kommunService, municipality, [{ officeId: office.id, location: null }]);
    expect(k.description).toBeUndefined(); // empty description is left out
    expect(k.service_areas?.[0]).toMatchObject({ name: 'Växjö', description: 'Kommunkod 0780.' });
    expect(k.service_at_locations?.[0]).toEqual({ id: serviceAtLocationId(kommunService.id, office.id), service_id: kommunService.id, location_id: office.id });
    expectValid('service', k);
  });

  it('maps an office to a physical location with address, languages, accessibility and contact points', () => {
    const loc = mapLocation(bundle, ctx);
    expect(loc).toMatchObject({ id: office.id, location_type: 'physical', name: 'Servicekontor Växjö', latitude: 56.8777, longitude: 14.8091 });
    expect(loc.description).toBe('Servicekontor med Mötesplats.');
    expect(loc.addresses).toEqual([{
      id: hsdsId('address', office.id, 'physical'),
      location_id: office.id,
      address_1: 'Storgatan 1',
      city: 'Växjö',
      region: 'Växjö',
      state_province: 'Kronobergs län',
      postal_code: '352 30',
      country: 'SE',
      address_type: 'physical',
    }]);
    expect(loc.languages?.map((l) => [l.code, l.name])).toEqual([['ar', 'arabiska'], ['en', 'engelska'], ['sv', 'svenska']]);
    expect(loc.accessibility?.[0]?.description).toBe('Entré i gatuplan, hörslinga vid disken.');
    expect(loc.phones?.[0]).toMatchObject({ number: '0771-524 524', type: 'voice' });
    expect(loc.contacts?.[0]).toMatchObject({ email: 'vaxjo@servicekontor.example' });
    expectValid('location', loc);

    const bare = mapLocation({ ...bundle, office: { ...office, languages: [], accessibilityNotes: '  ', phone: null, email: null } }, ctx);
    expect([bare.languages, bare.accessibility, bare.phones, bare.contacts]).toEqual([[], [], [], []]);
    expectValid('location', bare);
  });

  it('turns weekly opening hours into WEEKLY schedules grouped by identical hours', () => {
    const weekly = mapSchedules(bundle, ctx).filter((s) => s.freq === 'WEEKLY' && !s.valid_to);
    expect(weekly.map((s) => [s.byday, s.opens_at, s.closes_at])).toEqual([
      ['MO,TU,WE,FR', '09:00', '16:00'],
      ['TH', '10:00', '18:00'],
    ]);
    for (const s of weekly) {
      expect(s).toMatchObject({ location_id: office.id, wkst: 'MO', valid_from: '2026-03-01' });
      expect(s.id).toMatch(UUID);
    }
  });

  it('publishes future exceptions and holiday closures as dated schedules', () => {
    const dated = mapSchedules(bundle, ctx).filter((s) => s.valid_to);
    expect(dated.map((s) => [s.valid_from, s.description])).toEqual([
      // 2026-05-01 is before asOf; 06-05 is no holiday; 06-06 is a Saturday, when the office is closed anyway;
      // 06-12 has its own exception, which wins over the (made-up) holiday.
      ['2026-06-10', 'Stängt: Personaldag'],
      ['2026-06-12', 'Avvikande öppettider: Kortare dag'],
      ['2026-06-19', 'Stängt: Midsommarafton.'],
      ['2026-12-30', 'Avvikande öppettider.'],
    ]);
    const [closed, shorter, midsummer, winter] = dated;
    expect(closed).toMatchObject({ valid_to: '2026-06-10', dtstart: '2026-06-10' });
    expect(closed?.opens_at).toBeUndefined();
    expect(shorter).toMatchObject({ freq: 'WEEKLY', count: 1, byday: 'FR', opens_at: '10:00+02:00', closes_at: '13:00+02:00' });
    expect(midsummer).toMatchObject({ notes: 'Closed: Midsummer Eve.', id: hsdsId('schedule', office.id, 'holiday', '2026-06-19') });
    expect(winter).toMatchObject({ byday: 'WE', opens_at: '10:00+01:00', closes_at: '14:00+01:00' });
    expect(stockholmOffset('2026-01-15')).toBe('+01:00');
    expect(stockholmOffset('2026-07-15')).toBe('+02:00');
  });

  it('gives every record and nested record a UUID, unique within the record', () => {
    const location = mapLocation(bundle, ctx);
    const records = [
      mapOrganization(municipality, [mapService(kommunService, municipality, [{ officeId: office.id, location }])]),
      mapService(service, stateAgency, [{ officeId: office.id, location }]),
      mapServiceAtLocation(service, stateAgency, location),
    ];
    for (const record of records) {
      const ids = collectIds(record);
      expect(ids.length).toBeGreaterThan(5);
      for (const [path, id] of ids) expect(id, path).toMatch(UUID);
    }
    // Within one location, every nested entry (address, language, schedule, ...) has an id of its own.
    const own = collectIds(location).filter(([path]) => path.endsWith('.id')).map(([, id]) => id);
    expect(own.length).toBeGreaterThan(10);
    expect(new Set(own).size).toBe(own.length);
  });

  it('is deterministic: the same rows give byte-identical records', () => {
    const a = JSON.stringify(mapLocation(bundle, ctx));
    const b = JSON.stringify(mapLocation(structuredClone(bundle), { ...ctx, holidays: [...ctx.holidays] }));
    expect(b).toBe(a);
  });

  it('emits only fields its own response schemas declare (the API serialiser would drop the rest)', () => {
    const location = mapLocation(bundle, ctx);
    expect(Value.Check(HsdsLocation, location)).toBe(true);
    expect(Value.Check(HsdsService, mapService(service, stateAgency, [{ officeId: office.id, location }]))).toBe(true);
    expect(Value.Check(HsdsService, mapServiceBrief(service, stateAgency))).toBe(true);
    expect(Value.Check(HsdsOrganization, mapOrganization(municipality, [mapServiceCore(kommunService)]))).toBe(true);
    expect(Value.Check(HsdsServiceAtLocation, mapServiceAtLocation(service, stateAgency, location))).toBe(true);
    expect(Value.Check(HsdsServiceAtLocation, mapServiceAtLocationBrief(service, stateAgency, office))).toBe(true);
  });

  it('fits the HSDS list shapes and the full service_at_location shape', () => {
    const location = mapLocation(bundle, ctx);
    expectValid('service_list', mapServiceBrief(service, stateAgency));
    expectValid('organization_list', mapOrganizationBrief(stateAgency));
    expectValid('organization_list', mapOrganizationBrief(municipality));
    expectValid('service_at_location_list', mapServiceAtLocationBrief(kommunService, municipality, office));
    const sal = mapServiceAtLocation(service, stateAgency, location);
    expect(sal.service?.service_at_locations).toBeUndefined(); // not allowed inside service_at_location.service
    expectValid('service_at_location', sal);
  });

  it('assembles a slice: organizations with full services nest no organization inside their services', () => {
    const mapper = new SliceMapper(
      { agencies: [stateAgency, municipality], services: [service, kommunService], links: [{ serviceId: service.id, officeId: office.id }], locations: [bundle] },
      ctx,
    );
    const org = mapper.organization(stateAgency.id, 'full_service');
    expect(org.services?.[0]?.organization).toBeUndefined();
    expect(org.services?.[0]?.service_at_locations?.[0]?.location?.id).toBe(office.id);
    expectValid('organization', org);
    expect(() => mapper.serviceRecord('00000000-0000-4000-8000-000000000000', 'full')).toThrow(/not in the loaded slice/);
  });
});

describe('HSDS validator', () => {
  const validService = () => mapServiceBrief(service, stateAgency);

  it('closes every object schema, nested ones too, without touching the input', () => {
    const schema = { type: 'object', properties: { a: { type: 'array', items: { type: 'object', properties: { b: { type: 'string' } } } } }, example: { type: 'object' } };
    const closed = closeSchema(schema);
    expect(closed).toMatchObject({ additionalProperties: false, properties: { a: { items: { additionalProperties: false } } } });
    expect(closed.example).toEqual({ type: 'object' }); // annotation data is not a schema
    expect(schema).not.toHaveProperty('additionalProperties');
  });

  it('rejects an unknown field, at the top and deep inside nested records', () => {
    const top = validator().serviceList({ ...validService(), channel: 'video' });
    expect(top.valid).toBe(false);
    expect(top.errors).toContain('(record): unknown field "channel"');

    const sal = mapServiceAtLocation(service, stateAgency, mapLocation(bundle, ctx));
    const deep = structuredClone(sal) as unknown as { location: { schedules: Array<Record<string, unknown>> } };
    deep.location.schedules[0]!['closed'] = true;
    const result = validator().serviceAtLocation(deep);
    expect(result.valid).toBe(false);
    expect(result.errors).toContain('location.schedules[0]: unknown field "closed"');
  });

  it('rejects a record missing a required field, naming it', () => {
    const { name: _name, ...noName } = validService();
    const result = validator().serviceList(noName);
    expect(result.valid).toBe(false);
    expect(result.errors).toContain('(record): missing required field "name"');

    const loc = mapLocation(bundle, ctx);
    const { postal_code: _pc, ...address } = loc.addresses![0]!;
    const bad = validator().location({ ...loc, addresses: [address] });
    expect(bad.errors).toContain('addresses[0]: missing required field "postal_code"');
  });

  it('rejects bad formats, enums, dates and times', () => {
    const loc = mapLocation(bundle, ctx);
    const schedule = loc.schedules![0]!;
    const result = validator().location({
      ...loc,
      id: 'office-1',
      location_type: 'underground',
      schedules: [{ ...schedule, valid_from: '2026-02-30', opens_at: '9.00' }],
    });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual(expect.arrayContaining([
      'id: must be a valid uuid',
      'location_type: must be one of "physical", "postal", "virtual"',
      'schedules[0].valid_from: must be a date as YYYY-MM-DD',
      expect.stringMatching(/^schedules\[0\]\.opens_at: must be a time/),
    ]));
  });
});

// ---------- the API and the export on the seeded demo network ----------

type PageBody<T> = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
};

describeWithApp('HSDS API and export', (c) => {
  const tmpDirs: string[] = [];
  afterAll(async () => {
    await Promise.all(tmpDirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  const get = async <T>(url: string) => {
    const res = await c.app.inject({ method: 'GET', url: `/api/v1/hsds${url}` });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.json() as T;
  };

  /** Fetches every page, checking the Page metadata of each, and returns all records. */
  async function allPages<T extends { id: string }>(path: string, perPage: number, query = ''): Promise<{ total: number; records: T[]; pages: number }> {
    const records: T[] = [];
    let total = -1;
    let pages = 0;
    for (let page = 1; ; page++) {
      const body = await get<PageBody<T>>(`${path}?page=${page}&per_page=${perPage}${query}`);
      if (total === -1) total = body.total_items;
      expect(body.total_items).toBe(total);
      expect(body.total_pages).toBe(Math.ceil(total / perPage));
      expect(body).toMatchObject({ page_number: page, size: body.contents.length, first_page: page === 1, last_page: page >= body.total_pages, empty: body.contents.length === 0 });
      expect(body.size).toBe(page < body.total_pages ? perPage : total - perPage * (body.total_pages - 1));
      records.push(...body.contents);
      pages++;
      if (body.last_page) break;
    }
    expect(records.length).toBe(total);
    expect(new Set(records.map((r) => r.id)).size).toBe(total);
    return { total, records, pages };
  }

  const dbCount = async (table: typeof t.agencies | typeof t.services | typeof t.offices | typeof t.officeServices) =>
    (await c.db.select({ n: count() }).from(table))[0]!.n;

  const validateAll = (name: HsdsSchemaName, records: unknown[], label: string) => {
    const problems: string[] = [];
    records.forEach((r, i) => {
      for (const e of validator().validate(name, r).errors) if (problems.length < 10) problems.push(`${label}[${i}] ${e}`);
    });
    expect(problems).toEqual([]);
  };

  it('answers the API root with the HSDS version', async () => {
    for (const url of ['/', '']) {
      const body = await get<{ version: string; openapi_url: string }>(url);
      expect(body.version).toBe('3.0');
      expect(body.openapi_url).toMatch(/^https?:\/\/.+\/api\/docs\/json$/);
    }
    // The TypeBox response schemas must also turn into a usable OpenAPI document.
    const docs = await c.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(docs.statusCode).toBe(200);
    const paths = Object.keys((docs.json() as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/hsds/services', '/api/v1/hsds/services/{id}', '/api/v1/hsds/service_at_locations/{id}']));
  });

  it('pages through all organizations; every record is valid HSDS, brief and full', async () => {
    const brief = await allPages<HsdsOrganization>('/organizations', 4);
    expect(brief.total).toBe(await dbCount(t.agencies));
    expect(brief.pages).toBe(Math.ceil(brief.total / 4));
    validateAll('organization_list', brief.records, 'organizations');

    const full = await allPages<HsdsOrganization>('/organizations', 3, '&full=true');
    validateAll('organization', full.records, 'organizations?full');
    expect(full.records.map((o) => o.id)).toEqual(brief.records.map((o) => o.id));
    const kommuner = full.records.filter((o) => o.legal_status === 'Kommun');
    expect(kommuner.length).toBeGreaterThan(0);
    for (const k of kommuner) expect(k.organization_identifiers?.[0]?.identifier).toMatch(/^\d{4}$/);
    expect(full.records.reduce((n, o) => n + (o.services?.length ?? 0), 0)).toBe(await dbCount(t.services));
  });

  it('pages through all services in the HSDS list shape; every record is valid', async () => {
    const brief = await allPages<HsdsService>('/services', 20);
    expect(brief.total).toBe(await dbCount(t.services));
    expect(brief.pages).toBeGreaterThan(1);
    validateAll('service_list', brief.records, 'services');
  });

  it('pages through all services fully nested; every record is valid', async () => {
    const full = await allPages<HsdsService>('/services', 500, '&full=true');
    expect(full.total).toBe(await dbCount(t.services));
    validateAll('service', full.records, 'services?full');
    const links = full.records.flatMap((s) => s.service_at_locations ?? []);
    expect(links.length).toBe(await dbCount(t.officeServices));
    for (const l of links) expect(l.id).toBe(serviceAtLocationId(l.service_id, l.location_id));
  });

  let salIds: string[] = [];
  it('pages through all service_at_locations in the HSDS list shape; every record is valid', async () => {
    const brief = await allPages<HsdsServiceAtLocation>('/service_at_locations', 500);
    expect(brief.total).toBe(await dbCount(t.officeServices));
    expect(brief.pages).toBeGreaterThan(1);
    validateAll('service_at_location_list', brief.records, 'service_at_locations');
    for (const r of brief.records) expect(r.id).toBe(serviceAtLocationId(r.service_id, r.location_id));
    salIds = brief.records.map((r) => r.id);
  });

  it('pages through all service_at_locations fully nested; every record is valid', async () => {
    const full = await allPages<HsdsServiceAtLocation>('/service_at_locations', 500, '&full=true');
    expect(full.total).toBe(await dbCount(t.officeServices));
    validateAll('service_at_location', full.records, 'service_at_locations?full');
    expect(full.records.map((r) => r.id)).toEqual(salIds);
    expect(full.records.every((r) => (r.location?.schedules?.length ?? 0) > 0)).toBe(true);
  });

  it('filters services by organization_id and search', async () => {
    const orgs = await get<PageBody<HsdsOrganization>>('/organizations?per_page=500&full=true');
    const org = orgs.contents.find((o) => (o.services?.length ?? 0) > 1)!;
    const own = await allPages<HsdsService>('/services', 500, `&organization_id=${org.id}`);
    expect(own.records.map((s) => s.id).sort()).toEqual(org.services!.map((s) => s.id).sort());
    expect(own.records.every((s) => s.organization_id === org.id)).toBe(true);

    // ASCII letters only change case: ILIKE folds å/ä/ö only under a locale-aware database collation.
    const wanted = own.records[0]!;
    const found = await get<PageBody<HsdsService>>(`/services?search=${encodeURIComponent(wanted.name.slice(1, 8).replace(/[a-z]/g, (ch) => ch.toUpperCase()))}`);
    expect(found.contents.map((s) => s.id)).toContain(wanted.id);
    const nothing = await get<PageBody<HsdsService>>('/services?search=%25_%25zz-no-such-service');
    expect(nothing).toMatchObject({ total_items: 0, total_pages: 0, size: 0, empty: true, first_page: true, last_page: true, contents: [] });

    const sals = await get<PageBody<HsdsServiceAtLocation>>(`/service_at_locations?per_page=500&organization_id=${org.id}`);
    expect(sals.total_items).toBeGreaterThan(0);
    expect(sals.contents.every((r) => r.service?.organization_id === org.id)).toBe(true);
  });

  it('returns one record by id, fully nested and valid; unknown or malformed ids are 404', async () => {
    const orgs = await get<PageBody<HsdsOrganization>>('/organizations?per_page=1');
    const orgId = orgs.contents[0]!.id;
    expectValid('organization', await get(`/organizations/${orgId}`), 'organization by id');
    const deep = await get<HsdsOrganization>(`/organizations/${orgId}?full_service=true`);
    expectValid('organization', deep, 'organization by id, full_service');
    expect(deep.services?.some((s) => (s.service_at_locations?.length ?? 0) > 0)).toBe(true);

    const services = await get<PageBody<HsdsService>>('/services?per_page=1&full=true');
    const byId = await get<HsdsService>(`/services/${services.contents[0]!.id}`);
    expect(byId).toEqual(services.contents[0]);
    expectValid('service', byId, 'service by id');

    const sals = await get<PageBody<HsdsServiceAtLocation>>('/service_at_locations?per_page=1&full=true');
    const sal = await get<HsdsServiceAtLocation>(`/service_at_locations/${sals.contents[0]!.id.toUpperCase()}`);
    expect(sal).toEqual(sals.contents[0]);
    expectValid('service_at_location', sal, 'service_at_location by id');

    for (const path of ['organizations', 'services', 'service_at_locations']) {
      for (const id of ['7d1c0a6e-0000-4000-8000-000000000000', 'not-a-uuid']) {
        const res = await c.app.inject({ method: 'GET', url: `/api/v1/hsds/${path}/${id}` });
        expect(res.statusCode, `${path}/${id}`).toBe(404);
        expect(res.json()).toMatchObject({ code: 'not_found', field: 'id' });
      }
    }
  });

  it('rejects out-of-range paging and unsupported query parameters', async () => {
    for (const query of ['per_page=501', 'per_page=0', 'page=0', 'taxonomy_id=x', 'organization_id=nope']) {
      const res = await c.app.inject({ method: 'GET', url: `/api/v1/hsds/services?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed' });
    }
    const beyond = await get<PageBody<HsdsService>>('/services?page=999');
    expect(beyond).toMatchObject({ page_number: 999, size: 0, empty: true, last_page: true, first_page: false });
  });

  it('exports the registry to HSDS files that validate record by record, stably', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hsds-export-'));
    tmpDirs.push(dir);
    const result = await exportHsds(c.db, dir, { asOf: '2026-01-01' });
    expect(result.files.map((f) => f.name)).toEqual(['organizations.json', 'services.json', 'locations.json', 'service_at_locations.json']);

    const read = async <T>(name: string) => JSON.parse(await readFile(join(dir, name), 'utf8')) as T;
    const organizations = await read<HsdsOrganization[]>('organizations.json');
    const services = await read<HsdsService[]>('services.json');
    const locations = await read<HsdsLocation[]>('locations.json');
    const sals = await read<HsdsServiceAtLocation[]>('service_at_locations.json');
    expect(organizations.length).toBe(await dbCount(t.agencies));
    expect(services.length).toBe(await dbCount(t.services));
    expect(locations.length).toBe(await dbCount(t.offices));
    expect(sals.length).toBe(await dbCount(t.officeServices));
    validateAll('organization', organizations, 'organizations.json');
    validateAll('service', services, 'services.json');
    validateAll('location', locations, 'locations.json');
    validateAll('service_at_location', sals, 'service_at_locations.json');

    // References resolve within the export.
    const locationIds = new Set(locations.map((l) => l.id));
    const serviceIds = new Set(services.map((s) => s.id));
    expect(sals.every((s) => locationIds.has(s.location_id) && serviceIds.has(s.service_id))).toBe(true);
    expect(services.flatMap((s) => s.service_at_locations ?? []).map((s) => s.id).sort()).toEqual(sals.map((s) => s.id).sort());

    const index = await read<{ hsds_version: string; as_of: string; resources: Array<{ path: string; records: number; hash: string }> }>('index.json');
    expect(index).toMatchObject({ hsds_version: '3.0', as_of: '2026-01-01' });
    expect(index.resources.map((r) => [r.path, r.records])).toEqual(result.files.map((f) => [f.name, f.records]));
    expect(index.resources.map((r) => r.hash)).toEqual(result.files.map((f) => `sha256:${f.sha256}`));

    // Same data, same day: the same bytes.
    const again = await mkdtemp(join(tmpdir(), 'hsds-export-'));
    tmpDirs.push(again);
    const second = await exportHsds(c.db, again, { asOf: '2026-01-01', validate: true });
    expect(second.files.map((f) => f.sha256)).toEqual(result.files.map((f) => f.sha256));
    expect(second.validatedRecords).toBe(organizations.length + services.length + locations.length + sals.length);
    expect(await readFile(join(again, 'index.json'), 'utf8')).toBe(await readFile(join(dir, 'index.json'), 'utf8'));
  });

  it('runs as the export-hsds CLI command', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hsds-cli-'));
    tmpDirs.push(dir);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const result = await runExportHsdsCommand(['--out', dir, '--as-of', '2026-01-01'], c.db);
      expect(result.outDir).toBe(dir);
      const printed = log.mock.calls.map((call) => String(call[0])).join('\n');
      expect(printed).toContain(dir);
      expect(printed).toMatch(/service_at_locations\.json\s+\d+ records/);
    } finally {
      log.mockRestore();
    }
    await expect(runExportHsdsCommand([], c.db)).rejects.toThrow(/--out/);
    await expect(runExportHsdsCommand(['--out', dir, '--as-of', 'tomorrow'], c.db)).rejects.toThrow(/--as-of/);
  });
});
