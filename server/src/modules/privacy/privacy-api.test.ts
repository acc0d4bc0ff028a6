// Retention and erasure end to end: old and new visits, bookings, messages and Mötesplats households made
// through the API under a moved clock; a dry run counts and changes nothing; a run anonymises exactly the
// old ones and keeps what statistics need; a second run changes nothing; erasure by booking code, household
// and phone; audit rows without the erased values; only administrators get in.
import { expect, it, vi } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { describeWithApp } from '../../test/harness.ts';
import { auditLog, emailOutbox, smsOutbox } from '../../db/schema.ts';
import { appointments, bookingHolds, visitEvents, visits } from '../../db/schema-visits.ts';
import { mpConsents, mpHouseholds, mpMembers, mpStepNotes } from '../../db/schema-motesplats.ts';
import type { CreatedBooking, SlotsResponse } from '../../../../contracts/booking.ts';
import type { Household } from '../../../../contracts/motesplats.ts';
import type { ErasureResult, RetentionOverview, RetentionRun } from '../../../../contracts/privacy.ts';
import { api, BOSTADSBIDRAG, FORALDRAPENNING, VAXJO } from '../booking/test-helpers.ts';
import { agencyId, client, samordningsnummer } from '../motesplats/test-helpers.ts';
import { runRetention } from './retention.ts';

const OLD = new Date('2026-08-04T08:00:00Z');
const NOW = new Date('2026-12-01T10:00:00Z');
const POLICY = { visitDays: 30, bookingDays: 90, motesplatsDays: 90, outboxDays: 30 };
const OLD_PHONE = '+46701111111', OLD_BOOKER = '+46702222222', NEW_PHONE = '+46703333333', NEW_BOOKER = '+46704444444';

describeWithApp('privacy: retention and erasure', (ctx) => {
  const { as } = client(ctx);
  const { book, inject } = api(ctx);
  const made = {} as { oldVisit: string; newVisit: string; oldBooking: CreatedBooking; newBooking: CreatedBooking; oldHousehold: Household; newHousehold: Household };

  const ticket = async (phone: string) => {
    const res = await inject('POST', `/offices/${VAXJO}/tickets`, { serviceIds: [BOSTADSBIDRAG], phone });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  };
  const booking = async (date: string, phone: string, email: string) => {
    const slots = (await inject('GET', `/offices/${VAXJO}/services/${FORALDRAPENNING}/slots?from=${date}&to=${date}`)).json() as SlotsResponse;
    const res = await book({ serviceId: FORALDRAPENNING, officeId: VAXJO, start: slots.days[0]!.slots[0]!.start, phone, email, personnummer: '811218-9876' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as CreatedBooking;
  };
  const household = async (date: string) => {
    const res = await as('samordnare.vaxjo', 'POST', `/motesplats/offices/${VAXJO}/days/${date}/households`, {
      language: 'ar', arrival: '09:00', dossierNumber: '21-418733', assignedKommunkod: '0780', housing: { assigned: true, address: 'Storgatan 1, 352 31 Växjö' },
      members: [{ givenName: 'Rania', birthYear: 1990, needsInterpreter: true, identityNumber: samordningsnummer('1990-05-17', '123') }, { givenName: 'Sami', birthYear: 2016, needsInterpreter: false }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const h = res.json() as Household;
    expect((await as('samordnare.vaxjo', 'POST', `/motesplats/offices/${VAXJO}/households/${h.id}/consent`, { agencyId: agencyId('FK'), action: 'give', fields: ['housing'] })).statusCode).toBe(200);
    await ctx.db.insert(mpStepNotes).values({ householdId: h.id, taskId: `${h.id}:fk-ersattning`, agencyId: agencyId('FK'), text: 'FK: etableringsersättning från 1 januari' });
    return h;
  };
  const retention = (dryRun: boolean) => runRetention(ctx.db, POLICY, { now: ctx.now, dryRun, trigger: 'cli' });
  const erasure = (kind: string, value: string, dryRun = false) => as('admin', 'POST', `/privacy/erasures${dryRun ? '/preview' : ''}`, { kind, value });
  const visitRow = async (id: string) => (await ctx.db.select().from(visits).where(eq(visits.id, id)))[0]!;
  const bookingRow = async (code: string) => (await ctx.db.select().from(appointments).where(eq(appointments.code, code)))[0]!;
  const messagesTo = async (to: string[]) => (await ctx.db.select({ id: smsOutbox.id }).from(smsOutbox).where(inArray(smsOutbox.recipient, to))).length
    + (await ctx.db.select({ id: emailOutbox.id }).from(emailOutbox).where(inArray(emailOutbox.recipient, to))).length;

  // Each visitor is first in line, so gets "you are next", sent off the request path: wait for it.
  const nextSms = (phone: string) => vi.waitFor(async () => expect(await messagesTo([phone])).toBe(1), { timeout: 5_000, interval: 50 });

  it('sets up old and new visits, bookings, messages and households', async () => {
    ctx.now = OLD;
    made.oldVisit = await ticket(OLD_PHONE);
    await nextSms(OLD_PHONE); // on the old day's clock, as the notifier looks at today's queue
    made.oldBooking = await booking('2026-08-05', OLD_BOOKER, 'gammal@example.se');
    made.oldHousehold = await household('2026-08-05');
    const [event] = await ctx.db.select().from(visitEvents).where(eq(visitEvents.visitId, made.oldVisit));
    await ctx.db.insert(visitEvents).values({ visitId: made.oldVisit, at: OLD, kind: 'transferred', agencyId: event!.agencyId, details: { note: 'Behöver hjälp med bostadsbidrag' } });
    ctx.now = NOW;
    made.newVisit = await ticket(NEW_PHONE);
    made.newBooking = await booking('2026-12-08', NEW_BOOKER, 'ny@example.se');
    made.newHousehold = await household('2026-12-03');
    // Messages are stamped by the database clock: date them as if sent with the visits and bookings.
    await nextSms(NEW_PHONE);
    const old = [OLD_PHONE, OLD_BOOKER, 'gammal@example.se'];
    for (const table of [smsOutbox, emailOutbox]) {
      await ctx.db.update(table).set({ createdAt: sql`case when ${table.recipient} in (${sql.join(old.map((o) => sql`${o}`), sql`, `)}) then ${OLD.toISOString()}::timestamptz else ${new Date(NOW.getTime() - 86_400_000).toISOString()}::timestamptz end` });
    }
    expect(await messagesTo(old)).toBeGreaterThan(1);
  });

  let counts: RetentionRun['counts'];
  it('counts in a dry run without changing anything', async () => {
    const dry = await retention(true);
    counts = dry.counts;
    expect(counts).toMatchObject({ visits: 1, transferNotes: 1, bookings: 1, bookingsCancelled: 0, households: 1, members: 2, stepNotes: 1, stepReasons: 0 });
    expect(counts.smsOutbox + counts.emailOutbox).toBe(await messagesTo([OLD_PHONE, OLD_BOOKER, 'gammal@example.se']));
    expect((await visitRow(made.oldVisit)).phone).toBe(OLD_PHONE);
    expect((await bookingRow(made.oldBooking.code)).visitorName).toBe('Test Testsson');
  });

  it('anonymises exactly the old rows, keeps the new ones and every statistic', async () => {
    const eventsBefore = (await ctx.db.select().from(visitEvents).where(eq(visitEvents.visitId, made.oldVisit))).length;
    const run = await retention(false);
    expect(run.counts).toEqual(counts);

    const oldVisit = await visitRow(made.oldVisit);
    expect(oldVisit).toMatchObject({ phone: null, serviceDate: '2026-08-04', number: expect.any(String) });
    expect(oldVisit.arrivedAt.toISOString()).toBe(OLD.toISOString());
    const events = await ctx.db.select().from(visitEvents).where(eq(visitEvents.visitId, made.oldVisit));
    expect(events.length).toBe(eventsBefore);
    expect(events.find((e) => e.kind === 'transferred')!.details).toEqual({});
    expect((await visitRow(made.newVisit)).phone).toBe(NEW_PHONE);

    const oldBooking = await bookingRow(made.oldBooking.code);
    expect(oldBooking).toMatchObject({ visitorName: '', email: null, phone: null, personnummer: null, manageToken: null, status: 'booked', serviceId: FORALDRAPENNING });
    expect(await bookingRow(made.newBooking.code)).toMatchObject({ visitorName: 'Test Testsson', phone: NEW_BOOKER, email: 'ny@example.se' });
    expect((await inject('GET', `/bookings/${made.oldBooking.code}?token=${made.oldBooking.manageToken}`)).statusCode).toBe(404);

    const [oldH] = await ctx.db.select().from(mpHouseholds).where(eq(mpHouseholds.id, made.oldHousehold.id));
    expect(oldH).toMatchObject({ dossierNumber: null, housingAddress: null, housingAssigned: true, language: 'ar', date: '2026-08-05' });
    expect(oldH!.itineraryToken).toMatch(/^erased:/);
    const members = await ctx.db.select().from(mpMembers).where(eq(mpMembers.householdId, made.oldHousehold.id));
    expect(members.map((m) => [m.givenName, m.identityNumber, m.birthYear])).toEqual([['', null, 1990], ['', null, 2016]]);
    expect(await ctx.db.select().from(mpStepNotes).where(eq(mpStepNotes.householdId, made.oldHousehold.id))).toEqual([]);
    expect((await ctx.db.select().from(mpConsents).where(eq(mpConsents.householdId, made.oldHousehold.id))).length).toBe(1);
    const [newH] = await ctx.db.select().from(mpHouseholds).where(eq(mpHouseholds.id, made.newHousehold.id));
    expect(newH!.dossierNumber).toBe('21-418733');

    expect(await messagesTo([OLD_PHONE, OLD_BOOKER, 'gammal@example.se'])).toBe(0);
    expect(await messagesTo([NEW_BOOKER, 'ny@example.se'])).toBeGreaterThan(0);
    const [audit] = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'privacy.retention'), eq(auditLog.resourceId, 'run'))).orderBy(sql`${auditLog.id} desc`).limit(1);
    expect(audit!.details).toMatchObject({ dryRun: false, trigger: 'cli', counts });
  });

  it('changes nothing on a second run, and shows the last run to the admin', async () => {
    const again = await retention(false);
    expect(Object.values(again.counts).every((n) => n === 0), JSON.stringify(again.counts)).toBe(true);
    const overview = (await as('admin', 'GET', '/privacy/retention')).json() as RetentionOverview;
    expect(overview.policy).toEqual({ ...POLICY, scheduled: false });
    expect(overview.lastRun?.counts).toEqual(again.counts);
    const preview = await as('admin', 'GET', '/privacy/retention/preview');
    expect(preview.statusCode, preview.body).toBe(200);
    expect((preview.json() as RetentionRun).dryRun).toBe(true);
  });

  it('erases a booking by its code: preview first, then cancelled, anonymised and audited', async () => {
    const code = made.newBooking.code;
    const preview = await erasure('booking', code.toLowerCase(), true);
    expect(preview.statusCode, preview.body).toBe(200);
    expect((preview.json() as ErasureResult).counts).toMatchObject({ bookings: 1, bookingsCancelled: 1 });
    expect((await bookingRow(code)).phone).toBe(NEW_BOOKER);

    const done = await erasure('booking', code);
    expect(done.json()).toMatchObject({ kind: 'booking', dryRun: false, counts: (preview.json() as ErasureResult).counts });
    const row = await bookingRow(code);
    expect(row).toMatchObject({ visitorName: '', phone: null, email: null, status: 'cancelled' });
    expect(await ctx.db.select().from(bookingHolds).where(eq(bookingHolds.appointmentId, row.id))).toEqual([]);
    expect(await messagesTo(['ny@example.se'])).toBe(0);
    const [audit] = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'privacy.erasure.execute'), eq(auditLog.resourceId, code)));
    expect(audit!.details).toMatchObject({ kind: 'booking', dryRun: false, counts: { bookings: 1 } });
    expect(((await erasure('booking', code)).json() as ErasureResult).counts.bookings).toBe(0);
  });

  it('erases a household by id and everything under a mobile number, never logging the number', async () => {
    const h = await erasure('household', made.newHousehold.id);
    expect(h.json()).toMatchObject({ counts: { households: 1, members: 2, stepNotes: 1 } });
    const p = await erasure('phone', '070-333 33 33');
    expect(p.statusCode, p.body).toBe(200);
    expect((p.json() as ErasureResult).counts.visits).toBe(1);
    expect((await visitRow(made.newVisit)).phone).toBeNull();
    expect(await messagesTo([NEW_PHONE])).toBe(0);
    const rows = await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'privacy.erasure.execute'));
    expect(JSON.stringify(rows)).not.toMatch(/46703333333|333 33 33|ny@example/);
  });

  it('refuses bad input with the field and a reason', async () => {
    expect((await erasure('phone', 'hello')).json()).toMatchObject({ code: 'validation_failed', field: 'value', details: { reason: 'not_a_mobile_number' } });
    expect((await erasure('email', 'nope')).json()).toMatchObject({ field: 'value', details: { reason: 'invalid_email' } });
    expect((await erasure('booking', 'ZZZZ2222')).json()).toMatchObject({ code: 'not_found', field: 'value', details: { reason: 'unknown_booking' } });
    expect((await erasure('household', 'not-a-uuid')).json()).toMatchObject({ field: 'value', details: { reason: 'invalid_household_id' } });
    expect((await erasure('person', 'x')).json()).toMatchObject({ code: 'validation_failed', field: 'kind' });
    expect((await as('admin', 'POST', '/privacy/erasures', { kind: 'phone' })).json()).toMatchObject({ code: 'validation_failed', field: 'value' });
  });

  it('lets only administrators in', async () => {
    for (const user of ['chef.vaxjo', 'samordnare.vaxjo', 'planerare'] as const) {
      expect((await as(user, 'GET', '/privacy/retention')).statusCode).toBe(403);
      expect((await as(user, 'POST', '/privacy/erasures', { kind: 'phone', value: NEW_BOOKER })).statusCode).toBe(403);
    }
    expect((await as(null, 'GET', '/privacy/retention/preview')).statusCode).toBe(401);
    expect((await bookingRow(made.oldBooking.code)).status).toBe('booked');
  });
});
