// The stored plan as people read it: each household's stops, each officer's and interpreter's
// timeline (engines/dayplan views.ts), what could not be planned and why, and the day's events.
import type { DayEvent, DayPlanView, StepStatus } from '../../../../contracts/motesplats.ts';
import { itineraries, timelines } from '../../engines/dayplan/index.ts';
import type { DayPlan, ItineraryStop } from '../../engines/dayplan/types.ts';
import type { EventRow, StoredPlan } from './plan-repo.ts';
import { buildInput, type LoadedDay } from './day-input.ts';
import { staleHouseholds } from './stale.ts';
import { resourceReasons, type StaleReason } from './stale-resources.ts';
import { shownName } from './protected.ts';
import { isFollowUp } from './steps.ts';
import { toDayTime } from './times.ts';

export function eventView(e: EventRow): DayEvent {
  const d = e.details as { householdId?: string; taskId?: string; officerId?: string; interpreterId?: string; time?: number; durationMin?: number; followUpTaskId?: string };
  return {
    id: e.id, kind: e.kind, at: e.at.toISOString(),
    householdId: d.householdId ?? null, taskId: d.taskId ?? null, officerId: d.officerId ?? null, interpreterId: d.interpreterId ?? null,
    time: d.time === undefined ? null : toDayTime(d.time), durationMin: d.durationMin ?? null, followUpTaskId: d.followUpTaskId ?? null,
  };
}

/** `names`: the caller may read protected members' names (protected.ts); otherwise they get the label. */
export function planView(day: LoadedDay, stored: StoredPlan, names: boolean): DayPlanView {
  const { input, plan } = stored;
  const statusOf = (taskId: string): StepStatus => day.statuses.find((s) => s.taskId === taskId)?.status ?? 'planned';
  const stepName = (stepKey: string, taskId: string) => (day.steps.find((s) => s.key === stepKey)?.name ?? stepKey) + (isFollowUp(taskId) ? ' (uppföljning)' : '');
  const tasks = new Map(input.tasks.map((t) => [t.id, t]));
  const officerName = new Map(day.officers.map((o) => [o.id, o.name]));
  const reference = new Map(day.households.map((h) => [h.row.id, h.row.reference]));
  const byPerson = itineraries(input, plan);
  const lines = timelines(input, plan);
  const item = (s: ItineraryStop) => {
    const householdId = tasks.get(s.taskId)?.householdId ?? '';
    return { taskId: s.taskId, householdId, reference: reference.get(householdId) ?? '', start: toDayTime(s.start), end: toDayTime(s.end), status: statusOf(s.taskId) };
  };
  return {
    officeId: day.officeId, date: day.date, version: stored.row.version, createdAt: stored.row.createdAt.toISOString(), method: plan.method,
    objective: { totalMinutesInBuilding: plan.objective.totalMinutesInBuilding, makespan: toDayTime(plan.objective.makespan) },
    lowerBound: plan.lowerBound, gap: plan.gap, runMs: plan.runMs,
    households: day.households.map((h) => {
      const seen = new Map<string, ItineraryStop>();
      for (const m of h.members) for (const s of byPerson[m.id] ?? []) seen.set(s.taskId, s);
      const stops = [...seen.values()].sort((a, b) => a.start - b.start).map((s) => ({
        taskId: s.taskId, stepKey: s.stepKey, stepName: stepName(s.stepKey, s.taskId), station: s.station,
        start: toDayTime(s.start), end: toDayTime(s.end), officerId: s.officerId, officerName: officerName.get(s.officerId) ?? '',
        interpreterId: s.interpreterId, memberIds: tasks.get(s.taskId)?.personIds ?? [], status: statusOf(s.taskId),
      }));
      return { id: h.row.id, reference: h.row.reference, arrival: toDayTime(h.row.arrival), noShow: h.row.noShow, members: h.members.map((m) => ({ id: m.id, ...shownName(m, h.row.reference, names) })), stops };
    }),
    officers: day.officers.map((o) => ({ id: o.id, name: o.name, station: o.station, items: (lines.officers[o.id] ?? []).map(item) })),
    interpreters: day.interpreters.map((x) => ({ id: x.id, name: x.name, language: x.language, items: (lines.interpreters[x.id] ?? []).map(item) })),
    unplanned: plan.unplanned.map((u) => {
      const t = tasks.get(u.taskId);
      return { taskId: u.taskId, householdId: t?.householdId ?? '', reference: reference.get(t?.householdId ?? '') ?? '', stepKey: t?.stepKey ?? '', stepName: stepName(t?.stepKey ?? '', u.taskId), reason: u.reason };
    }),
    events: day.events.map(eventView),
    ...staleness(day, stored),
  };
}

function staleness(day: LoadedDay, stored: StoredPlan): Pick<DayPlanView, 'stale' | 'staleHouseholdIds' | 'staleReasons'> {
  // Only the plan in force can be stale; an older version is history.
  if (day.latest?.row.id !== stored.row.id) return { stale: false, staleHouseholdIds: [], staleReasons: [] };
  const input = buildInput(day);
  const ids = staleHouseholds(day, stored, input);
  const reasons: StaleReason[] = [...(ids.length > 0 ? (['households'] as const) : []), ...resourceReasons(day, stored, input)];
  return { stale: reasons.length > 0, staleHouseholdIds: ids, staleReasons: reasons };
}

/** Households whose stops differ between two plans: another start, officer or interpreter, or a stop gained or lost. */
export function changedHouseholds(before: DayPlan | undefined, after: DayPlan, householdOf: (taskId: string) => string | undefined): string[] {
  const key = (p: DayPlan | undefined) => new Map((p?.assignments ?? []).map((a) => [a.taskId, `${a.start}/${a.end}/${a.officerId}/${a.interpreterId ?? ''}`]));
  const a = key(before);
  const b = key(after);
  const changed = new Set<string>();
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    if (a.get(id) === b.get(id)) continue;
    const h = householdOf(id);
    if (h) changed.add(h);
  }
  return [...changed].sort();
}
