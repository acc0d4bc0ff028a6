// SMS notifications through the API: the number is validated and stored in E.164; the first visitor in
// a queue's calling order gets "you are next" once, in their language; a called visitor gets "your turn
// now" once (not on recalls); a failed send is retried at the next change; two senders never both send.
import { beforeAll, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeWithApp, type TestContext } from '../../test/harness.ts';
import { smsOutbox } from '../../db/schema.ts';
import { visits } from '../../db/schema-visits.ts';
import type { SmsMessage, SmsSender } from '../../adapters/sms/index.ts';
import { OutboxSmsSender } from '../../adapters/sms/outbox.ts';
import { AppError } from '../../lib/errors.ts';
import type { Office, OfficeSummary, Service } from '../../../../contracts/registry.ts';
import type { Ticket } from '../../../../contracts/visits.ts';
import { notifyNext } from './notify-next.ts';
import { nextText } from './sms-texts.ts';

/** Records what would be sent, and fails for the numbers in `failFor`. */
class FakeSms implements SmsSender {
  sent: SmsMessage[] = [];
  attempts: SmsMessage[] = [];
  failFor = new Set<string>();
  async send(message: SmsMessage) {
    this.attempts.push(message);
    if (this.failFor.has(message.to)) throw new AppError('upstream_error', 'provider down', { reason: 'sms_unreachable' });
    this.sent.push(message);
    return { id: `fake-${this.sent.length}` };
  }
  to(phone: string) {
    return this.sent.filter((m) => m.to === phone).map((m) => m.text);
  }
}

const fake = new FakeSms();
const settle = { timeout: 5_000, interval: 20 };

describeWithApp('SMS notifications', (ctx: TestContext) => {
  let office: Office;
  let services: Service[];
  let agencies: Array<{ id: string; code: string }>;
  let cookie: string;
  const serviceOf = (code: string) => {
    const agency = agencies.find((a) => a.code === code)!.id;
    return services.find((s) => s.agencyId === agency && office.serviceIds.includes(s.id) && s.channels.includes('in_person'))!;
  };
  const take = (code: string, extra: Record<string, unknown> = {}) =>
    ctx.app.inject({ method: 'POST', url: `/api/v1/offices/${office.id}/tickets`, payload: { serviceIds: [serviceOf(code).id], ...extra } });
  const post = (url: string, payload: object = {}) => ctx.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie }, payload });
  /** A change at the office whose own SMS proves that the notifier has looked at the queues since. */
  let barrierPhone = 700000000;
  const barrier = async (code: string) => {
    const phone = `+46${++barrierPhone}`;
    expect((await take(code, { phone })).statusCode).toBe(201);
    await vi.waitFor(() => expect(fake.to(phone)).toHaveLength(1), settle);
  };

  beforeAll(async () => {
    fake.sent = [];
    fake.attempts = [];
    const list = (await ctx.app.inject({ method: 'GET', url: '/api/v1/offices?tier=servicekontor' })).json() as OfficeSummary[];
    office = (await ctx.app.inject({ method: 'GET', url: `/api/v1/offices/${list.find((o) => o.name.includes('Växjö'))!.id}` })).json() as Office;
    services = (await ctx.app.inject({ method: 'GET', url: '/api/v1/services' })).json() as Service[];
    agencies = (await ctx.app.inject({ method: 'GET', url: '/api/v1/agencies' })).json() as Array<{ id: string; code: string }>;
    cookie = await ctx.login('handlaggare.vaxjo');
  });

  it('stores the number in E.164 and refuses anything but a Swedish mobile number', async () => {
    const taken = await take('AF', { phone: '070-123 45 67' });
    expect(taken.statusCode, taken.body).toBe(201);
    const [row] = await ctx.db.select({ phone: visits.phone }).from(visits).where(eq(visits.id, (taken.json() as Ticket).id));
    expect(row!.phone).toBe('+46701234567');
    const landline = await take('AF', { phone: '08-123 456 78' });
    expect(landline.statusCode).toBe(400);
    expect(landline.json()).toMatchObject({ code: 'validation_failed', field: 'phone', details: { reason: 'not_a_mobile_number' } });
    const garbage = await take('AF', { phone: 'ring mig' });
    expect(garbage.json()).toMatchObject({ code: 'validation_failed', field: 'phone' });
  });

  it('tells the first in line they are next, once, in their language, and the next one when the first is called', async () => {
    const first = (await take('FK', { phone: '0701111111', language: 'en' })).json() as Ticket;
    await vi.waitFor(() => expect(fake.to('+46701111111')).toEqual([`Samservice: You are next (${first.number}). Please go to the waiting room.`]), settle);
    ctx.now = new Date(ctx.now.getTime() + 60_000);
    const second = (await take('FK', { phone: '+46 70 222 22 22' })).json() as Ticket;
    await barrier('PM');
    expect(fake.to('+46702222222')).toEqual([]); // second in line: not yet
    expect(fake.to('+46701111111')).toHaveLength(1); // and the first is not told twice

    const called = await post(`/offices/${office.id}/desk/call-next`, { counterName: 'Lucka 3', queueIds: [first.queueId] });
    expect((called.json() as Ticket).id).toBe(first.id);
    expect((called.json() as Ticket).phoneMasked).toBe('+46 70 *** ** 11');
    await vi.waitFor(() => expect(fake.to('+46701111111')).toContain(`Your turn now: ${first.number} → Lucka 3`), settle);
    await vi.waitFor(() => expect(fake.to('+46702222222')).toEqual([`Samservice: Du är näst på tur (${second.number}). Gå till väntrummet.`]), settle);

    // A recall shows on the board, but sends no second "your turn now".
    expect((await post(`/tickets/${first.id}/recall`)).statusCode).toBe(200);
    await barrier('SKV');
    expect(fake.to('+46701111111')).toHaveLength(2);
    expect((await post(`/tickets/${first.id}/no-show`)).statusCode).toBe(200);
  });

  /** Moves the clock to the same time on a later weekday: a new service day with empty queues. */
  const nextDay = (days: number) => (ctx.now = new Date(Date.parse('2026-12-01T10:00:00Z') + days * 86_400_000));

  it('retries a failed "you are next" at the next change, and never crashes the request', async () => {
    nextDay(1);
    const phone = '+46703333333';
    fake.failFor.add(phone);
    const taken = await take('FK', { phone: '0703333333', language: 'so' });
    expect(taken.statusCode).toBe(201);
    const ticket = taken.json() as Ticket;
    await vi.waitFor(() => expect(fake.attempts.filter((m) => m.to === phone)).toHaveLength(1), settle);
    await vi.waitFor(async () => {
      const [row] = await ctx.db.select({ at: visits.nextNotifiedAt }).from(visits).where(eq(visits.id, ticket.id));
      expect(row!.at).toBeNull(); // the claim was released
    }, settle);
    fake.failFor.delete(phone);
    expect((await take('PM')).statusCode).toBe(201); // any change at the office
    await vi.waitFor(() => expect(fake.to(phone)).toEqual([nextText('so', ticket.number)]), settle);
    const [row] = await ctx.db.select({ at: visits.nextNotifiedAt }).from(visits).where(eq(visits.id, ticket.id));
    expect(row!.at).not.toBeNull();
  });

  it('sends once even when several instances react to the same change', async () => {
    nextDay(2);
    const phone = '+46704444444';
    expect((await take('FK', { phone })).statusCode).toBe(201);
    // The app's own notifier reacts to the new ticket; two more "instances" race it.
    const deps = { db: ctx.db, sms: fake, log: { info: () => {}, warn: () => {} }, now: () => ctx.now };
    const [a, b] = await Promise.all([notifyNext(deps, office.id), notifyNext(deps, office.id)]);
    expect(a.length + b.length).toBeLessThanOrEqual(1);
    await barrier('PM');
    expect(fake.to(phone)).toHaveLength(1);
  });

  it('writes to the sms_outbox table by default, and logs the number masked and never the text', async () => {
    const info = vi.fn();
    const { id } = await new OutboxSmsSender(ctx.db, 'Samservice', { info } as never).send({ to: '+46705555555', text: 'Hej' });
    const [row] = await ctx.db.select().from(smsOutbox).where(eq(smsOutbox.id, id));
    expect(row).toMatchObject({ sender: 'Samservice', recipient: '+46705555555', text: 'Hej' });
    // The text can carry a manage link's token or a name: the log says how long it was, not what it said.
    expect(info).toHaveBeenCalledWith({ sms: { id, to: '+46 70 *** ** 55', length: 3 } }, expect.any(String));
  });
}, { sms: fake });
