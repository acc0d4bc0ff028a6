// Builds the Fastify app from the domain modules. Tests use it with inject(); main.ts listens.
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import addFormats from 'ajv-formats';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Config } from './config.ts';
import { fastifyTrustProxy } from './config-abuse.ts';
import type { Database } from './db/client.ts';
import { createSmsSender, type SmsSender } from './adapters/sms/index.ts';
import { createEmailSender, type EmailSender } from './adapters/email/index.ts';
import { createVideoRooms, type VideoRooms } from './adapters/video/index.ts';
import { createStaffLogin, type StaffLogin } from './adapters/login/index.ts';
import { installAccessHooks } from './http/access.ts';
import { installInputGuard } from './http/input-guard.ts';
import { replyToClientError, replyWithError } from './http/error-reply.ts';
import { strictDateFormats } from './http/formats.ts';
import { installBrowserDefences } from './http/browser-defences.ts';
import { loggerOptions } from './http/log-redact.ts';
import type { DestinationStream } from 'pino';
import { authRoutes } from './modules/auth/routes.ts';
import { oidcRoutes } from './modules/auth/oidc-routes.ts';
import { userRoutes } from './modules/auth/user-routes.ts';
import { registryRoutes } from './modules/registry/routes.ts';
import { searchRoutes } from './modules/search/routes.ts';
import { hsdsRoutes } from './modules/hsds/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { systemRoutes } from './modules/system/routes.ts';
import { visitRoutes } from './modules/visits/routes.ts';
import { createVisitBus, type VisitBus } from './modules/visits/bus.ts';
import { createMotesplatsBus, type MotesplatsBus } from './modules/motesplats/bus.ts';
import { createPlanWorker, type PlanWorker } from './modules/motesplats/plan-worker.ts';
import { createLiveHub, type LiveHub } from './db/live-channel.ts';
import { installDrainHooks, Lifecycle } from './http/lifecycle.ts';
import { bookingRoutes } from './modules/booking/routes.ts';
import { motesplatsRoutes } from './modules/motesplats/routes.ts';
import { coverageRoutes } from './modules/coverage/routes.ts';
import { privacyRoutes } from './modules/privacy/routes.ts';
import './http/route-config.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  /** false silences the log; a stream receives every (redacted) line, for tests that read the log. */
  logger?: false | { stream: DestinationStream };
  /** The time source; tests pass a fixed clock so opening hours and service dates are predictable. */
  clock?: () => Date;
  /** Where text messages go; built from config.sms when not given (tests pass their own). */
  sms?: SmsSender;
  /** Where emails go; built from config.email when not given. */
  email?: EmailSender;
  /** Join links for video meetings; built from config.video when not given. */
  video?: VideoRooms;
  /** Staff login: passwords always, OpenID Connect when config.oidc is set; built from config when not given. */
  login?: StaffLogin;
  /** Live visit-flow events (calls, changed tickets), shared by the visit and booking routes; built here on the app's live hub (not taken from the caller). */
  visitBus?: VisitBus;
  /** Live changes of Mötesplats days, for the coordinator's board and itinerary pages; built here like visitBus. */
  motesplatsBus?: MotesplatsBus;
  /** The thread that makes Mötesplats day plans off the event loop; built here, started at the first plan. */
  planWorker?: PlanWorker;
  /** The app's live channels (LISTEN/NOTIFY on PostgreSQL); built here. Readiness asks whether it listens. */
  live?: LiveHub;
  /** Draining for a graceful shutdown: open live streams, and whether new requests are refused; built here. */
  lifecycle?: Lifecycle;
}

export type App = FastifyInstance & { deps: AppDeps };

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger === false ? false : loggerOptions(deps.config.logLevel, deps.logger?.stream),
    genReqId: () => randomUUID(),
    // req.ip is the client's address from X-Forwarded-For only when TRUST_PROXY names the proxies (rate limits, audit).
    trustProxy: fastifyTrustProxy(deps.config.trustProxy),
    ajv: { customOptions: { allErrors: false, coerceTypes: 'array', removeAdditional: false }, plugins: [addFormats.default ?? addFormats, strictDateFormats] },
    // Fastify's routing errors (a malformed URL, an over-long parameter) and Node's parser errors
    // (headers too large) answer in our error shape too.
    frameworkErrors: replyWithError,
    clientErrorHandler: replyToClientError,
    // While closing, our drain hook answers in the error catalogue's shape instead (http/lifecycle.ts).
    return503OnClosing: false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Every live channel on one hub: one LISTEN connection per server on PostgreSQL (db/live-channel.ts).
  const live = createLiveHub(deps.database, app.log);
  const planWorker = createPlanWorker(app.log);
  const lifecycle = new Lifecycle();
  app.decorate('deps', {
    ...deps,
    sms: deps.sms ?? createSmsSender(deps.config.sms, deps.database.db, app.log),
    email: deps.email ?? createEmailSender(deps.config.email, deps.database.db, app.log),
    video: deps.video ?? createVideoRooms(deps.config.video),
    login: deps.login ?? createStaffLogin(deps.config.oidc, app.log),
    visitBus: createVisitBus(live),
    motesplatsBus: createMotesplatsBus(live),
    planWorker,
    live,
    lifecycle,
  });
  installDrainHooks(app, lifecycle);
  await live.start();
  app.addHook('onClose', () => live.stop());
  app.addHook('onClose', () => planWorker.close());
  await app.register(cookie);

  app.setErrorHandler(replyWithError);
  installInputGuard(app);
  await installBrowserDefences(app, deps.config.publicUrl);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Samservice API', version: '1', description: 'Registry, search and open data for Sweden\'s state service offices.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sid' } } },
    },
  });
  // The explorer's own page has inline code: it gets its own policy, with hashes, and still no framing.
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (header: string) => header.replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
  });

  installAccessHooks(app);

  await app.register(async (api) => {
    await api.register(systemRoutes);
    await api.register(authRoutes);
    await api.register(oidcRoutes);
    await api.register(userRoutes);
    await api.register(registryRoutes);
    await api.register(searchRoutes);
    await api.register(hsdsRoutes);
    await api.register(auditRoutes);
    await api.register(visitRoutes);
    await api.register(bookingRoutes);
    await api.register(motesplatsRoutes);
    await api.register(coverageRoutes);
    await api.register(privacyRoutes);
  }, { prefix: '/api/v1' });

  // The web app: static files plus the SPA fallback for client-side routes.
  if (existsSync(deps.config.webDist)) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: deps.config.webDist, wildcard: true });
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.status(404).send({ code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}`, requestId: req.id });
    });
  } else {
    app.setNotFoundHandler((req, reply) =>
      reply.status(404).send({ code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}`, requestId: req.id }),
    );
  }
  return app;
}
