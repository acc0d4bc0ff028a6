// SQL of the day's plans and events: every plan is kept with its version, the latest is in force.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { mpDayEvents, mpDays, mpPlans } from '../../db/schema-motesplats.ts';
import type { DayInput, DayPlan } from '../../engines/dayplan/types.ts';

export type PlanRow = typeof mpPlans.$inferSelect;
export type EventRow = typeof mpDayEvents.$inferSelect;

export interface StoredPlan {
  row: PlanRow;
  input: DayInput;
  plan: DayPlan;
}

const stored = (row: PlanRow): StoredPlan => ({ row, input: row.input as DayInput, plan: row.plan as DayPlan });

export async function latestPlan(db: Db | Tx, dayId: string): Promise<StoredPlan | undefined> {
  const [row] = await db.select().from(mpPlans).where(eq(mpPlans.dayId, dayId)).orderBy(desc(mpPlans.version)).limit(1);
  return row ? stored(row) : undefined;
}

/** Locks the day row, so two re-plans of one day run one after the other and number their plans in order. */
export async function lockDay(tx: Tx, dayId: string): Promise<void> {
  await tx.execute(sql`select 1 from ${mpDays} where ${mpDays.id} = ${dayId} for update`);
}

export async function insertPlan(tx: Tx, values: { dayId: string; input: DayInput; plan: DayPlan; eventId: number | null; createdByUserId: string; createdAt: Date }): Promise<StoredPlan> {
  const [top] = await tx.select({ v: sql<number>`coalesce(max(${mpPlans.version}), 0)::int` }).from(mpPlans).where(eq(mpPlans.dayId, values.dayId));
  const [row] = await tx.insert(mpPlans).values({ ...values, version: (top?.v ?? 0) + 1 }).returning();
  return stored(row!);
}

export async function insertEvent(tx: Tx, row: typeof mpDayEvents.$inferInsert): Promise<EventRow> {
  const [event] = await tx.insert(mpDayEvents).values(row).returning();
  return event!;
}

export const eventsOfDay = (db: Db | Tx, dayId: string) =>
  db.select().from(mpDayEvents).where(eq(mpDayEvents.dayId, dayId)).orderBy(asc(mpDayEvents.at), asc(mpDayEvents.id));

export const eventsOfKind = (db: Db | Tx, dayId: string, kind: EventRow['kind']) =>
  db.select().from(mpDayEvents).where(and(eq(mpDayEvents.dayId, dayId), eq(mpDayEvents.kind, kind))).orderBy(asc(mpDayEvents.at), asc(mpDayEvents.id));
