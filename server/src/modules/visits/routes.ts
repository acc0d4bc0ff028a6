// Visit flow API: queues of an office, taking a ticket, a visitor's own ticket, and the desk's call-next.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Id } from '../../../../contracts/registry.ts';
import { CallNextInput, OfficeQueue, TakeTicketInput, Ticket } from '../../../../contracts/visits.ts';
import { AppError } from '../../lib/errors.ts';
import { callNext, getTicket, listQueues, takeTicket } from './service.ts';

const IdParams = Type.Object({ id: Id });

export const visitRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;
  const now = () => app.deps.clock?.() ?? new Date();

  app.get('/offices/:id/queues', {
    config: { action: 'visits.queues.read' },
    schema: { tags: ['visits'], summary: "The office's queues with today's waiting count", params: IdParams, response: { 200: Type.Array(OfficeQueue) } },
  }, async (req) => listQueues(db, req.params.id, now()));

  app.post('/offices/:id/tickets', {
    config: { action: 'visits.ticket.take' },
    schema: {
      tags: ['visits'],
      summary: 'Take a queue ticket for one or more services (kiosk or phone)',
      description: 'The ticket number is unique per office, day and queue letter, also under concurrent requests and across restarts.',
      params: IdParams, body: TakeTicketInput, response: { 201: Ticket },
    },
  }, async (req, reply) => reply.status(201).send(await takeTicket(db, req.params.id, req.body, now())));

  app.get('/tickets/:id', {
    config: { action: 'visits.ticket.read' },
    schema: { tags: ['visits'], summary: "A visitor's own ticket: state, position and counter", params: IdParams, response: { 200: Ticket } },
  }, async (req) => getTicket(db, req.params.id));

  app.post('/offices/:id/desk/call-next', {
    config: { action: 'visits.desk.call', scope: (req) => ({ officeId: (req.params as { id?: string }).id }) },
    schema: {
      tags: ['visits'],
      summary: 'Call the next visitor to a counter from the queues the officer serves',
      description: 'Oldest arrival first. Two officers calling at the same instant never get the same visitor. 204 when nobody waits.',
      params: IdParams, body: CallNextInput, response: { 200: Ticket, 204: Type.Null() },
    },
  }, async (req, reply) => {
    if (!req.principal) throw new AppError('unauthenticated', 'Log in to do this');
    const ticket = await callNext(db, req.params.id, req.body, req.principal, now());
    return ticket ? ticket : reply.status(204).send(null);
  });
};
