// The visits bench's `pglite_commit` case: what forcing commits to the disk costs the embedded database
// (decision 0014). Two on-disk PGlite databases are open side by side, one as PGlite starts by default
// (fsync off) and one as Samservice opens it (fsync on, WAL flushed with fsync()), and each round times
// the same single-row insert commits on both, interleaved so that load on a shared machine hits both alike.
// A one-row insert is the cheapest commit there is, so its ratio is the worst case; a take-ticket request
// does far more work per commit (see the HTTP cases).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { DURABLE_START_PARAMS, SyncingNodeFS } from '../../server/src/db/pglite-durable.ts';
import { percentile, type BenchReport } from '../harness.ts';

const ROUNDS = 5;
const COMMITS = 200;

async function commits(db: PGlite): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < COMMITS; i++) await db.query('insert into t (v) values ($1)', [`row ${i}`]);
  return (performance.now() - started) / COMMITS;
}

export async function runCommitBench(): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'samservice-commit-bench-'));
  const fs = new SyncingNodeFS(join(dir, 'on'));
  const off = new PGlite({ dataDir: join(dir, 'off') });
  const on = new PGlite({ fs, startParams: DURABLE_START_PARAMS });
  try {
    for (const db of [off, on]) await db.exec('create table t (id bigserial primary key, v text not null)');
    const times = { off: [] as number[], on: [] as number[] };
    let syncs = 0;
    for (let round = 0; round < ROUNDS; round++) {
      times.off.push(await commits(off));
      const before = fs.syncs;
      times.on.push(await commits(on));
      syncs += fs.syncs - before;
    }
    const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
    const offMs = median(times.off);
    const onMs = median(times.on);
    return {
      rows: [
        { case: 'pglite_commit', method: 'fsync_off', metric: 'ms_per_commit', value: offMs, unit: 'ms' },
        { case: 'pglite_commit', method: 'fsync_on', metric: 'ms_per_commit', value: onMs, unit: 'ms' },
        { case: 'pglite_commit', method: 'fsync_on', metric: 'fsyncs_per_commit', value: syncs / (ROUNDS * COMMITS), unit: 'count' },
      ],
      notes: [
        `pglite_commit: ${ROUNDS} interleaved rounds of ${COMMITS} one-row insert commits on two on-disk PGlite databases (median round); fsync_on/fsync_off ${(onMs / offMs).toFixed(2)}x, +${(onMs - offMs).toFixed(2)} ms per commit; fsync_off makes no fsync calls at all (PGlite's default -F, and NODEFS implements none)`,
      ],
    };
  } finally {
    await off.close();
    await on.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
