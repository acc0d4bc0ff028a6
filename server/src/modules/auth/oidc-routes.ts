// Staff login through the organisation's identity provider (adapters/login, decision 0009), beside the
// password login: start → the IdP → callback, which opens the same session as a password login. The
// browser is redirected either way, so a refusal reaches the login page as `?error=<code>` (docs/errors.md).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LoginMethods } from '../../../../contracts/auth.ts';
import { FLOW_TTL_SECONDS, OidcLoginError, type ExternalIdentity, type ExternalLogin, type OidcFailure } from '../../adapters/login/index.ts';
import { AppError } from '../../lib/errors.ts';
import { writeAudit } from '../audit/repo.ts';
import { setSessionCookie } from './routes.ts';
import { loginVouched } from './service.ts';

const FLOW_COOKIE = 'oidc_flow';
/** The flow cookie goes only to these routes, and not at all after the callback. */
const FLOW_PATH = '/api/v1/auth/oidc';
const LOGIN_PAGE = '/logga-in';
const STAFF_START = '/admin';

export const oidcRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config, database, login } = app.deps;

  function oidcOrNotFound(): ExternalLogin {
    if (!login?.oidc) throw new AppError('not_found', 'Login with the organisation\'s account is not configured (OIDC_ISSUER, OIDC_CLIENT_ID)', { reason: 'oidc_disabled' });
    return login.oidc;
  }

  /** Every OIDC login's outcome is an audit row, like a password login's (action auth.login, resource session). */
  const audit = (req: FastifyRequest, outcome: 'ok' | 'denied' | 'failed', actorUserId: string | null, details: Record<string, unknown>) =>
    writeAudit(database.db, { actorUserId, action: 'auth.login', resourceType: 'session', resourceId: null, requestId: req.id, ip: req.ip, outcome, details: { method: 'oidc', ...details } });

  async function refuse(req: FastifyRequest, reply: FastifyReply, reason: OidcFailure | 'oidc_no_account' | 'oidc_subject_mismatch', message: string, opts: { detail?: string; actorUserId?: string | null } = {}) {
    // An IdP that cannot be reached is an outage to fix (error); the rest are refusals of one login (warn).
    req.log[reason === 'oidc_unavailable' ? 'error' : 'warn']({ reason, detail: opts.detail, message }, 'OIDC login refused');
    await audit(req, reason === 'oidc_unavailable' ? 'failed' : 'denied', opts.actorUserId ?? null, { reason, ...(opts.detail ? { detail: opts.detail } : {}) });
    return reply.redirect(`${LOGIN_PAGE}?error=${reason}`);
  }

  const refuseError = (req: FastifyRequest, reply: FastifyReply, err: unknown) => {
    if (!(err instanceof OidcLoginError)) throw err;
    return refuse(req, reply, err.reason, err.message, { detail: err.detail });
  };

  app.get('/auth/methods', {
    config: { action: 'auth.methods' },
    schema: { tags: ['auth'], summary: 'The ways staff can log in, for the login page', response: { 200: LoginMethods } },
  }, async () => ({ password: true, oidc: Boolean(login?.oidc) }));

  app.get('/auth/oidc/start', {
    config: { action: 'auth.login' },
    schema: { tags: ['auth'], summary: 'Log in with the organisation\'s account: redirects to its identity provider' },
  }, async (req, reply) => {
    const oidc = oidcOrNotFound();
    try {
      const { url, flow } = await oidc.start();
      reply.setCookie(FLOW_COOKIE, flow, { path: FLOW_PATH, httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, maxAge: FLOW_TTL_SECONDS });
      return reply.redirect(url);
    } catch (err) {
      return refuseError(req, reply, err);
    }
  });

  app.get('/auth/oidc/callback', {
    config: { action: 'auth.login' },
    schema: { tags: ['auth'], summary: 'Where the identity provider sends staff back: opens a session and redirects to /admin' },
  }, async (req, reply) => {
    const oidc = oidcOrNotFound();
    const sealed = req.cookies[FLOW_COOKIE];
    // One flow, one try: a replayed or failed callback starts again from the login page.
    reply.clearCookie(FLOW_COOKIE, { path: FLOW_PATH });
    let identity: ExternalIdentity;
    try {
      identity = await oidc.finish(new URL(req.url, 'http://callback').searchParams, sealed);
    } catch (err) {
      return refuseError(req, reply, err);
    }
    const { username } = identity;
    const session = await loginVouched(database.db, identity, config.sessionHours);
    // Unknown and disabled accounts are refused alike (as a password login does); the audit row has the id.
    if (session.refused === 'no_account') return refuse(req, reply, 'oidc_no_account', `No active account "${username}"`, { actorUserId: session.userId });
    // The username claim names an account another person at this IdP is bound to: a changed or reused
    // claim, not that account's owner. An admin unbinds it if the person's IdP account was recreated.
    if (session.refused === 'subject_mismatch') {
      return refuse(req, reply, 'oidc_subject_mismatch', `The account "${username}" is bound to another subject at this identity provider`, { actorUserId: session.userId, detail: identity.subject });
    }
    req.principal = session.principal;
    setSessionCookie(reply, session.token, session.expiresAt, config.cookieSecure);
    await audit(req, 'ok', session.principal.userId, { binding: session.bound, ...(session.replacedIssuer ? { replacedIssuer: session.replacedIssuer } : {}) });
    return reply.redirect(STAFF_START);
  });
};
