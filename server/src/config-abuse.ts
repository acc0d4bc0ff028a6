// Settings that keep the public routes from being abused (docs/decisions/0013-public-abuse-limits.md):
// per-address rate limits, the open-booking cap per contact, the booking form's proof of work, and which
// proxies may name the client's address. Parsed once at boot with the rest of config.ts.
import { randomBytes } from 'node:crypto';
import { BlockList, isIP } from 'node:net';

export class AbuseConfigError extends Error {}

/** Requests per client address per window, for each group of public write routes. */
export interface RateLimits {
  tickets: number;
  checkIns: number;
  bookings: number;
  bookingChanges: number;
}

export interface AbuseConfig {
  /** Length of one fixed counting window. */
  windowMinutes: number;
  limits: RateLimits;
  /** Addresses and networks (CIDR) that no per-address limit applies to, e.g. an office's guest network. */
  exempt: string[];
  /** Open (future, not cancelled) bookings one contact may hold per service. */
  openBookingsPerContact: number;
  challenge: ChallengeConfig;
}

export interface ChallengeConfig {
  /** Whether a public booking needs a solved ALTCHA challenge (staff booking never does). */
  required: boolean;
  /** Signs challenges; several instances must share it (ALTCHA_HMAC_KEY), else each makes its own. */
  hmacKey: string;
  /** False when the key was generated for this process only. */
  sharedKey: boolean;
  /** The solver's expected number of key derivations is about 3/4 of this (the secret counter is drawn from its upper half). */
  work: number;
}

/** Fastify's `trustProxy`: false, true (any), a hop count, or the proxies' addresses and networks. */
export type TrustProxy = boolean | number | string[];

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new AbuseConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new AbuseConfigError(`${name} must be true or false, got "${env[name]}"`);
}

/** An address or a network in CIDR form (10.0.0.0/8, 2001:db8::/32); throws naming the variable otherwise. */
function addressList(env: NodeJS.ProcessEnv, name: string): string[] {
  const items = (env[name] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) {
    const [address, bits, extra] = item.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const okBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (!family || !okBits || extra !== undefined) {
      throw new AbuseConfigError(`${name} must list IP addresses or networks (CIDR) separated by commas, got "${item}"`);
    }
  }
  return items;
}

export function trustProxyConfig(env: NodeJS.ProcessEnv): TrustProxy {
  const raw = env.TRUST_PROXY?.trim() ?? '';
  if (raw === '' || ['false', 'no', '0'].includes(raw.toLowerCase())) return false;
  if (['true', 'yes'].includes(raw.toLowerCase())) return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return addressList({ TRUST_PROXY: raw }, 'TRUST_PROXY');
}

export function abuseConfig(env: NodeJS.ProcessEnv): AbuseConfig {
  const key = env.ALTCHA_HMAC_KEY?.trim();
  if (key !== undefined && key !== '' && key.length < 32) throw new AbuseConfigError('ALTCHA_HMAC_KEY must be at least 32 characters (e.g. `openssl rand -hex 32`)');
  return {
    windowMinutes: int(env, 'RATE_LIMIT_WINDOW_MINUTES', 60, 1, 24 * 60),
    limits: {
      tickets: int(env, 'RATE_LIMIT_TICKETS', 20, 1, 1_000_000),
      checkIns: int(env, 'RATE_LIMIT_CHECK_INS', 20, 1, 1_000_000),
      bookings: int(env, 'RATE_LIMIT_BOOKINGS', 5, 1, 1_000_000),
      bookingChanges: int(env, 'RATE_LIMIT_BOOKING_CHANGES', 10, 1, 1_000_000),
    },
    exempt: addressList(env, 'RATE_LIMIT_EXEMPT'),
    openBookingsPerContact: int(env, 'BOOKING_OPEN_LIMIT', 2, 1, 1_000_000),
    challenge: {
      required: bool(env, 'BOOKING_CHALLENGE', true),
      hmacKey: key || randomBytes(32).toString('hex'),
      sharedKey: Boolean(key),
      work: int(env, 'BOOKING_CHALLENGE_WORK', 10_000, 100, 10_000_000),
    },
  };
}

/** The exempt list as a Node BlockList (IPv4 and IPv6), for a quick membership check per request. */
export function exemptList(items: string[]): BlockList {
  const list = new BlockList();
  for (const item of items) {
    const [address, bits] = item.split('/') as [string, string | undefined];
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

/** Fastify's option: a hop count becomes the function proxy-addr makes of one (trust the first n hops). */
export function fastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}
