// The day view through the API: a morning at Växjö played with a controlled clock (three tickets, two
// called and finished at known times) gives exactly the figures constructed, and only the office's
// own staff may read them.
import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { describeWithApp } from '../../test/harness.ts';
import { createUser } from '../auth/users.ts';
import type { Office, OfficeSummary, Service } from '../../../../contracts/registry.ts';
import type { OfficeDay, Ticket } from '../../../../contracts/visits.ts';

describeWithApp('office day view', (ctx) => {
  let office: Office;
  let service: Service;
  let officer: string;
  let manager: string;
  /** Sets the app clock to a Swedish wall-clock time on Tuesday 1 December 2026 (UTC+1). */
  const clock = (hhmm: string) => {
    ctx.now = new Date(`2026-12-01T${hhmm}:00+01:00`);
  };
  const post = (url: string, payload: object, cookie = officer) => ctx.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie }, payload });
  const day = (cookie: string, query = '', officeId = office.id) =>
    ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${officeId}/day${query}`, headers: cookie ? { cookie } : {} });
  const serveNext = async (queueId: string, calledAt: string, startedAt: string, finishedAt: string) => {
    clock(calledAt);
    const called = (await post(`/offices/${office.id}/desk/call-next`, { counterName: 'Lucka 4', queueIds: [queueId] })).json() as Ticket;
    clock(startedAt);
    await post(`/tickets/${called.id}/start`, {});
    clock(finishedAt);
    const done = await post(`/tickets/${called.id}/finish`, { outcome: 'resolved', performed: [{ serviceId: service.id, done: true }] });
    expect(done.statusCode, done.body).toBe(200);
    return called;
  };

  it('sets up at Växjö', async () => {
    const list = (await ctx.app.inject({ method: 'GET', url: '/api/v1/offices?tier=servicekontor' })).json() as OfficeSummary[];
    office = (await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${list.find((o) => o.name.includes('Växjö'))!.id}` })).json() as Office;
    const services = (await ctx.app.inject({ method: 'GET', url: '/api/v1/services' })).json() as Service[];
    const agencies = (await ctx.app.inject({ method: 'GET', url: '/api/v1/agencies' })).json() as Array<{ id: string; code: string }>;
    const fk = agencies.find((a) => a.code === 'FK')!.id;
    service = services.find((s) => s.agencyId === fk && office.serviceIds.includes(s.id) && s.channels.includes('in_person'))!;
    officer = await ctx.login('handlaggare.vaxjo');
    manager = await ctx.login('chef.vaxjo');
  });

  it('shows an empty day before the first ticket', async () => {
    clock('10:55');
    const res = await day(manager);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ officeId: office.id, date: '2026-12-01', live: true, counters: [], hours: [], totals: { taken: 0, waiting: 0, meanWaitMinutes: null } });
  });

  it('counts three tickets, two served at known times, one still waiting', async () => {
    const taken: Ticket[] = [];
    for (const time of ['11:00', '11:02', '11:04']) {
      clock(time);
      taken.push((await ctx.app.inject({ method: 'POST', url: `/api/v1/offices/${office.id}/tickets`, payload: { serviceIds: [service.id] } })).json() as Ticket);
    }
    const queueId = taken[0]!.queueId;
    // Waits of 10 and 22 minutes; services of 10 and 16 minutes from the call.
    expect((await serveNext(queueId, '11:10', '11:11', '11:20')).id).toBe(taken[0]!.id);
    expect((await serveNext(queueId, '11:24', '11:25', '11:40')).id).toBe(taken[1]!.id);
    clock('11:45');

    const view = (await day(manager)).json() as OfficeDay;
    const queue = view.queues.find((q) => q.queueId === queueId)!;
    expect(queue).toEqual({
      queueId, letter: taken[0]!.number[0], agencyId: service.agencyId,
      waiting: 1, longestWaitMinutes: 41, taken: 3, served: 2, noShows: 0, transferredOut: 0,
      // Mean of 10 and 22; the 90th percentile interpolated: 10 + 0.9 × 12.
      meanWaitMinutes: 16, p90WaitMinutes: 20.8, meanServiceMinutes: 13,
    });
    expect(view.totals).toEqual({ ...queue, queueId: undefined, letter: undefined, agencyId: undefined });
    expect(view.hours).toEqual([{ hour: 11, arrivals: 3, calls: 2 }]);
    expect(view.counters).toEqual([{
      officerUserId: expect.any(String), officerName: 'Demo Servicehandläggare Växjö', counterName: 'Lucka 4', queueIds: [queueId],
      current: null, finished: 2, lastActiveAt: new Date('2026-12-01T11:40:00+01:00').toISOString(),
    }]);

    // The third visitor is called: the counter shows them, and nobody waits any more.
    clock('11:46');
    await post(`/offices/${office.id}/desk/call-next`, { counterName: 'Lucka 4', queueIds: [queueId] });
    const later = (await day(manager)).json() as OfficeDay;
    expect(later.counters[0]!.current).toEqual({ ticketId: taken[2]!.id, number: taken[2]!.number, state: 'called', since: ctx.now.toISOString() });
    expect(later.totals).toMatchObject({ waiting: 0, longestWaitMinutes: null, meanWaitMinutes: 24.7 }); // (10 + 22 + 42) / 3
  });

  it('shows another day without the live figures, and refuses a date that does not exist', async () => {
    const before = (await day(manager, '?date=2026-11-30')).json() as OfficeDay;
    expect(before).toMatchObject({ date: '2026-11-30', live: false, counters: [], hours: [], totals: { taken: 0, served: 0 } });
    for (const bad of ['2026-02-30', '2026-13-01', 'tisdag']) {
      const res = await day(manager, `?date=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json(), bad).toMatchObject({ code: 'validation_failed', field: 'date' });
    }
  });

  it('is for the office\'s own staff: not the public, an agency officer or another office\'s manager', async () => {
    expect((await day('')).statusCode).toBe(401);
    expect((await day(await ctx.login('fk.vaxjo'))).statusCode).toBe(403);
    const list = (await ctx.app.inject({ method: 'GET', url: '/api/v1/offices?tier=servicekontor' })).json() as OfficeSummary[];
    const other = list.find((o) => o.id !== office.id)!;
    await createUser(ctx.db, {
      username: 'chef.annat', displayName: 'Chef annat kontor', password: 'manager-password',
      roles: [{ role: 'office_manager', agencyId: null, officeId: other.id, countyCode: null }],
    });
    const otherManager = await ctx.login('chef.annat', 'manager-password');
    expect((await day(otherManager)).statusCode).toBe(403);
    expect((await day(otherManager, '', other.id)).statusCode).toBe(200);
    expect((await day(officer)).statusCode).toBe(200);
    const admin = await ctx.login('admin');
    expect((await day(admin)).statusCode).toBe(200);
    expect((await day(admin, '', randomUUID())).json()).toMatchObject({ code: 'not_found' });
  });
});
