// What the template pages need first: who is signed in and whether they may edit the office's templates
// (the server's `motesplats.template.write`: the office's coordinator; admins pass every check), the
// office, and each station's agency by name for the pathway ("Migrationsverket: …").
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contracts/auth.ts';
import { stationAgencies, useStaffContext } from './use-staff-context.ts';

const mayEditTemplates = (me: Me, officeId: string) => me.roles.some((g) => g.role === 'admin' || (g.role === 'coordinator' && g.officeId === officeId));

export function useTemplateContext(officeId: string) {
  const { i18n } = useTranslation('motesplats');
  const { me, office, agencies } = useStaffContext(officeId);
  const stations = office.data && agencies.data ? stationAgencies(agencies.data, office.data, i18n.language) : [];
  const stationName = (station: string) => stations.find((s) => s.station === station)?.name ?? station;
  return { me, office, ready: !!office.data && !!agencies.data, failed: !!(office.error ?? agencies.error), stationName, mayEdit: me.kind === 'in' && mayEditTemplates(me.me, officeId) };
}
