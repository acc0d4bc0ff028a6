// A seeded database that a test can close and open again, as a server restart does: PGlite in a
// directory on disk, or a fresh PostgreSQL database copied from the seeded template.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openPglite, openPostgres, type Database } from '../db/client.ts';
import { freshPostgres } from './postgres.ts';
import { LENIENT_ABUSE_ENV } from './lenient-abuse-env.ts';

export interface ReopenableDatabase {
  /** Opens the database (the first time from the seeded snapshot or template). */
  open(): Promise<Database>;
  /** Where a spawned server finds it: DATA_DIR or DATABASE_URL. */
  env: Record<string, string>;
  /** Removes it for good. */
  remove(): Promise<void>;
}

export async function reopenableDatabase(kind: 'pglite' | 'postgres'): Promise<ReopenableDatabase> {
  if (kind === 'postgres') {
    const fresh = await freshPostgres(process.env.TEST_DATABASE_URL!, inject('postgresTemplate'));
    return { open: () => openPostgres(fresh.url, 10), env: { DATABASE_URL: fresh.url }, remove: fresh.drop };
  }
  const dir = mkdtempSync(join(tmpdir(), 'samservice-reopen-'));
  const dataDir = join(dir, 'db');
  let first = true;
  return {
    open: () => {
      const snapshot = first ? new Blob([readFileSync(inject('pgliteSnapshot'))]) : undefined;
      first = false;
      return openPglite(dataDir, snapshot);
    },
    env: { DATA_DIR: dataDir },
    remove: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The app on a database, configured as the integration harness does, with a fixed clock. */
export function appOn(database: Database, now: Date): Promise<FastifyInstance> {
  const config = { ...loadConfig({ RETENTION_SCHEDULE: 'false', ...LENIENT_ABUSE_ENV }), webDist: '/nonexistent', cookieSecure: false, remindersEnabled: false };
  return buildApp({ config, database, logger: false, clock: () => now });
}
