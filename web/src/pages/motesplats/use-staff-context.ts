// What both Mötesplats staff pages need first: who is signed in, the office, the registry's agencies
// (to know each station's agency) and the day asked for in the address (?datum=, else today).
import { useSearchParams } from 'react-router';
import type { Agency, Office } from '../../../../contracts/registry.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { useMe } from '../visits/use-me.ts';
import type { StationAgency } from './consent-panel.tsx';
import { STATION_ORDER } from './mp-status.ts';
import { isIsoDate, stockholmNow } from './mp-time.ts';

/** The agency behind each station at this office: the state agency by code, KOMMUN the office's municipality. */
export function stationAgencies(agencies: Agency[], office: Office, lang: string): StationAgency[] {
  return STATION_ORDER.flatMap((station) => {
    const a = agencies.find((x) => (station === 'KOMMUN' ? x.kind === 'municipality' && x.kommunkod === office.kommunkod : x.code === station));
    return a ? [{ id: a.id, station, name: lang === 'en' ? a.nameEn : a.nameSv }] : [];
  });
}

export function useStaffContext(officeId: string) {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const asked = params.get('datum');
  const date = isIsoDate(asked) ? asked : stockholmNow().date;
  const signedIn = me.kind === 'in';
  const office = useApiData<Office>(signedIn ? `/offices/${encodeURIComponent(officeId)}` : null);
  const agencies = useApiData<Agency[]>(signedIn ? '/agencies' : null, { cached: true });
  const setDate = (next: string) => setParams(isIsoDate(next) ? { datum: next } : {});
  return { me, date, setDate, office, agencies };
}
