// Append-only audit log writes and reads. The table's trigger forbids UPDATE and DELETE.
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';

export interface AuditEntry {
  actorUserId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  requestId: string | null;
  ip: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  details?: Record<string, unknown>;
}

export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({ ...entry, details: entry.details ?? {} });
}

export async function listAudit(db: Db, opts: { resourceType?: string; resourceId?: string; before?: number; limit: number }) {
  const where: SQL[] = [];
  if (opts.resourceType) where.push(eq(auditLog.resourceType, opts.resourceType));
  if (opts.resourceId) where.push(eq(auditLog.resourceId, opts.resourceId));
  if (opts.before) where.push(lt(auditLog.id, opts.before));
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(opts.limit);
}
