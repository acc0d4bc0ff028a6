// The office manager plans the mobile team's visits: Växjö's manager adds a visit at Lenhovda (listed and
// bookable at once), every refused input names its field and reason, a visit's changes must keep its active
// bookings, it cannot be cancelled while it has any, and only the hub office's manager may do this.
import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeWithApp } from '../../test/harness.ts';
import { appointments } from '../../db/schema-visits.ts';
import { offices } from '../../db/schema.ts';
import { createUser } from '../auth/users.ts';
import type { CreatedBooking, MobilePlanning, MobileVisit, SlotsResponse } from '../../../../contracts/booking.ts';
import { FK_VIDEO, LENHOVDA, SJUKPENNING, VAXJO } from './test-helpers.ts';

describeWithApp('mobile visit planning', (ctx) => {
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: object) =>
    ctx.app.inject({ method, url: `/api/v1${url}`, ...(payload ? { payload } : {}), headers: cookie ? { cookie } : {} });
  let chef = '';
  let planning: MobilePlanning;
  let visit: MobileVisit;
  // Wednesday 9 December 2026: the demo team comes to Lenhovda on Tuesdays, so the day is free.
  const DATE = '2026-12-09';
  const base = () => ({ teamId: planning.teams[0]!.id, stopOfficeId: LENHOVDA, date: DATE, opens: '10:00', closes: '12:00', capacity: 1, serviceIds: [SJUKPENNING] });

  it("lists the hub office's teams and stops with the services a visit may bring", async () => {
    chef = await ctx.login('chef.vaxjo');
    const res = await call('GET', `/offices/${VAXJO}/mobile-teams`, chef);
    expect(res.statusCode, res.body).toBe(200);
    planning = res.json() as MobilePlanning;
    expect(planning.teams.map((t) => t.name)).toEqual(['Mobila teamet Växjö']);
    expect(planning.stops.map((s) => s.name)).toEqual(['Mobil service Lenhovda', 'Mobil service Lessebo']);
    expect(planning.stops[0]!.services.map((s) => s.id)).toContain(SJUKPENNING);
    expect(planning.stops[0]!.services.map((s) => s.id)).not.toContain(FK_VIDEO);
  });

  it('creates a visit at Lenhovda that is listed and has slots', async () => {
    const res = await call('POST', `/offices/${VAXJO}/mobile-visits`, chef, base());
    expect(res.statusCode, res.body).toBe(201);
    visit = res.json() as MobileVisit;
    expect(visit).toMatchObject({ stopOfficeId: LENHOVDA, stopName: 'Mobil service Lenhovda', hubOfficeId: VAXJO, date: DATE, opens: '10:00', closes: '12:00', capacity: 1, serviceIds: [SJUKPENNING] });
    for (const office of [LENHOVDA, VAXJO]) {
      const listed = (await call('GET', `/offices/${office}/mobile-visits?from=${DATE}&to=${DATE}`, '')).json() as MobileVisit[];
      expect(listed.map((v) => v.id)).toContain(visit.id);
    }
    const slots = (await call('GET', `/offices/${LENHOVDA}/services/${SJUKPENNING}/slots?from=${DATE}&to=${DATE}`, '')).json() as SlotsResponse;
    const times = slots.days[0]!.slots.map((s) => s.time);
    expect(times[0]).toBe('10:00');
    expect(times.every((t) => t >= '10:00' && t < '12:00')).toBe(true);
  });

  it('names the field and reason of every refused input', async () => {
    const refused = async (patch: object, status: number, field: string, reason?: string) => {
      const res = await call('POST', `/offices/${VAXJO}/mobile-visits`, chef, { ...base(), date: '2026-12-10', ...patch });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json(), JSON.stringify(patch)).toMatchObject({ field, ...(reason ? { details: { reason } } : {}) });
    };
    await refused({ opens: '12:00', closes: '10:00' }, 400, 'closes', 'closes_before_opens');
    await refused({ opens: '9:00' }, 400, 'opens');
    await refused({ capacity: 0 }, 400, 'capacity');
    await refused({ capacity: 21 }, 400, 'capacity');
    await refused({ serviceIds: [] }, 400, 'serviceIds');
    await refused({ stopOfficeId: VAXJO }, 400, 'stopOfficeId', 'not_a_stop_of_hub');
    await refused({ teamId: LENHOVDA }, 400, 'teamId', 'unknown_team');
    await refused({ date: '2026-11-30' }, 400, 'date', 'date_in_past');
    await refused({ date: '2026-02-30' }, 400, 'date', 'invalid_date');
    await refused({ serviceIds: [SJUKPENNING, FK_VIDEO] }, 400, 'serviceIds[1]', 'service_not_offered');
    // The demo team is already at Lenhovda on Tuesday 8 December.
    await refused({ date: '2026-12-08' }, 409, 'date', 'visit_exists');
    const unknown = await call('PATCH', `/offices/${VAXJO}/mobile-visits/${LENHOVDA}`, chef, { capacity: 2 });
    expect(unknown.json()).toMatchObject({ code: 'not_found', field: 'visitId' });
  });

  it('keeps active bookings inside the visit and cancels it only without them', async () => {
    const start = `${DATE}T10:00:00.000Z`; // 11:00 in Sweden
    const booked = await call('POST', '/bookings', '', { serviceId: SJUKPENNING, officeId: LENHOVDA, start, visitorName: 'Mobil Besökare', email: 'mobil@example.se' });
    expect(booked.statusCode, booked.body).toBe(201);
    const booking = booked.json() as CreatedBooking;
    expect(booking.mobileVisitId).toBe(visit.id);
    const url = `/offices/${VAXJO}/mobile-visits/${visit.id}`;

    expect((await call('PATCH', url, chef, { closes: '11:00' })).json()).toMatchObject({ code: 'conflict', field: 'closes', details: { reason: 'visit_has_bookings', count: 1 } });
    expect((await call('PATCH', url, chef, { opens: '11:30', closes: '13:00' })).json()).toMatchObject({ field: 'opens', details: { reason: 'visit_has_bookings', count: 1 } });
    const other = planning.stops[0]!.services.find((s) => s.id !== SJUKPENNING)!.id;
    expect((await call('PATCH', url, chef, { serviceIds: [other] })).json()).toMatchObject({ field: 'serviceIds', details: { reason: 'visit_has_bookings', count: 1 } });
    expect((await call('PATCH', url, chef, { opens: '13:00' })).json()).toMatchObject({ field: 'closes', details: { reason: 'closes_before_opens' } });

    const changed = await call('PATCH', url, chef, { opens: '09:30', closes: '13:00', capacity: 3, serviceIds: [SJUKPENNING, other] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ opens: '09:30', closes: '13:00', capacity: 3, serviceIds: expect.arrayContaining([SJUKPENNING, other]) });
    const slots = (await call('GET', `/offices/${LENHOVDA}/services/${other}/slots?from=${DATE}&to=${DATE}`, '')).json() as SlotsResponse;
    expect(slots.days[0]!.slots[0]!.time).toBe('09:30');

    const refused = await call('DELETE', url, chef);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'conflict', details: { reason: 'visit_has_bookings', count: 1 } });

    expect((await call('POST', `/bookings/${booking.code}/cancel?token=${booking.manageToken}`, '')).statusCode).toBe(200);
    const gone = await call('DELETE', url, chef);
    expect(gone.statusCode, gone.body).toBe(204);
    const listed = (await call('GET', `/offices/${LENHOVDA}/mobile-visits?from=${DATE}&to=${DATE}`, '')).json() as MobileVisit[];
    expect(listed).toEqual([]);
    // The cancelled booking stays, at the stop without a visit.
    const [row] = await ctx.db.select().from(appointments).where(eq(appointments.code, booking.code));
    expect(row).toMatchObject({ status: 'cancelled', mobileVisitId: null, officeId: LENHOVDA });
    expect((await call('DELETE', url, chef)).statusCode).toBe(404);
  });

  it("refuses another office's manager, the hub's service officers and anonymous callers", async () => {
    const [other] = await ctx.db.select().from(offices).where(eq(offices.name, 'Servicekontor Ljungby'));
    const otherOffice = other ?? (await ctx.db.select().from(offices).where(eq(offices.tier, 'servicekontor'))).find((o) => o.id !== VAXJO)!;
    await createUser(ctx.db, { username: 'chef.annat', displayName: 'Annan chef', password: 'other-password', roles: [{ role: 'office_manager', officeId: otherOffice.id, agencyId: null, countyCode: null }] });
    const otherChef = await ctx.login('chef.annat', 'other-password');
    const officer = await ctx.login('handlaggare.vaxjo');
    const [lessebo] = planning.stops.slice(1);
    for (const cookie of [otherChef, officer]) {
      expect((await call('GET', `/offices/${VAXJO}/mobile-teams`, cookie)).statusCode).toBe(403);
      expect((await call('POST', `/offices/${VAXJO}/mobile-visits`, cookie, { ...base(), stopOfficeId: lessebo!.id, serviceIds: [lessebo!.services[0]!.id] })).statusCode).toBe(403);
    }
    // Under its own office's path, the other manager reaches none of Växjö's visits or stops.
    const theirs = await call('POST', `/offices/${otherOffice.id}/mobile-visits`, otherChef, base());
    expect(theirs.json()).toMatchObject({ field: 'teamId', details: { reason: 'unknown_team' } });
    const seeded = ((await call('GET', `/offices/${LENHOVDA}/mobile-visits?from=2026-12-15&to=2026-12-15`, '')).json() as MobileVisit[])[0]!;
    expect((await call('DELETE', `/offices/${otherOffice.id}/mobile-visits/${seeded.id}`, otherChef)).statusCode).toBe(404);
    expect((await call('DELETE', `/offices/${VAXJO}/mobile-visits/${seeded.id}`, otherChef)).statusCode).toBe(403);
    expect((await call('GET', `/offices/${VAXJO}/mobile-teams`, '')).statusCode).toBe(401);
  });
});
