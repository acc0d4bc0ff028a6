// What each viewer sees of a household (docs/motesplats.md, "Cases, consent and secrecy"). The data is
// entered once by the coordinator; an agency officer sees the basic-data fields the household's consent
// in force gives their agency, and otherwise only what serving needs: the reference, given names, the
// language and who needs an interpreter. Identity numbers are masked everywhere except an agency's own
// read of one household whose consent covers them.
import type { ConsentField, Household } from '../../../../contracts/motesplats.ts';
import { maskSwedishId, parseSwedishId } from '../../lib/personnummer.ts';
import type { HouseholdRecord } from './repo.ts';
import { toDayTime } from './times.ts';
import { hasProtected, seesProtectedAddress, seesProtectedNames, shownName } from './protected.ts';
import type { Viewer } from './viewer.ts';

export interface ConsentRow {
  householdId: string;
  agencyId: string;
  agencyCode: string;
  action: 'given' | 'withdrawn';
  fields: string[];
  at: Date;
  recordedBy: string | null;
}

/** The consent in force per agency: its latest decision, when that is `given`. Rows come oldest first. */
export function consentInForce(rows: ConsentRow[]): Map<string, ConsentRow> {
  const latest = new Map<string, ConsentRow>();
  for (const r of rows) latest.set(r.agencyId, r);
  for (const [agencyId, r] of latest) if (r.action !== 'given') latest.delete(agencyId);
  return latest;
}

/** The fields the viewer's agencies (those with a station at the office) may see. */
export function sharedFieldsFor(viewer: Viewer, inForce: Map<string, ConsentRow>): Set<ConsentField> {
  const fields = new Set<ConsentField>();
  for (const a of viewer.agencies) {
    if (!a.station) continue;
    for (const f of inForce.get(a.id)?.fields ?? []) fields.add(f as ConsentField);
  }
  return fields;
}

const ALL_FIELDS: ConsentField[] = ['birthYears', 'identityNumbers', 'dossierNumber', 'municipality', 'housing'];

/**
 * `detail`: a read of this one household (not a list), where an agency with consent for identity
 * numbers gets them whole: Skatteverket, Försäkringskassan and the others register the person by it.
 */
export function householdView(rec: HouseholdRecord, viewer: Viewer, inForce: Map<string, ConsentRow>, detail: boolean): Household {
  const h = rec.row;
  const fields = viewer.manages ? new Set(ALL_FIELDS) : sharedFieldsFor(viewer, inForce);
  const fullIds = !viewer.manages && detail && fields.has('identityNumbers');
  // Migrationsverket issued the dossier number: its own officers always see it.
  const dossier = fields.has('dossierNumber') || viewer.agencies.some((a) => a.station === 'MV');
  const names = seesProtectedNames(viewer.principal, h.officeId);
  // Protected identity: the address only to the coordinator and the municipality, whatever the consent.
  const address = hasProtected(rec.members) && !seesProtectedAddress(viewer, h.officeId) ? null : h.housingAddress;
  return {
    id: h.id, officeId: h.officeId, date: h.date, reference: h.reference, language: h.language,
    arrival: toDayTime(h.arrival), noShow: h.noShow, registeredAt: h.registeredAt.toISOString(),
    members: rec.members.map((m) => {
      const parsed = m.identityNumber ? parseSwedishId(m.identityNumber) : null;
      const showId = fields.has('identityNumbers') && m.identityNumber;
      return {
        id: m.id, ...shownName(m, h.reference, names), needsInterpreter: m.needsInterpreter,
        birthYear: fields.has('birthYears') ? m.birthYear : null,
        identityNumber: showId ? (fullIds ? m.identityNumber : maskSwedishId(m.identityNumber!)) : null,
        identityKind: showId && parsed?.ok ? parsed.value.kind : null,
      };
    }),
    dossierNumber: dossier ? h.dossierNumber : null,
    assignedKommunkod: fields.has('municipality') ? h.assignedKommunkod : null,
    municipalityName: fields.has('municipality') ? rec.municipalityName : null,
    housing: fields.has('housing') ? { assigned: h.housingAssigned, address } : null,
    view: viewer.manages ? 'case' : fields.size > 0 ? 'shared' : 'minimal',
    sharedFields: [...fields],
    ...(viewer.manages ? { itineraryToken: h.itineraryToken } : {}),
  };
}
