// The in-memory live queue against the database: after any mix of tickets, calls, transfers and finishes,
// a copy brought up to date by deltas holds exactly what a fresh full read holds, row for row. A second
// copy stands for a second app server that saw none of the writes happen.
import { expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { describeWithApp } from '../../test/harness.ts';
import { visits } from '../../db/schema-visits.ts';
import type { Office, OfficeSummary, Service } from '../../../../contracts/registry.ts';
import type { Ticket } from '../../../../contracts/visits.ts';
import { stockholmDate } from '../../lib/dates.ts';
import { liveVisits } from './live.ts';

describeWithApp('live queue', (ctx) => {
  let office: Office;
  let inPerson: Service[];
  let cookie: string;
  const post = async (url: string, payload: unknown = {}, headers = { cookie }) =>
    ctx.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload: payload as object });

  /** A copy as another server would build it from nothing, and the database's own answer. */
  const fresh = () => liveVisits({} as typeof ctx.db, ctx.db, office.id, stockholmDate(ctx.now));
  const inDatabase = async () => ctx.db.select().from(visits)
    .where(and(eq(visits.officeId, office.id), eq(visits.serviceDate, stockholmDate(ctx.now)), inArray(visits.state, ['waiting', 'called', 'serving'])));
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

  it('sets up at Växjö', async () => {
    const list = (await ctx.app.inject({ method: 'GET', url: '/api/v1/offices?tier=servicekontor' })).json() as OfficeSummary[];
    office = (await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${list.find((o) => o.name.includes('Växjö'))!.id}` })).json() as Office;
    const services = (await ctx.app.inject({ method: 'GET', url: '/api/v1/services' })).json() as Service[];
    inPerson = services.filter((s) => office.serviceIds.includes(s.id) && s.channels.includes('in_person'));
    cookie = await ctx.login('handlaggare.vaxjo');
  });

  it('follows every change through deltas and agrees with a full read', async () => {
    const kept = { db: ctx.db } as unknown as typeof ctx.db; // this copy is kept up to date across the steps
    const live = () => liveVisits(kept, ctx.db, office.id, stockholmDate(ctx.now));
    expect(await live()).toEqual([]);

    const tickets: Ticket[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await post(`/offices/${office.id}/tickets`, { serviceIds: [inPerson[i % inPerson.length]!.id, ...(i % 4 === 0 ? [inPerson[(i + 1) % inPerson.length]!.id] : [])] }, {} as { cookie: string });
      tickets.push(res.json() as Ticket);
      ctx.now = new Date(ctx.now.getTime() + 30_000);
      if (i % 3 === 0) await live(); // read part-way, so later reads are true deltas
    }
    const queues = [...new Set(tickets.map((t) => t.queueId))];
    const first = (await post(`/offices/${office.id}/desk/call-next`, { counterName: 'Lucka 1', queueIds: queues })).json() as Ticket;
    await live();
    await post(`/tickets/${first.id}/start`);
    const other = queues.find((q) => q !== first.queueId)!;
    await post(`/tickets/${first.id}/transfer`, { queueId: other });
    const second = (await post(`/offices/${office.id}/desk/call-next`, { counterName: 'Lucka 1', queueIds: queues })).json() as Ticket;
    await post(`/tickets/${second.id}/finish`, { outcome: 'resolved', performed: [] });

    const [mine, theirs, truth] = await Promise.all([live(), fresh(), inDatabase()]);
    expect(byId(mine.map((v) => v.row))).toEqual(byId(truth));
    expect(byId(theirs.map((v) => v.row))).toEqual(byId(truth));
    expect(mine.length).toBe(11);
    // Services come in their order on the ticket.
    const multi = tickets[4]!;
    expect(mine.find((v) => v.row.id === multi.id)!.serviceIds).toEqual(multi.serviceIds);
  });

  it('streams each open ticket page its new place after a change, once per change, and its call', async () => {
    const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const take = async () => (await post(`/offices/${office.id}/tickets`, { serviceIds: [inPerson[0]!.id] }, {} as { cookie: string })).json() as Ticket;
    const queueId = (await take()).queueId;
    // Empty the queue first, so the two tickets below are first and second.
    for (;;) {
      const res = await post(`/offices/${office.id}/desk/call-next`, { counterName: 'Lucka 1', queueIds: [queueId] });
      if (res.statusCode === 204) break;
      await post(`/tickets/${(res.json() as Ticket).id}/finish`, { outcome: 'resolved', performed: [] });
    }
    const [first, second] = [await take(), await take()];
    const pages = await Promise.all([first, second].map(async (t) => {
      const controller = new AbortController();
      const res = await fetch(`${address}/api/v1/tickets/${t.id}/events`, { signal: controller.signal });
      const reader = res.body!.getReader();
      const events: Ticket[] = [];
      let buffer = '';
      const until = async (done: (e: Ticket[]) => boolean) => {
        while (!done(events)) {
          buffer += new TextDecoder().decode((await reader.read()).value);
          const parts = buffer.split('\n\n');
          buffer = parts.pop()!;
          for (const part of parts) {
            const data = part.split('\n').find((l) => l.startsWith('data: '));
            if (part.includes('event: ticket') && data) events.push(JSON.parse(data.slice(6)) as Ticket);
          }
        }
      };
      return { events, until, close: () => controller.abort() };
    }));
    await Promise.all(pages.map((p) => p.until((e) => e.length >= 1)));
    expect(pages.map((p) => p.events[0]!.position)).toEqual([0, 1]);

    const called = (await post(`/offices/${office.id}/desk/call-next`, { counterName: 'Lucka 4', queueIds: [queueId] })).json() as Ticket;
    expect(called.id).toBe(first.id);
    await pages[0]!.until((e) => e.some((t) => t.state === 'called'));
    await pages[1]!.until((e) => e.some((t) => t.position === 0));
    expect(pages[0]!.events.at(-1)).toMatchObject({ state: 'called', counterName: 'Lucka 4' });
    // Each update differs from the one before: an unchanged ticket is not sent again.
    for (const p of pages) p.events.forEach((e, i) => i > 0 && expect(JSON.stringify(e)).not.toBe(JSON.stringify(p.events[i - 1])));
    pages.forEach((p) => p.close());
  });
});
