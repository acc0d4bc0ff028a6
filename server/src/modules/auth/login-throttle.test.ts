// Failed logins are throttled per account and per client address, in the database (decision 0012).
// Time moves by the app's clock (ctx.now), never by sleeping; each test logs in from its own address.
import { afterEach, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../app.ts';
import { queryRows } from '../../db/client.ts';
import { describeWithApp } from '../../test/harness.ts';
import { createUser } from './users.ts';

const START = new Date('2026-12-01T10:00:00Z');
const PASSWORD = 'rätt-lösenord-för-test';

describeWithApp('login throttle', (ctx) => {
  afterEach(() => {
    ctx.now = START;
  });
  const advance = (ms: number) => {
    ctx.now = new Date(ctx.now.getTime() + ms);
  };
  const login = (username: string, password: string, remoteAddress: string, app: FastifyInstance = ctx.app) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });
  const refusal = (res: LightMyRequestResponse) => ({
    status: res.statusCode, retryAfter: res.headers['retry-after'], code: res.json().code, reason: res.json().details?.reason, seconds: res.json().details?.retryAfterSeconds,
  });
  const planner = async (username: string) => (await createUser(ctx.db, {
    username, displayName: 'Test Planerare', password: PASSWORD, roles: [{ role: 'planner', agencyId: null, officeId: null, countyCode: '07' }],
  })).id;
  const auditRows = (actor: string) => queryRows<{ outcome: string; details: Record<string, unknown> }>(ctx.db,
    sql`select outcome, details from audit_log where action = 'auth.login' and actor_user_id = ${actor} order by id`);

  it('backs off 1, 2, 4, 8, 16 s after 5 failures, locks after 10, refuses the right password while locked, and audits each refusal', async () => {
    const id = await planner('gissad.planerare');
    const ip = '198.51.100.10';
    const wrong = () => login('gissad.planerare', 'fel-gissning-1', ip);
    for (let i = 0; i < 5; i++) expect((await wrong()).statusCode).toBe(401);
    for (const seconds of [1, 2, 4, 8, 16]) {
      expect(refusal(await wrong())).toEqual({ status: 429, retryAfter: String(seconds), code: 'rate_limited', reason: 'login_backoff', seconds });
      advance(seconds * 1000 - 1);
      expect(refusal(await wrong())).toMatchObject({ status: 429, retryAfter: '1', reason: 'login_backoff' });
      advance(1);
      expect((await wrong()).statusCode).toBe(401);
    }
    // Ten failures: locked for 15 minutes. Twenty more guesses and then the right password are all refused.
    const locked = { status: 429, retryAfter: '900', code: 'rate_limited', reason: 'login_locked', seconds: 900 };
    for (let i = 0; i < 20; i++) expect(refusal(await wrong())).toEqual(locked);
    expect(refusal(await login('gissad.planerare', PASSWORD, ip))).toEqual(locked);
    // Refused tries do not lengthen the lockout.
    advance(14 * 60_000 + 59_000);
    expect(refusal(await login('gissad.planerare', PASSWORD, ip))).toMatchObject({ status: 429, retryAfter: '1', reason: 'login_locked' });
    advance(1000);
    expect((await login('gissad.planerare', PASSWORD, ip)).statusCode).toBe(200);
    // Success ended the run: the next mistake is an ordinary one.
    expect((await wrong()).statusCode).toBe(401);
    expect((await login('gissad.planerare', PASSWORD, ip)).statusCode).toBe(200);

    const rows = await auditRows(id);
    const denied = rows.filter((r) => r.outcome === 'denied').map((r) => r.details);
    expect(denied.filter((d) => d.code === 'invalid_credentials')).toHaveLength(11);
    const limited = denied.filter((d) => d.code === 'rate_limited');
    expect(limited).toHaveLength(5 * 2 + 20 + 2);
    expect(limited[0]).toEqual({ method: 'password', code: 'rate_limited', reason: 'login_backoff', scope: 'account', retryAfterSeconds: 1 });
    expect(limited.filter((d) => d.reason === 'login_locked').every((d) => d.scope === 'account')).toBe(true);
    expect(limited.filter((d) => d.reason === 'login_locked')).toHaveLength(22);
    expect(rows.filter((r) => r.outcome === 'ok')).toHaveLength(2);
    // What was typed is nowhere: not in the audit, not in the counters.
    const stored = JSON.stringify([rows, await queryRows(ctx.db, sql`select * from login_throttle`)]);
    expect(stored).not.toContain('fel-gissning');
    expect(stored).not.toContain(PASSWORD);
  });

  it('throttles one address across usernames, real or not, and leaves other addresses alone', async () => {
    const id = await planner('adress.planerare');
    const ip = '198.51.100.20';
    // Twenty failures under twenty names, most of them no account; a good login in between clears nothing.
    for (let i = 0; i < 10; i++) expect((await login(`ingen.${i}`, 'gissning', ip)).statusCode).toBe(401);
    expect((await login('adress.planerare', PASSWORD, ip)).statusCode).toBe(200);
    for (let i = 10; i < 19; i++) expect((await login(`ingen.${i}`, 'gissning', ip)).statusCode).toBe(401);
    expect((await login('adress.planerare', 'gissning', ip)).statusCode).toBe(401);
    // Now even the right password from there waits, while another address logs in.
    expect(refusal(await login('adress.planerare', PASSWORD, ip))).toEqual({ status: 429, retryAfter: '1', code: 'rate_limited', reason: 'login_backoff', seconds: 1 });
    expect((await login('adress.planerare', PASSWORD, '198.51.100.21')).statusCode).toBe(200);
    expect((await auditRows(id)).map((r) => r.details).filter((d) => d.code === 'rate_limited'))
      .toEqual([{ method: 'password', code: 'rate_limited', reason: 'login_backoff', scope: 'address', retryAfterSeconds: 1 }]);
    // Waiting out each back-off, the address is locked at its 50th failure (a name that is no account is audited without one).
    let failures = 20;
    for (let i = 0; i < 100 && failures < 50; i++) {
      const res = await login(`ingen.${i}`, 'gissning', ip);
      if (res.statusCode === 429) advance(res.json().details.retryAfterSeconds * 1000);
      else failures++;
    }
    expect(failures).toBe(50);
    expect(refusal(await login('adress.planerare', PASSWORD, ip))).toMatchObject({ status: 429, reason: 'login_locked', seconds: 900 });
    const [row] = await queryRows<{ failures: number }>(ctx.db, sql`select failures from login_throttle where scope = 'address' and key = ${ip}`);
    expect(row!.failures).toBe(50);
  });

  it('lets at most the back-off threshold of a burst of parallel guesses at one account be checked', async () => {
    await planner('parallell.planerare');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login('parallell.planerare', `gissning-${i}`, `198.51.100.${100 + i}`)));
    const statuses = answers.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });

  it('shares the counters between two servers on one database', async () => {
    const second = await buildApp({ config: ctx.app.deps.config, database: ctx.app.deps.database, logger: false, clock: () => ctx.now });
    try {
      await planner('delad.planerare');
      const ip = '198.51.100.30';
      for (let i = 0; i < 5; i++) {
        const app = i % 2 === 0 ? ctx.app : second;
        expect((await login('delad.planerare', 'gissning', ip, app)).statusCode).toBe(401);
      }
      expect(refusal(await login('delad.planerare', PASSWORD, ip, second))).toMatchObject({ status: 429, reason: 'login_backoff' });
      expect(refusal(await login('delad.planerare', PASSWORD, '198.51.100.31', ctx.app))).toMatchObject({ status: 429, reason: 'login_backoff' });
      advance(1000);
      expect((await login('delad.planerare', PASSWORD, ip, second)).statusCode).toBe(200);
      // The success on one server ended the run for both.
      for (let i = 0; i < 4; i++) expect((await login('delad.planerare', 'gissning', ip, ctx.app)).statusCode).toBe(401);
    } finally {
      await second.close();
    }
  });
});
