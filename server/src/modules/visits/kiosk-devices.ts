// Kiosk devices (decision 0013): an office's manager registers the entrance tablet, which gets a long
// random token, shown once and stored only as its SHA-256. Tickets and check-ins sent with a valid token
// of that office skip the per-address limit; a revoked token, or one of another office, counts like a phone.
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { kioskDevices } from '../../db/schema-visits.ts';
import type { KioskDevice, RegisteredKioskDevice } from '../../../../contracts/abuse.ts';
import { AppError } from '../../lib/errors.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** last_used_at is written at most this often per device: it tells staff the kiosk is alive, nothing more. */
const USED_RESOLUTION_MS = 10 * 60_000;

type Row = typeof kioskDevices.$inferSelect;
const view = (r: Row): KioskDevice => ({
  id: r.id, officeId: r.officeId, name: r.name, createdAt: r.createdAt.toISOString(),
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null, revokedAt: r.revokedAt?.toISOString() ?? null,
});

export const kioskSetupPath = (officeId: string, token: string) => `/kontor/${officeId}/kiosk#enhet=${token}`;

export async function registerKioskDevice(db: Db, officeId: string, name: string, userId: string, now: Date): Promise<RegisteredKioskDevice> {
  const token = randomBytes(32).toString('base64url');
  const [row] = await db.insert(kioskDevices)
    .values({ officeId, name: name.trim(), tokenHash: hashToken(token), createdByUserId: userId, createdAt: now })
    .returning();
  return { device: view(row!), token, setupPath: kioskSetupPath(officeId, token) };
}

export async function listKioskDevices(db: Db, officeId: string): Promise<KioskDevice[]> {
  const rows = await db.select().from(kioskDevices).where(eq(kioskDevices.officeId, officeId)).orderBy(asc(kioskDevices.createdAt), asc(kioskDevices.id));
  return rows.map(view);
}

export async function revokeKioskDevice(db: Db, officeId: string, deviceId: string, now: Date): Promise<KioskDevice> {
  const [row] = await db.select().from(kioskDevices).where(and(eq(kioskDevices.id, deviceId), eq(kioskDevices.officeId, officeId)));
  if (!row) throw new AppError('not_found', 'No such kiosk device at this office', { field: 'deviceId', reason: 'unknown_kiosk_device' });
  if (row.revokedAt) return view(row);
  const [revoked] = await db.update(kioskDevices).set({ revokedAt: now }).where(eq(kioskDevices.id, deviceId)).returning();
  return view(revoked!);
}

/** Whether the token is a live kiosk device of this office (and notes that the device was seen). */
export async function isKioskOf(db: Db, officeId: string, token: string | undefined, now: Date): Promise<boolean> {
  if (!token || token.length > 200) return false;
  const [row] = await db.select({ id: kioskDevices.id, officeId: kioskDevices.officeId, lastUsedAt: kioskDevices.lastUsedAt })
    .from(kioskDevices)
    .where(and(eq(kioskDevices.tokenHash, hashToken(token)), isNull(kioskDevices.revokedAt)));
  if (!row || row.officeId !== officeId) return false;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > USED_RESOLUTION_MS) {
    const stale = new Date(now.getTime() - USED_RESOLUTION_MS);
    await db.update(kioskDevices).set({ lastUsedAt: now })
      .where(and(eq(kioskDevices.id, row.id), or(isNull(kioskDevices.lastUsedAt), lt(kioskDevices.lastUsedAt, stale))));
  }
  return true;
}
