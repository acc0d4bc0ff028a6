// Failed password logins counted in the database, per account and per client address, so that every
// server shares the counts (decision 0012). What the counts mean is pure code in throttle-rules.ts.
import { and, eq, lt, sql } from 'drizzle-orm';
import ipaddr from 'ipaddr.js';
import type { LoginThrottleConfig } from '../../config.ts';
import type { Db, Tx } from '../../db/client.ts';
import { loginThrottle } from '../../db/schema.ts';
import { afterFailure, secondsUntil, waitAt, type FailureRun, type ThrottleReason } from './throttle-rules.ts';

export type ThrottleScope = 'account' | 'address';

export interface Refusal {
  scope: ThrottleScope;
  reason: ThrottleReason;
  retryAfterSeconds: number;
}

/**
 * The key a client address is counted under: IPv4 as it is (also when mapped into IPv6), IPv6 by its /64,
 * since one subscriber usually holds a whole /64 and could otherwise step to a fresh address per guess.
 */
export function addressKey(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const addr = ipaddr.process(ip);
  if (addr.kind() === 'ipv4') return addr.toString();
  return `${addr.toNormalizedString().split(':').slice(0, 4).join(':')}::/64`;
}

const rowOf = (scope: ThrottleScope, key: string) => and(eq(loginThrottle.scope, scope), eq(loginThrottle.key, key));

/**
 * The row of a scope and key, read under a transaction-scoped advisory lock on that key, so that counting
 * is one at a time per account or address even before its row exists (a row lock would need the row).
 */
async function lockedRun(tx: Tx, scope: ThrottleScope, key: string): Promise<FailureRun | undefined> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login_throttle:${scope}:${key}`}))`);
  return readRun(tx, scope, key);
}

async function readRun(db: Db | Tx, scope: ThrottleScope, key: string): Promise<FailureRun | undefined> {
  const [row] = await db
    .select({ failures: loginThrottle.failures, windowStartedAt: loginThrottle.windowStartedAt, lastFailureAt: loginThrottle.lastFailureAt })
    .from(loginThrottle)
    .where(rowOf(scope, key));
  return row;
}

/** One more failure; `run` is the row as read under its lock in the same transaction (undefined: none yet). */
async function countFailure(tx: Tx, scope: ThrottleScope, key: string, run: FailureRun | undefined, cfg: LoginThrottleConfig, now: Date) {
  const next = afterFailure(run, cfg[scope], cfg, now);
  if (run) await tx.update(loginThrottle).set(next).where(rowOf(scope, key));
  else await tx.insert(loginThrottle).values({ scope, key, ...next });
}

/**
 * Before a password is checked: refuses while the address or the account must wait (such a try is not
 * counted), and otherwise counts the try against the account at once; `clearAccount` takes it back on
 * success. Counting first means a burst of parallel guesses at one account cannot all pass before the
 * first one has failed.
 */
export async function beginAttempt(db: Db, who: { userId: string | null; address: string }, cfg: LoginThrottleConfig, now: Date): Promise<Refusal | null> {
  return db.transaction(async (tx) => {
    const address = await readRun(tx, 'address', who.address);
    const account = who.userId ? await lockedRun(tx, 'account', who.userId) : undefined;
    const waits = [
      { scope: 'account' as const, wait: waitAt(account, cfg.account, cfg, now) },
      { scope: 'address' as const, wait: waitAt(address, cfg.address, cfg, now) },
    ];
    const longest = waits.reduce((a, b) => ((b.wait?.until ?? 0) > (a.wait?.until ?? 0) ? b : a));
    if (longest.wait) return { scope: longest.scope, reason: longest.wait.reason, retryAfterSeconds: secondsUntil(longest.wait.until, now) };
    if (who.userId) await countFailure(tx, 'account', who.userId, account, cfg, now);
    return null;
  });
}

/**
 * A refused password (or a name that is no account): counted against the address. The address is counted
 * only now, not ahead like the account, so that colleagues logging in at once from one office are not
 * taken for a burst of guesses.
 */
export async function failed(db: Db, address: string, cfg: LoginThrottleConfig, now: Date): Promise<void> {
  await db.transaction(async (tx) => countFailure(tx, 'address', address, await lockedRun(tx, 'address', address), cfg, now));
  // Housekeeping: a row whose window and wait have both passed means nothing any more (addresses are personal data).
  const cutoff = new Date(now.getTime() - Math.max(cfg.windowMinutes, cfg.lockoutMinutes) * 60_000);
  await db.delete(loginThrottle).where(lt(loginThrottle.lastFailureAt, cutoff));
}

/**
 * The right password, or an admin's new one: the account's run ends. The address's does not: one good login
 * says nothing about other guesses from there.
 */
export async function clearAccount(db: Db | Tx, userId: string): Promise<void> {
  await db.delete(loginThrottle).where(rowOf('account', userId));
}
