// The queues of an office: one per agency, created on first use. Letters follow the agency so that
// a visitor sees the same letter at every office (A = Försäkringskassan, B = Skatteverket, …).
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { agencies } from '../../db/schema.ts';
import { officeQueues } from '../../db/schema-visits.ts';

const LETTER_BY_AGENCY_CODE: Record<string, string> = { FK: 'A', SKV: 'B', PM: 'C', AF: 'D', MV: 'E', TRV: 'F' };
const MUNICIPALITY_LETTER = 'K';

/** Returns the office's queue for an agency, creating it (race-safe) when it does not exist yet. */
export async function ensureQueue(tx: Db | Tx, officeId: string, agencyId: string): Promise<{ id: string; letter: string }> {
  const existing = await tx.select().from(officeQueues).where(and(eq(officeQueues.officeId, officeId), eq(officeQueues.agencyId, agencyId)));
  if (existing[0]) return existing[0];
  const [agency] = await tx.select().from(agencies).where(eq(agencies.id, agencyId));
  const taken = new Set((await tx.select({ letter: officeQueues.letter }).from(officeQueues).where(eq(officeQueues.officeId, officeId))).map((q) => q.letter));
  const preferred = agency?.kind === 'municipality' ? MUNICIPALITY_LETTER : (LETTER_BY_AGENCY_CODE[agency?.code ?? ''] ?? 'G');
  const letter = [preferred, ...'GHIJKLMNOPQRSTUVWXYZ'].find((l) => !taken.has(l))!;
  await tx.insert(officeQueues).values({ officeId, agencyId, letter }).onConflictDoNothing();
  const [created] = await tx.select().from(officeQueues).where(and(eq(officeQueues.officeId, officeId), eq(officeQueues.agencyId, agencyId)));
  return created!;
}
