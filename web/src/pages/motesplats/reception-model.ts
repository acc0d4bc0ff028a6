// The agency officer's work on the day: the tasks at their own desk (the day's officer rows linked to
// their account), else every task at their agency's station; and which of them is next.
import type { Me } from '../../../../contracts/auth.ts';
import type { DayPlanView, DayResources } from '../../../../contracts/motesplats.ts';
import type { StationAgency } from './consent-panel.tsx';

export type WorkItem = DayPlanView['officers'][number]['items'][number] & { officerName: string; station: string };

/** The stations of the agencies the signed-in user is an agency officer of. */
export function myStations(me: Me, stations: StationAgency[]): StationAgency[] {
  const ids = new Set(me.roles.filter((g) => g.role === 'agency_officer').map((g) => g.agencyId));
  return stations.filter((s) => ids.has(s.id));
}

export function myWork(me: Me, mine: StationAgency[], plan: DayPlanView, resources: DayResources): { items: WorkItem[]; ownDesk: boolean } {
  const desks = new Set(resources.officers.filter((o) => o.userId === me.id).map((o) => o.id));
  const stations = new Set(mine.map((s) => s.station));
  const ownDesk = desks.size > 0;
  const officers = plan.officers.filter((o) => (ownDesk ? desks.has(o.id) : stations.has(o.station)));
  const items = officers
    .flatMap((o) => o.items.map((i) => ({ ...i, officerName: o.name, station: o.station })))
    .sort((a, b) => a.start.localeCompare(b.start));
  return { items, ownDesk };
}

/** The person in front of the officer: a step under way, else the first one still planned. */
export function nextItem(items: WorkItem[]): WorkItem | undefined {
  return items.find((i) => i.status === 'in_progress') ?? items.find((i) => i.status === 'planned');
}
