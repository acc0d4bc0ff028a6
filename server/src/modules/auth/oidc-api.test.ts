// Staff login through the organisation's identity provider, against a real OIDC provider on 127.0.0.1
// (test/fake-idp.ts) and the real openid-client: start → IdP → callback → a session that works; refusals
// come back to the login page with their code; every outcome is audit-logged.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { desc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { describeWithApp, type TestContext } from '../../test/harness.ts';
import { startFakeIdp, type FakeIdp } from '../../test/fake-idp.ts';
import { auditLog } from '../../db/schema.ts';
import { openFlow, sealFlow, flowKey } from '../../adapters/login/flow.ts';
import { createUser } from './users.ts';

let idp: FakeIdp;
beforeAll(async () => { idp = await startFakeIdp(); });
afterAll(async () => { await idp?.close(); });

const cookieOf = (res: { cookies: Array<{ name: string; value: string }> }, name: string) => res.cookies.find((c) => c.name === name);

/** The browser's part: our start route, the IdP's /authorize, back to our callback (which `bend` may alter). */
async function throughIdp(app: FastifyInstance, bend: { url?: (u: URL) => void; flow?: (v: string) => string } = {}) {
  const start = await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
  expect(start.statusCode, start.body).toBe(302);
  const flow = cookieOf(start, 'oidc_flow')!;
  const atIdp = await fetch(start.headers.location as string, { redirect: 'manual' });
  expect(atIdp.status).toBe(302);
  const back = new URL(atIdp.headers.get('location')!);
  bend.url?.(back);
  const value = bend.flow ? bend.flow(flow.value) : flow.value;
  const callback = await app.inject({ method: 'GET', url: back.pathname + back.search, headers: value ? { cookie: `oidc_flow=${value}` } : {} });
  return { start, flow, back, callback };
}

const lastLoginAudit = async (ctx: TestContext) =>
  (await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login')).orderBy(desc(auditLog.id)).limit(1))[0]!;

function expectRefused(res: { statusCode: number; headers: Record<string, unknown>; cookies: Array<{ name: string }> }, code: string) {
  expect(res.statusCode).toBe(302);
  expect(res.headers.location).toBe(`/logga-in?error=${code}`);
  expect(res.cookies.map((c) => c.name)).not.toContain('sid');
}

describeWithApp('staff login with OpenID Connect', (ctx) => {
  beforeEach(() => { idp.user = 'admin'; idp.subject = null; idp.tamper = null; });

  it('tells the login page that OIDC is available', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/methods' });
    expect(res.json()).toEqual({ password: true, oidc: true });
  });

  it('logs in through the IdP with PKCE, state and nonce, and the session works on a protected route', async () => {
    idp.user = 'Admin'; // IdPs keep the case people typed; Samservice usernames are lower case
    const { start, flow, callback } = await throughIdp(ctx.app);
    const sent = idp.lastAuthorize!;
    expect(sent).toMatchObject({ client_id: idp.clientId, response_type: 'code', code_challenge_method: 'S256', redirect_uri: 'http://localhost:3000/api/v1/auth/oidc/callback' });
    expect(sent.state!.length).toBeGreaterThan(20);
    expect(sent.nonce!.length).toBeGreaterThan(20);
    expect(sent.scope).toContain('openid');
    expect(start.headers.location).toMatch(new RegExp(`^${idp.url}/authorize\\?`));
    expect(flow).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/oidc', maxAge: 600 });

    expect(callback.statusCode, callback.body).toBe(302);
    expect(callback.headers.location).toBe('/admin');
    const sid = cookieOf(callback, 'sid')!;
    expect(sid).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookieOf(callback, 'oidc_flow')?.value).toBe(''); // the flow is used up
    const users = await ctx.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: `sid=${sid.value}` } });
    expect(users.statusCode).toBe(200);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `sid=${sid.value}` } });
    expect(me.json()).toMatchObject({ username: 'admin', roles: [{ role: 'admin' }] });

    const audit = await lastLoginAudit(ctx);
    expect(audit).toMatchObject({ outcome: 'ok', resourceType: 'session', actorUserId: me.json().id, details: { method: 'oidc' } });
  });

  it('refuses a user with no account here, and a disabled one, without creating anyone', async () => {
    idp.user = 'nobody.here';
    expectRefused((await throughIdp(ctx.app)).callback, 'oidc_no_account');
    expect(await lastLoginAudit(ctx)).toMatchObject({ outcome: 'denied', actorUserId: null, details: { method: 'oidc', reason: 'oidc_no_account' } });
    const [{ n }] = (await ctx.db.execute(sql`select count(*)::int as n from users where username = 'nobody.here'`) as unknown as { rows: Array<{ n: number }> }).rows as [{ n: number }];
    expect(n).toBe(0);

    const user = await createUser(ctx.db, { username: 'oidc.disabled', displayName: 'Avstängd', password: 'a-long-password', roles: [{ role: 'planner', agencyId: null, officeId: null, countyCode: null }] });
    await ctx.db.execute(sql`update users set disabled = true where id = ${user.id}`);
    idp.user = 'oidc.disabled';
    expectRefused((await throughIdp(ctx.app)).callback, 'oidc_no_account');
    expect(await lastLoginAudit(ctx)).toMatchObject({ outcome: 'denied', actorUserId: user.id, details: { reason: 'oidc_no_account' } });
  });

  it('binds the account to the IdP subject at the first login, then follows the subject, not the username claim', async () => {
    const user = await createUser(ctx.db, { username: 'oidc.bound', displayName: 'Bunden', password: 'a-long-password', roles: [{ role: 'planner', agencyId: null, officeId: null, countyCode: null }] });
    const binding = async () => (await ctx.db.execute(sql`select oidc_issuer, oidc_subject from users where id = ${user.id}`) as unknown as { rows: Array<{ oidc_issuer: string | null; oidc_subject: string | null }> }).rows[0];
    const me = async (callback: Awaited<ReturnType<typeof throughIdp>>['callback']) =>
      (await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `sid=${cookieOf(callback, 'sid')!.value}` } })).json();
    expect(await binding()).toEqual({ oidc_issuer: null, oidc_subject: null });

    // First login: matched by the username claim, and bound.
    idp.user = 'oidc.bound'; idp.subject = 'person-1';
    const first = (await throughIdp(ctx.app)).callback;
    expect(first.headers.location).toBe('/admin');
    expect(await binding()).toEqual({ oidc_issuer: idp.url, oidc_subject: 'person-1' });
    expect(await lastLoginAudit(ctx)).toMatchObject({ outcome: 'ok', actorUserId: user.id, details: { method: 'oidc', binding: 'new' } });

    // The same person, whose username claim now names another account: still their own.
    idp.user = 'Admin';
    const renamed = (await throughIdp(ctx.app)).callback;
    expect(renamed.headers.location).toBe('/admin');
    expect(await me(renamed)).toMatchObject({ id: user.id, username: 'oidc.bound' });
    expect(await lastLoginAudit(ctx)).toMatchObject({ outcome: 'ok', actorUserId: user.id, details: { binding: 'existing' } });

    // Someone else at the IdP presenting the bound account's username is refused, and the binding stays.
    idp.user = 'oidc.bound'; idp.subject = 'person-2';
    expectRefused((await throughIdp(ctx.app)).callback, 'oidc_subject_mismatch');
    expect(await lastLoginAudit(ctx)).toMatchObject({ outcome: 'denied', actorUserId: user.id, details: { method: 'oidc', reason: 'oidc_subject_mismatch', detail: 'person-2' } });
    expect(await binding()).toEqual({ oidc_issuer: idp.url, oidc_subject: 'person-1' });

    // A bound account that is disabled is refused like any disabled account.
    await ctx.db.execute(sql`update users set disabled = true where id = ${user.id}`);
    idp.user = 'oidc.bound'; idp.subject = 'person-1';
    expectRefused((await throughIdp(ctx.app)).callback, 'oidc_no_account');
    await ctx.db.execute(sql`update users set disabled = false where id = ${user.id}`);

    // An admin unbinds (the person's IdP account was recreated); the change is audited; the new subject binds.
    const admin = await ctx.login('admin');
    const shown = await ctx.app.inject({ method: 'GET', url: `/api/v1/users/${user.id}`, headers: { cookie: admin } });
    expect(shown.json().oidcBinding).toEqual({ issuer: idp.url, subject: 'person-1' });
    const unbind = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers: { cookie: admin }, payload: { oidcBinding: null } });
    expect(unbind.statusCode, unbind.body).toBe(200);
    expect(unbind.json().oidcBinding).toBeNull();
    const [unbound] = await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'users.write')).orderBy(desc(auditLog.id)).limit(1);
    expect(unbound).toMatchObject({ outcome: 'ok', resourceType: 'user', resourceId: user.id, details: { fields: ['oidcBinding'] } });
    const rebind = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers: { cookie: admin }, payload: { oidcBinding: { issuer: idp.url, subject: 'x' } } });
    expect(rebind.statusCode).toBe(400); // only unbinding: a binding is made by a login

    idp.subject = 'person-2';
    const again = (await throughIdp(ctx.app)).callback;
    expect(again.headers.location).toBe('/admin');
    expect(await binding()).toEqual({ oidc_issuer: idp.url, oidc_subject: 'person-2' });
  });

  it('refuses a tampered state, a missing or altered flow cookie, before asking the IdP for tokens', async () => {
    const before = idp.tokensIssued;
    expectRefused((await throughIdp(ctx.app, { url: (u) => u.searchParams.set('state', 'forged-state') })).callback, 'oidc_state_mismatch');
    expectRefused((await throughIdp(ctx.app, { flow: () => '' })).callback, 'oidc_state_mismatch');
    expectRefused((await throughIdp(ctx.app, { flow: (v) => `${v.slice(0, -2)}AA` })).callback, 'oidc_state_mismatch');
    expect(idp.tokensIssued).toBe(before);
    expect(await lastLoginAudit(ctx)).toMatchObject({ outcome: 'denied', details: { method: 'oidc', reason: 'oidc_state_mismatch' } });
  });

  it('refuses an ID token with the wrong nonce, one without the username claim, and a replayed code', async () => {
    idp.tamper = (claims) => { claims.nonce = 'someone-elses-nonce'; };
    expectRefused((await throughIdp(ctx.app)).callback, 'oidc_invalid_response');
    const audit = await lastLoginAudit(ctx);
    expect(audit).toMatchObject({ outcome: 'denied', details: { reason: 'oidc_invalid_response' } });
    expect(String((audit.details as { detail?: string }).detail)).toContain('nonce');

    idp.tamper = (claims) => { delete claims.preferred_username; };
    expectRefused((await throughIdp(ctx.app)).callback, 'oidc_missing_claim');

    idp.tamper = null;
    const first = await throughIdp(ctx.app);
    expect(first.callback.headers.location).toBe('/admin');
    const replay = await ctx.app.inject({ method: 'GET', url: first.back.pathname + first.back.search, headers: { cookie: `oidc_flow=${first.flow.value}` } });
    expectRefused(replay, 'oidc_invalid_response');
  });

  it('sends the IdP\'s own refusal back to the login page', async () => {
    idp.user = null;
    expectRefused((await throughIdp(ctx.app)).callback, 'oidc_idp_error');
    expect(await lastLoginAudit(ctx)).toMatchObject({ outcome: 'denied', details: { reason: 'oidc_idp_error', detail: 'access_denied' } });
  });
}, { env: () => ({ OIDC_ISSUER: idp.url, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret }) });

// Port 9 (discard) has no listener: the IdP is down when the app starts, and at the first login.
describeWithApp('staff login with OpenID Connect, IdP unreachable', (ctx) => {
  it('starts anyway, and a login attempt comes back with oidc_unavailable', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    expectRefused(res, 'oidc_unavailable');
    expect(await lastLoginAudit(ctx)).toMatchObject({ outcome: 'failed', details: { method: 'oidc', reason: 'oidc_unavailable' } });
    // The password login is unaffected.
    expect(await ctx.login('admin')).toMatch(/^sid=/);
  });
}, { env: () => ({ OIDC_ISSUER: 'http://127.0.0.1:9', OIDC_CLIENT_ID: 'samservice' }) });

describeWithApp('staff login without OpenID Connect configured', (ctx) => {
  it('offers passwords only; the OIDC routes answer 404 oidc_disabled', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/methods' })).json()).toEqual({ password: true, oidc: false });
    for (const url of ['/api/v1/auth/oidc/start', '/api/v1/auth/oidc/callback?code=x&state=y']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'not_found', details: { reason: 'oidc_disabled' } });
    }
  });
});

describe('the sealed OIDC flow cookie', () => {
  const flow = { state: 's', nonce: 'n', verifier: 'v' };
  it('opens only unaltered, unexpired, with the same key', () => {
    const key = flowKey('secret');
    const sealed = sealFlow(key, flow, 1_000);
    expect(openFlow(key, sealed, 2_000)).toEqual(flow);
    expect(openFlow(flowKey('secret'), sealed, 2_000)).toEqual(flow); // another instance, same client secret
    expect(openFlow(flowKey('other'), sealed, 2_000)).toBeNull();
    expect(openFlow(key, sealed, 1_000 + 601_000)).toBeNull();
    const [body, sig] = sealed.split('.');
    const forged = Buffer.from(JSON.stringify({ ...flow, nonce: 'x', exp: 9e15 })).toString('base64url');
    expect(openFlow(key, `${forged}.${sig}`, 2_000)).toBeNull();
    expect(openFlow(key, body, 2_000)).toBeNull();
    expect(openFlow(key, undefined)).toBeNull();
  });
});
