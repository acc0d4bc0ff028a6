// Environment parsed and validated once at boot; a bad value stops the process with a clear message.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL URL; when absent the embedded PGlite database in dataDir is used. */
  databaseUrl: string | null;
  dataDir: string;
  logLevel: string;
  cookieSecure: boolean;
  sessionHours: number;
  /** Seed the demo network (not only reference data) when the database is empty. */
  seedDemo: boolean;
  webDist: string;
  /** For demos and benchmarks: the app's clock starts at this instant and runs on from there. */
  clockStart: Date | null;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function clockStart(raw: string | undefined): Date | null {
  if (!raw) return null;
  const d = new Date(raw);
  if (Number.isNaN(d.getTime())) throw new ConfigError(`CLOCK_START must be an ISO date-time, got "${raw}"`);
  return d;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "${logLevel}"`);
  }
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    dataDir: resolve(env.DATA_DIR ?? 'var/db'),
    logLevel,
    cookieSecure: bool(env, 'COOKIE_SECURE', true),
    sessionHours: int(env, 'SESSION_HOURS', 8, 1, 24 * 30),
    seedDemo: bool(env, 'SEED_DEMO', true),
    webDist: resolve(env.WEB_DIST ?? 'web/dist'),
    clockStart: clockStart(env.CLOCK_START),
  };
}
