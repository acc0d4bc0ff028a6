// Nothing committed is lost when the server is killed mid-day: a child process takes tickets on an
// on-disk PGlite database and is killed with SIGKILL; on reopening, every ticket it reported is there
// and numbering continues without reuse. (PostgreSQL gives the same guarantee through its WAL.) And
// every commit is forced to the disk (fsync), so an operating-system crash or power cut keeps it too
// (decision 0014; PGlite's default runs with fsync off).
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { inject } from 'vitest';
import { openPglite, queryRows } from '../../db/client.ts';
import { offices, officeServices } from '../../db/schema.ts';
import { visits } from '../../db/schema-visits.ts';
import { takeTicket } from './service.ts';

const NOW = '2026-12-01T10:00:00Z';

describe('crash safety (PGlite on disk)', () => {
  it('keeps every committed ticket after SIGKILL and never reuses a number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samservice-crash-'));
    try {
      const seeded = await openPglite(dir, new Blob([readFileSync(inject('pgliteSnapshot'))]));
      const [office] = await seeded.db.select().from(offices).where(eq(offices.name, 'Servicekontor Växjö'));
      const [offered] = await seeded.db.select().from(officeServices).where(eq(officeServices.officeId, office!.id)).limit(1);
      await seeded.close();

      const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/test/crash-child.ts', dir, office!.id, offered!.serviceId, NOW], { stdio: ['ignore', 'pipe', 'inherit'] });
      const reported: string[] = [];
      await new Promise<void>((resolve, reject) => {
        let buffer = '';
        child.stdout.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          const lines = buffer.split('\n');
          buffer = lines.pop()!;
          reported.push(...lines.filter((l) => /^[A-Z]\d{3,}$/.test(l)));
          if (reported.length >= 15) {
            child.kill('SIGKILL');
            resolve();
          }
        });
        child.on('exit', (code) => (reported.length >= 15 ? resolve() : reject(new Error(`child exited early with ${code}`))));
      });
      await new Promise((r) => child.once('exit', r).once('close', r));

      const reopened = await openPglite(dir);
      const stored = (await reopened.db.select({ number: visits.number }).from(visits).where(eq(visits.officeId, office!.id))).map((v) => v.number);
      for (const number of reported) expect(stored).toContain(number);
      const next = await takeTicket(reopened.db, office!.id, { serviceIds: [offered!.serviceId] }, new Date(NOW));
      expect(stored).not.toContain(next.number);
      expect(Number(next.number.slice(1))).toBe(Math.max(...stored.map((n) => Number(n.slice(1)))) + 1);
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('forces every committed ticket to the disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samservice-fsync-'));
    try {
      const database = await openPglite(dir, new Blob([readFileSync(inject('pgliteSnapshot'))]));
      try {
        const settings = await queryRows<{ name: string; setting: string }>(database.db,
          sql`select name, setting from pg_settings where name in ('fsync', 'wal_sync_method', 'synchronous_commit') order by name`);
        expect(settings).toEqual([{ name: 'fsync', setting: 'on' }, { name: 'synchronous_commit', setting: 'on' }, { name: 'wal_sync_method', setting: 'fsync' }]);
        const [office] = await database.db.select().from(offices).where(eq(offices.name, 'Servicekontor Växjö'));
        const [offered] = await database.db.select().from(officeServices).where(eq(officeServices.officeId, office!.id)).limit(1);
        for (let i = 0; i < 5; i++) {
          const before = database.fileSyncs!();
          await takeTicket(database.db, office!.id, { serviceIds: [offered!.serviceId] }, new Date(NOW));
          // At least the WAL's fsync of the commit, made before takeTicket returned.
          expect(database.fileSyncs!()).toBeGreaterThan(before);
        }
      } finally {
        await database.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
