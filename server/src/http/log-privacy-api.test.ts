// No personal data or secret in any log line: values are planted through the API (a booking with name,
// email, phone and personnummer; a Mötesplats household with names, identity numbers, dossier number,
// address and a note; links with their tokens), errors are provoked along with normal traffic at the
// most verbose level, and the whole captured log is searched for every planted value.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp } from '../test/harness.ts';
import { DEMO_MOTESPLATS_DATE } from '../db/seed/demo-motesplats.ts';
import type { CreatedBooking, SlotsResponse } from '../../../contracts/booking.ts';
import { api, FORALDRAPENNING, VAXJO } from '../modules/booking/test-helpers.ts';

const lines: string[] = [];
const stream = { write: (line: string) => void lines.push(line) };

const PLANTED = {
  visitorName: 'Zlatanka Fuzzdottir',
  email: 'zlatanka.fuzz@example.se',
  phone: '070-765 43 21',
  personnummer: '811218-9876',
  memberName: 'Yevgenia Loggsdottir',
  memberNumber: '19811218-9876',
  dossierNumber: '12-3456789',
  address: 'Hemligvägen 17',
  note: 'Hemlig anteckning om handläggningen',
};

/** Every form a planted value could take in a log: as typed, digits only, and URL- or JSON-escaped. */
function forms(value: string): string[] {
  const digits = value.replace(/\D/g, '');
  return [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1), ...(digits.length >= 9 ? [digits, digits.slice(-10)] : [])];
}

describeWithApp('log privacy', (ctx) => {
  let coordinator = '';
  let booking: CreatedBooking;
  let itineraryToken = '';
  beforeAll(async () => {
    coordinator = await ctx.login('samordnare.vaxjo');
  });

  it('plants personal data and secrets through the API, with errors and normal traffic', async () => {
    const { book, inject } = api(ctx);
    const slots = (await inject('GET', `/offices/${VAXJO}/services/${FORALDRAPENNING}/slots?from=2026-12-08&to=2026-12-08`)).json() as SlotsResponse;
    const res = await book({ serviceId: FORALDRAPENNING, officeId: VAXJO, start: slots.days[0]!.slots[0]!.start, visitorName: PLANTED.visitorName, email: PLANTED.email, phone: PLANTED.phone, personnummer: PLANTED.personnummer, language: 'sv' });
    expect(res.statusCode, res.body).toBe(201);
    booking = res.json() as CreatedBooking;
    // The manage link read, rescheduled badly and cancelled: the token is in every URL.
    await inject('GET', `/bookings/${booking.code}?token=${booking.manageToken}`);
    await inject('POST', `/bookings/${booking.code}/reschedule?token=${booking.manageToken}`, { start: '2026-02-30T10:00:00Z' });
    await inject('GET', `/bookings/${booking.code}/calendar.ics?token=${booking.manageToken}`);
    // A second booking by the same person with bad input that names them.
    await book({ serviceId: FORALDRAPENNING, officeId: VAXJO, start: 'not a time', visitorName: PLANTED.visitorName, email: PLANTED.email, personnummer: PLANTED.personnummer });

    const household = await ctx.app.inject({
      method: 'POST', url: `/api/v1/motesplats/offices/${VAXJO}/days/${DEMO_MOTESPLATS_DATE}/households`, headers: { cookie: coordinator },
      payload: { language: 'ar', arrival: '09:30', dossierNumber: PLANTED.dossierNumber, housing: { assigned: true, address: PLANTED.address }, members: [{ givenName: PLANTED.memberName, birthYear: 1981, needsInterpreter: true, identityNumber: PLANTED.memberNumber }] },
    });
    expect(household.statusCode, household.body).toBe(201);
    const created = household.json<{ id: string; itineraryToken?: string; itineraryPath?: string }>();
    itineraryToken = created.itineraryToken ?? created.itineraryPath?.split('/').pop() ?? '';
    await ctx.app.inject({ method: 'GET', url: `/api/v1/motesplats/itinerary/${itineraryToken || 'x'.repeat(32)}` });
    // A duplicate registration: a constraint error carrying the person's data in PostgreSQL's detail.
    await ctx.app.inject({
      method: 'POST', url: `/api/v1/motesplats/offices/${VAXJO}/days/${DEMO_MOTESPLATS_DATE}/households`, headers: { cookie: coordinator },
      payload: { language: 'ar', arrival: '25:00', dossierNumber: PLANTED.dossierNumber, housing: { assigned: false }, members: [{ givenName: PLANTED.memberName, birthYear: 1981, needsInterpreter: true, identityNumber: PLANTED.memberNumber }] },
    });
    await ctx.app.inject({ method: 'POST', url: `/api/v1/motesplats/offices/${VAXJO}/households/${created.id}/notes`, headers: { cookie: coordinator }, payload: { taskId: 'nonexistent', text: PLANTED.note } });
    // Searches and erasure previews carry the identifiers in the URL or body.
    await ctx.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(PLANTED.memberNumber)}` });
    await ctx.app.inject({ method: 'POST', url: '/api/v1/privacy/erasures/preview', headers: { cookie: await ctx.login('admin') }, payload: { kind: 'email', value: PLANTED.email } });

    // A failed query whose parameters are personal data, logged as the app logs unexpected errors.
    const failed = await ctx.db.execute(sql`select ${PLANTED.memberNumber}::int as n, ${PLANTED.visitorName}::uuid as u`).catch((err: unknown) => err);
    ctx.app.log.error({ err: failed }, 'unhandled error');
    ctx.app.log.info({ booking: { name: PLANTED.visitorName, email: PLANTED.email, manageToken: booking.manageToken } }, 'a careless log line');
    ctx.app.log.warn(`a careless message for ${PLANTED.email} at ${PLANTED.phone} about ${PLANTED.memberNumber}`);
  });

  it('finds none of it in the log, which did record the traffic and the errors', () => {
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(20);
    expect(log).toContain('"unhandled error"');
    expect(log).toContain('/api/v1/bookings/');
    expect(log).toContain('SMS stored in the outbox');
    const secrets = { ...PLANTED, manageToken: booking.manageToken, itineraryToken };
    for (const [what, value] of Object.entries(secrets)) {
      if (!value) continue;
      for (const form of forms(value)) expect(log.includes(form), `${what} (${form}) appears in the log`).toBe(false);
    }
  });
}, { log: stream, env: () => ({ LOG_LEVEL: 'trace' }) });
