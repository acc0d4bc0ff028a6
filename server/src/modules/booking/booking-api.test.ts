// The booking API end to end: book, read, reschedule and cancel by code and link token; input errors
// with their fields and reasons; video meetings (room + officer in one transaction); mobile stops; staff
// on a visitor's behalf; arrived → the visit-flow queue; messages in the outboxes; the .ics file; access
// and audit; reminders claimed once.
import { expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { describeWithApp } from '../../test/harness.ts';
import { queryRows } from '../../db/client.ts';
import { auditLog, emailOutbox, smsOutbox } from '../../db/schema.ts';
import { bookingHolds, appointments } from '../../db/schema-visits.ts';
import type { Booking, CreatedBooking, MobileVisit, MobileVisitVisitors, OfficeBookingsDay, SlotsResponse, VideoMeeting, ArrivedResponse, BookableService } from '../../../../contracts/booking.ts';
import { api, BOSTADSBIDRAG, FK_VIDEO, FORALDRAPENNING, LENHOVDA, SJUKPENNING, VAXJO } from './test-helpers.ts';
import { sendDueReminders } from './notify.ts';

describeWithApp('booking API', (ctx) => {
  const firstSlot = async (officeId: string, service: string, date: string, channel?: string) => {
    const res = await api(ctx).inject('GET', `/offices/${officeId}/services/${service}/slots?from=${date}&to=${date}${channel ? `&channel=${channel}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as SlotsResponse).days[0]!.slots[0]!;
  };

  it('lists bookable services and slots per day, with empty days included', async () => {
    const { inject } = api(ctx);
    const services = (await inject('GET', `/offices/${VAXJO}/bookable-services`)).json() as BookableService[];
    expect(services.find((s) => s.id === BOSTADSBIDRAG)?.channels).toEqual(['in_person']);
    expect(services.find((s) => s.id === FK_VIDEO)?.channels).toEqual(['video']);
    // Saturday and Sunday are listed with no slots, so the web can grey them out.
    const week = (await inject('GET', `/offices/${VAXJO}/services/${BOSTADSBIDRAG}/slots?from=2026-12-04&to=2026-12-07`)).json() as SlotsResponse;
    expect(week.days.map((d) => d.date)).toEqual(['2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07']);
    expect(week.days[1]!.slots).toEqual([]);
    expect(week.days[0]!.slots.length).toBeGreaterThan(0);
    expect((await inject('GET', `/offices/${VAXJO}/services/${BOSTADSBIDRAG}/slots?from=2026-12-07&to=2026-12-04`)).json()).toMatchObject({ field: 'to' });
  });

  it('books, shows masked data, reschedules and cancels by code and link, with messages and audit', async () => {
    const { book, inject } = api(ctx);
    const slot = await firstSlot(VAXJO, FORALDRAPENNING, '2026-12-08');
    const res = await book({ serviceId: FORALDRAPENNING, officeId: VAXJO, start: slot.start, phone: '070-123 45 67', personnummer: '811218-9876', interpreterLanguage: 'ar', language: 'en' });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as CreatedBooking;
    expect(created.code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    expect(created.managePath).toBe(`/bokning/${created.code}?t=${created.manageToken}`);
    expect(created).toMatchObject({ status: 'booked', personnummerMasked: '19811218-XXXX', phoneMasked: '+46 70 *** ** 67', emailMasked: 't***@example.se', interpreterLanguage: 'ar', channel: 'in_person' });
    expect(JSON.stringify(created)).not.toContain('9876');

    const url = (path = '') => `/bookings/${created.code}${path}?token=${created.manageToken}`;
    const read = await inject('GET', url());
    expect(read.statusCode).toBe(200);
    expect((read.json() as Booking).personnummerMasked).toBe('19811218-XXXX');
    expect((await inject('GET', `/bookings/${created.code}?token=${'x'.repeat(32)}`)).json()).toMatchObject({ code: 'not_found', field: 'code' });
    expect((await inject('GET', `/bookings/${created.code}`)).statusCode).toBe(400);
    const audits = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'booking.manage'), eq(auditLog.resourceId, created.code)));
    expect(audits.length).toBeGreaterThanOrEqual(1);

    // Move it an hour later: the old time is free again, the new one held.
    const later = new Date(Date.parse(slot.start) + 3600_000).toISOString();
    const moved = await inject('POST', url('/reschedule'), { start: later });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((moved.json() as Booking).start).toBe(later);
    const [row] = await ctx.db.select().from(appointments).where(eq(appointments.code, created.code));
    const holds = await queryRows<{ lower: string }>(ctx.db, sql`select lower(during)::text as lower from booking_holds where appointment_id = ${row!.id}`);
    expect(holds.length).toBe(2);
    for (const h of holds) expect(new Date(h.lower).toISOString()).toBe(later);

    const cancelled = await inject('POST', url('/cancel'));
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    expect(await ctx.db.select().from(bookingHolds).where(eq(bookingHolds.appointmentId, row!.id))).toEqual([]);
    expect((await inject('POST', url('/cancel'))).json()).toMatchObject({ code: 'conflict', details: { reason: 'booking_not_active' } });

    // Booked, moved, cancelled: three messages by email and three by SMS, in English, with the code.
    const mails = await ctx.db.select().from(emailOutbox).where(eq(emailOutbox.recipient, 'test@example.se'));
    const mine = mails.filter((m) => m.subject.includes(created.code));
    expect(mine.map((m) => m.subject)).toEqual(expect.arrayContaining([`Samservice: Your booking (${created.code})`, `Samservice: Your booking is cancelled (${created.code})`]));
    expect(mine.length).toBe(3);
    expect(mine[0]!.text).toContain(`/bokning/${created.code}?t=`);
    const texts = (await ctx.db.select().from(smsOutbox).where(eq(smsOutbox.recipient, '+46701234567'))).filter((m) => m.text.includes(created.code) || m.text.includes('cancelled'));
    expect(texts.length).toBe(3);
  });

  it('names the field and reason of every refused input', async () => {
    const { book } = api(ctx);
    const slot = await firstSlot(VAXJO, BOSTADSBIDRAG, '2026-12-09');
    const base = { serviceId: BOSTADSBIDRAG, officeId: VAXJO, start: slot.start };
    expect((await book({ ...base, personnummer: '811218-9877' })).json()).toMatchObject({ code: 'validation_failed', field: 'personnummer', details: { reason: 'invalid_personnummer' } });
    // A samordningsnummer (day + 60) with a valid check digit passes.
    expect((await book({ ...base, personnummer: '701063-2391', email: 'samordning@example.se' })).statusCode).toBe(201);
    expect((await book({ ...base, email: undefined })).json()).toMatchObject({ code: 'validation_failed', field: 'email', details: { reason: 'contact_required' } });
    expect((await book({ ...base, phone: '08-123 456' })).json()).toMatchObject({ field: 'phone', details: { reason: 'not_a_mobile_number' } });
    // ctx.now is 2026-12-01 11:00 in Sweden; two hours' notice by default.
    expect((await book({ ...base, start: '2026-12-01T11:00:00Z' })).json()).toMatchObject({ code: 'rule_violation', field: 'start', details: { reason: 'too_soon' } });
    expect((await book({ ...base, start: '2027-03-02T09:00:00Z' })).json()).toMatchObject({ code: 'rule_violation', details: { reason: 'beyond_horizon' } });
    expect((await book({ ...base, start: '2026-12-09T02:00:00Z' })).json()).toMatchObject({ code: 'rule_violation', details: { reason: 'outside_hours' } });
    expect((await book({ ...base, start: '2026-12-12T09:00:00Z' })).json()).toMatchObject({ details: { reason: 'outside_hours' } });
    expect((await book({ ...base, channel: 'video' })).json()).toMatchObject({ field: 'channel', details: { reason: 'channel_not_available' } });
  });

  it('rejects a second hold on the same unit in the database, whatever the code does', async () => {
    const [a] = await ctx.db.select().from(appointments).limit(1);
    const insert = (unit: number, from: string, to: string) => ctx.db.execute(sql`
      insert into booking_holds (appointment_id, pool_key, unit, during) values (${a!.id}, ${`test-pool:${unit}:${from}`}, 1, tstzrange(${from}::timestamptz, ${to}::timestamptz))`);
    await insert(1, '2030-01-01T09:00:00Z', '2030-01-01T09:30:00Z');
    await expect(ctx.db.execute(sql`
      insert into booking_holds (appointment_id, pool_key, unit, during)
      select id, 'test-pool:1:2030-01-01T09:00:00Z', 1, tstzrange('2030-01-01T09:15:00Z', '2030-01-01T09:45:00Z') from appointments where id <> ${a!.id} limit 1`))
      .rejects.toMatchObject({ cause: { code: '23P01' } });
  });

  it('books a video meeting with a room and an officer at once; the officer sees it with the join link', async () => {
    const { book, inject } = api(ctx);
    const slot = await firstSlot(VAXJO, FK_VIDEO, '2026-12-10', 'video');
    const res = await book({ serviceId: FK_VIDEO, officeId: VAXJO, start: slot.start });
    expect(res.statusCode, res.body).toBe(201);
    const code = (res.json() as CreatedBooking).code;
    const chef = await ctx.login('chef.vaxjo');
    const day = (await inject('GET', `/offices/${VAXJO}/bookings?date=2026-12-10`, undefined, chef)).json() as OfficeBookingsDay;
    const booking = day.bookings.find((b) => b.code === code)!;
    expect(booking.channel).toBe('video');
    expect(booking.resources.map((r) => r.kind).sort()).toEqual(['officer', 'video_room']);
    expect(booking.joinUrl).toMatch(/^https:\/\/meet\.jit\.si\/samservice-[a-z0-9]+-[0-9a-f]{32}$/);
    const officer = booking.resources.find((r) => r.kind === 'officer')!;
    const username = officer.label.includes('Videohandläggare') ? 'fk.video' : 'fk.vaxjo';
    const meetings = (await inject('GET', '/me/video-meetings?from=2026-12-10&to=2026-12-10', undefined, await ctx.login(username))).json() as VideoMeeting[];
    expect(meetings.find((m) => m.code === code)).toMatchObject({ joinUrl: booking.joinUrl, videoRoom: booking.resources.find((r) => r.kind === 'video_room')!.unit });
    // The other FK officer does not see it.
    const other = (await inject('GET', '/me/video-meetings?from=2026-12-10&to=2026-12-10', undefined, await ctx.login(username === 'fk.video' ? 'fk.vaxjo' : 'fk.video'))).json() as VideoMeeting[];
    expect(other.find((m) => m.code === code)).toBeUndefined();
  });

  it('books a mobile stop visit, listed for the hub office staff', async () => {
    const { book, inject } = api(ctx);
    const visits = (await inject('GET', `/offices/${LENHOVDA}/mobile-visits?from=2026-12-01&to=2026-12-31`)).json() as MobileVisit[];
    expect(visits.map((v) => v.date)).toContain('2026-12-08');
    const visit = visits.find((v) => v.date === '2026-12-08')!;
    expect(visit).toMatchObject({ opens: '10:00', closes: '14:00', capacity: 2, teamName: 'Mobila teamet Växjö' });
    const slot = await firstSlot(LENHOVDA, SJUKPENNING, '2026-12-08');
    expect(slot.time).toBe('10:00');
    const res = await book({ serviceId: SJUKPENNING, officeId: LENHOVDA, start: slot.start, visitorName: 'Mobil Besökare' });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as CreatedBooking).mobileVisitId).toBe(visit.id);
    const list = await inject('GET', `/offices/${VAXJO}/mobile-visits/${visit.id}/visitors`, undefined, await ctx.login('chef.vaxjo'));
    expect(list.statusCode, list.body).toBe(200);
    expect((list.json() as MobileVisitVisitors).bookings.map((b) => b.visitorName)).toContain('Mobil Besökare');
    // Not on a day the team is not there.
    expect((await inject('GET', `/offices/${LENHOVDA}/services/${SJUKPENNING}/slots?from=2026-12-09&to=2026-12-09`)).json()).toMatchObject({ days: [{ slots: [] }] });
  });

  it('lets staff book on behalf; arrived puts the visitor in the visit-flow queue', async () => {
    const { inject } = api(ctx);
    const officer = await ctx.login('handlaggare.vaxjo');
    const slot = await firstSlot(VAXJO, BOSTADSBIDRAG, '2026-12-02');
    const res = await inject('POST', `/offices/${VAXJO}/bookings`, { serviceId: BOSTADSBIDRAG, start: slot.start, visitorName: 'Telefon Bokad', phone: '0701234568' }, officer);
    expect(res.statusCode, res.body).toBe(201);
    const code = (res.json() as CreatedBooking).code;
    const [row] = await ctx.db.select().from(appointments).where(eq(appointments.code, code));
    expect(row!.createdByUserId).not.toBeNull();

    const saved = ctx.now;
    ctx.now = new Date(Date.parse(slot.start) - 5 * 60_000);
    // Boards, desks and ticket pages follow the office's visit events: the arrival must be one of them.
    const changed: string[] = [];
    const stopListening = ctx.app.deps.visitBus!.subscribe(VAXJO, (e) => e.type === 'changed' && changed.push(e.ticketId));
    try {
      const arrived = await inject('POST', `/offices/${VAXJO}/bookings/${code}/arrived`, undefined, officer);
      expect(arrived.statusCode, arrived.body).toBe(200);
      const body = arrived.json() as ArrivedResponse;
      await expect.poll(() => changed).toContain(body.ticket!.id);
      expect(body.booking.status).toBe('checked_in');
      expect(body.ticket).toMatchObject({ state: 'waiting', serviceIds: [BOSTADSBIDRAG] });
      const ticket = (await inject('GET', `/tickets/${body.ticket!.id}`)).json();
      expect(ticket.state).toBe('waiting');
      expect((await inject('POST', `/offices/${VAXJO}/bookings/${code}/no-show`, undefined, officer)).json()).toMatchObject({ details: { reason: 'already_checked_in' } });
    } finally {
      stopListening();
      ctx.now = saved;
    }
  });

  it('serves a valid calendar file', async () => {
    const { book, inject } = api(ctx);
    const slot = await firstSlot(VAXJO, BOSTADSBIDRAG, '2026-12-11');
    const created = (await book({ serviceId: BOSTADSBIDRAG, officeId: VAXJO, start: slot.start })).json() as CreatedBooking;
    const res = await inject('GET', `/bookings/${created.code}/calendar.ics?token=${created.manageToken}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const body = res.body;
    expect(body.endsWith('\r\n')).toBe(true);
    const lines = body.split('\r\n').slice(0, -1);
    for (const l of lines) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    const unfolded = body.replace(/\r\n /g, '').split('\r\n');
    expect(unfolded[0]).toBe('BEGIN:VCALENDAR');
    expect(unfolded).toContain('VERSION:2.0');
    expect(unfolded).toContain('BEGIN:VEVENT');
    expect(unfolded).toContain(`DTSTART:${slot.start.replace(/[-:]/g, '').replace('.000', '')}`);
    expect(unfolded.some((l) => /^UID:.+@samservice$/.test(l))).toBe(true);
    expect(unfolded).toContain('DTSTAMP:20261201T100000Z');
    expect(unfolded.find((l) => l.startsWith('SUMMARY:'))).toBe('SUMMARY:Bostadsbidrag – Samservice');
    expect(unfolded.find((l) => l.startsWith('LOCATION:'))).toMatch(/^LOCATION:Servicekontor Växjö\\, Demogatan/);
    expect(unfolded.at(-2)).toBe('END:VCALENDAR');
  });

  it('keeps staff routes to staff of the office, and audits reads of bookings', async () => {
    const { inject } = api(ctx);
    expect((await inject('GET', `/offices/${VAXJO}/bookings`)).statusCode).toBe(401);
    expect((await inject('GET', `/offices/${VAXJO}/bookings`, undefined, await ctx.login('fk.vaxjo'))).statusCode).toBe(403);
    expect((await inject('GET', `/offices/${LENHOVDA}/bookings`, undefined, await ctx.login('chef.vaxjo'))).statusCode).toBe(403);
    expect((await inject('PUT', `/offices/${VAXJO}/booking-settings/${BOSTADSBIDRAG}`, { walkInShare: 0.5 }, await ctx.login('handlaggare.vaxjo'))).statusCode).toBe(403);
    expect((await inject('GET', '/me/video-meetings', undefined, await ctx.login('chef.vaxjo'))).statusCode).toBe(403);
    const read = await inject('GET', `/offices/${VAXJO}/bookings?date=2026-12-02`, undefined, await ctx.login('chef.vaxjo'));
    expect(read.statusCode).toBe(200);
    const rows = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'booking.office.read'), eq(auditLog.outcome, 'ok')));
    expect(rows.length).toBeGreaterThan(0);
    // Staffing only for days the agency is present.
    const bad = await inject('PUT', `/offices/${VAXJO}/staffing`, { rows: [{ agencyId: '00000000-0000-4000-8000-000000000000', weekday: 1, officers: 2 }] }, await ctx.login('chef.vaxjo'));
    expect(bad.json()).toMatchObject({ field: 'rows[0].weekday', details: { reason: 'agency_not_present' } });
  });

  it('sends each reminder once, the day before, even with two servers', async () => {
    const { book } = api(ctx);
    const slot = await firstSlot(VAXJO, BOSTADSBIDRAG, '2026-12-03');
    const created = (await book({ serviceId: BOSTADSBIDRAG, officeId: VAXJO, start: slot.start, email: 'reminder@example.se' })).json() as CreatedBooking;
    const deps = {
      db: ctx.db, sms: ctx.app.deps.sms!, email: ctx.app.deps.email!, publicUrl: 'http://localhost:3000', log: { warn: () => {} },
      now: () => new Date(Date.parse(slot.start) - 20 * 3600_000),
    };
    const [a, b] = await Promise.all([sendDueReminders(deps), sendDueReminders(deps)]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    const mails = await ctx.db.select().from(emailOutbox).where(eq(emailOutbox.recipient, 'reminder@example.se'));
    expect(mails.filter((m) => m.subject.startsWith('Samservice: Påminnelse')).length).toBe(1);
    expect(mails.find((m) => m.subject.startsWith('Samservice: Påminnelse'))!.text).toContain(created.code);
    expect(await sendDueReminders(deps)).toBe(0);
  });

  it('finds the first free time near a place across offices and stops', async () => {
    const { inject } = api(ctx);
    // Lenhovda's coordinates: the stop itself is nearest, Växjö further away.
    const res = await inject('GET', `/services/${SJUKPENNING}/first-free?lat=57.0&lon=15.28&radiusKm=80`);
    expect(res.statusCode, res.body).toBe(200);
    const options = res.json().options as Array<{ officeId: string; start: string; distanceKm: number }>;
    expect(options.length).toBeGreaterThan(0);
    for (let i = 1; i < options.length; i++) {
      expect(options[i - 1]!.start < options[i]!.start || (options[i - 1]!.start === options[i]!.start && options[i - 1]!.distanceKm <= options[i]!.distanceKm)).toBe(true);
    }
    expect(options.some((o) => o.officeId === VAXJO)).toBe(true);
  });
});
