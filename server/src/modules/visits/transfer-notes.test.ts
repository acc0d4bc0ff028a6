// Transfer notes reach the receiving agency's officers only: not the sending agency, not office-wide
// staff, not admins. Every read is audit-logged.
import { beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeWithApp } from '../../test/harness.ts';
import { auditLog } from '../../db/schema.ts';
import type { Office, OfficeSummary, Service } from '../../../../contracts/registry.ts';
import type { Ticket, TransferNote } from '../../../../contracts/visits.ts';

describeWithApp('transfer notes', (ctx) => {
  let office: Office;
  let agencies: Array<{ id: string; code: string }>;
  let services: Service[];
  let ticket: Ticket;
  const cookies: Record<string, string> = {};
  const agencyId = (code: string) => agencies.find((a) => a.code === code)!.id;
  const serviceOf = (code: string) =>
    services.find((s) => s.agencyId === agencyId(code) && office.serviceIds.includes(s.id) && s.channels.includes('in_person'))!;
  const take = async (code: string) =>
    (await ctx.app.inject({ method: 'POST', url: `/api/v1/offices/${office.id}/tickets`, payload: { serviceIds: [serviceOf(code).id] } })).json() as Ticket;
  const notes = (who: string | null, id = ticket.id) =>
    ctx.app.inject({ method: 'GET', url: `/api/v1/tickets/${id}/notes`, headers: who ? { cookie: cookies[who]! } : {} });

  beforeAll(async () => {
    const list = (await ctx.app.inject({ method: 'GET', url: '/api/v1/offices?tier=servicekontor' })).json() as OfficeSummary[];
    office = (await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${list.find((o) => o.name.includes('Växjö'))!.id}` })).json() as Office;
    agencies = (await ctx.app.inject({ method: 'GET', url: '/api/v1/agencies' })).json() as Array<{ id: string; code: string }>;
    services = (await ctx.app.inject({ method: 'GET', url: '/api/v1/services' })).json() as Service[];
    for (const user of ['fk.vaxjo', 'skv.vaxjo', 'handlaggare.vaxjo', 'admin', 'planerare']) cookies[user] = await ctx.login(user);
  });

  it('lets the Försäkringskassan officer transfer a visitor to Skatteverket with a note', async () => {
    ticket = await take('FK');
    const skvQueue = (await take('SKV')).queueId;
    const post = (url: string, payload: object = {}) => ctx.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie: cookies['fk.vaxjo']! }, payload });
    expect(((await post(`/offices/${office.id}/desk/call-next`, { counterName: 'Lucka 2', queueIds: [ticket.queueId] })).json() as Ticket).id).toBe(ticket.id);
    const moved = await post(`/tickets/${ticket.id}/transfer`, { queueId: skvQueue, note: 'Flyttat till Växjö, behöver folkbokföring' });
    expect(moved.statusCode, moved.body).toBe(200);
  });

  it('shows the note to the Skatteverket officer', async () => {
    const res = await notes('skv.vaxjo');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json() as TransferNote[]).toEqual([expect.objectContaining({
      agencyId: agencyId('SKV'), toQueueId: expect.any(String), fromQueueId: ticket.queueId,
      note: 'Flyttat till Växjö, behöver folkbokföring', writtenBy: 'Demo Handläggare Försäkringskassan',
    })]);
  });

  it('gives the sending agency, office-wide staff and admins an empty list', async () => {
    for (const user of ['fk.vaxjo', 'handlaggare.vaxjo', 'admin']) {
      const res = await notes(user);
      expect(res.statusCode, user).toBe(200);
      expect(res.json(), user).toEqual([]);
    }
  });

  it('refuses anonymous callers and roles without a desk, and says when the ticket does not exist', async () => {
    expect((await notes(null)).statusCode).toBe(401);
    expect((await notes('planerare')).statusCode).toBe(403);
    expect((await notes('skv.vaxjo', '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('audit-logs every read, also the empty ones', async () => {
    const rows = await ctx.db.select().from(auditLog)
      .where(and(eq(auditLog.action, 'visits.notes.read'), eq(auditLog.resourceId, ticket.id), eq(auditLog.outcome, 'ok')));
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.resourceType === 'visit_notes' && r.actorUserId)).toBe(true);
  });
});
