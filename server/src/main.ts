// Boot: read config, open and migrate the database, seed the demo network if empty, serve app and API.
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { DataDirInUseError } from './db/data-dir-lock.ts';
import { seedIfEmpty } from './db/seed/seed.ts';
import { DEMO_LOGINS } from './db/seed/demo-users.ts';
import type { FastifyInstance } from 'fastify';
import type { Database } from './db/client.ts';

/** The whole shutdown stays under 10 s: what has not finished by then is cut off. */
const SHUTDOWN_TIMEOUT_MS = 9_000;

/**
 * SIGTERM or SIGINT: drain (readiness 503, live streams told to reconnect elsewhere, new requests
 * refused, listening stopped), answer the requests in flight, close the database, exit. A second
 * signal, or the timeout, exits at once.
 */
function installShutdown(app: FastifyInstance, database: Database): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      app.log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    setTimeout(() => {
      app.log.error({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out: exiting with requests unanswered');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    const streams = app.deps.lifecycle?.drain() ?? 0;
    app.log.info({ signal, streams }, 'shutting down: live streams sent elsewhere, answering requests in flight');
    try {
      await app.close();
      await database.close();
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
    app.log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  let database;
  try {
    database = await openDatabase(config);
  } catch (err) {
    if (err instanceof DataDirInUseError) {
      console.error(`Database error: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const seeded = await seedIfEmpty(database.db, { demo: config.seedDemo });
  const started = Date.now();
  const clock = config.clockStart ? () => new Date(config.clockStart!.getTime() + (Date.now() - started)) : undefined;
  const app = await buildApp({ config, database, clock });
  installShutdown(app, database);
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `Samservice is running at ${url}`,
    `  API docs: ${url}/api/docs`,
    `  Database: ${database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}${seeded ? ' (demo network seeded now)' : ''}`,
    '  Demo logins (password for all: demo-password):',
    ...DEMO_LOGINS.map((l) => `    ${l.username.padEnd(22)} ${l.description}`),
    '',
  ];
  console.log(lines.join('\n'));
}

void main();
