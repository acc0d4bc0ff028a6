// Demo data for booking (issue 4): officer numbers per agency and weekday, the Växjö mobile team's dated
// visits to Lenhovda and Lessebo, and booking settings left at their defaults. Demo only: a production
// install (SEED_DEMO=false) gets none of it.
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { mobileTeams, mobileVisits } from '../schema.ts';
import { addDays, isoWeekday } from '../../lib/dates.ts';
import { stableUuid } from './catalogue.ts';

/** The team tours Lenhovda on Tuesdays and Lessebo on Thursdays (seed 000), two officers at a time. */
const TEAM = { name: 'Mobila teamet Växjö', hub: 'Servicekontor Växjö', size: 2 };
const STOPS = [
  { office: 'Mobil service Lenhovda', weekday: 2, opens: '10:00', closes: '14:00' },
  { office: 'Mobil service Lessebo', weekday: 4, opens: '10:00', closes: '14:00' },
];
/** The demo's dated visits: weekly from November 2026 through June 2027. */
const FIRST_DAY = '2026-11-02';
const LAST_DAY = '2027-06-30';

export async function seedDemoBooking(db: Db): Promise<void> {
  // Bigger offices have more officers per agency: one per three counters, at least one.
  await db.execute(sql`
    insert into office_staffing (office_id, agency_id, weekday, officers)
    select d.office_id, d.agency_id, d.weekday, greatest(1, o.counters / 3)
    from office_agency_days d join offices o on o.id = d.office_id
    where o.tier in ('servicekontor', 'servicecenter')`);

  const teamId = stableUuid(`mobile-team:${TEAM.name}`);
  await db.insert(mobileTeams).values({ id: teamId, name: TEAM.name, hubOfficeId: stableUuid(`office:${TEAM.hub}`) });
  const visits: Array<typeof mobileVisits.$inferInsert> = [];
  for (let date = FIRST_DAY; date <= LAST_DAY; date = addDays(date, 1)) {
    for (const stop of STOPS) {
      if (isoWeekday(date) !== stop.weekday) continue;
      visits.push({ id: stableUuid(`mobile-visit:${stop.office}:${date}`), teamId, stopOfficeId: stableUuid(`office:${stop.office}`), date, opens: stop.opens, closes: stop.closes, capacity: TEAM.size });
    }
  }
  await db.insert(mobileVisits).values(visits);
  // The team does not come on days the stop is closed (holidays, the stop's own exceptions).
  await db.execute(sql`
    delete from mobile_visits v using holidays h
    where v.team_id = ${teamId} and h.date = v.date and h.non_working_day`);
  await db.execute(sql`
    delete from mobile_visits v using office_date_exceptions e
    where v.team_id = ${teamId} and e.office_id = v.stop_office_id and e.date = v.date and e.closed`);
  // It brings the stop's services that can be given on a mobile visit.
  await db.execute(sql`
    insert into mobile_visit_services (visit_id, service_id)
    select v.id, os.service_id
    from mobile_visits v
    join office_services os on os.office_id = v.stop_office_id
    join services s on s.id = os.service_id and 'mobile' = any(s.channels)
    where v.team_id = ${teamId}`);
}
