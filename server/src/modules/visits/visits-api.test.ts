// The visit flow API: tickets numbered uniquely under concurrency, opening hours respected, and
// 50 officers calling at the same instant getting 50 different visitors.
import { expect, it } from 'vitest';
import { describeWithApp } from '../../test/harness.ts';
import { createUser } from '../auth/users.ts';
import { appointments } from '../../db/schema-visits.ts';
import type { Office, OfficeSummary, Service } from '../../../../contracts/registry.ts';
import type { OfficeQueue, Ticket } from '../../../../contracts/visits.ts';

describeWithApp('visit flow API', (ctx) => {
  const vaxjo = async () => {
    const list = (await ctx.app.inject({ method: 'GET', url: '/api/v1/offices?tier=servicekontor' })).json() as OfficeSummary[];
    const id = list.find((o) => o.name.includes('Växjö'))!.id;
    return (await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${id}` })).json() as Office;
  };
  const fkService = async (office: Office) => {
    const services = (await ctx.app.inject({ method: 'GET', url: '/api/v1/services' })).json() as Service[];
    const agencies = (await ctx.app.inject({ method: 'GET', url: '/api/v1/agencies' })).json() as Array<{ id: string; code: string }>;
    const fk = agencies.find((a) => a.code === 'FK')!.id;
    return services.find((s) => s.agencyId === fk && office.serviceIds.includes(s.id) && s.channels.includes('in_person'))!;
  };
  const take = (officeId: string, serviceIds: string[]) =>
    ctx.app.inject({ method: 'POST', url: `/api/v1/offices/${officeId}/tickets`, payload: { serviceIds, language: 'sv' } });

  it('hands out numbered tickets that never repeat, even from many kiosks at once', async () => {
    const office = await vaxjo();
    const service = await fkService(office);
    const first = await take(office.id, [service.id]);
    expect(first.statusCode, first.body).toBe(201);
    const ticket = first.json() as Ticket;
    expect(ticket.number).toMatch(/^A\d{3}$/);
    // No officer is at a counter yet: no estimate rather than a made-up one.
    expect(ticket).toMatchObject({ state: 'waiting', position: 0, serviceIds: [service.id], estimateMinutes: null });

    const responses = await Promise.all(Array.from({ length: 40 }, () => take(office.id, [service.id])));
    expect(responses.every((r) => r.statusCode === 201)).toBe(true);
    const numbers = [ticket, ...responses.map((r) => r.json() as Ticket)].map((t) => t.number);
    expect(new Set(numbers).size).toBe(41);
    expect(numbers.map((n) => Number(n.slice(1))).sort((a, b) => a - b)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));

    const read = (await ctx.app.inject({ method: 'GET', url: `/api/v1/tickets/${responses[9]!.json().id}` })).json() as Ticket;
    expect(read.position).toBeGreaterThan(0);
    const queues = (await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${office.id}/queues` })).json() as OfficeQueue[];
    expect(queues.find((q) => q.id === ticket.queueId)?.waiting).toBe(41);
  });

  it('refuses a service the office does not offer, naming the field, and a closed office', async () => {
    const office = await vaxjo();
    const services = (await ctx.app.inject({ method: 'GET', url: '/api/v1/services' })).json() as Service[];
    const notOffered = services.find((s) => !office.serviceIds.includes(s.id))!;
    const res = await take(office.id, [notOffered.id]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'serviceIds[0]', details: { reason: 'service_not_offered' } });

    const saved = ctx.now;
    ctx.now = new Date('2026-12-06T10:00:00Z'); // a Sunday
    const closed = await take(office.id, [(await fkService(office)).id]);
    ctx.now = saved;
    expect(closed.statusCode).toBe(422);
    expect(closed.json().details.reason).toBe('office_closed');
  });

  it('gives 50 officers calling at the same instant 50 different visitors', async () => {
    const office = await vaxjo();
    const service = await fkService(office);
    const queueId = (await take(office.id, [service.id])).json().queueId as string;
    const waiting = (await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${office.id}/queues` })).json() as OfficeQueue[];
    const toTake = 60 - waiting.find((q) => q.id === queueId)!.waiting;
    for (let i = 0; i < toTake; i++) await take(office.id, [service.id]);

    const officers = await Promise.all(Array.from({ length: 50 }, (_, i) => createUser(ctx.db, {
      username: `lucka.${i}`, displayName: `Handläggare ${i}`, password: 'officer-password',
      roles: [{ role: 'service_officer', agencyId: null, officeId: office.id, countyCode: null }],
    })));
    const cookies = await Promise.all(officers.map((o) => ctx.login(o.username, 'officer-password')));
    const calls = await Promise.all(cookies.map((cookie, i) => ctx.app.inject({
      method: 'POST', url: `/api/v1/offices/${office.id}/desk/call-next`, headers: { cookie },
      payload: { counterName: `Lucka ${i + 1}`, queueIds: [queueId] },
    })));
    expect(calls.map((c) => c.statusCode)).toEqual(Array(50).fill(200));
    const called = calls.map((c) => c.json() as Ticket);
    expect(new Set(called.map((t) => t.id)).size).toBe(50);
    expect(called.every((t) => t.state === 'called' && t.counterName?.startsWith('Lucka'))).toBe(true);
    // Oldest first: the 50 called are exactly the 50 earliest numbers still waiting before the calls.
    const seqs = called.map((t) => Number(t.number.slice(1))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => seqs[0]! + i));

    // With 50 counters open, a new visitor gets an estimate.
    const waitingNow = (await take(office.id, [service.id])).json() as Ticket;
    expect(waitingNow.estimateMinutes).toEqual(expect.any(Number));
    expect(waitingNow.estimateMinutes).toBeGreaterThanOrEqual(0);

    const again = await ctx.app.inject({ method: 'POST', url: `/api/v1/offices/${office.id}/desk/call-next`, headers: { cookie: cookies[0]! }, payload: { counterName: 'Lucka 1', queueIds: [queueId] } });
    expect(again.statusCode).toBe(409);
    expect(again.json().details.reason).toBe('officer_busy');
  });
});

describeWithApp('check-in of booked visitors', (ctx) => {
  it('checks in within the window, with the booked time as the place in line', async () => {
    const offices = (await ctx.app.inject({ method: 'GET', url: '/api/v1/offices?tier=servicekontor' })).json() as OfficeSummary[];
    const office = (await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${offices.find((o) => o.name.includes('Växjö'))!.id}` })).json() as Office;
    const serviceId = office.serviceIds[0]!;
    const book = async (code: string, startsAt: string) =>
      ctx.db.insert(appointments).values({ officeId: office.id, serviceId, startsAt: new Date(startsAt), endsAt: new Date(Date.parse(startsAt) + 20 * 60_000), code, visitorName: 'Test Testsson' });
    // ctx.now is 11:00 Swedish time (10:00Z).
    await book('EARLY1', '2026-12-01T10:45:00Z');
    await book('ONTIME1', '2026-12-01T10:10:00Z');
    await book('LATE01', '2026-12-01T09:40:00Z');
    const checkIn = (code: string) => ctx.app.inject({ method: 'POST', url: `/api/v1/offices/${office.id}/check-ins`, payload: { code } });

    expect((await checkIn('EARLY1')).json()).toMatchObject({ code: 'rule_violation', details: { reason: 'too_early' } });
    expect((await checkIn('LATE01')).json()).toMatchObject({ code: 'rule_violation', details: { reason: 'too_late' } });
    expect((await checkIn('NOSUCH1')).json()).toMatchObject({ code: 'not_found', field: 'code' });

    const walkIn = (await ctx.app.inject({ method: 'POST', url: `/api/v1/offices/${office.id}/tickets`, payload: { serviceIds: [serviceId] } })).json() as Ticket;
    const ok = await checkIn('ontime1');
    expect(ok.statusCode, ok.body).toBe(201);
    const booked = ok.json() as Ticket;
    expect(booked.queueId).toBe(walkIn.queueId);
    // Booked for 11:10, checked in at 11:00: the walk-in who came at 11:00 is ahead until then.
    expect(booked.position).toBe(1);
    expect((await checkIn('ONTIME1')).json()).toMatchObject({ code: 'conflict', details: { reason: 'already_checked_in' } });
  });
});
