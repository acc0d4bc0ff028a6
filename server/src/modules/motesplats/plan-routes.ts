// Mötesplats HTTP routes, day side: plan the day, record events (each re-plans), the live streams for
// the coordinator's board and the household's page, the household's own itinerary, the lead-time report.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { DayEventInput, DayParams, DayPlanView, Itinerary, LeadTimeReport, PlanInput, PlanResult, ReportQuery, TokenParams } from '../../../../contracts/motesplats.ts';
import { officeFromParams } from '../../http/route-config.ts';
import { AppError } from '../../lib/errors.ts';
import { openSse } from '../visits/sse.ts';
import { dayKey, type MotesplatsBus } from './bus.ts';
import { recordEvent } from './events.ts';
import { itineraryByToken } from './itinerary.ts';
import { currentPlan, makePlan } from './plan.ts';
import { leadTimeReport } from './report.ts';

const tags = ['motesplats'];
/** The household an itinerary request read, for its audit row (the token itself is never logged). */
const itineraryHousehold = new WeakMap<FastifyRequest, string>();

export const planRoutes: FastifyPluginAsyncTypebox<{ bus: MotesplatsBus }> = async (app, { bus }) => {
  const db = app.deps.database.db;
  const now = () => app.deps.clock?.() ?? new Date();
  const principal = (req: FastifyRequest) => {
    if (!req.principal) throw new AppError('unauthenticated', 'Log in to do this');
    return req.principal;
  };

  app.post('/motesplats/offices/:id/days/:date/plan', {
    config: { action: 'motesplats.day.manage', scope: officeFromParams },
    schema: {
      tags, summary: 'Plan the day over the registered households and the resources',
      description: 'Before the day is under way a full plan; after (steps started, a household absent, the clock past the first arrival) a re-plan from now keeping started and finished steps fixed.',
      params: DayParams, body: PlanInput, response: { 200: PlanResult },
    },
  }, async (req) => {
    const result = await makePlan(db, req.params.id, req.params.date, req.body.budgetMs, principal(req), now(), app.deps.planWorker!);
    bus.publish({ officeId: req.params.id, date: req.params.date, planVersion: result.plan.version, householdIds: [], what: 'plan' });
    return result;
  });

  app.get('/motesplats/offices/:id/days/:date/plan', {
    config: { action: 'motesplats.day.read', scope: officeFromParams, audit: { resourceType: 'motesplats_plan', resourceId: (req) => { const p = req.params as { id: string; date: string }; return `${p.id}/${p.date}`; } } },
    schema: { tags, summary: 'The plan in force: itineraries, timelines, unplanned steps with reasons, objective, bound and gap', params: DayParams, response: { 200: DayPlanView } },
  }, async (req) => currentPlan(db, req.params.id, req.params.date, principal(req)));

  app.post('/motesplats/offices/:id/days/:date/events', {
    config: { action: 'motesplats.day.manage', scope: officeFromParams },
    schema: {
      tags, summary: 'Record an event of the day and re-plan the rest of it',
      description: 'late_arrival, no_show, step_overrun, officer_leaves, interpreter_leaves, follow_up. Answers with the new plan and the households whose itinerary changed.',
      params: DayParams, body: DayEventInput, response: { 200: PlanResult },
    },
  }, async (req) => {
    const result = await recordEvent(db, req.params.id, req.params.date, req.body, principal(req), now());
    bus.publish({ officeId: req.params.id, date: req.params.date, planVersion: result.plan.version, householdIds: result.changedHouseholdIds, what: 'event' });
    return result;
  });

  app.get('/motesplats/offices/:id/days/:date/events', {
    config: { action: 'motesplats.day.read', scope: officeFromParams },
    schema: { tags, summary: "Live changes of the day for the coordinator's board (server-sent events `changed`, ids only)", params: DayParams },
  }, async (req, reply) => {
    let unsubscribe = () => {};
    const stream = openSse(req, reply, () => unsubscribe());
    unsubscribe = bus.subscribe(dayKey(req.params.id, req.params.date), (e) => stream.send('changed', { planVersion: e.planVersion, householdIds: e.householdIds, what: e.what }));
    stream.send('ready', {});
  });

  app.get('/motesplats/itinerary/:token', {
    config: { action: 'motesplats.itinerary.read', audit: { resourceType: 'motesplats_itinerary', resourceId: (req) => itineraryHousehold.get(req) } },
    schema: { tags, summary: "The household's own itinerary, by the token in its link", description: 'A household with a member of protected identity is answered without names (persons numbered, `protectedIdentity: true`).', params: TokenParams, response: { 200: Itinerary } },
  }, async (req) => {
    const found = await itineraryByToken(db, req.params.token);
    itineraryHousehold.set(req, found.householdId);
    return found.itinerary;
  });

  app.get('/motesplats/itinerary/:token/events', {
    config: { action: 'motesplats.itinerary.read' },
    schema: { tags, summary: "Live changes of the household's itinerary (server-sent events `changed`; re-read the itinerary)", params: TokenParams },
  }, async (req, reply) => {
    const found = await itineraryByToken(db, req.params.token);
    let unsubscribe = () => {};
    const stream = openSse(req, reply, () => unsubscribe());
    unsubscribe = bus.subscribe(dayKey(found.officeId, found.date), (e) => {
      // Only this household's changes: a new plan for the day, or an event or status that touched it.
      if (e.householdIds.length === 0 || e.householdIds.includes(found.householdId)) stream.send('changed', { planVersion: e.planVersion });
    });
    stream.send('ready', {});
  });

  app.get('/motesplats/report', {
    config: { action: 'motesplats.report.read', scope: (req) => ({ officeId: (req.query as { officeId?: string }).officeId }) },
    schema: { tags, summary: 'Lead time and time in the building per day at an office, beside the 3–4-week baseline', querystring: ReportQuery, response: { 200: LeadTimeReport } },
  }, async (req) => leadTimeReport(db, req.query));
};
