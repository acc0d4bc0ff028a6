// The abuse settings (decision 0013): production defaults, a random challenge key unless one is shared,
// TRUST_PROXY's forms, and a clear stop on a bad value.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('abuse settings', () => {
  it('has production defaults and a random challenge key when none is shared', () => {
    const a = loadConfig({});
    expect(a.abuse).toMatchObject({ windowMinutes: 60, limits: { tickets: 20, checkIns: 20, bookings: 5, bookingChanges: 10 }, openBookingsPerContact: 2, exempt: [] });
    expect(a.abuse.challenge).toMatchObject({ required: true, sharedKey: false, work: 10_000 });
    expect(a.abuse.challenge.hmacKey).not.toBe(loadConfig({}).abuse.challenge.hmacKey);
    expect(loadConfig({ ALTCHA_HMAC_KEY: 'k'.repeat(40) }).abuse.challenge).toMatchObject({ hmacKey: 'k'.repeat(40), sharedKey: true });
    expect(a.trustProxy).toBe(false);
  });

  it('reads TRUST_PROXY as on, a hop count or a list of proxies', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1' }).trustProxy).toEqual(['10.0.0.1', '192.168.0.0/16', '::1']);
  });

  it('stops on a bad value, naming the variable', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.local' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ RATE_LIMIT_BOOKINGS: '0' })).toThrow(/RATE_LIMIT_BOOKINGS/);
    expect(() => loadConfig({ RATE_LIMIT_EXEMPT: 'office' })).toThrow(/RATE_LIMIT_EXEMPT/);
    expect(() => loadConfig({ ALTCHA_HMAC_KEY: 'short' })).toThrow(/ALTCHA_HMAC_KEY/);
    expect(() => loadConfig({ BOOKING_CHALLENGE: 'maybe' })).toThrow(/BOOKING_CHALLENGE/);
  });
});
