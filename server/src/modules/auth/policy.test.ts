// The policy as a matrix: every role × every action, with scopes that match and that do not.
import { describe, expect, it } from 'vitest';
import { ACTIONS, ALL_ACTIONS, can, ROLE_NAMES, type Principal, type RoleName } from './policy.ts';

const OFFICE = '11111111-1111-4111-8111-111111111111';
const OTHER_OFFICE = '22222222-2222-4222-8222-222222222222';

const principal = (role: RoleName): Principal => ({
  userId: 'u', username: role, displayName: role,
  roles: [{ role, agencyId: role === 'agency_officer' ? 'a' : null, officeId: ['service_officer', 'office_manager', 'coordinator'].includes(role) ? OFFICE : null, countyCode: null }],
});

/** The expected answer, written out independently of the implementation. */
const EXPECTED: Record<string, RoleName[]> = {
  'registry.agency.write': ['admin'],
  'registry.service.write': ['admin'],
  'registry.office.create': ['admin'],
  'registry.office.update': ['admin', 'office_manager'],
  'registry.office.delete': ['admin'],
  'registry.rules.read': ['admin', 'office_manager', 'planner'],
  'users.read': ['admin'],
  'users.write': ['admin'],
  'audit.read': ['admin'],
  'visits.desk.call': ['admin', 'service_officer', 'office_manager', 'agency_officer'],
  'visits.desk.act': ['admin', 'service_officer', 'office_manager', 'agency_officer'],
  'visits.notes.read': ['admin', 'service_officer', 'office_manager', 'agency_officer'],
  'visits.day.read': ['admin', 'service_officer', 'office_manager'],
  'visits.kiosk.manage': ['admin', 'office_manager'],
  'booking.settings.read': ['admin', 'service_officer', 'office_manager'],
  'booking.settings.write': ['admin', 'office_manager'],
  'booking.staff.book': ['admin', 'service_officer', 'office_manager'],
  'booking.office.read': ['admin', 'service_officer', 'office_manager'],
  'booking.office.act': ['admin', 'service_officer', 'office_manager'],
  'booking.video.own': ['admin', 'agency_officer'],
  'booking.mobile.manage': ['admin', 'office_manager'],
  'motesplats.template.read': ['admin', 'agency_officer', 'coordinator', 'office_manager'],
  'motesplats.template.write': ['admin', 'coordinator'],
  'motesplats.day.read': ['admin', 'agency_officer', 'coordinator', 'office_manager'],
  'motesplats.day.manage': ['admin', 'coordinator'],
  'motesplats.household.read': ['admin', 'agency_officer', 'coordinator', 'office_manager'],
  'motesplats.step.act': ['admin', 'agency_officer'],
  'motesplats.notes.read': ['admin', 'agency_officer', 'coordinator', 'office_manager'],
  'motesplats.report.read': ['admin', 'coordinator', 'office_manager', 'planner'],
  'coverage.read': ['admin', 'planner'],
  'privacy.retention.read': ['admin'],
  'privacy.erasure.preview': ['admin'],
  'privacy.erasure.execute': ['admin'],
};

describe('policy', () => {
  it('lets anyone do public actions, and nobody anonymous do the rest', () => {
    for (const action of ALL_ACTIONS) expect(can(null, action)).toBe(ACTIONS[action] === 'public');
  });

  it('lets any staff member do staff actions', () => {
    for (const role of ROLE_NAMES) {
      expect(can(principal(role), 'auth.me')).toBe(true);
      expect(can(principal(role), 'auth.logout')).toBe(true);
    }
  });

  it('has an expectation for every scoped action', () => {
    const scoped = ALL_ACTIONS.filter((a) => ACTIONS[a] === 'rules');
    expect(scoped.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [action, allowed] of Object.entries(EXPECTED)) {
    for (const role of ROLE_NAMES) {
      it(`${role} ${allowed.includes(role) ? 'may' : 'may not'} ${action} (own office)`, () => {
        expect(can(principal(role), action as keyof typeof ACTIONS, { officeId: OFFICE })).toBe(allowed.includes(role));
      });
    }
  }

  it('keeps office staff to their own office at the desk', () => {
    expect(can(principal('service_officer'), 'visits.desk.call', { officeId: OTHER_OFFICE })).toBe(false);
    expect(can(principal('service_officer'), 'visits.desk.call', { officeId: OFFICE })).toBe(true);
  });

  it('shows an office\'s day to its own staff only', () => {
    expect(can(principal('office_manager'), 'visits.day.read', { officeId: OTHER_OFFICE })).toBe(false);
    expect(can(principal('service_officer'), 'visits.day.read', { officeId: OTHER_OFFICE })).toBe(false);
    expect(can(principal('office_manager'), 'visits.day.read', {})).toBe(false);
  });

  it('keeps a Mötesplats coordinator to their own office', () => {
    for (const action of ['motesplats.template.write', 'motesplats.day.manage', 'motesplats.day.read', 'motesplats.household.read', 'motesplats.report.read'] as const) {
      expect(can(principal('coordinator'), action, { officeId: OTHER_OFFICE })).toBe(false);
      expect(can(principal('coordinator'), action, {})).toBe(false);
    }
    // Agency officers sit at any Mötesplats; what they see is cut down by consent in the service.
    expect(can(principal('agency_officer'), 'motesplats.household.read', { officeId: OTHER_OFFICE })).toBe(true);
  });

  it('keeps booking staff to their own office', () => {
    for (const action of ['booking.settings.read', 'booking.settings.write', 'booking.staff.book', 'booking.office.read', 'booking.office.act', 'booking.mobile.manage'] as const) {
      expect(can(principal('office_manager'), action, { officeId: OTHER_OFFICE })).toBe(false);
      expect(can(principal('service_officer'), action, { officeId: OTHER_OFFICE })).toBe(false);
      expect(can(principal('office_manager'), action, {})).toBe(false);
    }
  });

  it('keeps an office manager to their own office', () => {
    expect(can(principal('office_manager'), 'registry.office.update', { officeId: OTHER_OFFICE })).toBe(false);
    expect(can(principal('office_manager'), 'registry.office.update', {})).toBe(false);
    expect(can(principal('admin'), 'registry.office.update', { officeId: OTHER_OFFICE })).toBe(true);
  });

  it('treats a user without roles as staff with no powers', () => {
    const nobody: Principal = { userId: 'x', username: 'x', displayName: 'x', roles: [] };
    expect(can(nobody, 'auth.me')).toBe(true);
    expect(can(nobody, 'registry.rules.read')).toBe(false);
  });
});
