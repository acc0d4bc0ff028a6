// Seeds an empty database: SCB reference data, the demo network and the demo staff accounts.
import { count, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { counties } from '../schema.ts';
import { reindexGeography, reindexRegistry } from '../../modules/search/repo.ts';
import { seedDemoNetwork } from './demo-network.ts';
import { seedDemoUsers } from './demo-users.ts';
import { seedDemoBooking } from './demo-booking.ts';
import { seedDemoMotesplats } from './demo-motesplats.ts';
import { loadReferenceData } from './reference-data.ts';

/** Arbitrary constant key for the advisory lock that serialises seeding. */
const SEED_LOCK_KEY = 7_225_001;

export interface SeedOptions {
  /** false: reference data only (SEED_DEMO=false), so a production install starts without demo offices. */
  demo?: boolean;
}

/**
 * Seeds everything, unconditionally; fails on a database that already has the rows. The rows bypass
 * the registry service, so the search index is rebuilt here as that service does after each write.
 */
export async function seedAll(db: Db, opts: SeedOptions = {}): Promise<void> {
  await db.transaction(async (tx) => {
    await loadReferenceData(tx);
    await reindexGeography(tx);
    if (opts.demo === false) return;
    await seedDemoNetwork(tx);
    await seedDemoUsers(tx);
    await seedDemoBooking(tx);
    await seedDemoMotesplats(tx);
    await reindexRegistry(tx);
  });
}

/**
 * Seeds when the counties table is empty and returns whether it did. One transaction with an advisory
 * lock: two servers starting together on one PostgreSQL cannot both seed, and a crash leaves nothing half-done.
 */
export async function seedIfEmpty(db: Db, opts: SeedOptions = {}): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const [row] = await tx.select({ n: count() }).from(counties);
    if ((row?.n ?? 0) > 0) return false;
    await seedAll(tx, opts);
    return true;
  });
}
