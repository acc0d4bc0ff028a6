// Protected identity in booking through the API: the visitor ticks it (or staff set it), and the staff
// lists then show "Skyddad identitet" and no contact details to everyone but the officer the booking
// holds (a video meeting's, on their own meetings page); the messages, the calendar file, the queue and
// the display board carry no name. docs/booking.md, "Protected identity".
import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeWithApp } from '../../test/harness.ts';
import { auditLog, emailOutbox, smsOutbox } from '../../db/schema.ts';
import type { ArrivedResponse, CreatedBooking, OfficeBookingsDay, SlotsResponse, StaffBooking, VideoMeeting } from '../../../../contracts/booking.ts';
import { api, BOSTADSBIDRAG, FK_VIDEO, FORALDRAPENNING, VAXJO } from './test-helpers.ts';

const NAME = 'Hemlig Visitorsdotter';

describeWithApp('booking with protected identity', (ctx) => {
  const slot = async (service: string, date: string, channel?: string, index = 0) => {
    const res = await api(ctx).inject('GET', `/offices/${VAXJO}/services/${service}/slots?from=${date}&to=${date}${channel ? `&channel=${channel}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as SlotsResponse).days[0]!.slots[index]!;
  };
  const dayList = async (date: string, user: string) => {
    const res = await api(ctx).inject('GET', `/offices/${VAXJO}/bookings?date=${date}`, undefined, await ctx.login(user));
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  it('hides the name and contact details in the staff lists; the messages and .ics carry no name', async () => {
    const { book, inject } = api(ctx);
    const start = (await slot(FORALDRAPENNING, '2026-12-08')).start;
    const res = await book({ serviceId: FORALDRAPENNING, officeId: VAXJO, start, visitorName: NAME, email: 'skyddad@example.se', phone: '070-111 22 33', personnummer: '19811218-9876', protectedIdentity: true });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as CreatedBooking;
    expect(created).toMatchObject({ protectedIdentity: true, nameHidden: true, visitorName: 'Skyddad identitet', emailMasked: null, phoneMasked: null, personnummerMasked: null });

    for (const user of ['chef.vaxjo', 'handlaggare.vaxjo', 'admin']) {
      const list = await dayList('2026-12-08', user);
      expect(list.body, user).not.toContain(NAME);
      const b = (list.json() as OfficeBookingsDay).bookings.find((x) => x.code === created.code)!;
      expect(b, user).toMatchObject({ visitorName: 'Skyddad identitet', nameHidden: true, emailMasked: null, phoneMasked: null });
    }

    const mails = await ctx.db.select().from(emailOutbox).where(eq(emailOutbox.recipient, 'skyddad@example.se'));
    const texts = await ctx.db.select().from(smsOutbox).where(eq(smsOutbox.recipient, '+46701112233'));
    expect(mails.length).toBe(1);
    expect(texts.length).toBe(1);
    for (const text of [mails[0]!.subject, mails[0]!.text, texts[0]!.text]) {
      expect(text).toContain(created.code);
      expect(text).not.toMatch(/Hemlig|Visitorsdotter/);
    }
    const ics = await inject('GET', `/bookings/${created.code}/calendar.ics?token=${created.manageToken}`);
    expect(ics.statusCode).toBe(200);
    expect(ics.body).not.toMatch(/Hemlig|Visitorsdotter/);
    // The manage link sits in every message: it withholds the name too.
    const own = await inject('GET', `/bookings/${created.code}?token=${created.manageToken}`);
    expect(own.body).not.toContain(NAME);
  });

  it('shows the name of a video meeting to its own officer only', async () => {
    const { book, inject } = api(ctx);
    const start = (await slot(FK_VIDEO, '2026-12-10', 'video')).start;
    const res = await book({ serviceId: FK_VIDEO, officeId: VAXJO, start, visitorName: NAME, protectedIdentity: true });
    expect(res.statusCode, res.body).toBe(201);
    const code = (res.json() as CreatedBooking).code;
    const day = await dayList('2026-12-10', 'chef.vaxjo');
    expect(day.body).not.toContain(NAME);
    const held = (day.json() as OfficeBookingsDay).bookings.find((b) => b.code === code)!;
    const username = held.resources.find((r) => r.kind === 'officer')!.label.includes('Videohandläggare') ? 'fk.video' : 'fk.vaxjo';
    const own = (await inject('GET', '/me/video-meetings?from=2026-12-10&to=2026-12-10', undefined, await ctx.login(username))).json() as VideoMeeting[];
    expect(own.find((m) => m.code === code)).toMatchObject({ visitorName: NAME, protectedIdentity: true });
    const other = await inject('GET', '/me/video-meetings?from=2026-12-10&to=2026-12-10', undefined, await ctx.login(username === 'fk.video' ? 'fk.vaxjo' : 'fk.video'));
    expect(other.body).not.toContain(NAME);
  });

  it('lets staff set it when booking on a visitor\'s behalf and on an existing booking, audited', async () => {
    const { inject } = api(ctx);
    const officer = await ctx.login('handlaggare.vaxjo');
    const onBehalf = await inject('POST', `/offices/${VAXJO}/bookings`, { serviceId: BOSTADSBIDRAG, start: (await slot(BOSTADSBIDRAG, '2026-12-09')).start, visitorName: 'Telefon Skyddad', phone: '0701234599', protectedIdentity: true }, officer);
    expect(onBehalf.statusCode, onBehalf.body).toBe(201);
    expect((await dayList('2026-12-09', 'chef.vaxjo')).body).not.toContain('Telefon Skyddad');

    const plain = (await api(ctx).book({ serviceId: BOSTADSBIDRAG, officeId: VAXJO, start: (await slot(BOSTADSBIDRAG, '2026-12-09')).start, visitorName: 'Senare Markerad' })).json() as CreatedBooking;
    expect((await dayList('2026-12-09', 'chef.vaxjo')).body).toContain('Senare Markerad');
    const set = await inject('PUT', `/offices/${VAXJO}/bookings/${plain.code}/protected-identity`, { protectedIdentity: true }, officer);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json() as StaffBooking).toMatchObject({ protectedIdentity: true, nameHidden: true, visitorName: 'Skyddad identitet' });
    expect((await dayList('2026-12-09', 'chef.vaxjo')).body).not.toContain('Senare Markerad');
    const [audit] = await ctx.db.select().from(auditLog).where(and(eq(auditLog.resourceType, 'booking_protected_identity'), eq(auditLog.resourceId, plain.code)));
    expect(audit).toBeDefined();
    expect(audit!.details).toEqual({ protectedIdentity: true });
    // Taking the mark away shows the name again: only the office's manager may, and the audit row says which way.
    const refused = await inject('PUT', `/offices/${VAXJO}/bookings/${plain.code}/protected-identity`, { protectedIdentity: false }, officer);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ field: 'protectedIdentity', details: { reason: 'unmark_needs_manager' } });
    const unset = await inject('PUT', `/offices/${VAXJO}/bookings/${plain.code}/protected-identity`, { protectedIdentity: false }, await ctx.login('chef.vaxjo'));
    expect(unset.statusCode, unset.body).toBe(200);
    const rows = await ctx.db.select().from(auditLog).where(and(eq(auditLog.resourceType, 'booking_protected_identity'), eq(auditLog.resourceId, plain.code))).orderBy(auditLog.id);
    expect(rows.map((r) => r.details)).toEqual([{ protectedIdentity: true }, { protectedIdentity: false }]);
    expect(JSON.stringify(rows)).not.toContain('Senare Markerad');
    expect((await inject('PUT', `/offices/${VAXJO}/bookings/${plain.code}/protected-identity`, { protectedIdentity: true }, officer)).statusCode).toBe(200);
    expect((await inject('PUT', `/offices/${VAXJO}/bookings/${plain.code}/protected-identity`, { protectedIdentity: true }, await ctx.login('fk.vaxjo'))).statusCode).toBe(403);
  });

  it('puts no name in the queue or on the display board once the visitor has arrived', async () => {
    const { book, inject } = api(ctx);
    const start = (await slot(FORALDRAPENNING, '2026-12-03')).start;
    const created = (await book({ serviceId: FORALDRAPENNING, officeId: VAXJO, start, visitorName: NAME, protectedIdentity: true })).json() as CreatedBooking;
    const saved = ctx.now;
    ctx.now = new Date(Date.parse(start) - 5 * 60_000);
    try {
      const arrived = await inject('POST', `/offices/${VAXJO}/bookings/${created.code}/arrived`, undefined, await ctx.login('handlaggare.vaxjo'));
      expect(arrived.statusCode, arrived.body).toBe(200);
      expect(arrived.body).not.toContain(NAME);
      const ticket = (arrived.json() as ArrivedResponse).ticket!;
      for (const url of [`/tickets/${ticket.id}`, `/offices/${VAXJO}/queues`, `/offices/${VAXJO}/calls`]) {
        const res = await inject('GET', url);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
        expect(res.body, url).not.toMatch(/Hemlig|Visitorsdotter/);
      }
    } finally {
      ctx.now = saved;
    }
  });
});
