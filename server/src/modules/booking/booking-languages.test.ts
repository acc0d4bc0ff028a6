// Booking messages through the API in the visitor's language: an Arabic booking writes Arabic email and
// SMS to the outboxes (booked and cancelled), a Ukrainian one gets its reminder in Ukrainian.
import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeWithApp } from '../../test/harness.ts';
import { emailOutbox, smsOutbox } from '../../db/schema.ts';
import type { CreatedBooking, SlotsResponse } from '../../../../contracts/booking.ts';
import { api, BOSTADSBIDRAG, FORALDRAPENNING, VAXJO } from './test-helpers.ts';
import { sendDueReminders } from './notify.ts';

const ARABIC = /[\u0600-\u06FF]/;

describeWithApp('booking messages in the visitor\'s language', (ctx) => {
  const firstSlot = async (service: string, date: string) => {
    const res = await api(ctx).inject('GET', `/offices/${VAXJO}/services/${service}/slots?from=${date}&to=${date}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as SlotsResponse).days[0]!.slots[0]!;
  };

  it('writes an Arabic email and SMS for a booking made in Arabic, and for its cancellation', async () => {
    const { book, inject } = api(ctx);
    const slot = await firstSlot(FORALDRAPENNING, '2026-12-08');
    const res = await book({ serviceId: FORALDRAPENNING, officeId: VAXJO, start: slot.start, email: 'arabic@example.se', phone: '070-765 43 21', language: 'ar' });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as CreatedBooking;
    const link = `/bokning/${created.code}?t=${created.manageToken}`;

    const [mail] = await ctx.db.select().from(emailOutbox).where(eq(emailOutbox.recipient, 'arabic@example.se'));
    expect(mail!.subject).toBe(`Samservice: تأكيد حجزك (${created.code})`);
    expect(mail!.text).toMatch(ARABIC);
    expect(mail!.text).toContain('تم حجز موعدك لمعاملة');
    expect(mail!.text).toContain(`رمز الحجز: ${created.code}`);
    expect(mail!.text).toContain(link);
    expect(mail!.text).toContain('(بتوقيت السويد)');
    expect(mail!.text).toContain('Servicekontor Växjö');
    expect(mail!.text).not.toContain('{{');

    const [sms] = await ctx.db.select().from(smsOutbox).where(eq(smsOutbox.recipient, '+46707654321'));
    expect(sms!.text).toMatch(/^Samservice: تم حجز موعدك/);
    expect(sms!.text).toContain(created.code);
    expect(sms!.text).toContain(link);
    expect(sms!.text).toContain(`الساعة ${slot.time} (بتوقيت السويد)`);

    expect((await inject('POST', `/bookings/${created.code}/cancel?token=${created.manageToken}`)).statusCode).toBe(200);
    const mails = await ctx.db.select().from(emailOutbox).where(eq(emailOutbox.recipient, 'arabic@example.se'));
    expect(mails.map((m) => m.subject)).toContain(`Samservice: تم إلغاء حجزك (${created.code})`);
    const texts = (await ctx.db.select().from(smsOutbox).where(eq(smsOutbox.recipient, '+46707654321'))).map((m) => m.text);
    expect(texts).toContainEqual(expect.stringMatching(new RegExp(`^Samservice \\(${created.code}\\): تم إلغاء موعدك`)));
  });

  it('writes the calendar file in the booking\'s language', async () => {
    const { book, inject } = api(ctx);
    const slot = await firstSlot(FORALDRAPENNING, '2026-12-09');
    const created = (await book({ serviceId: FORALDRAPENNING, officeId: VAXJO, start: slot.start, email: 'fa@example.se', language: 'fa' })).json() as CreatedBooking;
    const res = await inject('GET', `/bookings/${created.code}/calendar.ics?token=${created.manageToken}`);
    expect(res.statusCode, res.body).toBe(200);
    const unfolded = res.body.replace(/\r\n /g, '').split('\r\n');
    const description = unfolded.find((l) => l.startsWith('DESCRIPTION:'))!;
    expect(description).toContain(`کد رزرو: ${created.code}.`);
    expect(description).toContain('تغییر یا لغو:');
    expect(description).not.toContain('Bokningskod');
    expect(unfolded.find((l) => l.startsWith('SUMMARY:'))).toBe('SUMMARY:Föräldrapenning – Samservice');
  });

  it('sends the reminder in the booking\'s language', async () => {
    const slot = await firstSlot(BOSTADSBIDRAG, '2026-12-03');
    const res = await api(ctx).book({ serviceId: BOSTADSBIDRAG, officeId: VAXJO, start: slot.start, email: 'ukrainian@example.se', language: 'uk' });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as CreatedBooking;
    const deps = {
      db: ctx.db, sms: ctx.app.deps.sms!, email: ctx.app.deps.email!, publicUrl: 'http://localhost:3000', log: { warn: () => {} },
      now: () => new Date(Date.parse(slot.start) - 20 * 3600_000),
    };
    expect(await sendDueReminders(deps)).toBeGreaterThanOrEqual(1);
    const mails = await ctx.db.select().from(emailOutbox).where(eq(emailOutbox.recipient, 'ukrainian@example.se'));
    const reminder = mails.find((m) => m.subject === `Samservice: Нагадування про запис (${created.code})`);
    expect(reminder, JSON.stringify(mails.map((m) => m.subject))).toBeDefined();
    expect(reminder!.text).toContain('Нагадування: у вас запис');
    expect(reminder!.text).toContain('(шведський час)');
    expect(reminder!.text).toContain(`/bokning/${created.code}?t=${created.manageToken}`);
  });
});
