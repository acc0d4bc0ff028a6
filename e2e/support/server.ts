// Starts the real app in-process (seeded PGlite, built web app) on a free port for browser tests.
import { resolve } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { buildApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config.ts';
import { openPglite } from '../../server/src/db/client.ts';
import { LENIENT_ABUSE_ENV } from '../../server/src/test/lenient-abuse-env.ts';

export interface RunningApp {
  url: string;
  /** Starts draining as SIGTERM does (live streams told to reconnect, new requests refused); returns the streams sent away. */
  drain(): number;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** A fixed time source, e.g. a weekday 11:00 in Stockholm so that offices are open for tickets. */
  clock?: () => Date;
  /** Environment for loadConfig (e.g. OIDC_* of a fake IdP), and a fixed port when the config must name its own URL. */
  env?: NodeJS.ProcessEnv;
  port?: number;
}

export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const webDist = resolve('web/dist');
  if (!existsSync(resolve(webDist, 'index.html'))) throw new Error('web/dist is missing: run `npm run build` first');
  // The seeded snapshot made once by server/src/test/global-setup.ts.
  const database = await openPglite(null, new Blob([readFileSync(inject('pgliteSnapshot'))]));
  // No retention timer: a run in the middle of a spec would change the data it looks at.
  // Rate limits and the booking challenge are lenient unless a spec's env turns them on (the booking spec does).
  const config = { ...loadConfig({ RETENTION_SCHEDULE: 'false', ...LENIENT_ABUSE_ENV, ...options.env }), webDist, cookieSecure: false };
  const app = await buildApp({ config, database, logger: false, clock: options.clock });
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    drain: () => app.deps.lifecycle!.drain(),
    stop: async () => {
      await app.close();
      await database.close();
    },
  };
}
