// The registry rules on constructed offices: each rule fires alone, and a compliant office passes.
import { describe, expect, it } from 'vitest';
import type { OfficeInput } from '../../../../contracts/registry.ts';
import { checkOfficeRules, type ServiceRequirement } from './rules.ts';

const STATE = '11111111-1111-4111-8111-111111111111';
const KOMMUN = '22222222-2222-4222-8222-222222222222';
const ID_CHECK = '33333333-3333-4333-8333-333333333333';
const services = new Map<string, ServiceRequirement>([
  [ID_CHECK, { id: ID_CHECK, nameSv: 'Id-kontroll', requiredCapabilities: ['biometric_station', 'id_document_scanner'] }],
]);
const state = new Set([STATE]);
const weekdays = [1, 2, 3, 4, 5];
const centre: Parameters<typeof checkOfficeRules>[1] = {
  tier: 'servicecenter',
  partnerName: null,
  hubOfficeId: null,
  capabilities: ['biometric_station', 'id_document_scanner'],
  openingHours: weekdays.map((weekday) => ({ weekday, opens: '09:00', closes: '16:00' })),
  agencyDays: [{ agencyId: STATE, weekdays }],
  serviceIds: [ID_CHECK],
} satisfies Partial<OfficeInput>;
const rules = (o: Parameters<typeof checkOfficeRules>[1]) => checkOfficeRules(null, o, services, state).map((v) => [v.rule, v.field]);

describe('checkOfficeRules', () => {
  it('passes a compliant servicecenter', () => {
    expect(rules(centre)).toEqual([]);
  });

  it('requires a servicecenter to open every weekday', () => {
    expect(rules({ ...centre, openingHours: centre.openingHours.filter((h) => h.weekday !== 3) })).toEqual([['servicecenter_open_every_weekday', 'openingHours']]);
  });

  it('requires a state agency every weekday; a municipality does not count', () => {
    const agencyDays = [{ agencyId: STATE, weekdays: [1, 2, 3, 4] }, { agencyId: KOMMUN, weekdays: [5] }];
    expect(rules({ ...centre, agencyDays })).toEqual([['servicecenter_agency_every_weekday', 'agencyDays']]);
  });

  it('offers a service only with every capability it requires', () => {
    expect(rules({ ...centre, capabilities: ['biometric_station'] })).toEqual([['service_requires_capability', 'serviceIds[0]']]);
  });

  it('requires a partner for a servicepunkt and a hub for a mobile stop', () => {
    expect(rules({ ...centre, tier: 'servicepunkt', partnerName: '  ' })).toEqual([['servicepunkt_needs_partner', 'partnerName']]);
    expect(rules({ ...centre, tier: 'mobile_stop' })).toEqual([['mobile_stop_needs_hub', 'hubOfficeId']]);
  });

  it('does not hold a servicekontor to the servicecenter rules', () => {
    expect(rules({ ...centre, tier: 'servicekontor', openingHours: [], agencyDays: [] })).toEqual([]);
  });
});
