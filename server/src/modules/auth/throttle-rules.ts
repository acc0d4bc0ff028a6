// When a password login may be tried again, from the failures counted so far. Pure: the counters live in
// the database (throttle.ts), the clock is the caller's. Decision 0012.
import type { LoginThrottleConfig, ThrottleRule } from '../../config.ts';

/** A run of failures of one account or one client address. */
export interface FailureRun {
  failures: number;
  windowStartedAt: Date;
  lastFailureAt: Date;
}

export type ThrottleReason = 'login_backoff' | 'login_locked';

export interface Wait {
  reason: ThrottleReason;
  until: Date;
}

/** Back-off doubles from one second and stops growing at a minute; past that, the lockout takes over. */
const BACKOFF_FIRST_MS = 1000;
const BACKOFF_LONGEST_MS = 60_000;

/** The wait that `failures` failures impose, counted from the last one; null below the back-off threshold. */
export function waitAfter(failures: number, lastFailureAt: Date, rule: ThrottleRule, cfg: LoginThrottleConfig): Wait | null {
  const lockoutMs = cfg.lockoutMinutes * 60_000;
  if (failures >= rule.lockoutAfter) return { reason: 'login_locked', until: new Date(lastFailureAt.getTime() + lockoutMs) };
  if (failures < rule.backoffAfter) return null;
  const ms = Math.min(BACKOFF_FIRST_MS * 2 ** (failures - rule.backoffAfter), BACKOFF_LONGEST_MS, lockoutMs);
  return { reason: 'login_backoff', until: new Date(lastFailureAt.getTime() + ms) };
}

/** The wait still running at `now`, if any. */
export function waitAt(run: FailureRun | undefined, rule: ThrottleRule, cfg: LoginThrottleConfig, now: Date): Wait | null {
  if (!run) return null;
  const wait = waitAfter(run.failures, run.lastFailureAt, rule, cfg);
  return wait && wait.until > now ? wait : null;
}

/**
 * Whether the run is over: its window (from its first failure) has passed and no wait is running. A fixed
 * window, not one that slides with each failure, so steady mistyping at a busy address still comes to an end.
 */
export function runIsOver(run: FailureRun, rule: ThrottleRule, cfg: LoginThrottleConfig, now: Date): boolean {
  const windowEnd = run.windowStartedAt.getTime() + cfg.windowMinutes * 60_000;
  return now.getTime() >= windowEnd && waitAt(run, rule, cfg, now) === null;
}

/** The run after one more failure at `now`. */
export function afterFailure(run: FailureRun | undefined, rule: ThrottleRule, cfg: LoginThrottleConfig, now: Date): FailureRun {
  if (!run || runIsOver(run, rule, cfg, now)) return { failures: 1, windowStartedAt: now, lastFailureAt: now };
  return { failures: run.failures + 1, windowStartedAt: run.windowStartedAt, lastFailureAt: now };
}

/** Whole seconds until `until`, at least 1 (for Retry-After and the login page). */
export function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}
