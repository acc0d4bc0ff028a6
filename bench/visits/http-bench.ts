// The visits bench's HTTP cases: start the real server (PGlite, and PostgreSQL when DATABASE_URL is set)
// and drive a day of 10,000 tickets and 100 officers through the API from a separate load process on
// loopback; report requests per second and p50/p99 for take-ticket, call-next and a trivial route.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { percentile, type BenchReport, type BenchRow } from '../harness.ts';
import { freshPostgres } from '../../server/src/test/postgres.ts';

/** A Tuesday, 11:00 in Sweden: the demo offices are open. */
const CLOCK_START = '2026-12-01T10:00:00Z';

interface Measured { count: number; seconds: number; latencies: number[]; errors: number }

const freePort = () => new Promise<number>((resolve) => {
  const srv = createServer().listen(0, '127.0.0.1', () => {
    const port = (srv.address() as { port: number }).port;
    srv.close(() => resolve(port));
  });
});

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error('server exited before it was ready');
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not become ready in 120 s');
}

function runDriver(url: string): Promise<{ trivial: Measured; take: Measured; callNext: Measured }> {
  return new Promise((resolve, reject) => {
    const driver = spawn(process.execPath, ['--import', 'tsx', 'bench/visits/load-driver.ts', url], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    driver.stdout.on('data', (c: Buffer) => (out += c.toString()));
    driver.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load driver exited with ${code}`))));
  });
}

async function benchOne(method: 'pglite' | 'postgres', databaseUrl: string | null): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'samservice-bench-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // The load process stands for the offices' many kiosks at one address: exempt from the per-address ticket
  // limit (decision 0013), as registered kiosk devices are.
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dir, 'db'), CLOCK_START, LOG_LEVEL: 'warn', COOKIE_SECURE: 'false', WEB_DIST: join(dir, 'no-web'), DATABASE_URL: databaseUrl ?? '', RATE_LIMIT_EXEMPT: '127.0.0.1,::1' };
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await waitForHealth(url, server);
    const result = await runDriver(url);
    const rows: BenchRow[] = [];
    for (const [name, m] of [['trivial', result.trivial], ['take_ticket', result.take], ['call_next', result.callNext]] as const) {
      const sorted = [...m.latencies].sort((a, b) => a - b);
      rows.push({ case: name, method, metric: 'req_per_s', value: m.count / m.seconds, unit: 'req/s' });
      rows.push({ case: name, method, metric: 'p50_ms', value: percentile(sorted, 50), unit: 'ms' });
      rows.push({ case: name, method, metric: 'p99_ms', value: percentile(sorted, 99), unit: 'ms' });
      rows.push({ case: name, method, metric: 'errors', value: m.errors, unit: 'count' });
    }
    return rows;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runHttpBench(): Promise<BenchReport> {
  const rows = await benchOne('pglite', null);
  const notes = [`HTTP: 10 offices × 10 officers; ${process.env.BENCH_TICKETS ?? 10_000} take-ticket requests at 50 concurrent; every officer calls and finishes until the queues are empty (call_next counts the final empty calls too); trivial = GET /api/v1/ping; load from a separate process on loopback`];
  const pgUrl = process.env.DATABASE_URL;
  if (pgUrl) {
    const fresh = await freshPostgres(pgUrl);
    try {
      rows.push(...(await benchOne('postgres', fresh.url)));
    } finally {
      await fresh.drop();
    }
  } else {
    notes.push('postgres rows left out: set DATABASE_URL to a PostgreSQL server to measure them (a fresh database is created and dropped)');
  }
  return { rows, notes };
}
