// Mötesplats HTTP routes, cases side: templates, the day's resources, households, consent, step
// statuses and notes. Thin: each declares its action, scope and audit, and calls the service. The plan,
// events, live streams, itinerary and report are in plan-routes.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  Consent, ConsentInput, DayParams, DayResources, DayResourcesInput, Household, HouseholdInput, HouseholdParams, HouseholdPatch, Note, NoteInput,
  OfficeParams, Step, StepStatusInput, TaskParams, Template, TemplateInput, TemplateParams,
} from '../../../../contracts/motesplats.ts';
import { officeFromParams } from '../../http/route-config.ts';
import { AppError } from '../../lib/errors.ts';
import { correctHousehold, removeHousehold } from './corrections.ts';
import { planRoutes } from './plan-routes.ts';
import { getResources, setResources } from './resources.ts';
import { dayHouseholds, householdDetail, recordConsent, registerHousehold, showConsent } from './service.ts';
import { addNote, householdNotes, householdSteps, setStepStatus } from './steps.ts';
import { changeTemplate, createTemplate, officeTemplate, officeTemplates } from './templates.ts';

const tags = ['motesplats'];
const householdAudit = (resourceType: string) => ({ resourceType, resourceId: (req: FastifyRequest) => (req.params as { householdId?: string }).householdId });
/** What a correction changed (field names and member ids), for its audit row. */
const corrected = new WeakMap<FastifyRequest, Record<string, unknown>>();

export const motesplatsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;
  const now = () => app.deps.clock?.() ?? new Date();
  // Started and stopped by the app (app.ts) with the other live channels.
  const bus = app.deps.motesplatsBus!;
  const principal = (req: FastifyRequest) => {
    if (!req.principal) throw new AppError('unauthenticated', 'Log in to do this');
    return req.principal;
  };

  // ---------- templates ----------
  app.get('/motesplats/offices/:id/templates', {
    config: { action: 'motesplats.template.read', scope: officeFromParams },
    schema: { tags, summary: "The office's pathway templates", params: OfficeParams, response: { 200: Type.Array(Template) } },
  }, async (req) => officeTemplates(db, req.params.id));

  app.post('/motesplats/offices/:id/templates', {
    config: { action: 'motesplats.template.write', scope: officeFromParams },
    schema: {
      tags, summary: 'Create a pathway template',
      description: 'Checked by the day planner: no cycles, every step reachable. Problems are 400 `validation_failed` with the first in `field`/`details.reason` and all in `details.problems`.',
      params: OfficeParams, body: TemplateInput, response: { 201: Template },
    },
  }, async (req, reply) => reply.status(201).send(await createTemplate(db, req.params.id, req.body, principal(req).userId)));

  app.get('/motesplats/offices/:id/templates/:templateId', {
    config: { action: 'motesplats.template.read', scope: officeFromParams },
    schema: { tags, summary: 'One pathway template', params: TemplateParams, response: { 200: Template } },
  }, async (req) => officeTemplate(db, req.params.id, req.params.templateId));

  app.put('/motesplats/offices/:id/templates/:templateId', {
    config: { action: 'motesplats.template.write', scope: officeFromParams },
    schema: { tags, summary: 'Change a pathway template (validated as on create)', params: TemplateParams, body: TemplateInput, response: { 200: Template } },
  }, async (req) => changeTemplate(db, req.params.id, req.params.templateId, req.body, principal(req).userId));

  // ---------- the day's resources ----------
  app.get('/motesplats/offices/:id/days/:date/resources', {
    config: { action: 'motesplats.day.read', scope: officeFromParams },
    schema: { tags, summary: "The day's template, station officers and interpreters", params: DayParams, response: { 200: DayResources } },
  }, async (req) => getResources(db, req.params.id, req.params.date));

  app.put('/motesplats/offices/:id/days/:date/resources', {
    config: { action: 'motesplats.day.manage', scope: officeFromParams },
    schema: { tags, summary: "Set the day's template, station officers and interpreters (ids given are kept)", params: DayParams, body: DayResourcesInput, response: { 200: DayResources } },
  }, async (req) => {
    const saved = await setResources(db, req.params.id, req.params.date, req.body);
    // Open boards re-read the plan view, which now says the staffing changed since the plan was made.
    bus.publish({ officeId: req.params.id, date: req.params.date, planVersion: null, householdIds: [], what: 'resources' });
    return saved;
  });

  // ---------- households ----------
  app.get('/motesplats/offices/:id/days/:date/households', {
    config: { action: 'motesplats.household.read', scope: officeFromParams, audit: { resourceType: 'motesplats_households', resourceId: (req) => { const p = req.params as { id: string; date: string }; return `${p.id}/${p.date}`; } } },
    schema: { tags, summary: "The day's households as the caller may see them (docs/motesplats.md)", params: DayParams, response: { 200: Type.Array(Household) } },
  }, async (req) => dayHouseholds(db, req.params.id, req.params.date, principal(req)));

  app.post('/motesplats/offices/:id/days/:date/households', {
    config: { action: 'motesplats.day.manage', scope: officeFromParams },
    schema: { tags, summary: 'Register a household for the day', params: DayParams, body: HouseholdInput, response: { 201: Household } },
  }, async (req, reply) => reply.status(201).send(await registerHousehold(db, req.params.id, req.params.date, req.body, principal(req), now())));

  app.get('/motesplats/offices/:id/households/:householdId', {
    config: { action: 'motesplats.household.read', scope: officeFromParams, audit: householdAudit('motesplats_household') },
    schema: { tags, summary: 'One household, cut to what the caller may see', params: HouseholdParams, response: { 200: Household } },
  }, async (req) => householdDetail(db, req.params.id, req.params.householdId, principal(req)));

  app.patch('/motesplats/offices/:id/households/:householdId', {
    config: { action: 'motesplats.day.manage', scope: officeFromParams, audit: { ...householdAudit('motesplats_household'), details: (req) => corrected.get(req) } },
    schema: {
      tags, summary: 'Correct a registered household (only the fields sent change)',
      description: 'Validated as at registration. `members` is the whole new list: entries with an `id` correct that member (the id stays), entries without add one, members left out are removed. A change to a step that has started is 409 `started_step_affected`; an arrival after the first step began 409 `steps_started`. The plan is not re-planned: it reads `stale: true` until the coordinator re-plans.',
      params: HouseholdParams, body: HouseholdPatch, response: { 200: Household },
    },
  }, async (req) => {
    const { household, ...changes } = await correctHousehold(db, req.params.id, req.params.householdId, req.body, principal(req), now());
    corrected.set(req, changes);
    bus.publish({ officeId: req.params.id, date: household.date, planVersion: null, householdIds: [household.id], what: 'household' });
    return household;
  });

  app.delete('/motesplats/offices/:id/households/:householdId', {
    config: { action: 'motesplats.day.manage', scope: officeFromParams, audit: householdAudit('motesplats_household') },
    schema: {
      tags, summary: 'Remove a registration made by mistake',
      description: 'Only before any of its steps has started (409 `steps_started`) and while no agency has written a note on it (409 `household_has_notes`). Its members, consent and statuses go with it.',
      params: HouseholdParams, response: { 204: Type.Null() },
    },
  }, async (req, reply) => {
    const { date } = await removeHousehold(db, req.params.id, req.params.householdId);
    bus.publish({ officeId: req.params.id, date, planVersion: null, householdIds: [req.params.householdId], what: 'household' });
    return reply.status(204).send(null);
  });

  app.get('/motesplats/offices/:id/households/:householdId/consent', {
    config: { action: 'motesplats.household.read', scope: officeFromParams, audit: householdAudit('motesplats_consent') },
    schema: { tags, summary: 'The consent in force per agency, and every decision', params: HouseholdParams, response: { 200: Consent } },
  }, async (req) => showConsent(db, req.params.id, req.params.householdId));

  app.post('/motesplats/offices/:id/households/:householdId/consent', {
    config: { action: 'motesplats.day.manage', scope: officeFromParams, audit: householdAudit('motesplats_consent') },
    schema: { tags, summary: 'Record that the household gives (these fields) or withdraws consent for one agency', params: HouseholdParams, body: ConsentInput, response: { 200: Consent } },
  }, async (req) => recordConsent(db, req.params.id, req.params.householdId, req.body, principal(req), now()));

  // ---------- steps and notes ----------
  app.get('/motesplats/offices/:id/households/:householdId/steps', {
    config: { action: 'motesplats.household.read', scope: officeFromParams, audit: householdAudit('motesplats_steps') },
    schema: { tags, summary: "The household's steps with statuses (reasons only for the step's agency and the coordinator)", params: HouseholdParams, response: { 200: Type.Array(Step) } },
  }, async (req) => householdSteps(db, req.params.id, req.params.householdId, principal(req)));

  app.put('/motesplats/offices/:id/households/:householdId/steps/:taskId', {
    config: { action: 'motesplats.step.act', scope: officeFromParams, audit: householdAudit('motesplats_step') },
    schema: { tags, summary: "Set the status of one of your agency's steps", params: TaskParams, body: StepStatusInput, response: { 200: Step } },
  }, async (req) => {
    const { step, date } = await setStepStatus(db, req.params.id, req.params.householdId, req.params.taskId, req.body, principal(req), now());
    bus.publish({ officeId: req.params.id, date, planVersion: null, householdIds: [req.params.householdId], what: 'status' });
    return step;
  });

  app.get('/motesplats/offices/:id/households/:householdId/notes', {
    config: { action: 'motesplats.notes.read', scope: officeFromParams, audit: householdAudit('motesplats_notes') },
    schema: {
      tags, summary: "Step notes of the caller's own agencies",
      description: 'Only notes written for agencies the caller is an agency officer of; coordinators, managers and admins get an empty list. Every read is audit-logged.',
      params: HouseholdParams, response: { 200: Type.Array(Note) },
    },
  }, async (req) => householdNotes(db, req.params.id, req.params.householdId, principal(req)));

  app.post('/motesplats/offices/:id/households/:householdId/notes', {
    config: { action: 'motesplats.step.act', scope: officeFromParams, audit: householdAudit('motesplats_notes') },
    schema: { tags, summary: "Write a note on one of your agency's steps, for your agency", params: HouseholdParams, body: NoteInput, response: { 201: Note } },
  }, async (req, reply) => reply.status(201).send(await addNote(db, req.params.id, req.params.householdId, req.body, principal(req))));

  await app.register(planRoutes, { bus });
};
