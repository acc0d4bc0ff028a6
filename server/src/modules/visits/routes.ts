// Visit flow API: queues of an office, taking a ticket, a visitor's own ticket, live streams for the
// display board and the ticket page, and the desk's actions.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { IdParams } from '../../../../contracts/registry.ts';
import {
  Call, CallNextInput, CheckInInput, DayViewQuery, FinishInput, OfficeDay, OfficeQueue, ParkInput, TakeTicketInput, Ticket, TransferInput, TransferNote,
} from '../../../../contracts/visits.ts';
import { stockholmDate } from '../../lib/dates.ts';
import { officeDay } from './day-view.ts';
import { AppError } from '../../lib/errors.ts';
import { officeFromParams } from '../../http/route-config.ts';
import * as desk from './desk.ts';
import { callNext, checkIn, currentVisit, latestCalls, listQueues, takeTicket } from './service.ts';
import { getTicket } from './tickets.ts';
import { openSse } from './sse.ts';
import { TicketFeeds } from './ticket-feed.ts';
import { requireSwedishMobile } from '../../lib/phone.ts';
import { transferNotes } from './notes.ts';
import { startVisitNotifier } from './notifier.ts';
import { createRateLimiter } from '../abuse/rate-limit.ts';
import { isKioskOf } from './kiosk-devices.ts';
import { kioskDeviceRoutes } from './kiosk-device-routes.ts';
import { KIOSK_DEVICE_HEADER } from '../../../../contracts/abuse.ts';


/** Once a visit has ended its ticket no longer changes. */
const FINAL_STATES = new Set(['done', 'no_show', 'cancelled']);

export const visitRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;
  // Started and stopped by the app (app.ts); the booking routes publish on it too.
  const bus = app.deps.visitBus!;
  const now = () => app.deps.clock?.() ?? new Date();
  // SMS notifications ("you are next", "your turn now") follow each change at an office, off the request path.
  const notifier = startVisitNotifier(bus, { db, sms: app.deps.sms!, log: app.log, now });
  app.addHook('onClose', () => notifier.stop());
  const ticketFeeds = new TicketFeeds(db, bus, now, (err) => app.log.warn({ err }, 'ticket page update failed'));
  // Tickets and check-ins are limited per client address; the office's registered kiosk is not (decision 0013).
  const limits = createRateLimiter(db, app.deps.config.abuse, now, app.log);
  const fromKiosk = async (req: FastifyRequest) => {
    const token = req.headers[KIOSK_DEVICE_HEADER];
    return isKioskOf(db, (req.params as { id: string }).id, typeof token === 'string' ? token : undefined, now());
  };
  await app.register(kioskDeviceRoutes);
  const staff = (req: FastifyRequest) => {
    if (!req.principal) throw new AppError('unauthenticated', 'Log in to do this');
    return { db, bus, principal: req.principal, now: now() };
  };

  app.get('/offices/:id/queues', {
    config: { action: 'visits.queues.read' },
    schema: { tags: ['visits'], summary: "The office's queues with today's waiting count", params: IdParams, response: { 200: Type.Array(OfficeQueue) } },
  }, async (req) => listQueues(db, req.params.id, now()));

  app.get('/offices/:id/calls', {
    config: { action: 'visits.queues.read' },
    schema: {
      tags: ['visits'], summary: 'The latest calls at the office today, newest first', params: IdParams,
      querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 50, default: 8 }) }, { additionalProperties: false }),
      response: { 200: Type.Array(Call) },
    },
  }, async (req) => latestCalls(db, req.params.id, now(), req.query.limit));

  app.get('/offices/:id/events', {
    config: { action: 'visits.queues.read' },
    schema: { tags: ['visits'], summary: 'Live stream (SSE) for the display board: `call` and `queues` events', params: IdParams },
  }, async (req, reply) => {
    const officeId = req.params.id;
    let unsubscribe = () => {};
    const stream = openSse(req, reply, () => unsubscribe());
    // A burst of changes (a busy kiosk) gives one read in flight and at most one more after it, and a
    // failed read (the database going away at shutdown) only costs this update: the next one follows.
    let reading = false;
    let again = false;
    const sendQueues = async (): Promise<void> => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        stream.send('queues', await listQueues(db, officeId, now()));
      } catch (err) {
        req.log.warn({ err }, 'display board: queue counts not sent');
      } finally {
        reading = false;
      }
      if (again) {
        again = false;
        await sendQueues();
      }
    };
    unsubscribe = bus.subscribe(officeId, (event) => {
      if (event.type === 'call') stream.send('call', event.call);
      else void sendQueues();
    });
    // A (re)connecting board gets the current state at once.
    for (const call of (await latestCalls(db, officeId, now(), 8)).reverse()) stream.send('call', call);
    stream.send('queues', await listQueues(db, officeId, now()));
  });

  app.get('/offices/:id/day', {
    config: { action: 'visits.day.read', scope: officeFromParams },
    schema: {
      tags: ['visits'],
      summary: "The office manager's view of a day: queues, counters, arrivals and calls per hour",
      description: 'Built from the visit events of the day (docs/day-view.md). `date` defaults to today in Sweden; on another day the "now" figures (longest wait, tickets at the counters) are empty.',
      params: IdParams, querystring: DayViewQuery, response: { 200: OfficeDay },
    },
  }, async (req) => {
    const at = now();
    return officeDay(db, req.params.id, req.query.date ?? stockholmDate(at), at);
  });

  app.post('/offices/:id/tickets', {
    config: { action: 'visits.ticket.take' },
    preHandler: limits.guard('tickets', fromKiosk),
    schema: {
      tags: ['visits'],
      summary: 'Take a queue ticket for one or more services (kiosk or phone)',
      description: 'The ticket number is unique per office, day and queue letter, also under concurrent requests and across restarts. Limited per client address (429 `rate_limited`, reason `too_many_tickets`) unless sent by a registered kiosk device of the office (header `x-kiosk-device`).',
      params: IdParams, body: TakeTicketInput, response: { 201: Ticket },
    },
  }, async (req, reply) => {
    // Stored in E.164, the form SMS providers take, whichever way the visitor wrote it.
    const input = req.body.phone === undefined ? req.body : { ...req.body, phone: requireSwedishMobile(req.body.phone) };
    const ticket = await takeTicket(db, req.params.id, input, now());
    bus.publish({ type: 'changed', officeId: ticket.officeId, ticketId: ticket.id });
    return reply.status(201).send(ticket);
  });

  app.post('/offices/:id/check-ins', {
    config: { action: 'visits.ticket.take' },
    preHandler: limits.guard('checkIns', fromKiosk),
    schema: {
      tags: ['visits'],
      summary: 'Check in a booked visitor with their booking code',
      description: 'Allowed from 30 minutes before to 15 minutes after the booked time; the visitor joins the queue with the booked time as their place. Limited per client address (reason `too_many_check_ins`) unless sent by a registered kiosk device of the office.',
      params: IdParams, body: CheckInInput, response: { 201: Ticket },
    },
  }, async (req, reply) => {
    const ticket = await checkIn(db, req.params.id, req.body.code, now());
    bus.publish({ type: 'changed', officeId: ticket.officeId, ticketId: ticket.id });
    return reply.status(201).send(ticket);
  });

  app.get('/tickets/:id', {
    config: { action: 'visits.ticket.read' },
    schema: { tags: ['visits'], summary: "A visitor's own ticket: state, position and counter", params: IdParams, response: { 200: Ticket } },
  }, async (req) => getTicket(db, req.params.id, now()));

  app.get('/tickets/:id/events', {
    config: { action: 'visits.ticket.read' },
    schema: { tags: ['visits'], summary: "Live stream (SSE) of a visitor's ticket: the ticket at once, then a `ticket` event whenever its state, place or estimate changes; none once the visit has ended", params: IdParams },
  }, async (req, reply) => {
    const first = await getTicket(db, req.params.id, now());
    let unsubscribe = () => {};
    const stream = openSse(req, reply, () => unsubscribe());
    // Sent only when it changed, and no longer once the visit is over.
    let last = JSON.stringify(first);
    stream.send('ticket', first);
    if (FINAL_STATES.has(first.state)) return;
    unsubscribe = ticketFeeds.subscribe(first.officeId, first.id, (ticket) => {
      const json = JSON.stringify(ticket);
      if (json !== last) stream.send('ticket', ticket);
      last = json;
      if (FINAL_STATES.has(ticket.state)) unsubscribe();
    });
  });

  app.post('/offices/:id/desk/call-next', {
    config: { action: 'visits.desk.call', scope: officeFromParams },
    schema: {
      tags: ['visits'],
      summary: 'Call the next visitor to a counter from the queues the officer serves',
      description: 'Oldest arrival first. Two officers calling at the same instant never get the same visitor. 204 when nobody waits.',
      params: IdParams, body: CallNextInput, response: { 200: Ticket, 204: Type.Null() },
    },
  }, async (req, reply) => {
    const ticket = await callNext(db, bus, req.params.id, req.body, staff(req).principal, now());
    return ticket ?? reply.status(204).send(null);
  });

  app.get('/offices/:id/desk/current', {
    config: { action: 'visits.desk.call', scope: officeFromParams },
    schema: { tags: ['visits'], summary: "The visit at this officer's counter now, if any", params: IdParams, response: { 200: Ticket, 204: Type.Null() } },
  }, async (req, reply) => {
    const ticket = await currentVisit(db, req.params.id, staff(req).principal, now());
    return ticket ?? reply.status(204).send(null);
  });

  app.get('/tickets/:id/notes', {
    config: { action: 'visits.notes.read', audit: { resourceType: 'visit_notes' } },
    schema: {
      tags: ['visits'],
      summary: 'Transfer notes on a ticket addressed to your agency',
      description: "Only notes addressed to agencies the caller is an agency officer of; everyone else, admins and office-wide staff included, gets an empty list. Every read is audit-logged.",
      params: IdParams, response: { 200: Type.Array(TransferNote) },
    },
  }, async (req) => transferNotes(db, req.params.id, staff(req).principal));

  const action = (path: string, summary: string, run: (req: FastifyRequest) => Promise<{ id: string }>, body = Type.Object({}, { additionalProperties: false })) =>
    app.post(`/tickets/:id/${path}`, {
      config: { action: 'visits.desk.act' },
      schema: { tags: ['visits'], summary, params: IdParams, body, response: { 200: Ticket } },
    }, async (req) => getTicket(db, (await run(req)).id, now(), { staff: true }));

  const idOf = (req: FastifyRequest) => (req.params as { id: string }).id;
  action('recall', "Call the visitor again (up to the office's `maxRecalls`, then no-show)", (req) => desk.recall(staff(req), idOf(req)));
  action('no-show', 'The visitor did not come', (req) => desk.noShow(staff(req), idOf(req)));
  action('start', 'The visitor is at the counter: service begins', (req) => desk.startService(staff(req), idOf(req)));
  action('park', 'Set the visit aside (the visitor fetches a document, say)', (req) => desk.park(staff(req), idOf(req), (req.body as { minutes?: number }).minutes), ParkInput);
  action('resume', 'Take a parked visit back to the counter', (req) => desk.resume(staff(req), idOf(req)));
  action('transfer', "Move the visitor to another agency's queue; they keep their place by arrival time", (req) => desk.transfer(staff(req), idOf(req), req.body as TransferInput), TransferInput);
  action('finish', 'Record the outcome and the services performed (also on behalf of another agency)', (req) => desk.finish(staff(req), idOf(req), req.body as FinishInput), FinishInput);
};
