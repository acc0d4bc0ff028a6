// The household form's state (registration and correction), its checks before sending, and the way from
// the API's field paths to the form's inputs. The server checks everything again (check digits, birth
// year against the number). Input ids carry a prefix, so a correction form can sit beside registration.
import type { Household, HouseholdInput, HouseholdPatch } from '../../../../contracts/motesplats.ts';
import i18n from '../../i18n/index.ts';
import { errorsFromChecks, type FieldIds, type FormErrors } from '../admin/form-errors.ts';

export interface MemberDraft {
  /** A registered member being corrected; absent for a new one. */
  id?: string;
  givenName: string;
  birthYear: string;
  needsInterpreter: boolean;
  /** Empty on a correction keeps the stored number (shown masked as `storedIdentity`). */
  identityNumber: string;
  storedIdentity?: string | null;
  /** Skyddade personuppgifter: the API then withholds the name from everyone but the coordinator. */
  protectedIdentity: boolean;
}

export interface HouseholdDraft {
  language: string;
  arrival: string;
  dossierNumber: string;
  kommunkod: string;
  housingAssigned: boolean;
  address: string;
  members: MemberDraft[];
}

export const emptyMember = (): MemberDraft => ({ givenName: '', birthYear: '', needsInterpreter: false, identityNumber: '', protectedIdentity: false });
export const emptyHousehold = (kommunkod: string): HouseholdDraft => ({
  language: 'ar', arrival: '', dossierNumber: '', kommunkod, housingAssigned: false, address: '', members: [emptyMember()],
});

/** A registered household as a draft to correct (the coordinator's view holds every field). */
export function draftOf(h: Household): HouseholdDraft {
  return {
    language: h.language, arrival: h.arrival, dossierNumber: h.dossierNumber ?? '', kommunkod: h.assignedKommunkod ?? '',
    housingAssigned: h.housing?.assigned ?? false, address: h.housing?.address ?? '',
    members: h.members.map((m) => ({
      id: m.id, givenName: m.givenName, birthYear: m.birthYear === null ? '' : String(m.birthYear), needsInterpreter: m.needsInterpreter,
      identityNumber: '', storedIdentity: m.identityNumber, protectedIdentity: m.protectedIdentity,
    })),
  };
}

export type FieldName = 'language' | 'arrival' | 'dossier' | 'kommun' | 'housing' | 'address' | 'members';
export const fieldId = (prefix: string, name: FieldName) => `${prefix}-${name}`;
export const memberFieldId = (prefix: string, i: number, field: 'name' | 'year' | 'interpreter' | 'identity' | 'protected') => `${prefix}-member-${i}-${field}`;

/** API field path → input id, for the error summary's links. */
export function householdFieldIds(prefix: string, draft: HouseholdDraft): FieldIds {
  const ids: FieldIds = {
    language: fieldId(prefix, 'language'), arrival: fieldId(prefix, 'arrival'), dossierNumber: fieldId(prefix, 'dossier'),
    assignedKommunkod: fieldId(prefix, 'kommun'), housing: fieldId(prefix, 'housing'), 'housing.assigned': fieldId(prefix, 'housing'),
    'housing.address': fieldId(prefix, 'address'), members: fieldId(prefix, 'members'),
  };
  draft.members.forEach((_, i) => {
    ids[`members[${i}]`] = memberFieldId(prefix, i, 'name');
    ids[`members[${i}].givenName`] = memberFieldId(prefix, i, 'name');
    ids[`members[${i}].birthYear`] = memberFieldId(prefix, i, 'year');
    ids[`members[${i}].needsInterpreter`] = memberFieldId(prefix, i, 'interpreter');
    ids[`members[${i}].identityNumber`] = memberFieldId(prefix, i, 'identity');
    ids[`members[${i}].protectedIdentity`] = memberFieldId(prefix, i, 'protected');
  });
  return ids;
}

/** YYYYMMDD-NNNN or YYMMDD-NNNN (the hyphen, or + for 100 years and older, may be left out). */
const ID_FORMAT = /^(\d{2})?\d{6}[-+]?\d{4}$/;

/** The Luhn check digit over the last ten digits, as Skatteverket computes it. */
function luhnOk(number: string): boolean {
  const digits = number.replace(/\D/g, '').slice(-10);
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

export function checkHousehold(prefix: string, draft: HouseholdDraft, year: number): FormErrors {
  const t = (key: string, values?: Record<string, unknown>) => i18n.t(`motesplats:register.check.${key}`, values);
  const checks: Array<[string, string]> = [];
  if (!/^\d{2}:\d{2}$/.test(draft.arrival)) checks.push([fieldId(prefix, 'arrival'), t('arrival')]);
  if (draft.dossierNumber.trim() && !/^[0-9]{1,3}-?[0-9]{4,9}$/.test(draft.dossierNumber.trim())) checks.push([fieldId(prefix, 'dossier'), t('dossier')]);
  if (draft.address.trim() && !draft.housingAssigned) checks.push([fieldId(prefix, 'address'), t('addressWithoutHousing')]);
  draft.members.forEach((m, i) => {
    const n = i + 1;
    if (!m.givenName.trim()) checks.push([memberFieldId(prefix, i, 'name'), t('name', { n })]);
    const born = Number(m.birthYear);
    if (!/^\d{4}$/.test(m.birthYear) || born < 1900 || born > year) checks.push([memberFieldId(prefix, i, 'year'), t('birthYear', { n, year })]);
    const id = m.identityNumber.trim();
    if (id && (!ID_FORMAT.test(id) || !luhnOk(id))) checks.push([memberFieldId(prefix, i, 'identity'), t('identity', { n })]);
  });
  return errorsFromChecks(checks);
}

const housingOf = (draft: HouseholdDraft) => ({
  assigned: draft.housingAssigned,
  address: draft.housingAssigned && draft.address.trim() ? draft.address.trim() : null,
});

export function toInput(draft: HouseholdDraft): HouseholdInput {
  return {
    language: draft.language,
    arrival: draft.arrival,
    dossierNumber: draft.dossierNumber.trim() || null,
    assignedKommunkod: draft.kommunkod || null,
    housing: housingOf(draft),
    members: draft.members.map((m) => ({
      givenName: m.givenName.trim(),
      birthYear: Number(m.birthYear),
      needsInterpreter: m.needsInterpreter,
      identityNumber: m.identityNumber.trim() || null,
      protectedIdentity: m.protectedIdentity,
    })),
  };
}

/** A correction sends every field; a member's number only when a new one was typed (else it is kept). */
export function toPatch(draft: HouseholdDraft): HouseholdPatch {
  const { members, ...rest } = toInput(draft);
  return {
    ...rest,
    members: members.map((m, i) => {
      const d = draft.members[i];
      const { identityNumber, ...member } = m;
      return { ...(d?.id ? { id: d.id } : {}), ...member, ...(identityNumber || !d?.id ? { identityNumber } : {}) };
    }),
  };
}
