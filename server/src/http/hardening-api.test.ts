// The inputs and requests that once gave a 500 or slipped past the browser defences, one by one: each
// now gets a catalogued 4xx that names the field and carries the request id.
import { beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { describeWithApp } from '../test/harness.ts';
import { DEMO_MOTESPLATS_DATE } from '../db/seed/demo-motesplats.ts';

interface ErrorBody { code: string; field?: string; message: string; requestId: string; details?: { reason?: string } }

function expectRefusal(res: { statusCode: number; json<T>(): T }, status: number, code: string, field?: string, reason?: string) {
  const body = res.json<ErrorBody>();
  expect({ status: res.statusCode, code: body.code }).toEqual({ status, code });
  expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  if (field !== undefined) expect(body.field).toBe(field);
  if (reason !== undefined) expect(body.details?.reason).toBe(reason);
  return body;
}

/** Sends raw bytes to a listening app and returns the status line and body of the answer. */
async function rawRequest(app: FastifyInstance, request: string): Promise<{ status: number; body: string }> {
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('close', () => resolve({ status: Number(data.split(' ')[1]), body: data.slice(data.indexOf('\r\n\r\n') + 4) }));
    socket.on('error', reject);
  });
}

describeWithApp('hardening: bad input', (ctx) => {
  let office = '';
  let service = '';
  let coordinator = '';
  beforeAll(async () => {
    const offices = (await ctx.app.inject({ method: 'GET', url: '/api/v1/offices' })).json<Array<{ id: string; name: string }>>();
    office = offices.find((o) => o.name.includes('Växjö'))!.id;
    service = (await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${office}` })).json<{ serviceIds: string[] }>().serviceIds[0]!;
    coordinator = await ctx.login('samordnare.vaxjo');
  });

  it('refuses a NUL byte or an escape in any text, even the login name', async () => {
    const login = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin\u0000', password: 'demo-password' } });
    expectRefusal(login, 400, 'validation_failed', 'username', 'control_character');
    const search = await ctx.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('Växjö\u001b[2J')}` });
    expectRefusal(search, 400, 'validation_failed', 'q', 'control_character');
    const lone = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{"username":"a\\ud800","password":"x"}', headers: { 'content-type': 'application/json' } });
    expectRefusal(lone, 400, 'validation_failed', 'username', 'invalid_unicode');
  });

  it('keeps line breaks and tabs in bodies, where notes need them', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'no.such.user', password: 'line one\n\tline two' } });
    expect(res.json<ErrorBody>().code).toBe('invalid_credentials');
  });

  it('refuses numbers out of range, in exponent form and not finite', async () => {
    for (const days of ['1e309', '99999999999999999999', 'Infinity', '-1e309']) {
      const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${office}/calendar?days=${days}` });
      expectRefusal(res, 400, 'validation_failed', 'days');
    }
    const limit = await ctx.app.inject({ method: 'GET', url: '/api/v1/search?q=skatt&limit=99999999999999999999' });
    expectRefusal(limit, 400, 'validation_failed', 'limit');
    const page = await ctx.app.inject({ method: 'GET', url: '/api/v1/hsds/organizations?page=1e309' });
    expectRefusal(page, 400, 'validation_failed', 'page', 'out_of_range');
  });

  it('refuses impossible dates and dates outside 1900–2100', async () => {
    for (const from of ['2026-02-30', '2026-13-01', '0000-01-01', '0001-01-01', '9999-12-31', '1899-12-31', '2101-01-01']) {
      const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${office}/services/${service}/slots?from=${from}&to=2026-12-20` });
      expectRefusal(res, 400, 'validation_failed', 'from');
    }
    const leap = await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${office}/calendar?from=2028-02-29&days=2` });
    expect(leap.statusCode).toBe(200);
    const booking = await ctx.app.inject({ method: 'POST', url: '/api/v1/bookings/ABCDEF12/reschedule?token=aaaaaaaaaaaaaaaaaaaa', payload: { start: '9999-12-31T09:00:00Z' } });
    expectRefusal(booking, 400, 'validation_failed', 'start');
    for (const date of ['0001-01-01', '9999-12-31', '2026-02-30']) {
      const staffing = await ctx.app.inject({ method: 'GET', url: `/api/v1/motesplats/offices/${office}/days/${date}/resources`, headers: { cookie: coordinator } });
      expectRefusal(staffing, 400, 'validation_failed', 'date');
    }
    const demoDay = await ctx.app.inject({ method: 'GET', url: `/api/v1/motesplats/offices/${office}/days/${DEMO_MOTESPLATS_DATE}/resources`, headers: { cookie: coordinator } });
    expect(demoDay.statusCode).toBe(200);
  });

  it('answers a wrong content type, an over-large or over-deep body, a malformed URL and an over-long parameter in the catalogue', async () => {
    const form = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: 'username=admin', headers: { 'content-type': 'text/plain' } });
    expectRefusal(form, 415, 'unsupported_media_type');
    const big = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } });
    expectRefusal(big, 413, 'payload_too_large');
    const deep = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: `{"username":${'['.repeat(100)}${']'.repeat(100)}}`, headers: { 'content-type': 'application/json' } });
    expectRefusal(deep, 400, 'validation_failed', undefined, 'too_deep');
    const broken = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{"username":', headers: { 'content-type': 'application/json' } });
    expectRefusal(broken, 400, 'bad_request');
    const badUrl = await ctx.app.inject({ method: 'GET', url: '/api/v1/offices/%E0%A4%A' });
    expectRefusal(badUrl, 400, 'bad_request');
    const longParam = await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${'a'.repeat(200)}` });
    expectRefusal(longParam, 414, 'uri_too_long');
  });

  it('answers what the HTTP parser refuses (headers too large) in the same shape', async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const res = await rawRequest(ctx.app, `GET /api/v1/ping HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(res.status).toBe(414);
    const body = JSON.parse(res.body) as ErrorBody;
    expect(body.code).toBe('uri_too_long');
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describeWithApp('hardening: browser defences', (ctx) => {
  let admin = '';
  let agencyId = '';
  beforeAll(async () => {
    admin = await ctx.login('admin');
    agencyId = (await ctx.app.inject({ method: 'GET', url: '/api/v1/agencies' })).json<Array<{ id: string; code: string }>>()[0]!.id;
  });

  it('sends a strict CSP and the other security headers on every answer', async () => {
    for (const url of ['/api/v1/offices', '/kontor/x', '/api/v1/nothing-here']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      // PUBLIC_URL is http here: no HSTS (the suite below sets https).
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('refuses state changes from another origin, the same host on another port and another site, with a stable code', async () => {
    const attempts: Array<Record<string, string>> = [
      { origin: 'http://localhost:4000', 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of attempts) {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...headers, cookie: admin, 'content-type': 'text/plain' }, payload: 'x' });
      expectRefusal(res, 403, 'forbidden', undefined, 'cross_origin');
    }
    // The session survived every attempt.
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: admin } })).statusCode).toBe(200);
  });

  it('lets the app\'s own pages, and clients that are not browsers, through', async () => {
    const own = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' }, payload: { username: 'admin', password: 'demo-password' } });
    expect(own.statusCode).toBe(200);
    const sameHost = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { host: 'samservice.test:8080', origin: 'http://samservice.test:8080' }, payload: { username: 'admin', password: 'demo-password' } });
    expect(sameHost.statusCode).toBe(200);
    const cli = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'demo-password' } });
    expect(cli.statusCode).toBe(200);
    const read = await ctx.app.inject({ method: 'GET', url: '/api/v1/offices', headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(read.statusCode).toBe(200);
  });

  it('accepts only http(s) addresses for an agency\'s website', async () => {
    const current = (await ctx.app.inject({ method: 'GET', url: '/api/v1/agencies' })).json<Array<Record<string, unknown>>>().find((a) => a.id === agencyId)!;
    const { id: _id, ...input } = current;
    for (const website of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://example.se', 'vbscript:x']) {
      const res = await ctx.app.inject({ method: 'PUT', url: `/api/v1/agencies/${agencyId}`, headers: { cookie: admin }, payload: { ...input, website } });
      expectRefusal(res, 400, 'validation_failed', 'website');
    }
    const ok = await ctx.app.inject({ method: 'PUT', url: `/api/v1/agencies/${agencyId}`, headers: { cookie: admin }, payload: { ...input, website: 'https://www.example.se/' } });
    expect(ok.statusCode).toBe(200);
  });
});

describe.each([['https://samservice.example.se']])('hardening: HSTS when PUBLIC_URL is %s', (publicUrl) => {
  describeWithApp('https', (ctx) => {
    it('sends Strict-Transport-Security and treats the public origin as its own', async () => {
      const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/offices' });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const login = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: publicUrl, host: 'internal:3000' }, payload: { username: 'admin', password: 'demo-password' } });
      expect(login.statusCode).toBe(200);
    });
  }, { env: () => ({ PUBLIC_URL: publicUrl }) });
});
