// Several servers starting together. On an empty PostgreSQL database three server processes started at
// once all come up: migrations run under an advisory lock and the demo seed under another, so one does the
// work and the others find it done. On PGlite one process owns the data directory: a second server on it
// stops with a message, and starts once the first has gone.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import pg from 'pg';
import { freshPostgres } from './test/postgres.ts';
import { reopenableDatabase } from './test/reopenable.ts';
import { spawnServer, waitReady, type SpawnedServer } from './test/spawn-server.ts';

const migrationFiles = readdirSync(new URL('./db/migrations', import.meta.url)).filter((f) => f.endsWith('.sql')).length;

async function stop(server: SpawnedServer): Promise<number | string> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
  return server.exited;
}

describe('servers starting together', () => {
  const url = process.env.TEST_DATABASE_URL;
  it.skipIf(!url)('three servers started at once on an empty PostgreSQL database all come up, and one seeds it', async () => {
    const fresh = await freshPostgres(url!);
    const servers = await Promise.all([1, 2, 3].map(() => spawnServer({ DATABASE_URL: fresh.url })));
    try {
      await Promise.all(servers.map(waitReady));
      const seededBy = servers.filter((s) => s.output().includes('(demo network seeded now)'));
      expect(seededBy).toHaveLength(1);
      const admin = new pg.Client({ connectionString: fresh.url });
      await admin.connect();
      try {
        expect((await admin.query('select count(*)::int as n from drizzle.__drizzle_migrations')).rows[0].n).toBe(migrationFiles);
        expect((await admin.query("select count(*)::int as n from users where username = 'admin'")).rows[0].n).toBe(1);
      } finally {
        await admin.end();
      }
      for (const server of servers) expect(await stop(server), server.output().slice(-2000)).toBe(0);
    } finally {
      for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
      await Promise.all(servers.map((s) => s.exited));
      await fresh.drop();
    }
  }, 300_000);

  it('a second server on the same PGlite directory stops with a message while the first runs', async () => {
    const store = await reopenableDatabase('pglite');
    await (await store.open()).close();
    const first = await spawnServer(store.env);
    let later: SpawnedServer | null = null;
    try {
      await waitReady(first);
      const second = await spawnServer(store.env);
      expect(await second.exited).toBe(2);
      expect(second.output()).toContain(`is in use by process ${first.child.pid}`);
      expect((await fetch(`${first.url}/api/v1/health/ready`)).status).toBe(200);
      expect(await stop(first)).toBe(0);
      later = await spawnServer(store.env);
      await waitReady(later);
      expect(await stop(later)).toBe(0);
    } finally {
      for (const server of [first, later]) if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
      await first.exited;
      await later?.exited;
      await store.remove();
    }
  }, 300_000);
});
