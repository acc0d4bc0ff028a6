// Login, sessions, user administration and the append-only audit log.
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp } from '../../test/harness.ts';
import { queryRows } from '../../db/client.ts';

const count = async (db: Parameters<typeof queryRows>[0], q: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(db, q))[0]!.n;

describeWithApp('auth and audit', (ctx) => {
  it('logs in with a hashed password and sets a safe session cookie', async () => {
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'wrong' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().code).toBe('invalid_credentials');
    const refusedRow = async (res: typeof bad) => queryRows<{ outcome: string; actor_user_id: string | null; details: Record<string, unknown> }>(ctx.db,
      sql`select outcome, actor_user_id, details from audit_log where action = 'auth.login' and request_id = ${res.headers['x-request-id'] ?? res.json().requestId}`);
    const [admin] = await queryRows<{ id: string }>(ctx.db, sql`select id from users where username = 'admin'`);
    expect(await refusedRow(bad)).toEqual([{ outcome: 'denied', actor_user_id: admin!.id, details: { method: 'password', code: 'invalid_credentials', reason: 'invalid_credentials' } }]);
    // A name that is no account (perhaps a password typed in the wrong field) is not stored.
    const typo = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'Hemligt-Lösen1', password: 'x' } });
    expect(typo.statusCode).toBe(401);
    const typoRows = await refusedRow(typo);
    expect(typoRows).toEqual([{ outcome: 'denied', actor_user_id: null, details: { method: 'password', code: 'invalid_credentials', reason: 'unknown_account' } }]);
    expect(JSON.stringify(typoRows).toLowerCase()).not.toContain('hemligt');

    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'demo-password' } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `sid=${cookie.value}` } });
    expect(me.json()).toMatchObject({ username: 'admin', roles: [{ role: 'admin' }] });

    const [stored] = await queryRows<{ password_hash: string }>(ctx.db, sql`select password_hash from users where username = 'admin'`);
    expect(stored!.password_hash).toMatch(/^scrypt\$/);

    await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: `sid=${cookie.value}` } });
    const after = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `sid=${cookie.value}` } });
    expect(after.statusCode).toBe(401);
  });

  it('audit-logs every read of staff personal data, and the log cannot be rewritten', async () => {
    const cookie = await ctx.login('admin');
    const before = await count(ctx.db, sql`select count(*)::int as n from audit_log where resource_type = 'user' and action = 'users.read'`);
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const after = await count(ctx.db, sql`select count(*)::int as n from audit_log where resource_type = 'user' and action = 'users.read'`);
    expect(after).toBe(before + 1);

    const denied = await ctx.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: await ctx.login('planerare') } });
    expect(denied.statusCode).toBe(403);
    expect(await count(ctx.db, sql`select count(*)::int as n from audit_log where action = 'users.read' and outcome = 'denied'`)).toBeGreaterThan(0);

    await expect(ctx.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(ctx.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('creates users with scoped roles and names the field on a bad scope', async () => {
    const cookie = await ctx.login('admin');
    const bad = await ctx.app.inject({
      method: 'POST', url: '/api/v1/users', headers: { cookie },
      payload: { username: 'ny.handlaggare', displayName: 'Ny Handläggare', password: 'a-long-password', roles: [{ role: 'agency_officer', agencyId: null, officeId: null, countyCode: null }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed', field: 'roles[0].agencyId' });
    const ok = await ctx.app.inject({
      method: 'POST', url: '/api/v1/users', headers: { cookie },
      payload: { username: 'ny.planerare', displayName: 'Ny Planerare', password: 'a-long-password', roles: [{ role: 'planner', agencyId: null, officeId: null, countyCode: '07' }] },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const login = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ny.planerare', password: 'a-long-password' } });
    expect(login.statusCode).toBe(200);
  });
});
