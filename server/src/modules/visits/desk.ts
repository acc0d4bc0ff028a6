// The officer's actions on a called visit: recall, no-show, start, park, resume, transfer, finish.
// Each is one transaction that checks the visit's state, records an event, and publishes a change.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { offices, servicePerformers, services } from '../../db/schema.ts';
import { officeQueues, visitEvents, visitServices, visits, type VISIT_EVENT_KINDS } from '../../db/schema-visits.ts';
import type { FinishInput, TransferInput } from '../../../../contracts/visits.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { can, type Principal } from '../auth/policy.ts';
import type { VisitBus } from './bus.ts';

type VisitRow = typeof visits.$inferSelect;
type EventKind = (typeof VISIT_EVENT_KINDS)[number];

interface ActionContext {
  db: Db;
  bus: VisitBus;
  principal: Principal;
  now: Date;
}

/** Loads and locks the visit, and checks that this officer may act on it in one of the given states. */
async function lockVisit(tx: Tx, ctx: ActionContext, id: string, states: VisitRow['state'][]): Promise<VisitRow> {
  const [v] = await tx.select().from(visits).where(eq(visits.id, id)).for('update');
  if (!v) throw notFound('Ticket', 'id');
  if (!can(ctx.principal, 'visits.desk.call', { officeId: v.officeId })) throw new AppError('forbidden', 'You do not serve at this office');
  const supervisor = ctx.principal.roles.some((g) => g.role === 'admin' || (g.role === 'office_manager' && g.officeId === v.officeId));
  if (v.officerUserId && v.officerUserId !== ctx.principal.userId && !supervisor) {
    throw new AppError('forbidden', 'Another officer is serving this visitor', { reason: 'not_your_visit' });
  }
  if (!states.includes(v.state)) {
    throw new AppError('conflict', `The ticket is ${v.state}; this needs ${states.join(' or ')}`, { field: 'id', reason: 'wrong_state', details: { state: v.state } });
  }
  return v;
}

async function record(tx: Tx, ctx: ActionContext, v: VisitRow, kind: EventKind, details: Record<string, unknown> = {}, agencyId?: string | null) {
  const [queue] = await tx.select({ agencyId: officeQueues.agencyId }).from(officeQueues).where(eq(officeQueues.id, v.queueId));
  await tx.insert(visitEvents).values({
    visitId: v.id, at: ctx.now, kind, officerUserId: ctx.principal.userId, counterName: v.counterName,
    agencyId: agencyId ?? queue?.agencyId ?? null, queueId: v.queueId, details,
  });
}

async function act(ctx: ActionContext, id: string, states: VisitRow['state'][], change: (tx: Tx, v: VisitRow) => Promise<VisitRow>, call = false) {
  const updated = await ctx.db.transaction(async (tx) => change(tx, await lockVisit(tx, ctx, id, states)));
  if (call && updated.counterName) {
    ctx.bus.publish({ type: 'call', officeId: updated.officeId, call: { ticketId: updated.id, number: updated.number, counterName: updated.counterName, at: ctx.now.toISOString(), recall: true } });
  }
  ctx.bus.publish({ type: 'changed', officeId: updated.officeId, ticketId: updated.id });
  return updated;
}

const set = async (tx: Tx, v: VisitRow, values: Partial<typeof visits.$inferInsert>) =>
  (await tx.update(visits).set({ ...values, updatedAt: new Date() }).where(eq(visits.id, v.id)).returning())[0]!;

export const recall = (ctx: ActionContext, id: string) =>
  act(ctx, id, ['called'], async (tx, v) => {
    // Each office sets how many recalls it allows (offices.max_recalls, 3 unless changed).
    const [office] = await tx.select({ maxRecalls: offices.maxRecalls }).from(offices).where(eq(offices.id, v.officeId));
    const maxRecalls = office?.maxRecalls ?? 0;
    if (v.recallCount >= maxRecalls) {
      throw new AppError('conflict', `The office allows ${maxRecalls} recall${maxRecalls === 1 ? '' : 's'}: mark the visitor as no-show`, { reason: 'recall_limit', details: { maxRecalls } });
    }
    await record(tx, ctx, v, 'recalled', { recallCount: v.recallCount + 1 });
    return set(tx, v, { recallCount: v.recallCount + 1, calledAt: ctx.now });
  }, true);

export const noShow = (ctx: ActionContext, id: string) =>
  act(ctx, id, ['called'], async (tx, v) => {
    await record(tx, ctx, v, 'no_show', { recallCount: v.recallCount });
    return set(tx, v, { state: 'no_show' });
  });

export const startService = (ctx: ActionContext, id: string) =>
  act(ctx, id, ['called'], async (tx, v) => {
    await record(tx, ctx, v, 'serving_started');
    return set(tx, v, { state: 'serving' });
  });

export const park = (ctx: ActionContext, id: string, minutes?: number) =>
  act(ctx, id, ['called', 'serving'], async (tx, v) => {
    await record(tx, ctx, v, 'parked', minutes ? { minutes } : {});
    return set(tx, v, { state: 'parked' });
  });

export const resume = (ctx: ActionContext, id: string) =>
  act(ctx, id, ['parked'], async (tx, v) => {
    await record(tx, ctx, v, 'resumed');
    return set(tx, v, { state: 'serving' });
  });

/** Moves the visitor to another agency's queue; they keep their arrival time and so their place. */
export const transfer = (ctx: ActionContext, id: string, input: TransferInput) =>
  act(ctx, id, ['called', 'serving', 'parked'], async (tx, v) => {
    const [target] = await tx.select().from(officeQueues).where(and(eq(officeQueues.id, input.queueId), eq(officeQueues.officeId, v.officeId)));
    if (!target) throw new AppError('validation_failed', 'No such queue at this office', { field: 'queueId', reason: 'unknown_queue' });
    if (target.id === v.queueId) throw new AppError('validation_failed', 'The visitor is already in this queue', { field: 'queueId', reason: 'same_queue' });
    // The note is addressed to the receiving agency: the event carries that agency, and notes are only
    // ever shown to officers of the event's agency.
    await record(tx, ctx, v, 'transferred', { fromQueueId: v.queueId, toQueueId: target.id, note: input.note ?? null }, target.agencyId);
    return set(tx, v, { state: 'waiting', queueId: target.id, officerUserId: null, counterName: null, calledAt: null, recallCount: 0 });
  });

export const finish = (ctx: ActionContext, id: string, input: FinishInput) =>
  act(ctx, id, ['called', 'serving'], async (tx, v) => {
    const rows = await tx.select().from(visitServices).where(eq(visitServices.visitId, v.id));
    const owners = new Map((await tx.select({ id: services.id, agencyId: services.agencyId }).from(services)
      .where(inArray(services.id, rows.map((r) => r.serviceId)))).map((s) => [s.id, s.agencyId]));
    const performers = await tx.select().from(servicePerformers).where(inArray(servicePerformers.serviceId, rows.map((r) => r.serviceId)));
    for (const [i, p] of input.performed.entries()) {
      const row = rows.find((r) => r.serviceId === p.serviceId);
      if (!row) throw new AppError('validation_failed', 'The service is not part of this visit', { field: `performed[${i}].serviceId`, reason: 'service_not_in_visit' });
      const by = p.performedByAgencyId ?? null;
      // On behalf of the owner only where the registry's tjänstesamverkan allows it.
      if (by && by !== owners.get(p.serviceId) && !performers.some((x) => x.serviceId === p.serviceId && x.kind === 'agency' && x.agencyId === by)) {
        throw new AppError('validation_failed', 'That agency may not perform this service on the owner\'s behalf', { field: `performed[${i}].performedByAgencyId`, reason: 'not_a_performer' });
      }
      await tx.update(visitServices).set({ status: p.done ? 'done' : 'not_done', performedByAgencyId: by })
        .where(and(eq(visitServices.visitId, v.id), eq(visitServices.position, row.position)));
    }
    await record(tx, ctx, v, 'finished', { outcome: input.outcome, performed: input.performed });
    return set(tx, v, { state: 'done' });
  });
