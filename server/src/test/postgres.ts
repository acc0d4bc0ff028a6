// Fresh PostgreSQL databases for tests: one per suite, dropped afterwards.
import pg from 'pg';
import { randomBytes } from 'node:crypto';

/**
 * Creates a fresh, uniquely named database on the server (a copy of `template` when given) and
 * returns its URL and a dropper.
 */
export async function freshPostgres(baseUrl: string, template?: string): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `samservice_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
