import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redact.ts';

describe('redactUrl', () => {
  it('hides the itinerary token, manage tokens and the OIDC code and state', () => {
    expect(redactUrl('/api/v1/motesplats/itinerary/abcDEF123_-/events')).toBe('/api/v1/motesplats/itinerary/[redacted]/events');
    expect(redactUrl('/api/v1/bookings/K7Q2M9XP?token=s3cret')).toBe('/api/v1/bookings/K7Q2M9XP?token=%5Bredacted%5D');
    expect(redactUrl('/api/v1/auth/oidc/callback?code=abc&state=def&iss=https%3A%2F%2Fidp')).toBe('/api/v1/auth/oidc/callback?code=%5Bredacted%5D&state=%5Bredacted%5D&iss=https%3A%2F%2Fidp');
  });

  it('leaves other URLs as they are', () => {
    expect(redactUrl('/api/v1/offices?limit=20')).toBe('/api/v1/offices?limit=20');
    expect(redactUrl('/ping')).toBe('/ping');
  });
});
