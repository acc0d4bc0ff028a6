// Integration-test harness: runs a suite against a seeded app on PGlite, and again on PostgreSQL when
// TEST_DATABASE_URL is set (CI sets it). Each suite gets a fresh database of its own.
import { afterAll, beforeAll, describe } from 'vitest';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openPglite, openPostgres, type Database, type Db } from '../db/client.ts';
import { seedIfEmpty } from '../db/seed/seed.ts';
import { SESSION_COOKIE } from '../modules/auth/service.ts';

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Logs in a demo user (password demo-password) and returns the Cookie header value. */
  login(username: string, password?: string): Promise<string>;
}

/** Creates a fresh, uniquely named database on the server and returns its URL and a dropper. */
async function freshPostgres(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `samservice_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function databaseKinds(): Array<'pglite' | 'postgres'> {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** Opens a migrated, seeded database of the given kind; the caller closes it. */
export async function openTestDatabase(kind: 'pglite' | 'postgres', seed = true): Promise<Database> {
  let database: Database;
  if (kind === 'postgres') {
    const fresh = await freshPostgres(process.env.TEST_DATABASE_URL!);
    const opened = await openPostgres(fresh.url, 20);
    database = { ...opened, close: async () => { await opened.close(); await fresh.drop(); } };
  } else {
    database = await openPglite(null);
  }
  if (seed) await seedIfEmpty(database.db);
  return database;
}

export function describeWithApp(title: string, suite: (ctx: TestContext) => void): void {
  for (const kind of databaseKinds()) {
    describe(`${title} [${kind}]`, () => {
      let database: Database | undefined;
      const ctx = { kind } as TestContext;
      beforeAll(async () => {
        database = await openTestDatabase(kind);
        const config = { ...loadConfig({}), webDist: '/nonexistent', cookieSecure: false };
        ctx.app = await buildApp({ config, database, logger: false });
        ctx.db = database.db;
        ctx.login = async (username, password = 'demo-password') => {
          const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
          if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
          const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
          return `${SESSION_COOKIE}=${cookie!.value}`;
        };
      });
      afterAll(async () => {
        await ctx.app?.close();
        await database?.close();
      });
      suite(ctx);
    });
  }
}
