// Environment parsed and validated once at boot; a bad value stops the process with a clear message.
import { resolve } from 'node:path';
import { abuseConfig, AbuseConfigError, trustProxyConfig, type AbuseConfig, type TrustProxy } from './config-abuse.ts';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL URL; when absent the embedded PGlite database in dataDir is used. */
  databaseUrl: string | null;
  /** PostgreSQL only: the most connections this server's pool opens (one more listens for live events). */
  databasePoolSize: number;
  dataDir: string;
  logLevel: string;
  cookieSecure: boolean;
  sessionHours: number;
  /** Seed the demo network (not only reference data) when the database is empty. */
  seedDemo: boolean;
  webDist: string;
  /** For demos and benchmarks: the app's clock starts at this instant and runs on from there. */
  clockStart: Date | null;
  sms: SmsConfig;
  email: EmailConfig;
  video: { urlTemplate: string };
  /** Public base URL of the web app, for links in confirmations (manage link). */
  publicUrl: string;
  /** Whether this process sends booking reminders (the day before); off in tests. */
  remindersEnabled: boolean;
  /** Coverage travel times: an OSRM server's base URL (TRAVEL_URL), or null for the great-circle model. */
  travel: { url: string | null };
  /** Staff login through the organisation's OpenID Connect provider; null when OIDC_ISSUER or OIDC_CLIENT_ID is unset. */
  oidc: OidcConfig | null;
  /** How long personal data is kept (docs/retention.md), and whether this process runs retention daily. */
  retention: RetentionConfig;
  /** Rate limits, the open-booking cap and the booking challenge (config-abuse.ts). */
  abuse: AbuseConfig;
  /** Which proxies may name the client's address in X-Forwarded-For (TRUST_PROXY; Fastify's trustProxy). */
  trustProxy: TrustProxy;
  /** Throttling of failed password logins (modules/auth/throttle.ts). */
  loginThrottle: LoginThrottleConfig;
}

/**
 * Failed password logins, counted per account and per client address in the database (so every server
 * shares them): from `backoffAfter` failures each further try waits 1 s, 2 s, 4 s … (at most a minute);
 * from `lockoutAfter` the next try waits `lockoutMinutes`. Failures are forgotten `windowMinutes` after the
 * first one of a run, unless a wait is still running. Decision 0013.
 */
export interface LoginThrottleConfig {
  account: ThrottleRule;
  address: ThrottleRule;
  lockoutMinutes: number;
  windowMinutes: number;
}

export interface ThrottleRule {
  backoffAfter: number;
  lockoutAfter: number;
}

/** Days after the visit, appointment, Mötesplats day or message; then anonymised or deleted (modules/privacy). */
export interface RetentionConfig {
  visitDays: number;
  bookingDays: number;
  motesplatsDays: number;
  outboxDays: number;
  /** Run retention daily in this process (RETENTION_SCHEDULE); off in tests, which run it by hand. */
  scheduled: boolean;
}

/** OpenID Connect for staff (adapters/login/oidc.ts): the IdP is discovered at the first login, not at boot. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE only). */
  clientSecret: string | null;
  redirectUrl: string;
  usernameClaim: string;
}

/** Where emails go: the local outbox table (default), or an SMTP server when SMTP_URL is set. */
export type EmailConfig =
  | { provider: 'outbox'; from: string }
  | { provider: 'smtp'; from: string; url: string };

/** Where text messages go: the local outbox table (default), or 46elks in production. */
export type SmsConfig =
  | { provider: 'outbox'; from: string }
  | { provider: '46elks'; from: string; user: string; password: string; url: string };

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

/** Text sender ID (3–11 letters or digits, starting with a letter) or a number in E.164. */
const SMS_SENDER = /^([A-Za-z][A-Za-z0-9]{2,10}|\+[1-9][0-9]{6,14})$/;

function smsConfig(env: NodeJS.ProcessEnv): SmsConfig {
  const provider = env.SMS_PROVIDER?.trim() || 'outbox';
  const from = env.SMS_FROM?.trim() || 'Samservice';
  if (!SMS_SENDER.test(from)) {
    throw new ConfigError(`SMS_FROM must be 3–11 letters or digits starting with a letter, or a number like +46700000000; got "${from}"`);
  }
  if (provider === 'outbox') return { provider, from };
  if (provider !== '46elks') throw new ConfigError(`SMS_PROVIDER must be outbox or 46elks, got "${provider}"`);
  const user = env.SMS_46ELKS_USER?.trim();
  const password = env.SMS_46ELKS_PASSWORD;
  if (!user || !password) throw new ConfigError('SMS_PROVIDER=46elks needs SMS_46ELKS_USER and SMS_46ELKS_PASSWORD (the API credentials)');
  const url = env.SMS_46ELKS_URL?.trim() || 'https://api.46elks.com/a1';
  if (!/^https?:\/\/[^\s]+$/.test(url)) throw new ConfigError(`SMS_46ELKS_URL must be an http(s) URL, got "${url}"`);
  return { provider, from, user, password, url: url.replace(/\/+$/, '') };
}

function emailConfig(env: NodeJS.ProcessEnv): EmailConfig {
  const from = env.EMAIL_FROM?.trim() || 'Samservice <noreply@samservice.example>';
  if (!/^([^<>@\s]+@[^<>@\s]+|[^<>]*<[^<>@\s]+@[^<>@\s]+>)$/.test(from)) {
    throw new ConfigError(`EMAIL_FROM must be an address, optionally with a name: Samservice <noreply@example.se>; got "${from}"`);
  }
  const url = env.SMTP_URL?.trim();
  if (!url) return { provider: 'outbox', from };
  if (!/^smtps?:\/\/[^\s]+$/.test(url)) throw new ConfigError('SMTP_URL must start with smtp:// or smtps://');
  return { provider: 'smtp', from, url };
}

function videoTemplate(env: NodeJS.ProcessEnv): string {
  const template = env.VIDEO_URL_TEMPLATE?.trim() || 'https://meet.jit.si/samservice-{room}';
  if (!/^https:\/\/[^\s]+$/.test(template) || !template.includes('{room}')) {
    throw new ConfigError(`VIDEO_URL_TEMPLATE must be an https URL containing {room}, got "${template}"`);
  }
  return template;
}

function publicUrl(env: NodeJS.ProcessEnv): string {
  const url = env.PUBLIC_URL?.trim() || 'http://localhost:3000';
  if (!/^https?:\/\/[^\s]+$/.test(url)) throw new ConfigError(`PUBLIC_URL must be an http(s) URL, got "${url}"`);
  return url.replace(/\/+$/, '');
}

function travelUrl(env: NodeJS.ProcessEnv): string | null {
  const url = env.TRAVEL_URL?.trim();
  if (!url) return null;
  if (!/^https?:\/\/[^\s]+$/.test(url)) throw new ConfigError(`TRAVEL_URL must be the http(s) base URL of an OSRM server, got "${url}"`);
  return url.replace(/\/+$/, '');
}

/** http is allowed only on the loopback interface (a local test IdP); anything else must be https. */
const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/;

function oidcConfig(env: NodeJS.ProcessEnv, base: string): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!issuer || !clientId) return null;
  const secureOrLocal = (url: string) => /^https:\/\/[^\s]+$/.test(url) || LOOPBACK.test(url);
  if (!secureOrLocal(issuer)) throw new ConfigError(`OIDC_ISSUER must be an https URL (the issuer, without /.well-known/…), got "${issuer}"`);
  const redirectUrl = env.OIDC_REDIRECT_URL?.trim() || `${base}/api/v1/auth/oidc/callback`;
  if (!/^https?:\/\/[^\s?#]+$/.test(redirectUrl) || !secureOrLocal(redirectUrl)) {
    throw new ConfigError(`OIDC_REDIRECT_URL must be an https URL without query (http only on localhost), got "${redirectUrl}"`);
  }
  const usernameClaim = env.OIDC_USERNAME_CLAIM?.trim() || 'preferred_username';
  // The issuer is kept as written: discovery compares it with the IdP's own `issuer` exactly.
  return { issuer, clientId, clientSecret: env.OIDC_CLIENT_SECRET || null, redirectUrl, usernameClaim };
}

function throttleRule(env: NodeJS.ProcessEnv, scope: 'ACCOUNT' | 'ADDRESS', backoff: number, lockout: number): ThrottleRule {
  const backoffAfter = int(env, `LOGIN_${scope}_BACKOFF_AFTER`, backoff, 1, 1000);
  const lockoutAfter = int(env, `LOGIN_${scope}_LOCKOUT_AFTER`, lockout, 1, 1000);
  if (lockoutAfter < backoffAfter) {
    throw new ConfigError(`LOGIN_${scope}_LOCKOUT_AFTER (${lockoutAfter}) must not be below LOGIN_${scope}_BACKOFF_AFTER (${backoffAfter})`);
  }
  return { backoffAfter, lockoutAfter };
}

function loginThrottle(env: NodeJS.ProcessEnv): LoginThrottleConfig {
  return {
    account: throttleRule(env, 'ACCOUNT', 5, 10),
    // Higher: one address may be a whole office behind NAT, where colleagues mistype too.
    address: throttleRule(env, 'ADDRESS', 20, 50),
    lockoutMinutes: int(env, 'LOGIN_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    windowMinutes: int(env, 'LOGIN_FAILURE_WINDOW_MINUTES', 60, 1, 7 * 24 * 60),
  };
}

/** The abuse settings' own errors are configuration errors like the rest (main.ts stops on those). */
function abuseSettings(env: NodeJS.ProcessEnv): { abuse: AbuseConfig; trustProxy: TrustProxy } {
  try {
    return { abuse: abuseConfig(env), trustProxy: trustProxyConfig(env) };
  } catch (err) {
    throw err instanceof AbuseConfigError ? new ConfigError(err.message) : err;
  }
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
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', 10, 2, 1000),
    dataDir: resolve(env.DATA_DIR ?? 'var/db'),
    logLevel,
    cookieSecure: bool(env, 'COOKIE_SECURE', true),
    sessionHours: int(env, 'SESSION_HOURS', 8, 1, 24 * 30),
    seedDemo: bool(env, 'SEED_DEMO', true),
    webDist: resolve(env.WEB_DIST ?? 'web/dist'),
    clockStart: clockStart(env.CLOCK_START),
    sms: smsConfig(env),
    email: emailConfig(env),
    video: { urlTemplate: videoTemplate(env) },
    publicUrl: publicUrl(env),
    remindersEnabled: bool(env, 'BOOKING_REMINDERS', true),
    travel: { url: travelUrl(env) },
    oidc: oidcConfig(env, publicUrl(env)),
    retention: {
      visitDays: int(env, 'RETENTION_VISIT_DAYS', 30, 1, 3650),
      bookingDays: int(env, 'RETENTION_BOOKING_DAYS', 90, 1, 3650),
      motesplatsDays: int(env, 'RETENTION_MOTESPLATS_DAYS', 90, 1, 3650),
      outboxDays: int(env, 'RETENTION_OUTBOX_DAYS', 30, 1, 3650),
      scheduled: bool(env, 'RETENTION_SCHEDULE', true),
    },
    loginThrottle: loginThrottle(env),
    ...abuseSettings(env),
  };
}
