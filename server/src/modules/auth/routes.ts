// Login, logout and "who am I" for staff (OpenID Connect login in oidc-routes.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { LoginInput, Me } from '../../../../contracts/auth.ts';
import { AppError } from '../../lib/errors.ts';
import { writeAudit } from '../audit/repo.ts';
import { accountIdFor, login, logout, SESSION_COOKIE } from './service.ts';
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
    schema: { tags: ['auth'], summary: 'Log in with a local staff account', body: LoginInput, response: { 200: Me } },
  }, async (req, reply) => {
    const { token, expiresAt, principal } = await login(database.db, req.body.username, req.body.password, config.sessionHours).catch(async (err: unknown) => {
      // A refused password is a security event (guessing, a locked-out colleague): audit it against the
      // account it named. Never the typed text itself: people type their password into the name field.
      // The shared audit hook records only answered requests.
      if (err instanceof AppError && err.code === 'invalid_credentials') {
        const account = await accountIdFor(database.db, req.body.username);
        await writeAudit(database.db, {
          actorUserId: account, action: 'auth.login', resourceType: 'session', resourceId: null, requestId: req.id, ip: req.ip,
          outcome: 'denied', details: { method: 'password', reason: account ? 'invalid_credentials' : 'unknown_account' },
        });
      }
      throw err;
    });
    req.principal = principal;
    setSessionCookie(reply, token, expiresAt, config.cookieSecure);
    return toMe(principal);
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
