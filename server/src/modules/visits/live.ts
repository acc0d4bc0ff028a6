// The live queue of each office, kept in memory and brought up to date with one small query per use.
//
// Why: the ticket page, the take-ticket response and call-next all need every waiting ticket of the office.
// Reading the whole queue each time costs O(queue) rows per request, which a 1,000-ticket backlog turns into
// the bottleneck. Every visit write takes the office's next version (a trigger, migration 0004), and a
// version is visible only after every lower one is, so "rows with version > the one I have" is a complete
// delta. Several app servers each keep their own copy; none can miss another's writes.
import { getTableColumns, sql, type Column } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { visits } from '../../db/schema-visits.ts';
import type { VisitRow } from './snapshot.ts';

/** The states in which a visit is in the queue or at a counter. */
export const LIVE_STATES: ReadonlySet<VisitRow['state']> = new Set(['waiting', 'called', 'serving']);

export interface LiveVisit {
  row: VisitRow;
  serviceIds: string[];
}

interface OfficeDay {
  /** Every visit with a version ≤ this is reflected below. */
  version: number;
  /** Latest known version of each visit of the day; null once it has left the live states. */
  visits: Map<string, { version: number; live: LiveVisit | null }>;
}

/** Per database handle (tests run several in one process), per office and service date. */
const caches = new WeakMap<object, Map<string, OfficeDay>>();

const columns = Object.entries(getTableColumns(visits)) as [keyof VisitRow, Column][];

/** A raw row (snake_case, as the driver returns it) as Drizzle's VisitRow, through each column's own mapping. */
function toRow(raw: Record<string, unknown>): VisitRow {
  const row: Record<string, unknown> = {};
  for (const [key, col] of columns) {
    const value = raw[col.name];
    row[key] = value === null || value === undefined || value instanceof Date ? value ?? null : col.mapFromDriverValue(value);
  }
  return row as unknown as VisitRow;
}

/**
 * The office's live visits on a date, up to date as of this call. `cacheKey` is the root database handle;
 * `reader` may be a transaction of it, which must not have written visits yet (the cache must only ever
 * hold committed rows).
 */
export async function liveVisits(cacheKey: Db, reader: Db | Tx, officeId: string, serviceDate: string): Promise<LiveVisit[]> {
  let offices = caches.get(cacheKey);
  if (!offices) caches.set(cacheKey, (offices = new Map()));
  const key = `${officeId}|${serviceDate}`;
  let day = offices.get(key);
  if (!day) offices.set(key, (day = { version: -1, visits: new Map() }));
  const since = day.version;
  // The office's counter and the changed rows in one statement, so they come from the same snapshot. The
  // first read of a day skips visits that have already ended.
  const rows = await queryRows<Record<string, unknown> & { top: string | number | null; service_ids: string[] | null }>(reader, sql`
    select t.version as top, v.*,
      array(select vs.service_id::text from visit_services vs where vs.visit_id = v.id order by vs.position) as service_ids
    from (select coalesce((select version from office_visit_versions where office_id = ${officeId}), 0) as version) t
    left join visits v on v.office_id = ${officeId} and v.service_date = ${serviceDate} and v.version > ${since}
      and (${since} >= 0 or v.state in ('waiting', 'called', 'serving'))`);
  for (const raw of rows) {
    if (raw.id == null) continue;
    const row = toRow(raw);
    const known = day.visits.get(row.id);
    // Two refreshes may overlap; a row never goes back to an older version.
    if (known && known.version >= row.version) continue;
    day.visits.set(row.id, { version: row.version, live: LIVE_STATES.has(row.state) ? { row, serviceIds: raw.service_ids ?? [] } : null });
  }
  day.version = Math.max(day.version, Number(rows[0]?.top ?? 0));
  const out: LiveVisit[] = [];
  for (const v of day.visits.values()) if (v.live) out.push(v.live);
  return out;
}
