// Per-address rate limits on the public write routes (decision 0013): a fixed-window counter in
// PostgreSQL, one upsert per request, so every instance on the database counts together. A refusal is
// `429 rate_limited` with `Retry-After`, `details.retryAfterSeconds` and a reason per group of routes.
import { lt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { rateLimitCounters } from '../../db/schema.ts';
import { exemptList, type AbuseConfig, type RateLimits } from '../../config-abuse.ts';
import { AppError } from '../../lib/errors.ts';
import { addressKey } from './client-address.ts';

export type Bucket = keyof RateLimits;

/** The stable `details.reason` of each group's refusal (docs/errors.md). */
export const LIMIT_REASONS: Record<Bucket, string> = {
  tickets: 'too_many_tickets',
  checkIns: 'too_many_check_ins',
  bookings: 'too_many_bookings',
  bookingChanges: 'too_many_booking_changes',
};

/** Expired windows are deleted after this many counted requests in a process (and by `sweep`). */
const SWEEP_EVERY = 200;

export interface RateLimiter {
  /** Counts one request from this address; throws `rate_limited` once the window's limit is passed. */
  hit(bucket: Bucket, ip: string): Promise<void>;
  /** A route hook doing `hit` with the request's address, unless `exempt` says the request is exempt. */
  guard(bucket: Bucket, exempt?: (req: FastifyRequest) => Promise<boolean>): (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** Deletes the windows that have passed; returns how many rows went. */
  sweep(): Promise<number>;
}

interface Logger {
  warn(obj: object, msg: string): void;
}

export function createRateLimiter(db: Db, config: AbuseConfig, now: () => Date, log: Logger): RateLimiter {
  const windowMs = config.windowMinutes * 60_000;
  const exempt = exemptList(config.exempt);
  let counted = 0;

  const isExemptAddress = (key: string) => {
    if (config.exempt.length === 0) return false;
    const address = key.endsWith('::/64') ? key.slice(0, -4) : key;
    return exempt.check(address, address.includes(':') ? 'ipv6' : 'ipv4');
  };

  const sweep = async () => {
    const gone = await db.delete(rateLimitCounters).where(lt(rateLimitCounters.expiresAt, now())).returning({ key: rateLimitCounters.key });
    return gone.length;
  };

  const hit = async (bucket: Bucket, ip: string) => {
    const key = addressKey(ip);
    // An exempt /64 is checked by its first address: list a whole network (CIDR) to exempt IPv6 clients.
    if (isExemptAddress(key)) return;
    const at = now().getTime();
    const windowStart = Math.floor(at / windowMs) * windowMs;
    const windowEnd = new Date(windowStart + windowMs);
    const [row] = await db.insert(rateLimitCounters)
      .values({ bucket, key, windowStart: new Date(windowStart), hits: 1, expiresAt: windowEnd })
      .onConflictDoUpdate({
        target: [rateLimitCounters.bucket, rateLimitCounters.key, rateLimitCounters.windowStart],
        set: { hits: sql`${rateLimitCounters.hits} + 1` },
      })
      .returning({ hits: rateLimitCounters.hits });
    if (++counted % SWEEP_EVERY === 0) void sweep().catch((err: unknown) => log.warn({ err }, 'rate limit sweep failed'));
    const limit = config.limits[bucket];
    if (row!.hits <= limit) return;
    const retryAfterSeconds = Math.max(1, Math.ceil((windowEnd.getTime() - at) / 1000));
    throw new AppError('rate_limited', `Too many requests from your address; try again in ${retryAfterSeconds} seconds`, {
      reason: LIMIT_REASONS[bucket],
      details: { retryAfterSeconds, limit, windowSeconds: windowMs / 1000 },
    });
  };

  return {
    hit,
    sweep,
    guard: (bucket, isExempt) => async (req, reply) => {
      if (isExempt && (await isExempt(req))) return;
      try {
        await hit(bucket, req.ip);
      } catch (err) {
        if (err instanceof AppError && err.code === 'rate_limited') {
          reply.header('retry-after', String((err.details as { retryAfterSeconds: number }).retryAfterSeconds));
        }
        throw err;
      }
    },
  };
}
