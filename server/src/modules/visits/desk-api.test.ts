// The desk's actions through the API: recall up to the limit then no-show, transfer keeping the
// visitor's place, finish with services performed on another agency's behalf, and the live stream.
import { expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { describeWithApp } from '../../test/harness.ts';
import { visitEvents } from '../../db/schema-visits.ts';
import type { Office, OfficeSummary, Service } from '../../../../contracts/registry.ts';
import type { Call, OfficeQueue, Ticket } from '../../../../contracts/visits.ts';

describeWithApp('desk actions', (ctx) => {
  let office: Office;
  let services: Service[];
  let agencies: Array<{ id: string; code: string }>;
  let cookie: string;
  const post = async (url: string, payload: unknown = {}) => ctx.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie }, payload: payload as object });
  const serviceOf = (code: string) => {
    const agency = agencies.find((a) => a.code === code)!.id;
    return services.find((s) => s.agencyId === agency && office.serviceIds.includes(s.id) && s.channels.includes('in_person'))!;
  };
  const take = async (serviceIds: string[]) => (await ctx.app.inject({ method: 'POST', url: `/api/v1/offices/${office.id}/tickets`, payload: { serviceIds } })).json() as Ticket;
  const callNext = async (queueIds: string[]) => post(`/offices/${office.id}/desk/call-next`, { counterName: 'Lucka 2', queueIds });

  it('sets up at Växjö', async () => {
    const list = (await ctx.app.inject({ method: 'GET', url: '/api/v1/offices?tier=servicekontor' })).json() as OfficeSummary[];
    office = (await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${list.find((o) => o.name.includes('Växjö'))!.id}` })).json() as Office;
    services = (await ctx.app.inject({ method: 'GET', url: '/api/v1/services' })).json() as Service[];
    agencies = (await ctx.app.inject({ method: 'GET', url: '/api/v1/agencies' })).json() as Array<{ id: string; code: string }>;
    cookie = await ctx.login('handlaggare.vaxjo');
  });

  it('recalls up to the limit, then only a no-show is possible', async () => {
    const ticket = await take([serviceOf('FK').id]);
    const called = (await callNext([ticket.queueId])).json() as Ticket;
    expect(called.id).toBe(ticket.id);
    for (let i = 1; i <= 3; i++) expect(((await post(`/tickets/${ticket.id}/recall`)).json() as Ticket).recallCount).toBe(i);
    const tooMany = await post(`/tickets/${ticket.id}/recall`);
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json().details.reason).toBe('recall_limit');
    expect(((await post(`/tickets/${ticket.id}/no-show`)).json() as Ticket).state).toBe('no_show');
    const calls = (await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${office.id}/calls` })).json() as Call[];
    expect(calls[0]).toMatchObject({ ticketId: ticket.id, counterName: 'Lucka 2', recall: true });
  });

  it('transfers a visitor to another agency, keeping their place by arrival time', async () => {
    const early = await take([serviceOf('FK').id, serviceOf('SKV').id]);
    ctx.now = new Date(ctx.now.getTime() + 60_000);
    const later = await take([serviceOf('SKV').id]);
    ctx.now = new Date(ctx.now.getTime() + 60_000);
    const called = (await callNext([early.queueId])).json() as Ticket;
    expect(called.id).toBe(early.id);
    await post(`/tickets/${early.id}/start`);
    const moved = await post(`/tickets/${early.id}/transfer`, { queueId: later.queueId, note: 'Behöver hjälp med adressändring' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ state: 'waiting', queueId: later.queueId, position: 0 });
    // Called next in the Skatteverket queue: the transferred visitor arrived first, so goes first.
    const next = (await callNext([later.queueId])).json() as Ticket;
    expect(next.id).toBe(early.id);
    const events = await ctx.db.select().from(visitEvents).where(eq(visitEvents.visitId, early.id)).orderBy(asc(visitEvents.id));
    expect(events.map((e) => e.kind)).toEqual(['arrived', 'called', 'serving_started', 'transferred', 'called']);
    const skv = agencies.find((a) => a.code === 'SKV')!.id;
    expect(events[3]).toMatchObject({ agencyId: skv, details: { note: 'Behöver hjälp med adressändring' } });
  });

  it('finishes with the outcome, refusing an agency the registry does not allow to act on the owner\'s behalf', async () => {
    const current = (await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${office.id}/desk/current`, headers: { cookie } })).json() as Ticket;
    const [first, second] = current.serviceIds as [string, string];
    const af = agencies.find((a) => a.code === 'AF')!.id;
    const refused = await post(`/tickets/${current.id}/finish`, { outcome: 'resolved', performed: [{ serviceId: second, done: true, performedByAgencyId: af }] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: 'performed[0].performedByAgencyId', details: { reason: 'not_a_performer' } });
    const done = await post(`/tickets/${current.id}/finish`, { outcome: 'resolved', performed: [{ serviceId: first, done: true }, { serviceId: second, done: true }] });
    expect(done.statusCode, done.body).toBe(200);
    expect((done.json() as Ticket).state).toBe('done');
    const again = await post(`/tickets/${current.id}/finish`, { outcome: 'resolved', performed: [] });
    expect(again.json()).toMatchObject({ code: 'conflict', details: { reason: 'wrong_state' } });
  });

  it("limits a service officer with competences to those agencies' queues", async () => {
    const admin = await ctx.login('admin');
    const fk = agencies.find((a) => a.code === 'FK')!.id;
    const created = await ctx.app.inject({
      method: 'POST', url: '/api/v1/users', headers: { cookie: admin },
      payload: { username: 'fk.kunnig.vaxjo', displayName: 'Kunnig i FK', password: 'long-enough-password', roles: [{ role: 'service_officer', agencyId: fk, officeId: office.id, countyCode: null }] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const officer = await ctx.login('fk.kunnig.vaxjo', 'long-enough-password');
    const [fkTicket, skvTicket] = [await take([serviceOf('FK').id]), await take([serviceOf('SKV').id])];
    const call = (queueIds: string[]) => ctx.app.inject({
      method: 'POST', url: `/api/v1/offices/${office.id}/desk/call-next`, headers: { cookie: officer }, payload: { counterName: 'Lucka 5', queueIds },
    });
    const refused = await call([fkTicket.queueId, skvTicket.queueId]);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'forbidden', field: 'queueIds[1]', details: { reason: 'not_your_queue' } });
    const served = await call([fkTicket.queueId]);
    expect(served.statusCode, served.body).toBe(200);
    expect((served.json() as Ticket).queueId).toBe(fkTicket.queueId);
  });

  it('streams calls to the display board as they happen', async () => {
    const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const res = await fetch(`${address}/api/v1/offices/${office.id}/events`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const ticket = await take([serviceOf('PM').id]);
    await callNext([ticket.queueId]);
    let text = '';
    while (!text.includes(`"number":"${ticket.number}"`)) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('event: call');
    expect(text).toContain('event: queues');
    controller.abort();
    const queues = (await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${office.id}/queues` })).json() as OfficeQueue[];
    expect(queues.length).toBeGreaterThanOrEqual(3);
  });
});
