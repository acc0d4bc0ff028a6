import { describe, expect, it } from 'vitest';
import { errorSerializer, redactText, redactUrl } from './log-redact.ts';

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

describe('redactText', () => {
  it('hides personnummer, email addresses, phone numbers and random tokens in free text', () => {
    const line = 'pnr 19811218-9876 and 811218-9876 and 198112189876, mail karin.lund+x@example.se, tel 070-123 45 67 or +46701234567, link ?t=Xk2mP9qLw3RtYb7Nc4VhZ8sD1fGj5KaE';
    const out = redactText(line);
    for (const secret of ['9876', 'karin', '45 67', '+4670', 'Xk2mP9']) expect(out).not.toContain(secret);
  });

  it('keeps request ids, timestamps, SQL names and ordinary words', () => {
    const line = '{"time":1796687347654,"reqId":"8f65b2ba-eb56-4cc1-a3c4-123456789012","msg":"mp_households_assigned_kommunkod_municipalities_kommunkod_fk at 2026-12-01T10:00:00Z medborgarskapsansökningarna"}';
    expect(redactText(line)).toBe(line);
  });
});

describe('errorSerializer', () => {
  it('drops a failed query\'s parameters and PostgreSQL\'s quoted values, keeping the SQL and the stack', () => {
    const cause = Object.assign(new Error('invalid input syntax for type integer: "198112189876"'), { code: '22P02', detail: 'Key (email)=(a@b.se) exists' });
    const err = Object.assign(new Error('Failed query: select $1::int\nparams: 198112189876,Karin Lund'), { query: 'select $1::int', params: ['198112189876', 'Karin Lund'], cause });
    const out = JSON.stringify(errorSerializer(err));
    expect(out).not.toContain('198112189876');
    expect(out).not.toContain('Karin');
    expect(out).not.toContain('a@b.se');
    expect(out).toContain('select $1::int');
    expect(out).toContain('22P02');
    expect(out).toContain('log-redact.test.ts');
  });
});
