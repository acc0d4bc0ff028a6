// Login, logout and "who am I" for staff (OpenID Connect login in oidc-routes.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { LoginInput, Me } from '../../../../contracts/auth.ts';
import { AppError } from '../../lib/errors.ts';
import { writeAudit } from '../audit/repo.ts';
import { login, logout, SESSION_COOKIE } from './service.ts';
import type { Principal } from './policy.ts';

export const toMe = (p: Principal) => ({ id: p.userId, username: p.username, displayName: p.displayName, roles: p.roles });

/** The session cookie, the same for every way of logging in. */
export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
}

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config, database } = app.deps;

  app.post('/auth/login', {
    config: { action: 'auth.login', audit: { resourceType: 'session', details: () => ({ method: 'password' }) } },
    schema: {
      tags: ['auth'],
      summary: 'Log in with a local staff account',
      description: 'Failed logins are throttled per account and per client address (docs/errors.md): a refusal while a back-off or lockout runs is 429 `rate_limited` with `Retry-After`, even for the right password.',
      body: LoginInput,
      response: { 200: Me },
    },
  }, async (req, reply) => {
    const result = await login(database.db, req.body.username, req.body.password, {
      sessionHours: config.sessionHours, ip: req.ip, now: app.deps.clock?.() ?? new Date(), throttle: config.loginThrottle,
    });
    if (result.refused) {
      // A refused login is a security event (guessing, a locked-out colleague): audit it with its code
      // against the account it named. Never the typed text itself: people type their password into the
      // name field. The shared audit hook records only answered requests.
      const details = result.refused === 'rate_limited'
        ? { method: 'password', code: 'rate_limited', reason: result.reason, scope: result.scope, retryAfterSeconds: result.retryAfterSeconds }
        : { method: 'password', code: 'invalid_credentials', reason: result.userId ? 'invalid_credentials' : 'unknown_account' };
      await writeAudit(database.db, {
        actorUserId: result.userId, action: 'auth.login', resourceType: 'session', resourceId: null, requestId: req.id, ip: req.ip, outcome: 'denied', details,
      });
      if (result.refused === 'invalid_credentials') throw new AppError('invalid_credentials', 'Wrong username or password', { field: 'password' });
      // Whether the account or the address is waiting is not told: only the audit row says.
      reply.header('retry-after', String(result.retryAfterSeconds));
      throw new AppError('rate_limited', `Too many failed logins: try again in ${result.retryAfterSeconds} seconds`, {
        reason: result.reason, details: { retryAfterSeconds: result.retryAfterSeconds },
      });
    }
    req.principal = result.principal;
    setSessionCookie(reply, result.token, result.expiresAt, config.cookieSecure);
    return toMe(result.principal);
  });

  app.post('/auth/logout', {
    config: { action: 'auth.logout' },
    schema: { tags: ['auth'], summary: 'End the current session', response: { 204: Type.Null() } },
  }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await logout(database.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/auth/me', {
    config: { action: 'auth.me' },
    schema: { tags: ['auth'], summary: 'The logged-in staff member and their roles', response: { 200: Me } },
  }, async (req) => {
    if (!req.principal) throw new AppError('unauthenticated', 'Log in to do this');
    return toMe(req.principal);
  });
};
