// Builds the DEMO network of about 115 offices from the SCB reference data, and inserts it with the catalogue.
// Not the real list of Statens servicecenter offices (not available offline): see docs/demo-network.md.
import { createHash } from 'node:crypto';
import type { Capability, Channel, OfficeTier } from '../../../../contracts/registry.ts';
import type { Db } from '../client.ts';
import {
  agencies, capabilities, officeAgencyDays, officeCapabilities, officeDateExceptions, officeOpeningHours, offices,
  officeServices, serviceCapabilities, servicePerformers, services,
} from '../schema.ts';
import { AGENCIES, CAPABILITY_NAMES, SERVICES, stableUuid, type ServiceSeed } from './catalogue.ts';
import {
  insertBatches, readCounties, readLocalities, readMunicipalities,
  type CountyRow, type LocalityRow, type MunicipalityRow,
} from './reference-data.ts';

export interface ReferenceInput { counties: CountyRow[]; municipalities: MunicipalityRow[]; localities: LocalityRow[] }
export interface Hours { weekday: number; opens: string; closes: string }
export interface DateException { date: string; closed: boolean; opens: string | null; closes: string | null; note: string }

export interface DemoOffice {
  id: string;
  name: string;
  tier: OfficeTier;
  isMotesplats: boolean;
  partnerName: string | null;
  hubOfficeId: string | null;
  street: string;
  postalCode: string;
  city: string;
  kommunkod: string;
  lat: number;
  lon: number;
  counters: number;
  videoRooms: number;
  languages: string[];
  accessibilityNotes: string;
  email: string | null;
  capabilities: Capability[];
  openingHours: Hours[];
  dateExceptions: DateException[];
  /** Agency code → ISO weekdays on which that agency staffs the office. */
  agencyDays: Record<string, number[]>;
  serviceIds: string[];
}

// ---------- where the offices go ----------

/** Servicekontor spread over the counties by population before the per-county minimums. */
const SERVICEKONTOR_TARGET = 91;

/** The largest cities get one office per district; the first is the central one at the municipal seat. */
const CITY_DISTRICTS: Record<string, { district: string; lat?: number; lon?: number; postal?: number; motesplats?: boolean }[]> = {
  '0180': [
    { district: 'City' }, { district: 'Rinkeby', lat: 59.3881, lon: 17.9287, postal: 163, motesplats: true },
    { district: 'Skärholmen', lat: 59.277, lon: 17.907, postal: 127 }, { district: 'Farsta', lat: 59.2435, lon: 18.093, postal: 123 },
    { district: 'Vällingby', lat: 59.3633, lon: 17.8722, postal: 162 },
  ],
  '1480': [
    { district: 'City' }, { district: 'Angered', lat: 57.7975, lon: 12.05, postal: 424, motesplats: true },
    { district: 'Frölunda', lat: 57.6526, lon: 11.911, postal: 421 }, { district: 'Hisingen', lat: 57.7196, lon: 11.9533, postal: 417 },
  ],
  '1280': [
    { district: 'City' }, { district: 'Rosengård', lat: 55.588, lon: 13.041, postal: 213, motesplats: true },
    { district: 'Hyllie', lat: 55.563, lon: 12.977, postal: 215 },
  ],
  '0380': [{ district: 'City' }, { district: 'Gottsunda', lat: 59.8075, lon: 17.616, postal: 756 }],
};
/** Single-office Mötesplats municipalities; Växjö is the one in seed 000. */
const MOTESPLATS_SEATS = new Set(['0780', '1880']);
/** Always a servicekontor: Kronoberg as in seed 000 (Växjö, Ljungby, Älmhult, Tingsryd), Kiruna as a mobile hub. */
const FIXED_SERVICEKONTOR = ['0780', '0781', '0765', '0763', '2584'];
/** Rural municipalities with a servicecenter at the seat (seed 002: open every weekday). */
const SERVICECENTER = ['2506', '2513', '2422', '2425', '1760', '0512', '2303', '2021'];
/** Invented local partners (seed 002: "en utbildad lokal entreprenör"); Ammarnäs is not a tätort, so it has a point. */
const SERVICEPUNKTER: { place: string; kommunkod: string; partner: string; lat?: number; lon?: number }[] = [
  { place: 'Ammarnäs', kommunkod: '2422', partner: "Handlar'n i Ammarnäs", lat: 65.96, lon: 16.2 },
  { place: 'Tärnaby', kommunkod: '2421', partner: 'Tärna Bygdeservice ek. för.' },
  { place: 'Funäsdalen', kommunkod: '2361', partner: 'Funäsdalens Lanthandel AB' },
  { place: 'Idre', kommunkod: '2039', partner: 'Idre Byaservice ek. för.' },
  { place: 'Gäddede', kommunkod: '2313', partner: 'Gäddede Drivmedel & Service' },
  { place: 'Korpilombolo', kommunkod: '2521', partner: 'Korpilombolo Byaförening' },
  { place: 'Ekshärad', kommunkod: '1783', partner: 'Ekshärads Handelsbod' },
  { place: 'Löttorp', kommunkod: '0885', partner: 'Löttorps Lanthandel' },
  { place: 'Hemse', kommunkod: '0980', partner: 'Hemse Bygdegård ek. för.' },
];
/** Mobile teams from a hub (seed 000: from Växjö to Lenhovda and Lessebo). */
const MOBILE_STOPS: { place: string; kommunkod: string; hubKommunkod: string; days: Hours[] }[] = [
  { place: 'Lenhovda', kommunkod: '0760', hubKommunkod: '0780', days: [{ weekday: 2, opens: '10:00', closes: '14:00' }] },
  { place: 'Lessebo', kommunkod: '0761', hubKommunkod: '0780', days: [{ weekday: 4, opens: '10:00', closes: '14:00' }] },
  { place: 'Vittangi', kommunkod: '2584', hubKommunkod: '2584', days: [{ weekday: 2, opens: '10:00', closes: '13:00' }] },
  { place: 'Karesuando', kommunkod: '2584', hubKommunkod: '2584', days: [{ weekday: 4, opens: '11:00', closes: '14:00' }] },
];

interface Placement {
  name: string;
  tier: OfficeTier;
  city: string;
  kommunkod: string;
  countyCode: string;
  lat: number;
  lon: number;
  /** Population the office serves, for sizing counters, rooms and hours. */
  served: number;
  /** Three-digit postal prefix when the district's differs from the town's. */
  postal?: number;
  isMotesplats: boolean;
  partnerName: string | null;
  hubName: string | null;
  stopDays: Hours[] | null;
}

/** Offices are named after the town they are in (the seat: Tumba, not Botkyrka), as real ones are. */
const seatOfficeName = (m: MunicipalityRow, district?: string) =>
  district ? `Servicekontor ${m.seatName} ${district}` : `Servicekontor ${m.seatName}`;

/** Largest-remainder apportionment of `total` over the counties by population. */
function countyQuotas(counties: CountyRow[], total: number): Map<string, number> {
  const sum = counties.reduce((s, c) => s + c.population, 0);
  const exact = counties.map((c) => ({ code: c.code, q: (total * c.population) / sum }));
  const out = new Map(exact.map((e) => [e.code, Math.floor(e.q)]));
  let left = total - [...out.values()].reduce((s, n) => s + n, 0);
  for (const e of [...exact].sort((a, b) => (b.q % 1) - (a.q % 1) || a.code.localeCompare(b.code))) {
    if (left-- <= 0) break;
    out.set(e.code, out.get(e.code)! + 1);
  }
  return out;
}

function placeOffices(ref: ReferenceInput): Placement[] {
  const muni = new Map(ref.municipalities.map((m) => [m.kommunkod, m]));
  const locality = (name: string, kommunkod: string) => {
    const l = ref.localities.find((x) => x.name === name && x.kommunkod === kommunkod);
    if (!l) throw new Error(`Demo network: no tätort ${name} in ${kommunkod}`);
    return l;
  };
  const base = (m: MunicipalityRow) => ({ kommunkod: m.kommunkod, countyCode: m.countyCode, partnerName: null, hubName: null, stopDays: null });
  const out: Placement[] = [];

  for (const k of SERVICECENTER) {
    const m = muni.get(k)!;
    out.push({ ...base(m), name: `Servicecenter ${m.seatName}`, tier: 'servicecenter', city: m.seatName, lat: m.lat, lon: m.lon, served: m.population, isMotesplats: false });
  }
  for (const sp of SERVICEPUNKTER) {
    const m = muni.get(sp.kommunkod)!;
    const at = sp.lat !== undefined ? { lat: sp.lat, lon: sp.lon!, population: 300 } : locality(sp.place, sp.kommunkod);
    out.push({
      ...base(m), name: `Servicepunkt ${sp.place}`, tier: 'servicepunkt', city: sp.place, lat: at.lat, lon: at.lon,
      served: at.population, isMotesplats: false, partnerName: `${sp.partner} (demo)`,
    });
  }

  // Servicekontor: per-county quota by population (at least 2 offices of any tier per county), then
  // D'Hondt over the county's municipalities so large ones get district offices first.
  const quotas = countyQuotas(ref.counties, SERVICEKONTOR_TARGET);
  const slots = new Map(FIXED_SERVICEKONTOR.map((k) => [k, 1]));
  for (const c of ref.counties) {
    const candidates = ref.municipalities.filter((m) => m.countyCode === c.code && !SERVICECENTER.includes(m.kommunkod));
    const others = out.filter((p) => p.countyCode === c.code).length;
    let have = candidates.filter((m) => slots.has(m.kommunkod)).length;
    const want = Math.max(quotas.get(c.code)!, 1, 2 - others, have);
    while (have < want) {
      let best: MunicipalityRow | null = null;
      let bestScore = -1;
      for (const m of candidates) {
        const n = slots.get(m.kommunkod) ?? 0;
        const score = m.population / (n + 1);
        if (n < (CITY_DISTRICTS[m.kommunkod]?.length ?? 1) && score > bestScore) [best, bestScore] = [m, score];
      }
      if (!best) break;
      slots.set(best.kommunkod, (slots.get(best.kommunkod) ?? 0) + 1);
      have++;
    }
  }
  for (const [k, n] of [...slots].sort(([a], [b]) => a.localeCompare(b))) {
    const m = muni.get(k)!;
    const districts = CITY_DISTRICTS[k]?.slice(0, n) ?? [undefined];
    for (const d of districts) {
      out.push({
        ...base(m), name: seatOfficeName(m, d?.district), tier: 'servicekontor', city: m.seatName,
        lat: d?.lat ?? m.lat, lon: d?.lon ?? m.lon, served: Math.round(m.population / n), postal: d?.postal,
        isMotesplats: d ? Boolean(d.motesplats) : MOTESPLATS_SEATS.has(k),
      });
    }
  }

  for (const stop of MOBILE_STOPS) {
    const m = muni.get(stop.kommunkod)!;
    const at = locality(stop.place, stop.kommunkod);
    out.push({
      ...base(m), name: `Mobil service ${stop.place}`, tier: 'mobile_stop', city: stop.place, lat: at.lat, lon: at.lon,
      served: at.population, isMotesplats: false, hubName: seatOfficeName(muni.get(stop.hubKommunkod)!), stopDays: stop.days,
    });
  }
  return out;
}

// ---------- what each office is like ----------

/** A stable pseudo-random number per key, so the demo varies between offices but not between reseeds. */
function hashInt(key: string): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0);
}

const range = (days: number[], opens: string, closes: string): Hours[] => days.map((weekday) => ({ weekday, opens, closes }));
const sizeOf = (served: number) => (served >= 60_000 ? 'large' : served >= 20_000 ? 'medium' : 'small');

function openingHours(p: Placement): Hours[] {
  if (p.stopDays) return p.stopDays;
  if (p.tier === 'servicecenter') return [...range([1, 2, 3, 4, 5], '09:30', '12:00'), ...range([1, 2, 3, 4, 5], '13:00', '15:30')];
  if (p.tier === 'servicepunkt') {
    // The partner's own opening hours, or set afternoons when a trained person is in.
    const patterns = [
      [...range([1, 2, 3, 4, 5], '10:00', '18:00'), ...range([6], '10:00', '13:00')],
      range([2, 4], '10:00', '14:00'),
      [...range([1, 3], '09:00', '12:00'), ...range([5], '13:00', '16:00')],
    ];
    return patterns[hashInt(p.name) % patterns.length]!;
  }
  const size = sizeOf(p.served);
  const hours = size === 'large' ? [...range([1, 2, 3, 5], '09:00', '16:00'), ...range([4], '09:00', '18:00')]
    : size === 'medium' ? [...range([1, 3, 4, 5], '10:00', '16:00'), ...range([2], '10:00', '18:00')]
    : range([1, 2, 3, 4], '10:00', '15:00');
  if (p.name === 'Servicekontor Stockholm City') hours.push({ weekday: 6, opens: '10:00', closes: '14:00' });
  return hours;
}

const KLAMDAGAR = ['2026-05-15', '2027-05-07'];
const KLAMDAG_OFFICES = new Set(['Servicekontor Växjö', 'Servicekontor Stockholm City', 'Servicekontor Göteborg City', 'Servicekontor Malmö City', 'Servicekontor Uppsala City']);

/** A few realistic deviations from the regular week in 2026–2027. */
function dateExceptions(p: Placement): DateException[] {
  const out: DateException[] = [];
  if (KLAMDAG_OFFICES.has(p.name)) {
    for (const date of KLAMDAGAR) out.push({ date, closed: false, opens: '10:00', closes: '13:00', note: 'Klämdag: kortare öppettider' });
  }
  if (p.name === 'Servicekontor Växjö') out.push({ date: '2026-09-17', closed: true, opens: null, closes: null, note: 'Stängt för kompetensutvecklingsdag' });
  if (p.name === 'Servicekontor Tingsryd') out.push({ date: '2026-12-28', closed: true, opens: null, closes: null, note: 'Stängt i mellandagarna' });
  if (p.name === 'Mobil service Lenhovda') out.push({ date: '2027-01-05', closed: true, opens: null, closes: null, note: 'Mobila teamet kommer inte på trettondagsafton' });
  if (p.name === 'Servicecenter Arjeplog') out.push({ date: '2026-04-30', closed: false, opens: '09:30', closes: '12:00', note: 'Valborgsmässoafton: stänger vid lunch' });
  return out;
}

const only = (days: number[], open: number[]) => days.filter((d) => open.includes(d));

/** Core agencies every open weekday, AF some days; Mötesplats adds MV and the municipality (seed 000). */
function agencyDays(p: Placement, hours: Hours[], hubIsMotesplats: boolean): Record<string, number[]> {
  const open = [...new Set(hours.map((h) => h.weekday))].sort();
  const weekdays = open.filter((d) => d <= 5);
  if (p.tier === 'servicepunkt') return {};
  if (p.tier === 'servicecenter') return { FK: [1, 3, 5], AF: [2, 4], PM: [3], SKV: [4] };
  if (p.tier === 'mobile_stop') {
    const team: Record<string, number[]> = { FK: open, SKV: open, PM: open, AF: open };
    return hubIsMotesplats ? { ...team, MV: open } : team;
  }
  const size = sizeOf(p.served);
  const out: Record<string, number[]> = {
    FK: open, SKV: open, PM: weekdays,
    AF: p.isMotesplats || size === 'large' ? weekdays : only(size === 'medium' ? [2, 4] : [2], weekdays),
  };
  if (p.isMotesplats) {
    out.MV = only([1, 2, 3, 4], weekdays);
    out[`K${p.kommunkod}`] = only([1, 2, 3, 4], weekdays);
  }
  return out;
}

const FINNISH_AREAS = new Set(['0181', '0127', '0484', '1490', '2180', '1980']);
const SAMI_AREAS = new Set(['2584', '2523', '2510', '2506', '2422', '2421']);

function languages(p: Placement): string[] {
  const out = ['sv', 'en'];
  if (p.isMotesplats) out.push('ar', 'fa', 'so', 'ti', 'uk');
  else if (p.served >= 60_000) out.push('ar', hashInt(p.name) % 2 ? 'so' : 'uk');
  else if (p.served >= 20_000 && hashInt(p.name) % 2) out.push('ar');
  if (p.countyCode === '25' || FINNISH_AREAS.has(p.kommunkod)) out.push('fi');
  if (SAMI_AREAS.has(p.kommunkod)) out.push('se');
  return out;
}

const ACCESS_NOTES = [
  'Entré i gatuplan med automatisk dörröppnare. Hörslinga vid luckorna. Tillgänglighetsanpassad toalett.',
  'Hiss från gatuplan till kontoret på plan 1. Hörslinga vid luckorna och i samtalsrummet. Ledstråk från entrén till receptionen.',
  'Entré i gatuplan, ramp vid sidoentrén. Sittplatser med armstöd i väntrummet. Kölappar visas både med ljud och på skärm.',
];
function accessibility(p: Placement): string {
  if (p.tier === 'servicepunkt') return 'Servicepunkten finns i partnerns lokal med entré i gatuplan. Personalen hjälper dig vid datorn; videorum där det finns.';
  if (p.tier === 'mobile_stop') return 'Mobila teamet tar emot i ett lånat rum i kommunens lokaler, entré i gatuplan. Hörslinga finns att låna.';
  return ACCESS_NOTES[hashInt(p.name) % ACCESS_NOTES.length]!;
}

/** Plausible three-digit postal prefixes: the real one for a few towns, else a county range. */
const POSTAL_TOWNS: Record<string, number> = {
  '0180': 111, '1480': 411, '1280': 211, '0380': 753, '0780': 352, '1880': 702, '0760': 360, '0761': 365,
  '0763': 362, '0781': 341, '0765': 343, '2584': 981, '0980': 621,
};
const POSTAL_COUNTY: Record<string, [number, number]> = {
  '01': [130, 199], '03': [740, 749], '04': [610, 649], '05': [580, 609], '06': [550, 578], '07': [340, 365],
  '08': [380, 398], '09': [620, 624], '10': [370, 375], '12': [230, 299], '13': [300, 313], '14': [440, 549],
  '17': [650, 689], '18': [690, 719], '19': [720, 739], '20': [770, 799], '21': [800, 829], '22': [850, 899],
  '23': [830, 849], '24': [900, 939], '25': [940, 989],
};
function postalCode(p: Placement): string {
  const h = hashInt(`postal:${p.kommunkod}`);
  const [lo, hi] = POSTAL_COUNTY[p.countyCode]!;
  const prefix = p.postal ?? POSTAL_TOWNS[p.kommunkod] ?? lo + (h % (hi - lo + 1));
  return `${prefix} ${String(10 + (hashInt(`postal:${p.name}`) % 9) * 10).padStart(2, '0')}`;
}

const slug = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const AGENCY_BY_CODE = new Map(AGENCIES.map((a) => [a.code, a]));
const LOCAL_CHANNEL: Record<OfficeTier, Channel> = {
  servicekontor: 'in_person', servicecenter: 'in_person', servicepunkt: 'service_point', mobile_stop: 'mobile',
};

/**
 * An office offers a service when it has every required capability and someone can perform it there:
 * locally on the tier's channel by the owner, a performer agency on duty or the office's own staff,
 * or by video from the owner when the office has a video room. Municipal services stay in their kommun.
 */
export function offersService(s: ServiceSeed, o: Pick<DemoOffice, 'tier' | 'kommunkod' | 'videoRooms' | 'capabilities' | 'agencyDays'>): boolean {
  const owner = AGENCY_BY_CODE.get(s.agency)!;
  if (owner.kommunkod && owner.kommunkod !== o.kommunkod) return false;
  if (!s.capabilities.every((c) => o.capabilities.includes(c))) return false;
  const onDuty = (code: string) => (o.agencyDays[code]?.length ?? 0) > 0;
  const byVideo = s.channels.includes('video') && o.videoRooms > 0;
  const local = s.channels.includes(LOCAL_CHANNEL[o.tier])
    && (onDuty(s.agency) || s.performers.some((p) => p === 'office_staff' || onDuty(p)));
  return byVideo || local;
}

/** Pure: reference data in, complete office descriptions out (ids are stable across runs). */
export function buildDemoNetwork(ref: ReferenceInput): DemoOffice[] {
  const placements = placeOffices(ref);
  const byName = new Map(placements.map((p) => [p.name, p]));
  return placements.map((p) => {
    const hours = openingHours(p);
    const size = sizeOf(p.served);
    const h = hashInt(p.name);
    const videoRooms = p.tier === 'servicekontor' ? (p.served >= 100_000 ? 2 : size === 'small' && h % 3 === 0 ? 0 : 1)
      : p.tier === 'servicecenter' ? 1 : p.tier === 'servicepunkt' ? h % 2 : 0;
    const caps: Capability[] = p.tier === 'servicekontor' ? ['biometric_station', 'id_document_scanner', 'private_room']
      : p.tier === 'servicecenter' ? ['id_document_scanner', 'private_room'] : p.tier === 'mobile_stop' ? ['private_room'] : [];
    if (videoRooms > 0) caps.push('video_room');
    if (p.tier === 'servicekontor' && size === 'large') caps.push('cash_free_card_terminal');
    const counters = p.tier === 'servicekontor' ? Math.min(10, Math.max(3, Math.round(3 + p.served / 30_000)))
      : p.tier === 'servicecenter' && p.served >= 3000 ? 2 : 1;
    const hub = p.hubName ? byName.get(p.hubName) : undefined;
    if (p.hubName && !hub) throw new Error(`Demo network: hub ${p.hubName} of ${p.name} is not in the network`);
    const office: DemoOffice = {
      id: stableUuid(`office:${p.name}`),
      name: p.name,
      tier: p.tier,
      isMotesplats: p.isMotesplats,
      partnerName: p.partnerName,
      hubOfficeId: hub ? stableUuid(`office:${hub.name}`) : null,
      street: `Demogatan ${1 + (h % 40)}`,
      postalCode: postalCode(p),
      city: p.city,
      kommunkod: p.kommunkod,
      lat: p.lat,
      lon: p.lon,
      counters,
      videoRooms,
      languages: languages(p),
      accessibilityNotes: accessibility(p),
      email: p.tier === 'servicekontor' ? `${slug(p.name.replace('Servicekontor ', ''))}@servicekontor.example` : null,
      capabilities: caps,
      openingHours: hours,
      dateExceptions: dateExceptions(p),
      agencyDays: agencyDays(p, hours, hub?.isMotesplats ?? false),
      serviceIds: [],
    };
    office.serviceIds = SERVICES.filter((s) => offersService(s, office)).map((s) => stableUuid(`service:${s.key}`));
    return office;
  });
}

export function readReferenceInput(): ReferenceInput {
  return { counties: readCounties(), municipalities: readMunicipalities(), localities: readLocalities() };
}

/**
 * Inserts agencies, capabilities, services and the demo offices in one transaction.
 * Needs the reference data (municipalities) loaded first.
 */
export async function seedDemoNetwork(db: Db): Promise<{ offices: number; services: number }> {
  const network = buildDemoNetwork(readReferenceInput());
  const agencyId = (code: string) => stableUuid(`agency:${code}`);
  const serviceId = (s: ServiceSeed) => stableUuid(`service:${s.key}`);
  // Hubs before the mobile stops that reference them.
  const ordered = [...network].sort((a, b) => Number(a.hubOfficeId !== null) - Number(b.hubOfficeId !== null));

  await db.transaction(async (tx) => {
    await insertBatches(tx, agencies, AGENCIES.map((a) => ({ id: agencyId(a.code), ...a })));
    await insertBatches(tx, capabilities, Object.entries(CAPABILITY_NAMES).map(([code, n]) => ({ code, ...n })));
    await insertBatches(tx, services, SERVICES.map((s) => ({
      id: serviceId(s), agencyId: agencyId(s.agency), nameSv: s.nameSv, nameEn: s.nameEn,
      descriptionSv: s.descriptionSv, descriptionEn: s.descriptionEn, durationMin: s.durationMin, channels: s.channels,
    })));
    await insertBatches(tx, serviceCapabilities, SERVICES.flatMap((s) => s.capabilities.map((capability) => ({ serviceId: serviceId(s), capability }))));
    await insertBatches(tx, servicePerformers, SERVICES.flatMap((s) => s.performers.map((p) => ({
      id: stableUuid(`performer:${s.key}:${p}`), serviceId: serviceId(s),
      kind: p === 'office_staff' ? ('office_staff' as const) : ('agency' as const),
      agencyId: p === 'office_staff' ? null : agencyId(p),
    }))));
    await insertBatches(tx, offices, ordered.map((o) => ({
      id: o.id, name: o.name, tier: o.tier, isMotesplats: o.isMotesplats, isDemo: true, partnerName: o.partnerName,
      hubOfficeId: o.hubOfficeId, street: o.street, postalCode: o.postalCode, city: o.city, kommunkod: o.kommunkod,
      lat: o.lat, lon: o.lon, counters: o.counters, videoRooms: o.videoRooms, languages: o.languages,
      accessibilityNotes: o.accessibilityNotes, email: o.email,
    })));
    await insertBatches(tx, officeCapabilities, network.flatMap((o) => o.capabilities.map((capability) => ({ officeId: o.id, capability }))));
    await insertBatches(tx, officeOpeningHours, network.flatMap((o) => o.openingHours.map((h) => ({ officeId: o.id, ...h }))));
    await insertBatches(tx, officeDateExceptions, network.flatMap((o) => o.dateExceptions.map((e) => ({ officeId: o.id, ...e }))));
    await insertBatches(tx, officeAgencyDays, network.flatMap((o) => Object.entries(o.agencyDays).flatMap(([code, days]) =>
      days.map((weekday) => ({ officeId: o.id, agencyId: agencyId(code), weekday })))));
    await insertBatches(tx, officeServices, network.flatMap((o) => o.serviceIds.map((sid) => ({ officeId: o.id, serviceId: sid }))));
  });
  return { offices: network.length, services: SERVICES.length };
}
