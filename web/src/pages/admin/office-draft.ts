// The office form's state: an editable draft, its conversion to OfficeInput together with a map from the
// API's field paths to input ids (so server errors land on the right input), and the client-side checks.
import type { Capability, Office, OfficeInput, OfficeTier } from '../../../../contracts/registry.ts';
import { WEEKDAYS } from './admin-format.ts';
import type { FieldIds, FormErrors } from './form-errors.ts';

/** Languages offered as checkboxes; any other ISO 639 code goes in the free-text field. */
export const COMMON_LANGUAGES = ['sv', 'en', 'ar', 'fa', 'so', 'ti', 'uk', 'fi', 'se'] as const;

export interface HoursInterval {
  opens: string;
  closes: string;
}
export interface DayHours {
  weekday: number;
  closed: boolean;
  /** Kept while the day is marked closed, so unticking "closed" brings the hours back. */
  intervals: HoursInterval[];
}
export interface ExceptionRow {
  key: number;
  date: string;
  closed: boolean;
  opens: string;
  closes: string;
  note: string;
}

export interface OfficeDraft {
  name: string;
  tier: OfficeTier;
  isMotesplats: boolean;
  partnerName: string;
  hubOfficeId: string;
  street: string;
  postalCode: string;
  city: string;
  kommunkod: string;
  lat: string;
  lon: string;
  counters: string;
  maxRecalls: string;
  videoRooms: string;
  capabilities: Capability[];
  languages: string[];
  otherLanguages: string;
  accessibilityNotes: string;
  phone: string;
  email: string;
  hours: DayHours[];
  exceptions: ExceptionRow[];
  /** agencyId → ISO weekdays the agency staffs the office. */
  agencyDays: Record<string, number[]>;
  serviceIds: string[];
}

export interface SectionProps {
  draft: OfficeDraft;
  update: (patch: Partial<OfficeDraft>) => void;
  errors: FormErrors;
}

/** DOM ids of the office form's inputs and groups. */
export const OFFICE_FIELD = {
  name: 'office-name',
  tier: 'office-tier',
  isMotesplats: 'office-motesplats',
  partnerName: 'office-partner',
  hubOfficeId: 'office-hub',
  street: 'office-street',
  postalCode: 'office-postal-code',
  city: 'office-city',
  kommunkod: 'office-kommunkod',
  lat: 'office-lat',
  lon: 'office-lon',
  counters: 'office-counters',
  maxRecalls: 'office-max-recalls',
  videoRooms: 'office-video-rooms',
  capabilities: 'office-capabilities',
  languages: 'office-languages',
  otherLanguages: 'office-other-languages',
  accessibilityNotes: 'office-accessibility',
  phone: 'office-phone',
  email: 'office-email',
  openingHours: 'office-hours',
  dateExceptions: 'office-exceptions',
  agencyDays: 'office-staffing',
  serviceIds: 'office-services',
} as const;

export const hoursFieldId = (weekday: number, index: number, part: 'opens' | 'closes') =>
  `office-hours-${weekday}-${index}-${part}`;
export const exceptionFieldId = (key: number, part: 'date' | 'closed' | 'opens' | 'closes' | 'note') =>
  `office-exception-${key}-${part}`;
export const staffingCellId = (agencyId: string, weekday: number) => `office-staff-${agencyId}-${weekday}`;
export const serviceCheckboxId = (serviceId: string) => `office-service-${serviceId}`;

let nextKey = 1;
export function newExceptionRow(): ExceptionRow {
  return { key: nextKey++, date: '', closed: true, opens: '', closes: '', note: '' };
}

const DEFAULT_INTERVAL: HoursInterval = { opens: '09:00', closes: '16:00' };

export function emptyDraft(): OfficeDraft {
  return {
    name: '',
    tier: 'servicekontor',
    isMotesplats: false,
    partnerName: '',
    hubOfficeId: '',
    street: '',
    postalCode: '',
    city: '',
    kommunkod: '',
    lat: '',
    lon: '',
    counters: '2',
    maxRecalls: '3',
    videoRooms: '0',
    capabilities: [],
    languages: ['sv'],
    otherLanguages: '',
    accessibilityNotes: '',
    phone: '',
    email: '',
    hours: WEEKDAYS.map((weekday) => ({ weekday, closed: weekday > 5, intervals: [{ ...DEFAULT_INTERVAL }] })),
    exceptions: [],
    agencyDays: {},
    serviceIds: [],
  };
}

export function draftFromOffice(o: Office): OfficeDraft {
  const common: readonly string[] = COMMON_LANGUAGES;
  return {
    name: o.name,
    tier: o.tier,
    isMotesplats: o.isMotesplats,
    partnerName: o.partnerName ?? '',
    hubOfficeId: o.hubOfficeId ?? '',
    street: o.street,
    postalCode: o.postalCode,
    city: o.city,
    kommunkod: o.kommunkod,
    lat: String(o.lat),
    lon: String(o.lon),
    counters: String(o.counters),
    maxRecalls: String(o.maxRecalls),
    videoRooms: String(o.videoRooms),
    capabilities: [...o.capabilities],
    languages: o.languages.filter((l) => common.includes(l)),
    otherLanguages: o.languages.filter((l) => !common.includes(l)).join(', '),
    accessibilityNotes: o.accessibilityNotes,
    phone: o.phone ?? '',
    email: o.email ?? '',
    hours: WEEKDAYS.map((weekday) => {
      const intervals = o.openingHours
        .filter((h) => h.weekday === weekday)
        .sort((a, b) => a.opens.localeCompare(b.opens))
        .map((h) => ({ opens: h.opens, closes: h.closes }));
      return { weekday, closed: intervals.length === 0, intervals: intervals.length ? intervals : [{ ...DEFAULT_INTERVAL }] };
    }),
    exceptions: o.dateExceptions.map((x) => ({
      key: nextKey++,
      date: x.date,
      closed: x.closed,
      opens: x.opens ?? '',
      closes: x.closes ?? '',
      note: x.note ?? '',
    })),
    agencyDays: Object.fromEntries(o.agencyDays.map((a) => [a.agencyId, [...a.weekdays]])),
    serviceIds: [...o.serviceIds],
  };
}

/** Accepts the Swedish decimal comma. */
export const toNumber = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.trim().replace(',', '.')));
const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export function otherLanguageCodes(d: OfficeDraft): string[] {
  return d.otherLanguages
    .split(/[\s,;]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

export function buildOfficeInput(d: OfficeDraft): { input: OfficeInput; fieldIds: FieldIds } {
  const F = OFFICE_FIELD;
  const fieldIds: FieldIds = { ...F };
  const languages = [...new Set([...d.languages, ...otherLanguageCodes(d)])];
  languages.forEach((l, i) => {
    fieldIds[`languages[${i}]`] = d.languages.includes(l) ? `${F.languages}-${l}` : F.otherLanguages;
  });
  d.capabilities.forEach((c, i) => (fieldIds[`capabilities[${i}]`] = `${F.capabilities}-${c}`));

  const openingHours: OfficeInput['openingHours'] = [];
  for (const day of d.hours) {
    if (day.closed) continue;
    day.intervals.forEach((h, i) => {
      const n = openingHours.push({ weekday: day.weekday, opens: h.opens, closes: h.closes }) - 1;
      fieldIds[`openingHours[${n}]`] = hoursFieldId(day.weekday, i, 'opens');
      fieldIds[`openingHours[${n}].opens`] = hoursFieldId(day.weekday, i, 'opens');
      fieldIds[`openingHours[${n}].closes`] = hoursFieldId(day.weekday, i, 'closes');
    });
  }

  const dateExceptions = d.exceptions.map((x, i) => {
    for (const part of ['date', 'closed', 'opens', 'closes', 'note'] as const) {
      fieldIds[`dateExceptions[${i}].${part}`] = exceptionFieldId(x.key, part);
    }
    fieldIds[`dateExceptions[${i}]`] = exceptionFieldId(x.key, 'date');
    return {
      date: x.date,
      closed: x.closed,
      opens: x.closed ? null : orNull(x.opens),
      closes: x.closed ? null : orNull(x.closes),
      note: x.note.trim(),
    };
  });

  const agencyDays = Object.entries(d.agencyDays)
    .filter(([, days]) => days.length > 0)
    .map(([agencyId, days]) => ({ agencyId, weekdays: [...days].sort((a, b) => a - b) }));
  agencyDays.forEach((a, i) => {
    fieldIds[`agencyDays[${i}]`] = staffingCellId(a.agencyId, a.weekdays[0] ?? 1);
    a.weekdays.forEach((w, j) => (fieldIds[`agencyDays[${i}].weekdays[${j}]`] = staffingCellId(a.agencyId, w)));
  });
  d.serviceIds.forEach((s, i) => (fieldIds[`serviceIds[${i}]`] = serviceCheckboxId(s)));

  const input: OfficeInput = {
    name: d.name.trim(),
    tier: d.tier,
    isMotesplats: d.isMotesplats,
    partnerName: d.tier === 'servicepunkt' ? orNull(d.partnerName) : null,
    hubOfficeId: d.tier === 'mobile_stop' ? orNull(d.hubOfficeId) : null,
    street: d.street.trim(),
    postalCode: d.postalCode.trim(),
    city: d.city.trim(),
    kommunkod: d.kommunkod,
    lat: toNumber(d.lat),
    lon: toNumber(d.lon),
    counters: toNumber(d.counters),
    maxRecalls: toNumber(d.maxRecalls),
    videoRooms: toNumber(d.videoRooms),
    capabilities: d.capabilities,
    languages,
    accessibilityNotes: d.accessibilityNotes.trim(),
    phone: orNull(d.phone),
    email: orNull(d.email),
    openingHours,
    dateExceptions,
    agencyDays,
    serviceIds: d.serviceIds,
  };
  return { input, fieldIds };
}
