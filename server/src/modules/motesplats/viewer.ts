// Who is asking, as Mötesplats sees it: the office's coordinator (the whole case), an agency officer
// sitting at one or more of the office's stations, or someone else allowed to look (office manager,
// admin, an agency that has no station here). The station of an agency is its code for a state agency
// and KOMMUN for the municipality the office lies in (agencies of kind 'municipality' in the registry).
import { eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { agencies, offices } from '../../db/schema.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Principal } from '../auth/policy.ts';

/** The state agencies of the Mötesplats process (seeds 000 and 004); the municipality is KOMMUN. */
export const STATE_STATIONS = ['MV', 'SKV', 'AF', 'FK', 'PM'] as const;
export const MUNICIPALITY_STATION = 'KOMMUN';

export interface OfficeRow {
  id: string;
  kommunkod: string;
  isMotesplats: boolean;
}

export interface ViewerAgency {
  id: string;
  code: string;
  /** The station this agency staffs at the office, or null when it has none here. */
  station: string | null;
}

export interface Viewer {
  principal: Principal;
  /** The office's coordinator or an admin: sees the whole case (identity numbers masked). */
  manages: boolean;
  /** Agencies the caller is an agency officer of, with their station at this office. */
  agencies: ViewerAgency[];
}

export function stationOf(agency: { code: string; kind: string; kommunkod: string | null }, office: OfficeRow): string | null {
  if (agency.kind === 'municipality') return agency.kommunkod === office.kommunkod ? MUNICIPALITY_STATION : null;
  return (STATE_STATIONS as readonly string[]).includes(agency.code) ? agency.code : null;
}

export async function loadOffice(db: Db | Tx, officeId: string): Promise<OfficeRow> {
  const [office] = await db.select({ id: offices.id, kommunkod: offices.kommunkod, isMotesplats: offices.isMotesplats }).from(offices).where(eq(offices.id, officeId));
  if (!office) throw notFound('Office', 'id');
  return office;
}

export async function viewerAt(db: Db | Tx, principal: Principal, office: OfficeRow): Promise<Viewer> {
  const ids = [...new Set(principal.roles.filter((g) => g.role === 'agency_officer' && g.agencyId).map((g) => g.agencyId!))];
  const rows = ids.length === 0 ? [] : await db.select({ id: agencies.id, code: agencies.code, kind: agencies.kind, kommunkod: agencies.kommunkod }).from(agencies).where(inArray(agencies.id, ids));
  const manages = principal.roles.some((g) => g.role === 'admin' || (g.role === 'coordinator' && g.officeId === office.id));
  return { principal, manages, agencies: rows.map((a) => ({ id: a.id, code: a.code, station: stationOf(a, office) })) };
}

/** The caller's agency at a station of this office, or a `forbidden` naming the step. */
export function agencyForStation(viewer: Viewer, station: string, field = 'taskId'): ViewerAgency {
  const agency = viewer.agencies.find((a) => a.station === station);
  if (!agency) throw new AppError('forbidden', `Only ${station} officers act on this step`, { field, reason: 'not_your_step' });
  return agency;
}

/** The agency ids of a station at an office (KOMMUN: the office's municipality). */
export async function agenciesOfStation(db: Db | Tx, station: string, office: OfficeRow): Promise<string[]> {
  const rows = await db.select({ id: agencies.id, code: agencies.code, kind: agencies.kind, kommunkod: agencies.kommunkod }).from(agencies);
  return rows.filter((a) => stationOf(a, office) === station).map((a) => a.id);
}
