// Views of a plan for people: each person's itinerary, and each officer's and interpreter's timeline,
// all sorted by start time.
import type { DayInput, DayPlan, ItineraryStop } from './types.ts';

function stopsOf(input: DayInput, plan: DayPlan): Map<string, ItineraryStop> {
  const tasks = new Map(input.tasks.map((t) => [t.id, t]));
  const out = new Map<string, ItineraryStop>();
  for (const a of plan.assignments) {
    const t = tasks.get(a.taskId);
    if (!t) continue;
    out.set(a.taskId, { taskId: a.taskId, stepKey: t.stepKey, station: t.station, start: a.start, end: a.end, officerId: a.officerId, interpreterId: a.interpreterId });
  }
  return out;
}

const byStart = (a: ItineraryStop, b: ItineraryStop) => a.start - b.start || (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0);

function collect(keys: string[], entries: [string, ItineraryStop][]): Record<string, ItineraryStop[]> {
  const out: Record<string, ItineraryStop[]> = Object.fromEntries(keys.map((k) => [k, []]));
  for (const [k, stop] of entries) (out[k] ??= []).push(stop);
  for (const list of Object.values(out)) list.sort(byStart);
  return out;
}

/** Every person's stops (an empty list for a person with nothing planned). */
export function itineraries(input: DayInput, plan: DayPlan): Record<string, ItineraryStop[]> {
  const stops = stopsOf(input, plan);
  const entries: [string, ItineraryStop][] = [];
  for (const t of input.tasks) {
    const stop = stops.get(t.id);
    if (stop) for (const pid of t.personIds) entries.push([pid, stop]);
  }
  return collect(input.persons.map((p) => p.id), entries);
}

export function timelines(input: DayInput, plan: DayPlan): { officers: Record<string, ItineraryStop[]>; interpreters: Record<string, ItineraryStop[]> } {
  const stops = [...stopsOf(input, plan).values()];
  return {
    officers: collect(input.officers.map((o) => o.id), stops.map((s) => [s.officerId, s])),
    interpreters: collect(
      input.interpreters.map((x) => x.id),
      stops.flatMap((s): [string, ItineraryStop][] => (s.interpreterId === null ? [] : [[s.interpreterId, s]])),
    ),
  };
}
