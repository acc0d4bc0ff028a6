// Pure mapping from registry rows to Open Referral HSDS 3.0 records (organization, service, location, service_at_location).
// No database or HTTP here, so the mapping is unit-tested on constructed rows and shared by the API and the file export.
import { uuidV5 } from '../../lib/uuid-v5.ts';
import { isoWeekday, stockholmDate, stockholmOffset } from '../../lib/dates.ts';
import { Type, type Static } from 'typebox';

export const HSDS_VERSION = '3.0';

// ---------- deterministic ids ----------

/**
 * Our own namespace for RFC 4122 name-based (SHA-1, version 5) ids. Fixed for ever: changing it would
 * change every derived id and break consumers that sync by id.
 */
export const SAMSERVICE_HSDS_NAMESPACE = '597b27f0-f8f0-4cd9-893a-41fcdd2f9dba';

/**
 * Id of a record we derive (schedules, addresses, service_at_location, ...). Built from the record kind
 * and the natural key, so the same registry row yields the same HSDS id in every export.
 */
export function hsdsId(kind: string, ...key: string[]): string {
  return uuidV5([kind, ...key.map((k) => k.toLowerCase())].join(':'), SAMSERVICE_HSDS_NAMESPACE);
}

export const serviceAtLocationId = (serviceId: string, officeId: string) => hsdsId('service_at_location', serviceId, officeId);

// ---------- HSDS record shapes (the subset we emit) ----------
// These TypeBox schemas describe exactly the fields we produce; routes use them as response schemas
// (fast-json-stringify drops undeclared fields, so they must stay complete), and the unit tests check
// mapper output against them with additional properties forbidden. Conformance to HSDS itself is
// checked against the official compiled schemas in validate.ts.

const Uuid = Type.String({ format: 'uuid' });
const Closed = { additionalProperties: false } as const;
const Opt = Type.Optional;

export const HsdsLanguage = Type.Object({
  id: Uuid,
  location_id: Uuid,
  name: Type.String(),
  code: Type.String(),
}, Closed);

export const HsdsAddress = Type.Object({
  id: Uuid,
  location_id: Uuid,
  address_1: Type.String(),
  city: Type.String(),
  region: Opt(Type.String()),
  state_province: Type.String(),
  postal_code: Type.String(),
  country: Type.String(),
  address_type: Type.Literal('physical'),
}, Closed);

export const HsdsAccessibility = Type.Object({ id: Uuid, location_id: Uuid, description: Type.String() }, Closed);

export const HsdsPhone = Type.Object({ id: Uuid, location_id: Uuid, number: Type.String(), type: Type.String() }, Closed);

export const HsdsContact = Type.Object({ id: Uuid, location_id: Uuid, email: Type.String() }, Closed);

export const HsdsSchedule = Type.Object({
  id: Uuid,
  location_id: Uuid,
  valid_from: Opt(Type.String()),
  valid_to: Opt(Type.String()),
  dtstart: Opt(Type.String()),
  count: Opt(Type.Number()),
  wkst: Opt(Type.Literal('MO')),
  freq: Opt(Type.Literal('WEEKLY')),
  byday: Opt(Type.String()),
  description: Opt(Type.String()),
  opens_at: Opt(Type.String()),
  closes_at: Opt(Type.String()),
  notes: Opt(Type.String()),
}, Closed);

export const HsdsLocation = Type.Object({
  id: Uuid,
  location_type: Type.Literal('physical'),
  name: Type.String(),
  description: Type.String(),
  latitude: Type.Number(),
  longitude: Type.Number(),
  addresses: Opt(Type.Array(HsdsAddress)),
  languages: Opt(Type.Array(HsdsLanguage)),
  accessibility: Opt(Type.Array(HsdsAccessibility)),
  phones: Opt(Type.Array(HsdsPhone)),
  contacts: Opt(Type.Array(HsdsContact)),
  schedules: Opt(Type.Array(HsdsSchedule)),
}, Closed);

export const HsdsOrganizationIdentifier = Type.Object({
  id: Uuid,
  organization_id: Uuid,
  identifier_type: Type.String(),
  identifier: Type.String(),
}, Closed);

const HsdsTaxonomyDetail = Type.Object({ id: Uuid, name: Type.String(), description: Type.String() }, Closed);
const HsdsTaxonomyTerm = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  description: Type.String(),
  taxonomy: Type.String(),
  taxonomy_id: Uuid,
  taxonomy_detail: HsdsTaxonomyDetail,
  language: Type.String(),
}, Closed);
export const HsdsAttribute = Type.Object({
  id: Uuid,
  link_id: Uuid,
  link_type: Type.String(),
  link_entity: Type.String(),
  taxonomy_term_id: Uuid,
  taxonomy_term: HsdsTaxonomyTerm,
}, Closed);

export const HsdsServiceArea = Type.Object({ id: Uuid, service_id: Uuid, name: Type.String(), description: Type.String() }, Closed);

/** Organization without services: the list shape, and the `organization` nested in a service. */
const organizationFields = {
  id: Uuid,
  name: Type.String(),
  alternate_name: Type.String(),
  description: Type.String(),
  website: Opt(Type.String()),
  legal_status: Type.String(),
  organization_identifiers: Opt(Type.Array(HsdsOrganizationIdentifier)),
};
export const HsdsNestedOrganization = Type.Object(organizationFields, Closed);

/** A service_at_location as nested in a service (no `service` inside, per the compiled schema). */
export const HsdsNestedServiceAtLocation = Type.Object({
  id: Uuid,
  service_id: Uuid,
  location_id: Uuid,
  location: Opt(HsdsLocation),
}, Closed);

export const HsdsService = Type.Object({
  id: Uuid,
  organization_id: Uuid,
  name: Type.String(),
  alternate_name: Type.String(),
  description: Opt(Type.String()),
  status: Type.Literal('active'),
  organization: Opt(HsdsNestedOrganization),
  service_areas: Opt(Type.Array(HsdsServiceArea)),
  attributes: Opt(Type.Array(HsdsAttribute)),
  service_at_locations: Opt(Type.Array(HsdsNestedServiceAtLocation)),
}, Closed);

export const HsdsOrganization = Type.Object({
  ...organizationFields,
  services: Opt(Type.Array(HsdsService)),
}, Closed);

export const HsdsServiceAtLocation = Type.Object({
  id: Uuid,
  service_id: Uuid,
  location_id: Uuid,
  service: Opt(HsdsService),
  location: Opt(HsdsLocation),
}, Closed);

export type HsdsLanguage = Static<typeof HsdsLanguage>;
export type HsdsAddress = Static<typeof HsdsAddress>;
export type HsdsSchedule = Static<typeof HsdsSchedule>;
export type HsdsLocation = Static<typeof HsdsLocation>;
export type HsdsAttribute = Static<typeof HsdsAttribute>;
export type HsdsServiceArea = Static<typeof HsdsServiceArea>;
export type HsdsNestedOrganization = Static<typeof HsdsNestedOrganization>;
export type HsdsNestedServiceAtLocation = Static<typeof HsdsNestedServiceAtLocation>;
export type HsdsService = Static<typeof HsdsService>;
export type HsdsOrganization = Static<typeof HsdsOrganization>;
export type HsdsServiceAtLocation = Static<typeof HsdsServiceAtLocation>;

// ---------- input rows ----------

export interface AgencyRow {
  id: string;
  code: string;
  nameSv: string;
  nameEn: string;
  kind: 'state_agency' | 'municipality';
  kommunkod: string | null;
  website: string | null;
  /** Name of the agency's kommun (municipality agencies only). */
  municipalityName: string | null;
}

export interface ServiceRow {
  id: string;
  agencyId: string;
  nameSv: string;
  nameEn: string;
  descriptionSv: string;
  descriptionEn: string;
  channels: string[];
}

export interface OfficeRow {
  id: string;
  name: string;
  tier: 'servicekontor' | 'servicecenter' | 'servicepunkt' | 'mobile_stop';
  isMotesplats: boolean;
  partnerName: string | null;
  street: string;
  postalCode: string;
  city: string;
  kommunkod: string;
  municipalityName: string;
  countyName: string;
  lat: number;
  lon: number;
  languages: string[];
  accessibilityNotes: string;
  phone: string | null;
  email: string | null;
  updatedAt: Date;
}

export interface OpeningHoursRow {
  weekday: number;
  /** `HH:MM` or `HH:MM:SS` (PostgreSQL `time`). */
  opens: string;
  closes: string;
}

export interface DateExceptionRow {
  date: string;
  closed: boolean;
  opens: string | null;
  closes: string | null;
  note: string;
}

export interface HolidayRow {
  date: string;
  nameSv: string;
  nameEn: string;
  nonWorkingDay: boolean;
}

/** An office with the parts a full location needs; hours are empty when only the list shape is wanted. */
export interface LocationBundle {
  office: OfficeRow;
  openingHours: OpeningHoursRow[];
  dateExceptions: DateExceptionRow[];
}

/** Which dated schedule entries to publish: those from `asOf` on, with the holidays known for that window. */
export interface ScheduleContext {
  asOf: string;
  holidays: HolidayRow[];
}

export interface ServiceLink {
  serviceId: string;
  officeId: string;
}

// ---------- calendar helpers ----------

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

const hhmm = (time: string) => time.slice(0, 5);

// ---------- small vocabularies ----------

const TIER_LABEL: Record<OfficeRow['tier'], string> = {
  servicekontor: 'Servicekontor',
  servicecenter: 'Servicecenter',
  servicepunkt: 'Servicepunkt',
  mobile_stop: 'Hållplats för mobil service',
};

/**
 * Our service channels, published as a tiny taxonomy of our own: HSDS has no channel field, and
 * attributes (which must point at a taxonomy term) are the schema's way to classify a service.
 */
const CHANNEL_TAXONOMY = {
  id: hsdsId('taxonomy', 'samservice-channel'),
  name: 'Samservice kanaler',
  description: 'Hur en tjänst i Samservice-registret kan nås: besök, video, mobil service eller servicepunkt.',
};
const CHANNEL_TERMS: Record<string, { name: string; description: string }> = {
  in_person: { name: 'Besök', description: 'Tjänsten ges vid besök på ett servicekontor.' },
  video: { name: 'Videomöte', description: 'Tjänsten kan ges i ett videomöte med myndigheten.' },
  mobile: { name: 'Mobil service', description: 'Tjänsten ges av mobil service på hållplatser.' },
  service_point: { name: 'Servicepunkt', description: 'Tjänsten ges på en servicepunkt hos en partner.' },
};

const languageNames = new Intl.DisplayNames(['sv'], { type: 'language' });
function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code; // not a well-formed language tag: still publish the code
  }
}

// ---------- organizations ----------

function organizationCore(a: AgencyRow): HsdsNestedOrganization {
  return {
    id: a.id,
    name: a.nameSv,
    alternate_name: a.nameEn,
    description: a.kind === 'municipality'
      ? `${a.nameSv} (${a.code}) är en kommun${a.kommunkod ? `, kommunkod ${a.kommunkod}` : ''}.`
      : `${a.nameSv} (${a.code}) är en statlig myndighet.`,
    ...(a.website ? { website: a.website } : {}),
    legal_status: a.kind === 'municipality' ? 'Kommun' : 'Statlig myndighet',
  };
}

/** The kommunkod (SCB's municipality code) is the identifier Swedish systems use for a kommun. */
function organizationIdentifiers(a: AgencyRow): NonNullable<HsdsNestedOrganization['organization_identifiers']> {
  if (a.kind !== 'municipality' || !a.kommunkod) return [];
  return [{
    id: hsdsId('organization_identifier', a.id, 'kommunkod'),
    organization_id: a.id,
    identifier_type: 'Kommunkod (SCB)',
    identifier: a.kommunkod,
  }];
}

/** organization_list.json shape: one-to-one fields only. */
export function mapOrganizationBrief(a: AgencyRow): HsdsNestedOrganization {
  return organizationCore(a);
}

/** Organization as nested inside a service: with its identifiers, without services. */
export function mapNestedOrganization(a: AgencyRow): HsdsNestedOrganization {
  return { ...organizationCore(a), organization_identifiers: organizationIdentifiers(a) };
}

/** Full organization. `services` are already-mapped service records (brief or full). */
export function mapOrganization(a: AgencyRow, services: HsdsService[]): HsdsOrganization {
  return { ...mapNestedOrganization(a), services };
}

// ---------- services ----------

/** One-to-one service fields (what organization.services carries by default). */
export function mapServiceCore(s: ServiceRow): HsdsService {
  return {
    id: s.id,
    organization_id: s.agencyId,
    name: s.nameSv,
    alternate_name: s.nameEn,
    ...(s.descriptionSv ? { description: s.descriptionSv } : {}),
    status: 'active',
  };
}

/** service_list.json shape: one-to-one fields plus the owning organization's one-to-one fields. */
export function mapServiceBrief(s: ServiceRow, agency: AgencyRow): HsdsService {
  return { ...mapServiceCore(s), organization: mapOrganizationBrief(agency) };
}

export function mapServiceAreas(s: ServiceRow, agency: AgencyRow): HsdsServiceArea[] {
  const id = hsdsId('service_area', s.id);
  if (agency.kind === 'municipality' && agency.kommunkod) {
    return [{ id, service_id: s.id, name: agency.municipalityName ?? agency.kommunkod, description: `Kommunkod ${agency.kommunkod}.` }];
  }
  return [{ id, service_id: s.id, name: 'Sverige', description: 'Hela landet.' }];
}

export function mapChannelAttributes(s: ServiceRow): HsdsAttribute[] {
  return [...s.channels].sort().map((channel) => {
    const term = CHANNEL_TERMS[channel] ?? { name: channel, description: channel };
    const termId = hsdsId('taxonomy_term', 'samservice-channel', channel);
    return {
      id: hsdsId('attribute', s.id, 'channel', channel),
      link_id: s.id,
      link_type: 'channel',
      link_entity: 'service',
      taxonomy_term_id: termId,
      taxonomy_term: {
        id: termId,
        code: channel,
        name: term.name,
        description: term.description,
        taxonomy: CHANNEL_TAXONOMY.name,
        taxonomy_id: CHANNEL_TAXONOMY.id,
        taxonomy_detail: { ...CHANNEL_TAXONOMY },
        language: 'sv',
      },
    };
  });
}

/**
 * Full service. `locations` are the offices offering it, already mapped (full locations nest into the
 * service_at_location entries; pass `null` locations to emit id references only, as the file export does).
 */
export function mapService(s: ServiceRow, agency: AgencyRow, locations: Array<{ officeId: string; location: HsdsLocation | null }>): HsdsService {
  return {
    ...mapServiceCore(s),
    organization: mapNestedOrganization(agency),
    service_areas: mapServiceAreas(s, agency),
    attributes: mapChannelAttributes(s),
    service_at_locations: locations.map(({ officeId, location }) => ({
      id: serviceAtLocationId(s.id, officeId),
      service_id: s.id,
      location_id: officeId,
      ...(location ? { location } : {}),
    })),
  };
}

// ---------- locations ----------

function locationDescription(o: OfficeRow): string {
  let text = TIER_LABEL[o.tier];
  if (o.tier === 'servicepunkt' && o.partnerName) text += ` hos ${o.partnerName}`;
  if (o.isMotesplats) text += ' med Mötesplats';
  return `${text}.`;
}

/** Location one-to-one fields (the shape nested in service_at_location_list.json). */
export function mapLocationBrief(o: OfficeRow): HsdsLocation {
  return {
    id: o.id,
    location_type: 'physical',
    name: o.name,
    description: locationDescription(o),
    latitude: o.lat,
    longitude: o.lon,
  };
}

/**
 * Opening hours as HSDS schedules (RFC 5545 rules):
 * - regular hours: one WEEKLY schedule per distinct opens/closes pair, with the weekdays in `byday`,
 *   valid from the date the office record was last changed; times are Swedish wall-clock time (no fixed
 *   UTC offset exists across daylight saving time, so the notes say so);
 * - date exceptions from `asOf` on: special hours as a one-occurrence rule with the exact UTC offset,
 *   closures as a one-day schedule without hours whose description starts "Stängt";
 * - Swedish non-working days in the context window on which the office would otherwise open: closures,
 *   unless a date exception already says what happens that day.
 */
export function mapSchedules(bundle: LocationBundle, ctx: ScheduleContext): HsdsSchedule[] {
  const { office } = bundle;
  const out: HsdsSchedule[] = [];

  const byTimes = new Map<string, { opens: string; closes: string; weekdays: number[] }>();
  for (const h of bundle.openingHours) {
    const opens = hhmm(h.opens);
    const closes = hhmm(h.closes);
    const key = `${opens}-${closes}`;
    const entry = byTimes.get(key) ?? { opens, closes, weekdays: [] };
    if (!entry.weekdays.includes(h.weekday)) entry.weekdays.push(h.weekday);
    byTimes.set(key, entry);
  }
  const regular = [...byTimes.values()]
    .map((e) => ({ ...e, weekdays: e.weekdays.sort((a, b) => a - b) }))
    .sort((a, b) => a.weekdays[0]! - b.weekdays[0]! || a.opens.localeCompare(b.opens));
  const validFrom = stockholmDate(office.updatedAt);
  for (const e of regular) {
    out.push({
      id: hsdsId('schedule', office.id, 'weekly', e.opens, e.closes),
      location_id: office.id,
      valid_from: validFrom,
      wkst: 'MO',
      freq: 'WEEKLY',
      byday: e.weekdays.map((d) => BYDAY[d - 1]!).join(','),
      opens_at: e.opens,
      closes_at: e.closes,
      description: 'Ordinarie öppettider.',
      notes: 'Tiderna är svensk lokal tid (Europe/Stockholm).',
    });
  }

  const exceptions = bundle.dateExceptions.filter((x) => x.date >= ctx.asOf).sort((a, b) => a.date.localeCompare(b.date));
  const exceptionDates = new Set(exceptions.map((x) => x.date));
  const dated: Array<{ date: string; schedule: HsdsSchedule }> = [];
  for (const x of exceptions) {
    const base = { id: hsdsId('schedule', office.id, 'exception', x.date), location_id: office.id, valid_from: x.date, valid_to: x.date, dtstart: x.date };
    if (x.closed || !x.opens || !x.closes) {
      dated.push({ date: x.date, schedule: { ...base, description: x.note ? `Stängt: ${x.note}` : 'Stängt.' } });
    } else {
      const offset = stockholmOffset(x.date);
      dated.push({
        date: x.date,
        schedule: {
          ...base,
          count: 1,
          freq: 'WEEKLY',
          byday: BYDAY[isoWeekday(x.date) - 1]!,
          opens_at: `${hhmm(x.opens)}${offset}`,
          closes_at: `${hhmm(x.closes)}${offset}`,
          description: x.note ? `Avvikande öppettider: ${x.note}` : 'Avvikande öppettider.',
        },
      });
    }
  }
  const openWeekdays = new Set(bundle.openingHours.map((h) => h.weekday));
  for (const h of ctx.holidays) {
    if (!h.nonWorkingDay || h.date < ctx.asOf || exceptionDates.has(h.date) || !openWeekdays.has(isoWeekday(h.date))) continue;
    dated.push({
      date: h.date,
      schedule: {
        id: hsdsId('schedule', office.id, 'holiday', h.date),
        location_id: office.id,
        valid_from: h.date,
        valid_to: h.date,
        dtstart: h.date,
        description: `Stängt: ${h.nameSv}.`,
        notes: `Closed: ${h.nameEn}.`,
      },
    });
  }
  dated.sort((a, b) => a.date.localeCompare(b.date));
  return [...out, ...dated.map((d) => d.schedule)];
}

/** Full location: address, languages, accessibility, phone, e-mail and schedules. */
export function mapLocation(bundle: LocationBundle, ctx: ScheduleContext): HsdsLocation {
  const o = bundle.office;
  return {
    ...mapLocationBrief(o),
    addresses: [{
      id: hsdsId('address', o.id, 'physical'),
      location_id: o.id,
      address_1: o.street,
      city: o.city,
      region: o.municipalityName,
      state_province: o.countyName,
      postal_code: o.postalCode,
      country: 'SE',
      address_type: 'physical',
    }],
    languages: [...new Set(o.languages)].sort().map((code) => ({
      id: hsdsId('language', o.id, code),
      location_id: o.id,
      name: languageName(code),
      code,
    })),
    accessibility: o.accessibilityNotes.trim()
      ? [{ id: hsdsId('accessibility', o.id), location_id: o.id, description: o.accessibilityNotes.trim() }]
      : [],
    phones: o.phone ? [{ id: hsdsId('phone', o.id), location_id: o.id, number: o.phone, type: 'voice' }] : [],
    contacts: o.email ? [{ id: hsdsId('contact', o.id), location_id: o.id, email: o.email }] : [],
    schedules: mapSchedules(bundle, ctx),
  };
}

// ---------- service_at_location ----------

/** service_at_location_list.json shape: ids plus the one-to-one service (with organization) and location. */
export function mapServiceAtLocationBrief(s: ServiceRow, agency: AgencyRow, office: OfficeRow): HsdsServiceAtLocation {
  return {
    id: serviceAtLocationId(s.id, office.id),
    service_id: s.id,
    location_id: office.id,
    service: mapServiceBrief(s, agency),
    location: mapLocationBrief(office),
  };
}

/**
 * Full service_at_location. The compiled schema's nested `service` has no `service_at_locations`, so the
 * service here carries its organization, areas and channels but not the list of other offices.
 */
export function mapServiceAtLocation(s: ServiceRow, agency: AgencyRow, location: HsdsLocation): HsdsServiceAtLocation {
  const { service_at_locations: _omitted, ...service } = mapService(s, agency, []);
  return {
    id: serviceAtLocationId(s.id, location.id),
    service_id: s.id,
    location_id: location.id,
    service,
    location,
  };
}

/** service_at_location as a bare link (the tabular form), used by the file export. */
export function mapServiceAtLocationLink(link: ServiceLink): HsdsServiceAtLocation {
  return { id: serviceAtLocationId(link.serviceId, link.officeId), service_id: link.serviceId, location_id: link.officeId };
}

// ---------- assembling records from a slice of the registry ----------

/** The registry rows one response (or the whole export) needs, as loaded by repo.ts. */
export interface RegistrySlice {
  agencies: AgencyRow[];
  services: ServiceRow[];
  /** office_services pairs, in the order they should be listed. */
  links: ServiceLink[];
  locations: LocationBundle[];
}

/** How deep to nest: `brief` = HSDS list shape, `full` = fully nested, `reference` = full but linked records by id only. */
export type Depth = 'brief' | 'full' | 'reference';

function lookup<T extends { id: string }>(rows: T[]): (id: string, what: string) => T {
  const map = new Map(rows.map((r) => [r.id, r]));
  return (id, what) => {
    const row = map.get(id);
    // The repo loads every row a record refers to, so a gap is a bug, not bad input.
    if (!row) throw new Error(`HSDS mapping: ${what} ${id} is not in the loaded slice`);
    return row;
  };
}

export class SliceMapper {
  private readonly agency: (id: string, what: string) => AgencyRow;
  private readonly service: (id: string, what: string) => ServiceRow;
  private readonly office: (id: string, what: string) => LocationBundle;
  private readonly linksByService = new Map<string, ServiceLink[]>();
  private readonly fullLocations = new Map<string, HsdsLocation>();

  constructor(private readonly slice: RegistrySlice, private readonly ctx: ScheduleContext) {
    this.agency = lookup(slice.agencies);
    this.service = lookup(slice.services);
    this.office = lookup(slice.locations.map((l) => ({ ...l, id: l.office.id })));
    for (const link of slice.links) this.linksByService.set(link.serviceId, [...(this.linksByService.get(link.serviceId) ?? []), link]);
  }

  /** Full locations are shared by many records in one response, so each is mapped once. */
  location(officeId: string): HsdsLocation {
    let loc = this.fullLocations.get(officeId);
    if (!loc) {
      loc = mapLocation(this.office(officeId, 'office'), this.ctx);
      this.fullLocations.set(officeId, loc);
    }
    return loc;
  }

  locations(): HsdsLocation[] {
    return this.slice.locations.map((l) => this.location(l.office.id));
  }

  organization(agencyId: string, depth: Depth | 'full_service'): HsdsOrganization {
    const a = this.agency(agencyId, 'agency');
    if (depth === 'brief') return mapOrganizationBrief(a);
    const services = this.slice.services.filter((s) => s.agencyId === a.id);
    return mapOrganization(
      a,
      services.map((s) => {
        if (depth !== 'full_service') return mapServiceCore(s);
        // organization.services[] may carry everything but the organization it sits in.
        const { organization: _parent, ...service } = this.serviceRecord(s.id, 'full');
        return service;
      }),
    );
  }

  serviceRecord(serviceId: string, depth: Depth): HsdsService {
    const s = this.service(serviceId, 'service');
    const a = this.agency(s.agencyId, 'agency');
    if (depth === 'brief') return mapServiceBrief(s, a);
    const links = this.linksByService.get(s.id) ?? [];
    return mapService(s, a, links.map((l) => ({ officeId: l.officeId, location: depth === 'full' ? this.location(l.officeId) : null })));
  }

  serviceAtLocation(link: ServiceLink, depth: Depth): HsdsServiceAtLocation {
    if (depth === 'reference') return mapServiceAtLocationLink(link);
    const s = this.service(link.serviceId, 'service');
    const a = this.agency(s.agencyId, 'agency');
    if (depth === 'brief') return mapServiceAtLocationBrief(s, a, this.office(link.officeId, 'office').office);
    return mapServiceAtLocation(s, a, this.location(link.officeId));
  }
}
