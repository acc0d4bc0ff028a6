// The one policy module: every route declares an Action, and only `can` decides who may do it.
// Roles are scoped (DESIGN.md "Access"): an office manager manages their own office, an agency
// officer acts for one agency. Tested as a matrix of role × action in policy.test.ts and route-matrix.test.ts.

export const ROLE_NAMES = ['service_officer', 'agency_officer', 'coordinator', 'office_manager', 'planner', 'admin'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export interface RoleGrant {
  role: RoleName;
  agencyId: string | null;
  officeId: string | null;
  countyCode: string | null;
}

export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  roles: RoleGrant[];
}

/** What a request touches, so scoped roles can be checked. */
export interface ResourceScope {
  officeId?: string;
  agencyId?: string;
}

export const ACTIONS = {
  // open to everyone, no login
  'system.health': 'public',
  'registry.read': 'public',
  'search.query': 'public',
  'hsds.read': 'public',
  'auth.login': 'public',
  'auth.methods': 'public',
  'visits.ticket.take': 'public',
  'visits.ticket.read': 'public',
  'visits.queues.read': 'public',
  // booking: discovery and booking are open; a visitor's own booking needs its code and link token,
  // which the booking service checks (docs/booking.md)
  'booking.read': 'public',
  'booking.create': 'public',
  'booking.manage': 'public',
  // any logged-in staff member
  'auth.logout': 'staff',
  'auth.me': 'staff',
  // scoped or admin-only
  'registry.agency.write': 'rules',
  'registry.service.write': 'rules',
  'registry.office.create': 'rules',
  'registry.office.update': 'rules',
  'registry.office.delete': 'rules',
  'registry.rules.read': 'rules',
  'users.read': 'rules',
  'users.write': 'rules',
  'audit.read': 'rules',
  'visits.desk.call': 'rules',
  'visits.desk.act': 'rules',
  'visits.notes.read': 'rules',
  'visits.day.read': 'rules',
  'visits.kiosk.manage': 'rules',
  'booking.settings.read': 'rules',
  'booking.settings.write': 'rules',
  'booking.staff.book': 'rules',
  'booking.office.read': 'rules',
  'booking.office.act': 'rules',
  'booking.video.own': 'rules',
  'booking.mobile.manage': 'rules',
  // Mötesplats (docs/motesplats.md): the household's own itinerary opens with its link token only
  'motesplats.itinerary.read': 'public',
  'motesplats.template.read': 'rules',
  'motesplats.template.write': 'rules',
  'motesplats.day.read': 'rules',
  'motesplats.day.manage': 'rules',
  'motesplats.household.read': 'rules',
  'motesplats.step.act': 'rules',
  'motesplats.notes.read': 'rules',
  'motesplats.report.read': 'rules',
  // Coverage planning (docs/coverage.md): analyses over public statistics and office locations
  'coverage.read': 'rules',
  // Retention and erasure of personal data (docs/retention.md): administrators only, so no grant below
  // names them (the admin grant allows every action)
  'privacy.retention.read': 'rules',
  'privacy.erasure.preview': 'rules',
  'privacy.erasure.execute': 'rules',
} as const satisfies Record<string, 'public' | 'staff' | 'rules'>;

export type Action = keyof typeof ACTIONS;
export const ALL_ACTIONS = Object.keys(ACTIONS) as Action[];

export function isPublic(action: Action): boolean {
  return ACTIONS[action] === 'public';
}

function grantAllows(grant: RoleGrant, action: Action, scope: ResourceScope): boolean {
  if (grant.role === 'admin') return true;
  switch (action) {
    case 'registry.office.update':
      // An office manager edits their own office only.
      return grant.role === 'office_manager' && scope.officeId !== undefined && scope.officeId === grant.officeId;
    case 'registry.rules.read':
      return grant.role === 'office_manager' || grant.role === 'planner';
    case 'visits.notes.read':
      // Transfer notes belong to the receiving agency's case. Desk staff may ask (so the desk can always
      // look), but the query returns only notes addressed to agencies the caller is an agency officer of:
      // office-wide staff and admins, who pass here, get an empty list (modules/visits/notes.ts).
      return ['service_officer', 'office_manager', 'agency_officer'].includes(grant.role);
    case 'visits.desk.act':
      // Acting on a ticket: the visit's office is only known once it is loaded, so the desk service
      // checks 'visits.desk.call' with that office; here any desk role passes.
      return ['service_officer', 'office_manager', 'agency_officer'].includes(grant.role);
    case 'visits.desk.call':
      // Office staff serve at their own office; an agency officer may serve their agency's queue at any
      // office (the visit service checks the queue's agency).
      if (grant.role === 'agency_officer') return true;
      return (grant.role === 'service_officer' || grant.role === 'office_manager') && scope.officeId !== undefined && scope.officeId === grant.officeId;
    case 'visits.day.read':
      // The day's figures of an office: its own staff (the manager and the service officers) only. An
      // agency officer serves one agency's queue, not the office, so does not see the whole office's day.
      return (grant.role === 'office_manager' || grant.role === 'service_officer') && scope.officeId !== undefined && scope.officeId === grant.officeId;
    case 'visits.kiosk.manage':
      // Registering and revoking the office's kiosk devices (their tickets skip the per-address limit).
      return grant.role === 'office_manager' && sameOffice(grant, scope);
    case 'booking.settings.write':
      // Walk-in share, buffers, horizon and officer numbers are the office manager's to set.
      return grant.role === 'office_manager' && sameOffice(grant, scope);
    case 'booking.settings.read':
    case 'booking.staff.book':
    case 'booking.office.read':
    case 'booking.office.act':
      // The office's own staff: book on a visitor's behalf, see the day's bookings, mark arrivals.
      return (grant.role === 'office_manager' || grant.role === 'service_officer') && sameOffice(grant, scope);
    case 'booking.mobile.manage':
      // The hub office's manager plans its mobile teams' visits (the scope is the hub office).
      return grant.role === 'office_manager' && sameOffice(grant, scope);
    case 'booking.video.own':
      // An agency officer's own video meetings (the query is by the caller's user id).
      return grant.role === 'agency_officer';
    case 'motesplats.template.write':
    case 'motesplats.day.manage':
      // The office's Mötesplats coordinator edits its templates, registers its households and runs its day.
      return grant.role === 'coordinator' && sameOffice(grant, scope);
    case 'motesplats.template.read':
    case 'motesplats.day.read':
    case 'motesplats.household.read':
      // The coordinator and manager of the office, and every agency officer (they sit at any Mötesplats);
      // what an agency officer sees of a household is cut down to the consent (modules/motesplats/views.ts).
      return grant.role === 'agency_officer' || ((grant.role === 'coordinator' || grant.role === 'office_manager') && sameOffice(grant, scope));
    case 'motesplats.step.act':
      // Statuses and notes are set by an officer for their own agency's steps (the service checks the station).
      return grant.role === 'agency_officer';
    case 'motesplats.notes.read':
      // Anyone working the day may ask, but only notes of agencies the caller is an officer of come back
      // (the filter is in the query): coordinators and office staff get an empty list.
      return grant.role === 'agency_officer' || ((grant.role === 'coordinator' || grant.role === 'office_manager') && sameOffice(grant, scope));
    case 'motesplats.report.read':
      // Lead-time figures without personal data: the office's coordinator and manager, and planners.
      return grant.role === 'planner' || ((grant.role === 'coordinator' || grant.role === 'office_manager') && sameOffice(grant, scope));
    case 'coverage.read':
      // Every planner, national or county-scoped, and admins. A county planner may compute national figures
      // too: people cross county lines to the nearest office, so a closure in one county reassigns people
      // to offices in the next, and the data are public statistics without personal data. Their page
      // starts filtered to their county (coverage/service.ts, defaultCounty).
      return grant.role === 'planner';
    default:
      return false;
  }
}

const sameOffice = (grant: RoleGrant, scope: ResourceScope) => scope.officeId !== undefined && scope.officeId === grant.officeId;

export function can(principal: Principal | null, action: Action, scope: ResourceScope = {}): boolean {
  const kind = ACTIONS[action];
  if (kind === 'public') return true;
  if (!principal) return false;
  if (kind === 'staff') return true;
  return principal.roles.some((g) => grantAllows(g, action, scope));
}

/**
 * Whether an officer may serve an agency's queue at an office: admins, the office's managers, its
 * generalist service officers (a grant without an agency) and, for one agency only, service officers whose
 * grant names that agency (their competence) and that agency's own officers.
 */
/**
 * Taking a booking's protected-identity mark away shows the visitor's name in the office's lists again:
 * the office's manager (or an admin) decides that, not every officer who can set the mark.
 */
export function mayUnmarkProtectedIdentity(principal: Principal, officeId: string): boolean {
  return principal.roles.some((g) => g.role === 'admin' || (g.role === 'office_manager' && g.officeId === officeId));
}

export function mayServeQueue(principal: Principal, officeId: string, queueAgencyId: string): boolean {
  return principal.roles.some((g) =>
    g.role === 'admin' ||
    (g.role === 'office_manager' && g.officeId === officeId) ||
    (g.role === 'service_officer' && g.officeId === officeId && (g.agencyId === null || g.agencyId === queueAgencyId)) ||
    (g.role === 'agency_officer' && g.agencyId === queueAgencyId));
}
