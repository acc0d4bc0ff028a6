// Protected identity (skyddade personuppgifter: sekretessmarkering or skyddad folkbokföring). A member so
// marked is named to the office's coordinator only, who registered them and runs the day; everyone else
// (agency officers, the office manager, admins) reads a neutral label with the household reference, in
// every view the API answers. The housing address of a household with such a member goes only to the
// coordinator and the municipality's officers, who hand over the key. The household's own itinerary,
// opened by a link that can be forwarded or seen on a phone, names nobody. docs/motesplats.md.
import type { Principal } from '../auth/policy.ts';
import { MUNICIPALITY_STATION, type Viewer } from './viewer.ts';

export const PROTECTED_LABEL = 'Skyddad identitet';

/** The coordinator of this office: not an admin, who manages the system, not the people. */
export const seesProtectedNames = (principal: Principal, officeId: string) =>
  principal.roles.some((g) => g.role === 'coordinator' && g.officeId === officeId);

export const seesProtectedAddress = (viewer: Viewer, officeId: string) =>
  seesProtectedNames(viewer.principal, officeId) || viewer.agencies.some((a) => a.station === MUNICIPALITY_STATION);

interface NamedMember { givenName: string; position: number; protectedIdentity: boolean }

/** "Skyddad identitet H03:2": the reference and the member's place in it, so staff can still tell people apart. */
export const protectedLabel = (reference: string, position: number) => `${PROTECTED_LABEL} ${reference}:${position + 1}`;

/** The member's name as this caller may read it, and whether it was withheld. */
export function shownName(m: NamedMember, reference: string, names: boolean): { givenName: string; protectedIdentity: boolean; nameHidden: boolean } {
  const hide = m.protectedIdentity && !names;
  return { givenName: hide ? protectedLabel(reference, m.position) : m.givenName, protectedIdentity: m.protectedIdentity, nameHidden: hide };
}

export const hasProtected = (members: Array<{ protectedIdentity: boolean }>) => members.some((m) => m.protectedIdentity);
