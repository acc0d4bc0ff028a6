// The demo catalogue as plain data: agencies, capabilities and the services offered at the offices.
// Realism comes from the seed documents (Mötesplats Växjö, seed 000/004; video meetings, seed 003;
// tjänstesamverkan, seed 002) and the agencies' public descriptions of their services.
import { uuidV5 } from '../../lib/uuid-v5.ts';
import type { Capability, Channel } from '../../../../contracts/registry.ts';

/** Namespace of the demo's name-based ids: reseeding gives every record the same id. */
const DEMO_NAMESPACE = 'c7d0c2a4-5e1b-4f5e-9a55-0d6f3b1f2a10';

/** A stable id for a demo record from its key (e.g. `agency:FK`), so links into the demo keep working. */
export const stableUuid = (key: string): string => uuidV5(key, DEMO_NAMESPACE);

export interface AgencySeed {
  code: string;
  nameSv: string;
  nameEn: string;
  kind: 'state_agency' | 'municipality';
  kommunkod: string | null;
  website: string | null;
}

export const STATE_AGENCIES: AgencySeed[] = [
  { code: 'FK', nameSv: 'Försäkringskassan', nameEn: 'Swedish Social Insurance Agency', website: 'https://www.forsakringskassan.se' },
  { code: 'SKV', nameSv: 'Skatteverket', nameEn: 'Swedish Tax Agency', website: 'https://www.skatteverket.se' },
  { code: 'PM', nameSv: 'Pensionsmyndigheten', nameEn: 'Swedish Pensions Agency', website: 'https://www.pensionsmyndigheten.se' },
  { code: 'AF', nameSv: 'Arbetsförmedlingen', nameEn: 'Swedish Public Employment Service', website: 'https://arbetsformedlingen.se' },
  { code: 'MV', nameSv: 'Migrationsverket', nameEn: 'Swedish Migration Agency', website: 'https://www.migrationsverket.se' },
  { code: 'TRV', nameSv: 'Trafikverket', nameEn: 'Swedish Transport Administration', website: 'https://www.trafikverket.se' },
].map((a) => ({ ...a, kind: 'state_agency' as const, kommunkod: null }));

/** Municipalities that join a Mötesplats office (seed 000: "tillsammans med ... Växjö kommun"). */
export const MUNICIPALITY_AGENCIES: AgencySeed[] = [
  { kommunkod: '0780', nameSv: 'Växjö kommun', nameEn: 'Växjö Municipality', website: 'https://vaxjo.se' },
  { kommunkod: '0180', nameSv: 'Stockholms stad', nameEn: 'City of Stockholm', website: 'https://start.stockholm' },
  { kommunkod: '1480', nameSv: 'Göteborgs Stad', nameEn: 'City of Gothenburg', website: 'https://goteborg.se' },
  { kommunkod: '1280', nameSv: 'Malmö stad', nameEn: 'City of Malmö', website: 'https://malmo.se' },
  { kommunkod: '1880', nameSv: 'Örebro kommun', nameEn: 'Örebro Municipality', website: 'https://www.orebro.se' },
].map((a) => ({ ...a, code: `K${a.kommunkod}`, kind: 'municipality' as const }));

export const AGENCIES: AgencySeed[] = [...STATE_AGENCIES, ...MUNICIPALITY_AGENCIES];

export const CAPABILITY_NAMES: Record<Capability, { nameSv: string; nameEn: string }> = {
  biometric_station: { nameSv: 'Biometristation (foto och fingeravtryck)', nameEn: 'Biometric station (photo and fingerprints)' },
  video_room: { nameSv: 'Videorum', nameEn: 'Video meeting room' },
  id_document_scanner: { nameSv: 'Läsare för id-handlingar', nameEn: 'Identity document scanner' },
  private_room: { nameSv: 'Enskilt samtalsrum', nameEn: 'Private meeting room' },
  cash_free_card_terminal: { nameSv: 'Kortterminal (kontantfritt)', nameEn: 'Card payment terminal (cash-free)' },
};

/** 'office_staff' = Statens servicecenter's own servicehandläggare; an agency code = that agency's staff. */
export type PerformerSeed = 'office_staff' | string;

export interface ServiceSeed {
  /** Stable key, the source of the service's UUID. */
  key: string;
  agency: string;
  nameSv: string;
  nameEn: string;
  descriptionSv: string;
  descriptionEn: string;
  durationMin: number;
  channels: Channel[];
  capabilities: Capability[];
  performers: PerformerSeed[];
}

type ServiceDraft = Omit<ServiceSeed, 'key' | 'agency'>;
const ALL_LOCAL: Channel[] = ['in_person', 'service_point', 'mobile'];

/** Builds one agency's services; the key is the agency code plus a short slug. */
function agencyServices(agency: string, drafts: Record<string, ServiceDraft>): ServiceSeed[] {
  return Object.entries(drafts).map(([slug, d]) => ({ key: `${agency}:${slug}`, agency, ...d }));
}

const SKV = agencyServices('SKV', {
  'folkbokforing-inflyttning': {
    nameSv: 'Folkbokföring vid inflyttning till Sverige', nameEn: 'Population registration when moving to Sweden',
    descriptionSv: 'Anmälan om flytt till Sverige med identitetskontroll på plats. Ger personnummer när du folkbokförs.',
    descriptionEn: 'Notification of moving to Sweden with an identity check in person. Gives a personal identity number once you are registered.',
    durationMin: 45, channels: ['in_person'], capabilities: ['biometric_station', 'id_document_scanner'],
    // Skatteverket's identity check is never delegated.
    performers: [],
  },
  'id-kort': {
    nameSv: 'Ansökan om id-kort', nameEn: 'Identity card application',
    descriptionSv: 'Ansök om Skatteverkets id-kort. Vi tar foto och fingeravtryck; avgiften betalas före besöket.',
    descriptionEn: "Apply for the Swedish Tax Agency's identity card. We take your photo and fingerprints; the fee is paid before the visit.",
    durationMin: 20, channels: ['in_person'], capabilities: ['biometric_station', 'id_document_scanner'], performers: [],
  },
  flytt: {
    nameSv: 'Flyttanmälan och adressändring', nameEn: 'Change of address',
    descriptionSv: 'Hjälp att anmäla flytt inom Sverige och att ändra adress i folkbokföringen.',
    descriptionEn: 'Help to report a move within Sweden and change your registered address.',
    durationMin: 15, channels: ALL_LOCAL, capabilities: [], performers: ['office_staff', 'FK'],
  },
  'f-skatt': {
    nameSv: 'Hjälp med F-skatt och att starta företag', nameEn: 'Help with F-tax and starting a business',
    descriptionSv: 'Vägledning om ansökan om F-skatt, momsregistrering och verksamt.se.',
    descriptionEn: 'Guidance on applying for F-tax approval, VAT registration and verksamt.se.',
    durationMin: 30, channels: ['in_person', 'video'], capabilities: [], performers: ['office_staff'],
  },
  deklaration: {
    nameSv: 'Deklarationshjälp', nameEn: 'Help with your income tax return',
    descriptionSv: 'Hjälp att granska och lämna din inkomstdeklaration, digitalt eller på papper.',
    descriptionEn: 'Help to check and file your income tax return, online or on paper.',
    durationMin: 20, channels: ALL_LOCAL, capabilities: [], performers: ['office_staff', 'FK', 'PM'],
  },
  personbevis: {
    nameSv: 'Beställa personbevis', nameEn: 'Order a population registration certificate',
    descriptionSv: 'Hjälp att beställa personbevis, till exempel inför pass, bolån eller arbete utomlands.',
    descriptionEn: 'Help to order a population registration certificate, for example for a passport, mortgage or work abroad.',
    durationMin: 10, channels: ALL_LOCAL, capabilities: [], performers: ['office_staff', 'FK', 'PM'],
  },
  hindersprovning: {
    nameSv: 'Hindersprövning inför vigsel', nameEn: 'Marriage impediment investigation',
    descriptionSv: 'Hjälp med blanketten för hindersprövning innan ni gifter er eller ingår äktenskap utomlands.',
    descriptionEn: 'Help with the impediment investigation form before you marry, in Sweden or abroad.',
    durationMin: 20, channels: ['in_person'], capabilities: [], performers: ['office_staff'],
  },
});

const FK = agencyServices('FK', {
  foraldrapenning: {
    nameSv: 'Föräldrapenning', nameEn: 'Parental benefit',
    descriptionSv: 'Frågor om och hjälp att ansöka om föräldrapenning och tillfällig föräldrapenning (vab).',
    descriptionEn: 'Questions about, and help applying for, parental benefit and temporary parental benefit.',
    durationMin: 20, channels: ALL_LOCAL, capabilities: [], performers: ['office_staff', 'SKV', 'PM', 'AF'],
  },
  bostadsbidrag: {
    nameSv: 'Bostadsbidrag', nameEn: 'Housing allowance',
    descriptionSv: 'Hjälp att ansöka om bostadsbidrag för barnfamiljer och unga och att lämna in kompletteringar.',
    descriptionEn: 'Help to apply for housing allowance for families with children and young people, and to send in additions.',
    durationMin: 20, channels: ALL_LOCAL, capabilities: [], performers: ['office_staff', 'SKV', 'PM', 'AF'],
  },
  sjukpenning: {
    nameSv: 'Sjukpenning', nameEn: 'Sickness benefit',
    descriptionSv: 'Vägledning om sjukanmälan, läkarintyg och ansökan om sjukpenning.',
    descriptionEn: 'Guidance on reporting sick, medical certificates and applying for sickness benefit.',
    durationMin: 20, channels: ['in_person', 'mobile'], capabilities: [], performers: ['office_staff', 'AF'],
  },
  etableringsersattning: {
    nameSv: 'Etableringsersättning för nyanlända', nameEn: 'Establishment allowance for newcomers',
    descriptionSv: 'Ansökan om och utbetalning av etableringsersättning, etableringstillägg och bostadsersättning.',
    descriptionEn: 'Application for and payment of the establishment allowance and its supplements.',
    durationMin: 30, channels: ['in_person', 'mobile'], capabilities: [], performers: ['office_staff', 'AF'],
  },
  tandvard: {
    nameSv: 'Tandvårdsstöd', nameEn: 'Dental care support',
    descriptionSv: 'Frågor om allmänt tandvårdsbidrag och högkostnadsskyddet för tandvård.',
    descriptionEn: 'Questions about the general dental care allowance and the high-cost protection for dental care.',
    durationMin: 15, channels: ['in_person', 'service_point'], capabilities: [], performers: ['office_staff'],
  },
  'eu-kort': {
    nameSv: 'Beställa EU-kort', nameEn: 'Order a European Health Insurance Card',
    descriptionSv: 'Hjälp att beställa det europeiska sjukförsäkringskortet inför resa inom EU/EES.',
    descriptionEn: 'Help to order the European Health Insurance Card before travelling within the EU/EEA.',
    durationMin: 10, channels: ALL_LOCAL, capabilities: [], performers: ['office_staff', 'SKV', 'PM'],
  },
  underhallsstod: {
    nameSv: 'Underhållsstöd', nameEn: 'Maintenance support',
    descriptionSv: 'Frågor om underhållsstöd när en förälder inte betalar underhåll för barnet.',
    descriptionEn: "Questions about maintenance support when a parent does not pay for the child's maintenance.",
    durationMin: 20, channels: ['in_person'], capabilities: [], performers: ['office_staff'],
  },
  videomote: {
    nameSv: 'Videomöte med Försäkringskassan', nameEn: 'Video meeting with the Social Insurance Agency',
    descriptionSv: 'Möt en handläggare på Försäkringskassan via video i ett enskilt rum på kontoret.',
    descriptionEn: 'Meet a Social Insurance Agency case officer by video in a private room at the office.',
    durationMin: 30, channels: ['video'], capabilities: ['video_room'], performers: [],
  },
});

const PM = agencyServices('PM', {
  'allman-pension': {
    nameSv: 'Ansöka om allmän pension', nameEn: 'Apply for the national public pension',
    descriptionSv: 'Hjälp att ansöka om allmän pension och välja när uttaget ska börja.',
    descriptionEn: 'Help to apply for the national public pension and choose when payments start.',
    durationMin: 30, channels: ALL_LOCAL, capabilities: [], performers: ['office_staff', 'FK', 'SKV'],
  },
  bostadstillagg: {
    nameSv: 'Bostadstillägg för pensionärer', nameEn: 'Housing supplement for pensioners',
    descriptionSv: 'Hjälp att ansöka om bostadstillägg och att räkna fram vilka uppgifter som behövs.',
    descriptionEn: 'Help to apply for the housing supplement and to gather the information needed.',
    durationMin: 30, channels: ALL_LOCAL, capabilities: [], performers: ['office_staff', 'FK'],
  },
  premiepension: {
    nameSv: 'Hjälp med premiepensionen', nameEn: 'Help with your premium pension',
    descriptionSv: 'Vägledning om fondval, förvalsalternativet AP7 Såfa och hur du byter fonder.',
    descriptionEn: 'Guidance on fund choice, the AP7 Såfa default option and how to switch funds.',
    durationMin: 20, channels: ['in_person'], capabilities: [], performers: ['office_staff'],
  },
  pensionsprognos: {
    nameSv: 'Genomgång av pensionsprognos', nameEn: 'Review of your pension forecast',
    descriptionSv: 'Vi går igenom ditt orange kuvert och din prognos på minpension.se.',
    descriptionEn: 'We go through your orange envelope and your forecast on minpension.se.',
    durationMin: 20, channels: ['in_person', 'service_point'], capabilities: [], performers: ['office_staff'],
  },
  videomote: {
    nameSv: 'Videomöte med Pensionsmyndigheten', nameEn: 'Video meeting with the Pensions Agency',
    descriptionSv: 'Möt en pensionshandläggare via video, till exempel om bostadstillägg eller pension från utlandet.',
    descriptionEn: 'Meet a pensions officer by video, for example about the housing supplement or a pension from abroad.',
    durationMin: 30, channels: ['video'], capabilities: ['video_room'], performers: [],
  },
});

const AF = agencyServices('AF', {
  inskrivning: {
    nameSv: 'Skriva in sig som arbetssökande', nameEn: 'Register as a job seeker',
    descriptionSv: 'Inskrivning på Arbetsförmedlingen med identitetskontroll, som krävs för bland annat a-kassa.',
    descriptionEn: 'Registration with the Public Employment Service with an identity check, needed for unemployment insurance among other things.',
    durationMin: 30, channels: ['in_person'], capabilities: ['id_document_scanner'], performers: ['office_staff'],
  },
  etableringsprogrammet: {
    nameSv: 'Etableringsprogrammet', nameEn: 'Introduction programme for newcomers',
    descriptionSv: 'Inskrivning i etableringsprogrammet och planering av SFI, praktik och utbildning.',
    descriptionEn: 'Enrolment in the introduction programme and planning of Swedish tuition, work placements and training.',
    durationMin: 60, channels: ['in_person', 'mobile'], capabilities: ['private_room'], performers: [],
  },
  'e-tjanster': {
    nameSv: 'Hjälp med Arbetsförmedlingens e-tjänster', nameEn: 'Help with the employment e-services',
    descriptionSv: 'Hjälp att logga in, aktivitetsrapportera och söka jobb i Platsbanken.',
    descriptionEn: 'Help to log in, send activity reports and search for jobs in Platsbanken.',
    durationMin: 20, channels: ALL_LOCAL, capabilities: [], performers: ['office_staff', 'FK'],
  },
  videomote: {
    nameSv: 'Videomöte med Arbetsförmedlingen', nameEn: 'Video meeting with the Employment Service',
    descriptionSv: 'Möt din handläggare på Arbetsförmedlingen via video från kontoret.',
    descriptionEn: 'Meet your Employment Service case officer by video from the office.',
    durationMin: 30, channels: ['video'], capabilities: ['video_room'], performers: [],
  },
});

const MV = agencyServices('MV', {
  'beslut-uppehallstillstand': {
    nameSv: 'Information om beslut om uppehållstillstånd', nameEn: 'Information about a residence permit decision',
    descriptionSv: 'Vi förklarar ditt beslut om uppehållstillstånd och vad som händer härnäst, med tolk vid behov.',
    descriptionEn: 'We explain your residence permit decision and what happens next, with an interpreter if needed.',
    durationMin: 30, channels: ['in_person', 'mobile'], capabilities: ['private_room'], performers: [],
  },
  'adressandring-asyl': {
    nameSv: 'Adressändring för asylsökande', nameEn: 'Change of address for asylum seekers',
    descriptionSv: 'Anmälan om ny adress under tiden din asylansökan prövas.',
    descriptionEn: 'Report a new address while your asylum application is being examined.',
    durationMin: 15, channels: ['in_person', 'mobile'], capabilities: [], performers: [],
  },
  'uppehallstillstandskort': {
    nameSv: 'Uppehållstillståndskort – foto och fingeravtryck', nameEn: 'Residence permit card – photo and fingerprints',
    descriptionSv: 'Vi tar foto och fingeravtryck till ditt uppehållstillståndskort och kontrollerar din identitet.',
    descriptionEn: 'We take your photo and fingerprints for your residence permit card and check your identity.',
    durationMin: 20, channels: ['in_person'], capabilities: ['biometric_station', 'id_document_scanner'], performers: [],
  },
});

const TRV = agencyServices('TRV', {
  korkort: {
    nameSv: 'Frågor om körkort', nameEn: 'Driving licence questions',
    descriptionSv: 'Hjälp med ärenden om körkort, till exempel förnyelse, förlorat körkort och syntest.',
    descriptionEn: 'Help with driving licence matters such as renewal, a lost licence and the eyesight test.',
    durationMin: 15, channels: ['in_person', 'service_point'], capabilities: [], performers: ['office_staff'],
  },
  'korkortstillstand': {
    nameSv: 'Körkortstillstånd och handledarskap', nameEn: 'Learner permit and supervisor approval',
    descriptionSv: 'Hjälp att ansöka om körkortstillstånd och om att bli godkänd som handledare.',
    descriptionEn: 'Help to apply for a learner permit and for approval as a driving supervisor.',
    durationMin: 15, channels: ['in_person', 'service_point'], capabilities: [], performers: ['office_staff'],
  },
  fordon: {
    nameSv: 'Ägarbyte och fordonsfrågor', nameEn: 'Vehicle ownership and registration',
    descriptionSv: 'Hjälp med ägarbyte, avställning och påställning av fordon.',
    descriptionEn: 'Help with change of vehicle ownership and taking a vehicle off or back on the road.',
    durationMin: 15, channels: ['in_person', 'service_point'], capabilities: [], performers: ['office_staff'],
  },
});

/** Municipal services from the Mötesplats process (seed 000), one copy per municipality agency. */
const MUNICIPAL_DRAFTS: Record<string, ServiceDraft> = {
  sfi: {
    nameSv: 'Inskrivning på SFI', nameEn: 'Enrolment in Swedish for Immigrants (SFI)',
    descriptionSv: 'Anmälan till kommunens utbildning i svenska för invandrare.',
    descriptionEn: "Enrolment in the municipality's Swedish for Immigrants courses.",
    durationMin: 20, channels: ['in_person'], capabilities: [], performers: [],
  },
  skola: {
    nameSv: 'Skolplacering för nyanlända barn', nameEn: 'School placement for newly arrived children',
    descriptionSv: 'Anmälan till grundskola eller gymnasium och kartläggning av barnets skolbakgrund.',
    descriptionEn: "Enrolment in compulsory or upper-secondary school and an assessment of the child's schooling so far.",
    durationMin: 30, channels: ['in_person'], capabilities: ['private_room'], performers: [],
  },
  forskola: {
    nameSv: 'Ansökan om förskoleplats', nameEn: 'Preschool (förskola) application',
    descriptionSv: 'Hjälp att ansöka om plats i förskola eller pedagogisk omsorg.',
    descriptionEn: 'Help to apply for a place in preschool or other childcare.',
    durationMin: 15, channels: ['in_person'], capabilities: [], performers: ['office_staff'],
  },
  bosattning: {
    nameSv: 'Nyckelutlämning till anvisad bostad', nameEn: 'Key handover for assigned housing',
    descriptionSv: 'För dig som anvisats till kommunen: genomgång av hyresavtal och utlämning av nyckel.',
    descriptionEn: 'For people assigned to the municipality: a walk through the lease and handover of the key.',
    durationMin: 30, channels: ['in_person'], capabilities: ['id_document_scanner'], performers: [],
  },
  budgetradgivning: {
    nameSv: 'Budget- och skuldrådgivning', nameEn: 'Budget and debt advice',
    descriptionSv: 'Kostnadsfri och konfidentiell rådgivning om hushållets budget och skulder.',
    descriptionEn: 'Free and confidential advice on household budgets and debt.',
    durationMin: 60, channels: ['in_person', 'video'], capabilities: ['private_room'], performers: [],
  },
};

const MUNICIPAL = MUNICIPALITY_AGENCIES.flatMap((a) => agencyServices(a.code, MUNICIPAL_DRAFTS));

export const SERVICES: ServiceSeed[] = [...SKV, ...FK, ...PM, ...AF, ...MV, ...TRV, ...MUNICIPAL];
