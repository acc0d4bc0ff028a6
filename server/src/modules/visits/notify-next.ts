// SMS notifications of the visit flow: "you are next" to the first visitor in each queue's calling order,
// and "your turn now" when a visitor is called. Only visitors who gave a mobile number are notified.
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.ts';
import { visits } from '../../db/schema-visits.ts';
import type { SmsSender } from '../../adapters/sms/index.ts';
import { orderQueue } from '../../engines/queue/ordering.ts';
import { stockholmDate } from '../../lib/dates.ts';
import { maskPhone } from '../../lib/phone.ts';
import { asQueueTicket } from './snapshot.ts';
import { liveVisits } from './live.ts';
import { calledText, nextText } from './sms-texts.ts';

export interface NotifyDeps {
  db: Db;
  sms: SmsSender;
  log: Pick<FastifyBaseLogger, 'info' | 'warn'>;
  now: () => Date;
}

type VisitRow = typeof visits.$inferSelect;

/** The first ticket of each queue as the desk would call it now (the engine's order, per queue). */
function queueHeads(waiting: VisitRow[], now: Date): VisitRow[] {
  const byId = new Map(waiting.map((v) => [v.id, v]));
  const tickets = waiting.map(asQueueTicket);
  const heads: VisitRow[] = [];
  for (const queueId of new Set(waiting.map((v) => v.queueId))) {
    const [first] = orderQueue(tickets, [queueId], now.getTime());
    if (first) heads.push(byId.get(first.id)!);
  }
  return heads;
}

/**
 * Sends "you are next" to each queue's head at the office who has a phone and has not had it yet.
 * Each send is first claimed by one UPDATE … WHERE next_notified_at IS NULL, so two app instances
 * reacting to the same change never both send; a failed send releases the claim, and the next change
 * at the office tries again. Returns the ids of the visits notified.
 */
export async function notifyNext(deps: NotifyDeps, officeId: string): Promise<string[]> {
  const now = deps.now();
  // The office's live queue (in memory, brought up to date with the rows changed since: live.ts).
  const waiting = (await liveVisits(deps.db, deps.db, officeId, stockholmDate(now))).map((v) => v.row).filter((v) => v.state === 'waiting');
  // Most changes concern no one with a number still to tell.
  if (!waiting.some((v) => v.phone && !v.nextNotifiedAt)) return [];
  const notified: string[] = [];
  for (const head of queueHeads(waiting, now)) {
    if (!head.phone || head.nextNotifiedAt) continue;
    const [claimed] = await deps.db.update(visits).set({ nextNotifiedAt: now })
      .where(and(eq(visits.id, head.id), eq(visits.state, 'waiting'), isNull(visits.nextNotifiedAt)))
      .returning({ id: visits.id });
    if (!claimed) continue; // another instance got there first, or the visitor was called meanwhile
    try {
      await deps.sms.send({ to: head.phone, text: nextText(head.language, head.number) });
      notified.push(head.id);
    } catch (err) {
      await deps.db.update(visits).set({ nextNotifiedAt: null }).where(and(eq(visits.id, head.id), isNotNull(visits.nextNotifiedAt)));
      deps.log.warn({ err, visitId: head.id, to: maskPhone(head.phone) }, '"you are next" SMS failed; retried at the next change at the office');
    }
  }
  return notified;
}

/**
 * Sends "your turn now: A012 → Lucka 3" once per call (not per recall: the board and the ticket page
 * show recalls). Not retried: a late "your turn now" would send the visitor to a counter that has moved on.
 */
export async function notifyCalled(deps: NotifyDeps, visitId: string): Promise<boolean> {
  const [v] = await deps.db.select().from(visits).where(eq(visits.id, visitId));
  if (!v?.phone || !v.counterName || v.state !== 'called') return false;
  try {
    await deps.sms.send({ to: v.phone, text: calledText(v.language, v.number, v.counterName) });
    return true;
  } catch (err) {
    deps.log.warn({ err, visitId, to: maskPhone(v.phone) }, '"your turn now" SMS failed');
    return false;
  }
}
