// Boot: read config, open and migrate the database, seed the demo network if empty, serve app and API.
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { seedIfEmpty } from './db/seed/seed.ts';
import { DEMO_LOGINS } from './db/seed/demo-users.ts';

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
  const database = await openDatabase(config);
  const seeded = await seedIfEmpty(database.db, { demo: config.seedDemo });
  const started = Date.now();
  const clock = config.clockStart ? () => new Date(config.clockStart!.getTime() + (Date.now() - started)) : undefined;
  const app = await buildApp({ config, database, clock });
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
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
