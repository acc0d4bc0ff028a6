// Integration-test harness: runs a suite against a seeded app on PGlite, and again on PostgreSQL when
// TEST_DATABASE_URL is set (CI sets it). Each suite gets a fresh database of its own.
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openPglite, openPostgres, type Database, type Db } from '../db/client.ts';
import { freshPostgres } from './postgres.ts';
import { SESSION_COOKIE } from '../modules/auth/service.ts';
import type { SmsSender } from '../adapters/sms/index.ts';
import { LENIENT_ABUSE_ENV } from './lenient-abuse-env.ts';

export { LENIENT_ABUSE_ENV };
import type { DestinationStream } from 'pino';

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The app's clock; defaults to Tuesday 2026-12-01 11:00 in Sweden, when demo offices are open. */
  now: Date;
  /** Logs in a demo user (password demo-password) and returns the Cookie header value. */
  login(username: string, password?: string): Promise<string>;
}

export function databaseKinds(): Array<'pglite' | 'postgres'> {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** Opens a migrated, seeded database of the given kind; the caller closes it. */
export async function openTestDatabase(kind: 'pglite' | 'postgres', seed = true): Promise<Database> {
  let database: Database;
  if (kind === 'postgres') {
    // Seeded suites copy the template database that global-setup.ts migrated and seeded once.
    const fresh = await freshPostgres(process.env.TEST_DATABASE_URL!, seed ? inject('postgresTemplate') : undefined);
    const opened = await openPostgres(fresh.url, 20);
    database = { ...opened, close: async () => { await opened.close(); await fresh.drop(); } };
  } else if (seed) {
    // Start from the seeded snapshot made once by global-setup.ts.
    database = await openPglite(null, new Blob([readFileSync(inject('pgliteSnapshot'))]));
  } else {
    database = await openPglite(null);
  }
  return database;
}

export interface AppOptions {
  /** Instead of the default outbox (the sms_outbox table), e.g. a fake that records or fails. */
  sms?: SmsSender;
  /** Environment for loadConfig, read when the suite starts (e.g. OIDC_ISSUER of a fake IdP started in beforeAll). */
  env?: () => NodeJS.ProcessEnv;
  /** Receives the app's log lines (redacted as in production) instead of silence. */
  log?: DestinationStream;
}

export function describeWithApp(title: string, suite: (ctx: TestContext) => void, options: AppOptions = {}): void {
  for (const kind of databaseKinds()) {
    describe(`${title} [${kind}]`, () => {
      let database: Database | undefined;
      const ctx = { kind } as TestContext;
      beforeAll(async () => {
        database = await openTestDatabase(kind);
        // Retention runs by hand in tests (modules/privacy), never on a timer.
        const config = { ...loadConfig({ RETENTION_SCHEDULE: 'false', ...LENIENT_ABUSE_ENV, ...options.env?.() }), webDist: '/nonexistent', cookieSecure: false, remindersEnabled: false };
        ctx.now = new Date('2026-12-01T10:00:00Z');
        ctx.app = await buildApp({ config, database, logger: options.log ? { stream: options.log } : false, clock: () => ctx.now, sms: options.sms });
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
