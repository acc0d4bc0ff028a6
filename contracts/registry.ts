// Request and response schemas for the registry domain, shared by the server (validation, OpenAPI)
// and the web app (types). One source of truth: the web never writes these types by hand.
import { Type, type Static } from 'typebox';
import { IsoDate } from './common.ts';

export const Id = Type.String({ format: 'uuid', description: 'UUID' });
/** Path parameters of every `/:id` route. */
export const IdParams = Type.Object({ id: Id });

export const AgencyKind = Type.Union([Type.Literal('state_agency'), Type.Literal('municipality')]);
export type AgencyKind = Static<typeof AgencyKind>;

export const Channel = Type.Union([
  Type.Literal('in_person'),
  Type.Literal('video'),
  Type.Literal('mobile'),
  Type.Literal('service_point'),
]);
export type Channel = Static<typeof Channel>;
export const CHANNELS: Channel[] = ['in_person', 'video', 'mobile', 'service_point'];

export const OfficeTier = Type.Union([
  Type.Literal('servicekontor'),
  Type.Literal('servicecenter'),
  Type.Literal('servicepunkt'),
  Type.Literal('mobile_stop'),
]);
export type OfficeTier = Static<typeof OfficeTier>;
export const OFFICE_TIERS: OfficeTier[] = ['servicekontor', 'servicecenter', 'servicepunkt', 'mobile_stop'];

/** Office equipment or rooms a service may require (e.g. biometric station for the ID check). */
export const Capability = Type.Union([
  Type.Literal('biometric_station'),
  Type.Literal('video_room'),
  Type.Literal('id_document_scanner'),
  Type.Literal('private_room'),
  Type.Literal('cash_free_card_terminal'),
]);
export type Capability = Static<typeof Capability>;
export const CAPABILITIES: Capability[] = [
  'biometric_station',
  'video_room',
  'id_document_scanner',
  'private_room',
  'cash_free_card_terminal',
];

const Text = (min: number, max: number) => Type.String({ minLength: min, maxLength: max });
const TimeOfDay = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, Europe/Stockholm' });
export const Kommunkod = Type.String({ pattern: '^[0-9]{4}$', description: 'SCB municipality code' });

// ---------- agencies ----------
export const AgencyInput = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z0-9-]{2,12}$', description: 'Short code, e.g. FK, SKV' }),
    nameSv: Text(2, 120),
    nameEn: Text(2, 120),
    kind: AgencyKind,
    kommunkod: Type.Optional(Type.Union([Kommunkod, Type.Null()])),
    website: Type.Optional(Type.Union([Type.String({ format: 'uri', pattern: '^https?://', maxLength: 300, description: 'An http(s) address' }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type AgencyInput = Static<typeof AgencyInput>;
export const Agency = Type.Object({
  id: Id,
  code: Type.String(),
  nameSv: Type.String(),
  nameEn: Type.String(),
  kind: AgencyKind,
  kommunkod: Type.Union([Type.String(), Type.Null()]),
  website: Type.Union([Type.String(), Type.Null()]),
});
export type Agency = Static<typeof Agency>;

// ---------- services ----------
/** Who may perform a service on the owner's behalf (tjänstesamverkan). */
export const Performer = Type.Union([
  Type.Object({ kind: Type.Literal('agency'), agencyId: Id }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('office_staff') }, { additionalProperties: false }),
]);
export type Performer = Static<typeof Performer>;

export const ServiceInput = Type.Object(
  {
    agencyId: Id,
    nameSv: Text(2, 160),
    nameEn: Text(2, 160),
    descriptionSv: Type.String({ maxLength: 2000 }),
    descriptionEn: Type.String({ maxLength: 2000 }),
    durationMin: Type.Integer({ minimum: 5, maximum: 480 }),
    channels: Type.Array(Channel, { minItems: 1, uniqueItems: true }),
    requiredCapabilities: Type.Array(Capability, { uniqueItems: true }),
    performers: Type.Array(Performer),
  },
  { additionalProperties: false },
);
export type ServiceInput = Static<typeof ServiceInput>;
export const Service = Type.Object({
  id: Id,
  agencyId: Id,
  nameSv: Type.String(),
  nameEn: Type.String(),
  descriptionSv: Type.String(),
  descriptionEn: Type.String(),
  durationMin: Type.Integer(),
  channels: Type.Array(Channel),
  requiredCapabilities: Type.Array(Capability),
  performers: Type.Array(Performer),
});
export type Service = Static<typeof Service>;

// ---------- offices ----------
export const OpeningHours = Type.Object(
  {
    weekday: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' }),
    opens: TimeOfDay,
    closes: TimeOfDay,
  },
  { additionalProperties: false },
);
export type OpeningHours = Static<typeof OpeningHours>;

export const DateException = Type.Object(
  {
    date: IsoDate,
    closed: Type.Boolean(),
    opens: Type.Optional(Type.Union([TimeOfDay, Type.Null()])),
    closes: Type.Optional(Type.Union([TimeOfDay, Type.Null()])),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type DateException = Static<typeof DateException>;

export const AgencyDays = Type.Object(
  {
    agencyId: Id,
    weekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type AgencyDays = Static<typeof AgencyDays>;

export const OfficeInput = Type.Object(
  {
    name: Text(2, 160),
    tier: OfficeTier,
    isMotesplats: Type.Boolean(),
    partnerName: Type.Optional(Type.Union([Text(2, 160), Type.Null()])),
    hubOfficeId: Type.Optional(Type.Union([Id, Type.Null()])),
    street: Text(2, 160),
    postalCode: Type.String({ pattern: '^[0-9]{3} ?[0-9]{2}$' }),
    city: Text(2, 80),
    kommunkod: Kommunkod,
    lat: Type.Number({ minimum: 55, maximum: 69.1 }),
    lon: Type.Number({ minimum: 10.9, maximum: 24.2 }),
    counters: Type.Integer({ minimum: 0, maximum: 100 }),
    /** Visit flow: recalls allowed before a visitor must be marked as not showing up. Omitted: 3 for a new office, unchanged on update. */
    maxRecalls: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    videoRooms: Type.Integer({ minimum: 0, maximum: 50 }),
    capabilities: Type.Array(Capability, { uniqueItems: true }),
    languages: Type.Array(Type.String({ pattern: '^[a-z]{2,3}$' }), { uniqueItems: true }),
    accessibilityNotes: Type.String({ maxLength: 2000 }),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()])),
    openingHours: Type.Array(OpeningHours),
    dateExceptions: Type.Array(DateException),
    agencyDays: Type.Array(AgencyDays),
    serviceIds: Type.Array(Id, { uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type OfficeInput = Static<typeof OfficeInput>;

export const Office = Type.Object({
  id: Id,
  name: Type.String(),
  tier: OfficeTier,
  isMotesplats: Type.Boolean(),
  isDemo: Type.Boolean(),
  partnerName: Type.Union([Type.String(), Type.Null()]),
  hubOfficeId: Type.Union([Id, Type.Null()]),
  street: Type.String(),
  postalCode: Type.String(),
  city: Type.String(),
  kommunkod: Type.String(),
  municipalityName: Type.String(),
  countyCode: Type.String(),
  countyName: Type.String(),
  lat: Type.Number(),
  lon: Type.Number(),
  counters: Type.Integer(),
  maxRecalls: Type.Integer({ description: 'Recalls allowed before the desk must mark a visitor as not showing up' }),
  videoRooms: Type.Integer(),
  capabilities: Type.Array(Capability),
  languages: Type.Array(Type.String()),
  accessibilityNotes: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  openingHours: Type.Array(OpeningHours),
  dateExceptions: Type.Array(DateException),
  agencyDays: Type.Array(AgencyDays),
  serviceIds: Type.Array(Id),
});
export type Office = Static<typeof Office>;

/** Office in a list, with distance when a place was given. */
export const OfficeSummary = Type.Object({
  id: Id,
  name: Type.String(),
  tier: OfficeTier,
  isMotesplats: Type.Boolean(),
  city: Type.String(),
  kommunkod: Type.String(),
  municipalityName: Type.String(),
  countyCode: Type.String(),
  lat: Type.Number(),
  lon: Type.Number(),
  distanceKm: Type.Optional(Type.Number()),
});
export type OfficeSummary = Static<typeof OfficeSummary>;

/** One day of an office's calendar: regular hours, a date exception or a holiday. */
export const OfficeDay = Type.Object({
  date: IsoDate,
  weekday: Type.Integer(),
  open: Type.Boolean(),
  intervals: Type.Array(Type.Object({ opens: Type.String(), closes: Type.String() })),
  holidayNameSv: Type.Union([Type.String(), Type.Null()]),
  holidayNameEn: Type.Union([Type.String(), Type.Null()]),
  exceptionNote: Type.Union([Type.String(), Type.Null()]),
  agencyIds: Type.Array(Id),
});
export type OfficeDay = Static<typeof OfficeDay>;

/** A broken registry rule, reported by the rules check. */
export const RuleViolation = Type.Object({
  rule: Type.Union([
    Type.Literal('servicecenter_open_every_weekday'),
    Type.Literal('servicecenter_agency_every_weekday'),
    Type.Literal('service_requires_capability'),
    Type.Literal('servicepunkt_needs_partner'),
    Type.Literal('mobile_stop_needs_hub'),
  ]),
  officeId: Type.Union([Id, Type.Null()]),
  field: Type.String(),
  message: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type RuleViolation = Static<typeof RuleViolation>;

// ---------- geography ----------
export const Municipality = Type.Object({
  kommunkod: Type.String(),
  name: Type.String(),
  countyCode: Type.String(),
  countyName: Type.String(),
  population: Type.Integer(),
  lat: Type.Number(),
  lon: Type.Number(),
});
export type Municipality = Static<typeof Municipality>;

export const County = Type.Object({ code: Type.String(), name: Type.String(), population: Type.Integer() });
export type County = Static<typeof County>;

// ---------- search ----------
export const SearchKind = Type.Union([
  Type.Literal('service'),
  Type.Literal('office'),
  Type.Literal('agency'),
  Type.Literal('municipality'),
  Type.Literal('locality'),
]);
export type SearchKind = Static<typeof SearchKind>;
export const SearchHit = Type.Object({
  kind: SearchKind,
  id: Type.String({ description: 'UUID for registry items, kommunkod or tätortskod for places' }),
  label: Type.String(),
  detail: Type.String(),
  score: Type.Number(),
  lat: Type.Union([Type.Number(), Type.Null()]),
  lon: Type.Union([Type.Number(), Type.Null()]),
});
export type SearchHit = Static<typeof SearchHit>;

export const ErrorBody = Type.Object({
  code: Type.String(),
  message: Type.String(),
  field: Type.Optional(Type.String()),
  requestId: Type.Optional(Type.String()),
  details: Type.Optional(Type.Unknown()),
});
export type ErrorBody = Static<typeof ErrorBody>;
