// The registry's business rules as pure checks, used both to refuse a bad write and to report the
// whole network's state. Sources: MISSION.md (a servicecenter is open every weekday with at least
// one state agency each day, per seed 002 "Hela Sverige ska leva"), issue 2 (capabilities).
import type { Capability, OfficeInput, RuleViolation } from '../../../../contracts/registry.ts';

export interface ServiceRequirement {
  id: string;
  nameSv: string;
  requiredCapabilities: Capability[];
}

const WEEKDAYS = [1, 2, 3, 4, 5];
const WEEKDAY_NAMES = ['', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'];

export function checkOfficeRules(
  officeId: string | null,
  office: Pick<OfficeInput, 'tier' | 'partnerName' | 'hubOfficeId' | 'capabilities' | 'openingHours' | 'agencyDays' | 'serviceIds'>,
  services: Map<string, ServiceRequirement>,
  stateAgencyIds: Set<string>,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (office.tier === 'servicecenter') {
    for (const day of WEEKDAYS) {
      if (!office.openingHours.some((h) => h.weekday === day)) {
        out.push({
          rule: 'servicecenter_open_every_weekday', officeId, field: 'openingHours',
          message: `Ett servicecenter måste vara öppet varje vardag, men är stängt på ${WEEKDAY_NAMES[day]}.`,
          details: { weekday: day },
        });
      }
      const staffed = office.agencyDays.some((a) => stateAgencyIds.has(a.agencyId) && a.weekdays.includes(day));
      if (!staffed) {
        out.push({
          rule: 'servicecenter_agency_every_weekday', officeId, field: 'agencyDays',
          message: `Ett servicecenter måste ha minst en statlig myndighet på plats varje vardag, men ingen finns på ${WEEKDAY_NAMES[day]}.`,
          details: { weekday: day },
        });
      }
    }
  }
  if (office.tier === 'servicepunkt' && !office.partnerName?.trim()) {
    out.push({
      rule: 'servicepunkt_needs_partner', officeId, field: 'partnerName',
      message: 'En servicepunkt drivs av en namngiven lokal partner: ange partnerns namn.', details: {},
    });
  }
  if (office.tier === 'mobile_stop' && !office.hubOfficeId) {
    out.push({
      rule: 'mobile_stop_needs_hub', officeId, field: 'hubOfficeId',
      message: 'En mobil station måste utgå från ett kontor: välj navkontoret.', details: {},
    });
  }
  const has = new Set(office.capabilities);
  office.serviceIds.forEach((serviceId, index) => {
    const service = services.get(serviceId);
    if (!service) return;
    const missing = service.requiredCapabilities.filter((c) => !has.has(c));
    if (missing.length > 0) {
      out.push({
        rule: 'service_requires_capability', officeId, field: `serviceIds[${index}]`,
        message: `Tjänsten "${service.nameSv}" kräver ${missing.join(', ')} som kontoret saknar.`,
        details: { serviceId, missing },
      });
    }
  });
  return out;
}
