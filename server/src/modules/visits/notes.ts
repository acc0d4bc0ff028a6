// Transfer notes: what one agency's officer wrote when sending a visitor on to another agency. A note is
// addressed to the receiving agency (the `transferred` event's agency) and is part of that agency's case,
// so only that agency's own officers read it: not office-wide staff, not other agencies, not admins.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import { visitEvents, visits } from '../../db/schema-visits.ts';
import type { TransferNote } from '../../../../contracts/visits.ts';
import { notFound } from '../../lib/errors.ts';
import type { Principal } from '../auth/policy.ts';

/** The agencies whose case notes this person may read: those they are an agency officer of. */
const noteAgencies = (principal: Principal) =>
  [...new Set(principal.roles.filter((g) => g.role === 'agency_officer' && g.agencyId).map((g) => g.agencyId!))];

export async function transferNotes(db: Db, ticketId: string, principal: Principal): Promise<TransferNote[]> {
  const [visit] = await db.select({ id: visits.id }).from(visits).where(eq(visits.id, ticketId));
  if (!visit) throw notFound('Ticket', 'id');
  const agencyIds = noteAgencies(principal);
  if (agencyIds.length === 0) return [];
  const note = sql<string>`${visitEvents.details}->>'note'`;
  const rows = await db
    .select({ at: visitEvents.at, agencyId: visitEvents.agencyId, details: visitEvents.details, note, writtenBy: users.displayName })
    .from(visitEvents)
    .leftJoin(users, eq(users.id, visitEvents.officerUserId))
    .where(and(
      eq(visitEvents.visitId, ticketId),
      eq(visitEvents.kind, 'transferred'),
      // The per-agency filter is in the query, so a note for another agency never leaves the database.
      inArray(visitEvents.agencyId, agencyIds),
      sql`coalesce(${note}, '') <> ''`,
    ))
    .orderBy(asc(visitEvents.id));
  return rows.map((r) => {
    const details = r.details as { fromQueueId?: string; toQueueId?: string };
    return {
      at: r.at.toISOString(), agencyId: r.agencyId!, note: r.note, writtenBy: r.writtenBy,
      fromQueueId: details.fromQueueId ?? null, toQueueId: details.toQueueId ?? null,
    };
  });
}
