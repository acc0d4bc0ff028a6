// Configuration parsing: the SMS settings (outbox by default, 46elks only with its credentials, a sender that
// providers accept) and the coverage travel model.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('SMS configuration', () => {
  it('defaults to the outbox, sent as Samservice', () => {
    expect(loadConfig({}).sms).toEqual({ provider: 'outbox', from: 'Samservice' });
  });

  it('takes 46elks with its credentials, and a configurable base URL', () => {
    const env = { SMS_PROVIDER: '46elks', SMS_46ELKS_USER: 'u1', SMS_46ELKS_PASSWORD: 'p1' };
    expect(loadConfig(env).sms).toEqual({ provider: '46elks', from: 'Samservice', user: 'u1', password: 'p1', url: 'https://api.46elks.com/a1' });
    expect(loadConfig({ ...env, SMS_46ELKS_URL: 'http://127.0.0.1:9999/a1/', SMS_FROM: '+46700000000' }).sms)
      .toMatchObject({ url: 'http://127.0.0.1:9999/a1', from: '+46700000000' });
  });

  it('stops with a clear message on a bad setting', () => {
    expect(() => loadConfig({ SMS_PROVIDER: 'carrier-pigeon' })).toThrow(ConfigError);
    expect(() => loadConfig({ SMS_PROVIDER: '46elks', SMS_46ELKS_USER: 'u1' })).toThrow(/SMS_46ELKS_USER and SMS_46ELKS_PASSWORD/);
    expect(() => loadConfig({ SMS_FROM: 'Samservice Växjö' })).toThrow(/SMS_FROM/);
    expect(() => loadConfig({ SMS_PROVIDER: '46elks', SMS_46ELKS_USER: 'u', SMS_46ELKS_PASSWORD: 'p', SMS_46ELKS_URL: 'ftp://x' })).toThrow(/SMS_46ELKS_URL/);
  });
});

describe('travel configuration (coverage planning)', () => {
  it('uses the great-circle model unless TRAVEL_URL names an OSRM server', () => {
    expect(loadConfig({}).travel).toEqual({ url: null });
    expect(loadConfig({ TRAVEL_URL: ' http://osrm.local:5000/ ' }).travel).toEqual({ url: 'http://osrm.local:5000' });
    expect(() => loadConfig({ TRAVEL_URL: 'osrm.local:5000' })).toThrow(/TRAVEL_URL/);
  });
});

describe('OpenID Connect configuration', () => {
  const on = { OIDC_ISSUER: 'https://idp.myndighet.se/realms/staff', OIDC_CLIENT_ID: 'samservice' };

  it('is off unless both the issuer and the client id are set', () => {
    expect(loadConfig({}).oidc).toBeNull();
    expect(loadConfig({ OIDC_ISSUER: on.OIDC_ISSUER }).oidc).toBeNull();
    expect(loadConfig({ OIDC_CLIENT_ID: 'samservice' }).oidc).toBeNull();
  });

  it('defaults the callback to PUBLIC_URL and the username claim to preferred_username', () => {
    expect(loadConfig({ ...on, PUBLIC_URL: 'https://samservice.example.se/' }).oidc).toEqual({
      issuer: on.OIDC_ISSUER, clientId: 'samservice', clientSecret: null,
      redirectUrl: 'https://samservice.example.se/api/v1/auth/oidc/callback', usernameClaim: 'preferred_username',
    });
    expect(loadConfig({ ...on, OIDC_CLIENT_SECRET: 's3', OIDC_REDIRECT_URL: 'https://x.se/cb', OIDC_USERNAME_CLAIM: 'email' }).oidc)
      .toMatchObject({ clientSecret: 's3', redirectUrl: 'https://x.se/cb', usernameClaim: 'email' });
  });

  it('takes http only on the loopback interface', () => {
    expect(loadConfig({ ...on, OIDC_ISSUER: 'http://127.0.0.1:8080' }).oidc?.issuer).toBe('http://127.0.0.1:8080');
    expect(() => loadConfig({ ...on, OIDC_ISSUER: 'http://idp.myndighet.se' })).toThrow(/OIDC_ISSUER/);
    expect(() => loadConfig({ ...on, OIDC_REDIRECT_URL: 'https://x.se/cb?a=1' })).toThrow(/OIDC_REDIRECT_URL/);
    // The code travels to the redirect URL: plain http only on this machine.
    expect(() => loadConfig({ ...on, OIDC_REDIRECT_URL: 'http://samservice.myndighet.se/cb' })).toThrow(/OIDC_REDIRECT_URL/);
    expect(loadConfig({ ...on, OIDC_REDIRECT_URL: 'http://localhost:3000/cb' }).oidc?.redirectUrl).toBe('http://localhost:3000/cb');
  });
});

describe('retention configuration', () => {
  it('keeps visits and outbox messages 30 days, bookings and Mötesplats days 90, run daily', () => {
    expect(loadConfig({}).retention).toEqual({ visitDays: 30, bookingDays: 90, motesplatsDays: 90, outboxDays: 30, scheduled: true });
    expect(loadConfig({ RETENTION_VISIT_DAYS: '7', RETENTION_BOOKING_DAYS: '365', RETENTION_SCHEDULE: 'false' }).retention)
      .toMatchObject({ visitDays: 7, bookingDays: 365, scheduled: false });
  });

  it('stops on a value that is not a whole number of days from 1 to 3650', () => {
    expect(() => loadConfig({ RETENTION_VISIT_DAYS: '0' })).toThrow(/RETENTION_VISIT_DAYS/);
    expect(() => loadConfig({ RETENTION_OUTBOX_DAYS: '2.5' })).toThrow(/RETENTION_OUTBOX_DAYS/);
    expect(() => loadConfig({ RETENTION_MOTESPLATS_DAYS: 'forever' })).toThrow(/RETENTION_MOTESPLATS_DAYS/);
  });
});

describe('database pool configuration', () => {
  it('opens at most 10 connections per server unless DATABASE_POOL_SIZE says otherwise', () => {
    expect(loadConfig({}).databasePoolSize).toBe(10);
    expect(loadConfig({ DATABASE_POOL_SIZE: '25' }).databasePoolSize).toBe(25);
  });

  it('stops on a size that is not a whole number from 2 to 1000', () => {
    for (const bad of ['0', '1', '1001', '2.5', 'ten', '-3']) {
      expect(() => loadConfig({ DATABASE_POOL_SIZE: bad })).toThrow(/DATABASE_POOL_SIZE must be a whole number from 2 to 1000/);
    }
  });
});
