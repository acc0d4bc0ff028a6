// Demo data for Mötesplats (issue 5): Växjö's pathway template (the default), one day's stations and
// interpreters, and six newcomer households registered for it a week before, some with consent to share
// their basic data. Identity numbers are made-up samordningsnummer with valid check digits. Demo only.
import { randomBytes } from 'node:crypto';
import type { Db } from '../client.ts';
import { mpConsents, mpDayInterpreters, mpDayOfficers, mpDays, mpHouseholds, mpMembers, mpTemplates } from '../schema-motesplats.ts';
import { DEFAULT_TEMPLATE } from '../../engines/dayplan/default-template.ts';
import { luhnValid } from '../../lib/personnummer.ts';
import { addDays, stockholmOffset } from '../../lib/dates.ts';
import { stableUuid } from './catalogue.ts';

const OFFICE = 'Servicekontor Växjö';
/** The demo day: a Tuesday, the day the test harness's clock stands on. */
export const DEMO_MOTESPLATS_DATE = '2026-12-01';

const hm = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));

/** Station officers: a demo account where there is one; lunches staggered so no station closes at noon. */
const OFFICERS: Array<{ name: string; station: string; user?: string; lunch: string }> = [
  { name: 'Migrationsverket 1', station: 'MV', user: 'mv.vaxjo', lunch: '11:30' },
  { name: 'Migrationsverket 2', station: 'MV', lunch: '12:15' },
  { name: 'Skatteverket 1', station: 'SKV', user: 'skv.vaxjo', lunch: '11:45' },
  { name: 'Skatteverket 2', station: 'SKV', lunch: '12:30' },
  { name: 'Arbetsförmedlingen 1', station: 'AF', user: 'af.vaxjo', lunch: '12:00' },
  { name: 'Arbetsförmedlingen 2', station: 'AF', lunch: '12:45' },
  { name: 'Försäkringskassan 1', station: 'FK', user: 'fk.vaxjo', lunch: '12:15' },
  { name: 'Pensionsmyndigheten 1', station: 'PM', user: 'pm.video', lunch: '12:00' },
  { name: 'Växjö kommun 1', station: 'KOMMUN', user: 'kommun.vaxjo', lunch: '11:45' },
  { name: 'Växjö kommun 2', station: 'KOMMUN', lunch: '12:30' },
];
const INTERPRETERS: Array<{ name: string; language: string; lunch: string }> = [
  { name: 'Tolk arabiska 1', language: 'ar', lunch: '11:45' },
  { name: 'Tolk arabiska 2', language: 'ar', lunch: '12:30' },
  { name: 'Tolk dari', language: 'fa', lunch: '12:00' },
  { name: 'Tolk tigrinja', language: 'ti', lunch: '12:15' },
  { name: 'Tolk somaliska', language: 'so', lunch: '12:00' },
  { name: 'Tolk ukrainska', language: 'uk', lunch: '12:30' },
];

interface DemoMember { name: string; born: string; interpreter: boolean; serial?: string }
interface DemoHousehold { language: string; arrival: string; dossier: string; kommunkod: string; address: string | null; members: DemoMember[]; consent: 'all' | 'some' | 'none' }

const HOUSEHOLDS: DemoHousehold[] = [
  { language: 'ar', arrival: '08:30', dossier: '21-418733', kommunkod: '0780', address: 'Storgatan 12 B, 352 31 Växjö', consent: 'all', members: [
    { name: 'Amal', born: '1988-04-12', interpreter: true, serial: '234' }, { name: 'Yusuf', born: '1985-09-02', interpreter: true, serial: '257' },
    { name: 'Lina', born: '2015-06-20', interpreter: false }, { name: 'Omar', born: '2022-01-15', interpreter: false },
  ] },
  { language: 'fa', arrival: '08:45', dossier: '22-105942', kommunkod: '0780', address: null, consent: 'some', members: [
    { name: 'Zahra', born: '1996-11-03', interpreter: true, serial: '128' },
  ] },
  { language: 'ti', arrival: '09:00', dossier: '21-377510', kommunkod: '0761', address: 'Kvarnvägen 4, 360 50 Lessebo', consent: 'all', members: [
    { name: 'Senait', born: '1991-02-27', interpreter: true, serial: '442' }, { name: 'Dawit', born: '2012-08-09', interpreter: false },
  ] },
  { language: 'so', arrival: '09:15', dossier: '20-992304', kommunkod: '0780', address: null, consent: 'none', members: [
    { name: 'Hodan', born: '1957-05-30', interpreter: true, serial: '316' }, { name: 'Abdi', born: '1954-12-01', interpreter: true, serial: '339' },
  ] },
  { language: 'uk', arrival: '09:30', dossier: '23-240187', kommunkod: '0780', address: 'Linnégatan 7, 352 33 Växjö', consent: 'all', members: [
    { name: 'Olena', born: '1983-07-19', interpreter: true, serial: '564' }, { name: 'Sofiia', born: '2009-03-04', interpreter: false }, { name: 'Mark', born: '2019-10-11', interpreter: false },
  ] },
  { language: 'ar', arrival: '10:00', dossier: '22-663019', kommunkod: '0780', address: null, consent: 'some', members: [
    { name: 'Karim', born: '2001-01-23', interpreter: false, serial: '671' },
  ] },
];

/** A samordningsnummer (day of birth + 60) for a birth date and serial, with its check digit. */
function samordningsnummer(born: string, serial: string): string {
  const [y, m, d] = born.split('-');
  const body = `${y!.slice(2)}${m}${String(Number(d) + 60)}${serial}`;
  const check = [...'0123456789'].find((c) => luhnValid(body + c))!;
  return `${y!.slice(0, 2)}${body}${check}`;
}

export async function seedDemoMotesplats(db: Db): Promise<void> {
  const officeId = stableUuid(`office:${OFFICE}`);
  const templateId = stableUuid(`mp-template:${OFFICE}:standard`);
  await db.insert(mpTemplates).values({ id: templateId, officeId, name: DEFAULT_TEMPLATE.name, steps: DEFAULT_TEMPLATE.steps });
  const dayId = stableUuid(`mp-day:${OFFICE}:${DEMO_MOTESPLATS_DATE}`);
  await db.insert(mpDays).values({ id: dayId, officeId, date: DEMO_MOTESPLATS_DATE, templateId });
  await db.insert(mpDayOfficers).values(OFFICERS.map((o, i) => ({
    id: stableUuid(`mp-officer:${dayId}:${i}`), dayId, userId: o.user ? stableUuid(`user:${o.user}`) : null, name: o.name, station: o.station,
    shiftStart: hm('08:00'), shiftEnd: hm('16:30'), breaks: [{ start: hm(o.lunch), end: hm(o.lunch) + 45 }], position: i,
  })));
  await db.insert(mpDayInterpreters).values(INTERPRETERS.map((x, i) => ({
    id: stableUuid(`mp-interpreter:${dayId}:${i}`), dayId, name: x.name, language: x.language,
    shiftStart: hm('08:15'), shiftEnd: hm('16:00'), breaks: [{ start: hm(x.lunch), end: hm(x.lunch) + 45 }], position: i,
  })));

  const registeredAt = new Date(`${addDays(DEMO_MOTESPLATS_DATE, -7)}T10:00:00${stockholmOffset(DEMO_MOTESPLATS_DATE)}`);
  const agencies = ['MV', 'SKV', 'AF', 'FK', 'PM', 'K0780'].map((code) => stableUuid(`agency:${code}`));
  const coordinator = stableUuid('user:samordnare.vaxjo');
  for (const [i, h] of HOUSEHOLDS.entries()) {
    const householdId = stableUuid(`mp-household:${dayId}:${i}`);
    await db.insert(mpHouseholds).values({
      id: householdId, officeId, date: DEMO_MOTESPLATS_DATE, reference: `H${String(i + 1).padStart(2, '0')}`, language: h.language,
      dossierNumber: h.dossier, assignedKommunkod: h.kommunkod, housingAssigned: h.address !== null, housingAddress: h.address,
      arrival: hm(h.arrival), registeredAt, registeredByUserId: coordinator, itineraryToken: randomBytes(24).toString('base64url'),
    });
    await db.insert(mpMembers).values(h.members.map((m, k) => ({
      id: stableUuid(`mp-member:${householdId}:${k}`), householdId, position: k, givenName: m.name, birthYear: Number(m.born.slice(0, 4)),
      needsInterpreter: m.interpreter, identityNumber: m.serial ? samordningsnummer(m.born, m.serial) : null,
    })));
    if (h.consent === 'none') continue;
    // "some": the household shares who they are with every agency, but address and municipality only with the municipality.
    await db.insert(mpConsents).values(agencies.map((agencyId, k) => ({
      householdId, agencyId, action: 'given' as const, recordedByUserId: coordinator, at: registeredAt,
      fields: h.consent === 'all' || k === agencies.length - 1 ? ['birthYears', 'identityNumbers', 'dossierNumber', 'municipality', 'housing'] : ['birthYears', 'identityNumbers'],
    })));
  }
}
