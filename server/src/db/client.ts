// Opens the database: embedded PGlite by default, a PostgreSQL server when a URL is given.
// Both speak the same dialect, so one schema and one migration history serve both.
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import pg from 'pg';
import * as registrySchema from './schema.ts';
import * as visitsSchema from './schema-visits.ts';
import * as motesplatsSchema from './schema-motesplats.ts';
import { DURABLE_START_PARAMS, SyncingNodeFS, syncTree } from './pglite-durable.ts';
import { lockDataDir } from './data-dir-lock.ts';

const schema = { ...registrySchema, ...visitsSchema, ...motesplatsSchema };

export type Schema = typeof registrySchema & typeof visitsSchema & typeof motesplatsSchema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** PostgreSQL only: the connection URL, for connections outside the pool (LISTEN). */
  url?: string;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball, for test snapshots. */
  dump?: () => Promise<Blob | File>;
  /** PGlite on disk only: fsync calls made so far (a test checks that commits reach the disk). */
  fileSyncs?: () => number;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * `dataDir` null means an in-memory PGlite (tests). `snapshot` starts from a dumped data directory
 * (PGlite's dumpDataDir), which skips initdb: tests seed once and start every suite from the dump.
 * On disk, commits are fsynced (db/pglite-durable.ts, decision 0014).
 */
export async function openPglite(dataDir: string | null, snapshot?: Blob): Promise<Database> {
  const extensions = { pg_trgm, btree_gist };
  const loadDataDir = snapshot ? { loadDataDir: snapshot } : {};
  if (!dataDir) {
    const client = new PGlite({ ...loadDataDir, extensions });
    return withPglite(client);
  }
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  try {
    const created = !existsSync(join(dataDir, 'PG_VERSION'));
    const fs = new SyncingNodeFS(dataDir);
    const client = new PGlite({ fs, startParams: DURABLE_START_PARAMS, ...loadDataDir, extensions });
    await client.waitReady;
    // initdb (or the unpacked snapshot) wrote the cluster with syncing off; force it out once.
    if (created) syncTree(dataDir);
    const database = await withPglite(client);
    const close = async () => {
      await database.close();
      release();
    };
    return { ...database, close, fileSyncs: () => fs.syncs };
  } catch (err) {
    release();
    throw err;
  }
}

async function withPglite(client: PGlite): Promise<Database> {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(drizzlePglite(client), { migrationsFolder });
  return { db, kind: 'pglite', close: () => client.close(), dump: () => client.dumpDataDir('none') };
}

/** Arbitrary constant key of the session advisory lock that serialises migrations across servers. */
const MIGRATION_LOCK_KEY = 7_225_000;

/**
 * `poolSize` connections at most, plus one listening connection per server for live events
 * (db/notify.ts): README says how many servers fit a PostgreSQL's max_connections.
 */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server ends (a restart, a failover, an administrator) is an 'error' event on
  // the pool; unheard, it would crash the process. The pool drops that client and opens a new one when
  // needed, so logging it is all there is to do.
  pool.on('error', (err) => console.warn(`PostgreSQL connection lost: ${err.message}`));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  try {
    await migrateLocked(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  return { db, kind: 'postgres', url, close: () => pool.end() };
}

/**
 * Drizzle's migrator is not safe to run from two servers at once (both create its schema and table and
 * apply the same files: duplicate keys). A session-level advisory lock, held on one pooled connection
 * around the whole run, makes the others wait and then find nothing left to apply.
 */
async function migrateLocked(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg(client), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } catch (err) {
    // A connection in an unknown state (it may still hold the lock) is not given back to the pool.
    broken = true;
    throw err;
  } finally {
    client.release(broken);
  }
}

export function openDatabase(opts: { databaseUrl: string | null; dataDir: string; databasePoolSize?: number }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.databasePoolSize) : openPglite(opts.dataDir);
}

/** Raw SQL for the rare query Drizzle's builder does not express; both drivers return `{ rows }`. */
export async function queryRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Independent queries at once on the pool; inside a transaction, which is one connection, one after
 * another (node-postgres would queue them anyway, and warns that it will stop doing so).
 */
export async function together<T extends unknown[]>(reader: Db | Tx, ...jobs: { [K in keyof T]: () => PromiseLike<T[K]> }): Promise<T> {
  const inTransaction = typeof (reader as { rollback?: unknown }).rollback === 'function';
  if (!inTransaction) return (await Promise.all(jobs.map((job) => job()))) as T;
  const results: unknown[] = [];
  for (const job of jobs) results.push(await job());
  return results as T;
}
