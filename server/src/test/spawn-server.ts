// Starts the real server (server/src/main.ts) as a child process on a free port, for tests of what only
// a whole process shows: signals, shutdown, several servers starting at once.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface SpawnedServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  exited: Promise<number | string>;
}

export const freePort = () => new Promise<number>((resolve, reject) => {
  const srv = createServer().listen(0, '127.0.0.1', () => {
    const port = (srv.address() as { port: number }).port;
    srv.close(() => resolve(port));
  }).on('error', reject);
});

/** A Tuesday, 11:00 in Sweden: the demo offices are open. */
export const SPAWN_CLOCK_START = '2026-12-01T10:00:00Z';

/** `env` names the database: DATA_DIR (PGlite) or DATABASE_URL; other settings have test defaults. */
export async function spawnServer(env: Record<string, string>): Promise<SpawnedServer> {
  if (!env.DATA_DIR && !env.DATABASE_URL) throw new Error('spawnServer needs DATA_DIR or DATABASE_URL');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // The database comes from `env` only (DATA_DIR or DATABASE_URL), never from the test's own environment.
  const { DATABASE_URL: _url, DATA_DIR: _dir, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: {
      ...inherited, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, CLOCK_START: SPAWN_CLOCK_START,
      LOG_LEVEL: 'info', COOKIE_SECURE: 'false', WEB_DIST: '/nonexistent', RETENTION_SCHEDULE: 'false', BOOKING_REMINDERS: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return { url, port, child, output: () => output, exited };
}

/** Waits until the server answers ready (200), or throws when it exits first. Bounded by the caller's test timeout. */
export async function waitReady(server: SpawnedServer): Promise<void> {
  let exit: number | string | null = null;
  void server.exited.then((code) => (exit = code));
  for (;;) {
    if (exit !== null) throw new Error(`server exited (${exit}) before it was ready:\n${server.output().slice(-3000)}`);
    try {
      if ((await fetch(`${server.url}/api/v1/health/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
