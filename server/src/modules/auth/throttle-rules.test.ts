// The login throttle's rules (pure) and how client addresses are keyed.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { afterFailure, runIsOver, secondsUntil, waitAfter, waitAt, type FailureRun } from './throttle-rules.ts';
import { addressKey } from './throttle.ts';

const cfg = loadConfig({}).loginThrottle;
const t0 = new Date('2026-12-01T10:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('login throttle rules', () => {
  it('defaults: back-off after 5 and lockout after 10 per account, 20 and 50 per address, 15 minutes, a 60-minute window', () => {
    expect(cfg).toEqual({ account: { backoffAfter: 5, lockoutAfter: 10 }, address: { backoffAfter: 20, lockoutAfter: 50 }, lockoutMinutes: 15, windowMinutes: 60 });
    const env = { LOGIN_ACCOUNT_BACKOFF_AFTER: '3', LOGIN_ACCOUNT_LOCKOUT_AFTER: '6', LOGIN_ADDRESS_BACKOFF_AFTER: '30', LOGIN_ADDRESS_LOCKOUT_AFTER: '90', LOGIN_LOCKOUT_MINUTES: '30', LOGIN_FAILURE_WINDOW_MINUTES: '120' };
    expect(loadConfig(env).loginThrottle).toEqual({ account: { backoffAfter: 3, lockoutAfter: 6 }, address: { backoffAfter: 30, lockoutAfter: 90 }, lockoutMinutes: 30, windowMinutes: 120 });
    expect(() => loadConfig({ LOGIN_ACCOUNT_BACKOFF_AFTER: '8', LOGIN_ACCOUNT_LOCKOUT_AFTER: '4' })).toThrow(/LOGIN_ACCOUNT_LOCKOUT_AFTER/);
    expect(() => loadConfig({ LOGIN_LOCKOUT_MINUTES: '0' })).toThrow(/LOGIN_LOCKOUT_MINUTES/);
  });

  it('waits nothing below the back-off, then 1, 2, 4, 8, 16 s, then locks for 15 minutes', () => {
    const waits = Array.from({ length: 12 }, (_, i) => waitAfter(i + 1, t0, cfg.account, cfg));
    expect(waits.slice(0, 4)).toEqual([null, null, null, null]);
    expect(waits.slice(4, 9).map((w) => [w!.reason, secondsUntil(w!.until, t0)])).toEqual([
      ['login_backoff', 1], ['login_backoff', 2], ['login_backoff', 4], ['login_backoff', 8], ['login_backoff', 16],
    ]);
    expect(waits.slice(9).map((w) => [w!.reason, secondsUntil(w!.until, t0)])).toEqual([['login_locked', 900], ['login_locked', 900], ['login_locked', 900]]);
  });

  it('caps the back-off at a minute, so the address lockout (50) still means something', () => {
    const waits = [20, 25, 26, 27, 49].map((n) => secondsUntil(waitAfter(n, t0, cfg.address, cfg)!.until, t0));
    expect(waits).toEqual([1, 32, 60, 60, 60]);
    expect(waitAfter(50, t0, cfg.address, cfg)!.reason).toBe('login_locked');
  });

  it('counts failures in a fixed window from the first, which a running wait outlasts', () => {
    let run: FailureRun | undefined;
    for (let i = 0; i < 3; i++) run = afterFailure(run, cfg.account, cfg, at(i * 600)); // 0, 10 and 20 minutes
    expect(run).toEqual({ failures: 3, windowStartedAt: t0, lastFailureAt: at(1200) });
    // 60 minutes after the first failure the run is over, although the last was 40 minutes ago.
    expect(runIsOver(run!, cfg.account, cfg, at(3599))).toBe(false);
    expect(runIsOver(run!, cfg.account, cfg, at(3600))).toBe(true);
    expect(afterFailure(run, cfg.account, cfg, at(3600))).toEqual({ failures: 1, windowStartedAt: at(3600), lastFailureAt: at(3600) });

    // A lockout that began at minute 55 runs to minute 70, past the window's end.
    const locked: FailureRun = { failures: 10, windowStartedAt: t0, lastFailureAt: at(55 * 60) };
    expect(waitAt(locked, cfg.account, cfg, at(65 * 60))?.reason).toBe('login_locked');
    expect(runIsOver(locked, cfg.account, cfg, at(65 * 60))).toBe(false);
    expect(afterFailure(locked, cfg.account, cfg, at(65 * 60)).failures).toBe(11);
    expect(waitAt(locked, cfg.account, cfg, at(70 * 60))).toBeNull();
    expect(runIsOver(locked, cfg.account, cfg, at(70 * 60))).toBe(true);
  });

  it('keys IPv4 as it is, IPv4 mapped into IPv6 as IPv4, and IPv6 by its /64', () => {
    expect(addressKey('198.51.100.7')).toBe('198.51.100.7');
    expect(addressKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
  });
});
