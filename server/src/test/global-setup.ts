// Vitest global set-up: migrate and seed one PGlite database, and dump it to a file that every
// suite starts from. PGlite's initdb costs seconds; loading a dump costs a fraction of that.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../db/client.ts';
import { freshPostgres } from './postgres.ts';
import { seedIfEmpty } from '../db/seed/seed.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    /** Name of a seeded database on TEST_DATABASE_URL's server to copy, or '' without PostgreSQL. */
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'samservice-test-'));
  const database = await openPglite(null);
  await seedIfEmpty(database.db);
  const blob = await database.dump!();
  await database.close();
  const file = join(dir, 'seeded.tar');
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  project.provide('pgliteSnapshot', file);

  let dropTemplate = async () => {};
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (baseUrl) {
    const template = await freshPostgres(baseUrl);
    const pgDatabase = await openPostgres(template.url, 2);
    await seedIfEmpty(pgDatabase.db);
    await pgDatabase.close();
    dropTemplate = template.drop;
    project.provide('postgresTemplate', template.name);
  } else {
    project.provide('postgresTemplate', '');
  }
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    await dropTemplate();
  };
}
