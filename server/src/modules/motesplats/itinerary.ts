// The household's own itinerary, opened by the unguessable token in its link (192 random bits, like a
// booking's manage token): its members' given names and its stops with times and station names, from
// the plan in force. Nothing of any other household is read. A household with a protected member
// (protected.ts) is named nowhere on it: the link can be forwarded or read off a phone screen.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agencies, offices } from '../../db/schema.ts';
import type { Itinerary } from '../../../../contracts/motesplats.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { loadDay } from './day-input.ts';
import { hasProtected } from './protected.ts';
import { findHousehold } from './repo.ts';
import { isFollowUp } from './steps.ts';
import { toDayTime } from './times.ts';
import { stationOf } from './viewer.ts';

export interface ItineraryResult {
  itinerary: Itinerary;
  officeId: string;
  date: string;
  householdId: string;
}

export async function itineraryByToken(db: Db, token: string): Promise<ItineraryResult> {
  const rec = await findHousehold(db, { token });
  if (!rec) throw notFound('Itinerary', 'token');
  const h = rec.row;
  const anonymous = hasProtected(rec.members);
  const [office] = await db.select().from(offices).where(eq(offices.id, h.officeId));
  const stationNames = new Map<string, string>();
  for (const a of await db.select().from(agencies)) {
    const station = stationOf(a, office!);
    if (station) stationNames.set(station, a.nameSv);
  }
  const day = await loadDay(db, h.officeId, h.date).catch((err: unknown) => {
    // An office without a template has no plan either: the household sees its arrival and no stops yet.
    if (err instanceof AppError && err.details && (err.details as { reason?: string }).reason === 'no_template') return null;
    throw err;
  });
  const latest = day?.latest;
  const mine = latest ? latest.input.tasks.filter((t) => t.householdId === h.id) : [];
  const stops = mine.flatMap((t) => {
    const a = latest!.plan.assignments.find((x) => x.taskId === t.id);
    if (!a) return [];
    const name = day!.steps.find((s) => s.key === t.stepKey)?.name ?? t.stepKey;
    return [{
      taskId: t.id, stepKey: t.stepKey, stepName: name + (isFollowUp(t.id) ? ' (uppföljning)' : ''), station: t.station,
      stationName: stationNames.get(t.station) ?? t.station, start: toDayTime(a.start), end: toDayTime(a.end), memberIds: t.personIds,
      status: day!.statuses.find((s) => s.taskId === t.id)?.status ?? 'planned',
      sortKey: a.start,
    }];
  }).sort((a, b) => a.sortKey - b.sortKey).map(({ sortKey: _, ...stop }) => stop);
  return {
    officeId: h.officeId, date: h.date, householdId: h.id,
    itinerary: {
      reference: h.reference, date: h.date, language: h.language, officeName: office!.name, arrival: toDayTime(h.arrival), noShow: h.noShow,
      planVersion: latest?.row.version ?? null, protectedIdentity: anonymous,
      members: rec.members.map((m, i) => ({ id: m.id, givenName: anonymous ? `Person ${i + 1}` : m.givenName })), stops,
    },
  };
}
