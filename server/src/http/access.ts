// The shared access hooks: find who is asking, ask the policy whether they may, and write the audit
// log. Routes only declare `config.action` (and `scope`/`audit`); they never check roles themselves.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.ts';
import { can, isPublic, type Action } from '../modules/auth/policy.ts';
import { principalForToken, SESSION_COOKIE } from '../modules/auth/service.ts';
import { writeAudit } from '../modules/audit/repo.ts';
import type { AppDeps } from '../app.ts';

/** Every /api/v1 route with its declared action, collected at registration for the route-matrix test. */
export interface DeclaredRoute {
  method: string;
  url: string;
  action: Action;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    declaredRoutes: DeclaredRoute[];
  }
}

function auditResourceId(req: FastifyRequest): string | undefined {
  const spec = req.routeOptions.config.audit;
  if (spec?.resourceId) return spec.resourceId(req);
  const params = req.params as Record<string, string> | undefined;
  return params?.id;
}

export function installAccessHooks(app: FastifyInstance): void {
  app.decorate('declaredRoutes', [] as DeclaredRoute[]);
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const action = route.config?.action;
    if (!action) throw new Error(`Route ${String(route.method)} ${route.url} declares no action`);
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      app.declaredRoutes.push({ method, url: route.url, action });
    }
  });

  // Runs before body validation, so an anonymous caller learns nothing about a route's input.
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) req.principal = await principalForToken(app.deps.database.db, token);
    const action = req.routeOptions.config.action;
    if (!action) return; // static files and API docs
    const scope = req.routeOptions.config.scope?.(req) ?? {};
    if (can(req.principal, action, scope)) return;
    if (!req.principal && !isPublic(action)) throw new AppError('unauthenticated', 'Log in to do this');
    await writeAudit(app.deps.database.db, {
      actorUserId: req.principal?.userId ?? null,
      action,
      resourceType: req.routeOptions.config.audit?.resourceType ?? 'route',
      resourceId: auditResourceId(req) ?? null,
      requestId: req.id,
      ip: req.ip,
      outcome: 'denied',
    });
    throw new AppError('forbidden', 'Your roles do not allow this');
  });

  // Reads of personal data and every change are written to the append-only audit log before the
  // response leaves: if the log cannot be written, the data is not sent.
  app.addHook('onSend', async (req, reply, payload) => {
    const { action, audit } = req.routeOptions.config;
    if (!action || reply.statusCode >= 400) return payload;
    const mutation = req.method !== 'GET' && req.method !== 'HEAD';
    if (!audit && !mutation) return payload;
    await writeAudit(app.deps.database.db, {
      actorUserId: req.principal?.userId ?? null,
      action,
      resourceType: audit?.resourceType ?? action.split('.').slice(0, -1).join('.'),
      resourceId: auditResourceId(req) ?? null,
      requestId: req.id,
      ip: req.ip,
      outcome: 'ok',
      details: audit?.details?.(req),
    });
    return payload;
  });
}
