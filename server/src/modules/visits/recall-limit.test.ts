// The recall limit is an office setting (offices.max_recalls, 0–10, default 3), edited with the office.
import { beforeAll, expect, it } from 'vitest';
import { describeWithApp } from '../../test/harness.ts';
import type { Office, OfficeInput, OfficeSummary, Service } from '../../../../contracts/registry.ts';
import type { Ticket } from '../../../../contracts/visits.ts';

describeWithApp('per-office recall limit', (ctx) => {
  let office: Office;
  let service: Service;
  let manager: string;
  let officer: string;
  const getOffice = async () => (await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${office.id}` })).json() as Office;
  /** The office as an input: everything but the fields the API derives. */
  const inputOf = (o: Office): OfficeInput => {
    const { id: _id, isDemo: _demo, municipalityName: _m, countyCode: _cc, countyName: _cn, ...input } = o;
    return input;
  };
  const put = (input: object) => ctx.app.inject({ method: 'PUT', url: `/api/v1/offices/${office.id}`, headers: { cookie: manager }, payload: input });
  const post = (url: string, payload: object = {}) => ctx.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie: officer }, payload });

  beforeAll(async () => {
    const list = (await ctx.app.inject({ method: 'GET', url: '/api/v1/offices?tier=servicekontor' })).json() as OfficeSummary[];
    office = (await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${list.find((o) => o.name.includes('Växjö'))!.id}` })).json() as Office;
    const services = (await ctx.app.inject({ method: 'GET', url: '/api/v1/services' })).json() as Service[];
    service = services.find((s) => office.serviceIds.includes(s.id) && s.channels.includes('in_person'))!;
    manager = await ctx.login('chef.vaxjo');
    officer = await ctx.login('handlaggare.vaxjo');
  });

  it('is 3 by default, editable by the office manager within 0–10, and kept when an update leaves it out', async () => {
    expect(office.maxRecalls).toBe(3);
    const tooMany = await put({ ...inputOf(office), maxRecalls: 11 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ code: 'validation_failed', field: 'maxRecalls' });
    const saved = await put({ ...inputOf(office), maxRecalls: 1 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((saved.json() as Office).maxRecalls).toBe(1);
    const { maxRecalls: _left, ...withoutIt } = inputOf(await getOffice());
    expect(((await put(withoutIt)).json() as Office).maxRecalls).toBe(1);
  });

  it('allows one recall at an office with max_recalls 1, then refuses, and a no-show still works', async () => {
    const ticket = (await ctx.app.inject({ method: 'POST', url: `/api/v1/offices/${office.id}/tickets`, payload: { serviceIds: [service.id] } })).json() as Ticket;
    const called = await post(`/offices/${office.id}/desk/call-next`, { counterName: 'Lucka 1', queueIds: [ticket.queueId] });
    expect((called.json() as Ticket).id).toBe(ticket.id);
    const once = await post(`/tickets/${ticket.id}/recall`);
    expect(once.statusCode, once.body).toBe(200);
    expect((once.json() as Ticket).recallCount).toBe(1);
    const twice = await post(`/tickets/${ticket.id}/recall`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'conflict', details: { reason: 'recall_limit', maxRecalls: 1 } });
    const noShow = await post(`/tickets/${ticket.id}/no-show`);
    expect(noShow.statusCode, noShow.body).toBe(200);
    expect((noShow.json() as Ticket).state).toBe('no_show');
  });
});
