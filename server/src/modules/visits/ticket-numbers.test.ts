// A busy queue goes past 999 tickets in a day: 1,010 tickets in one queue are all answered 201 with
// distinct numbers (A999, then A1000), and after a restart (the database closed and opened again) the
// numbering goes on without reusing any. Through the API (inject, as the kiosk's requests), on PGlite on
// disk and on PostgreSQL.
import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../test/harness.ts';
import { appOn, reopenableDatabase } from '../../test/reopenable.ts';
import type { FastifyInstance } from 'fastify';
import type { Office, OfficeSummary, Service } from '../../../../contracts/registry.ts';
import type { Ticket } from '../../../../contracts/visits.ts';

/** Tuesday 2026-12-01, 11:00 in Sweden: the demo offices are open. */
const NOW = new Date('2026-12-01T10:00:00Z');
const TICKETS = 1_010;
/** Kiosks taking tickets at once. */
const CONCURRENT = 10;

async function vaxjoAndService(app: FastifyInstance): Promise<{ office: Office; service: Service }> {
  const list = (await app.inject({ method: 'GET', url: '/api/v1/offices?tier=servicekontor' })).json() as OfficeSummary[];
  const id = list.find((o) => o.name.includes('Växjö'))!.id;
  const office = (await app.inject({ method: 'GET', url: `/api/v1/offices/${id}` })).json() as Office;
  const services = (await app.inject({ method: 'GET', url: '/api/v1/services' })).json() as Service[];
  const agencies = (await app.inject({ method: 'GET', url: '/api/v1/agencies' })).json() as Array<{ id: string; code: string }>;
  const fk = agencies.find((a) => a.code === 'FK')!.id;
  const service = services.find((s) => s.agencyId === fk && office.serviceIds.includes(s.id) && s.channels.includes('in_person'))!;
  return { office, service };
}

async function takeMany(app: FastifyInstance, officeId: string, serviceId: string, count: number): Promise<Ticket[]> {
  const tickets: Ticket[] = [];
  for (let done = 0; done < count; done += CONCURRENT) {
    const batch = Array.from({ length: Math.min(CONCURRENT, count - done) }, () =>
      app.inject({ method: 'POST', url: `/api/v1/offices/${officeId}/tickets`, payload: { serviceIds: [serviceId] } }));
    for (const res of await Promise.all(batch)) {
      expect(res.statusCode, res.body).toBe(201);
      tickets.push(res.json() as Ticket);
    }
  }
  return tickets;
}

const seqOf = (number: string) => Number(number.slice(1));

for (const kind of databaseKinds()) {
  describe(`ticket numbers past 999 [${kind}]`, () => {
    it(`hands out ${TICKETS} distinct tickets in one queue, then goes on after a restart without reusing any`, async () => {
      const store = await reopenableDatabase(kind);
      try {
        let database = await store.open();
        let app = await appOn(database, NOW);
        const { office, service } = await vaxjoAndService(app);
        const before = await takeMany(app, office.id, service.id, TICKETS);
        await app.close();
        await database.close();

        const numbers = before.map((t) => t.number);
        expect(new Set(numbers).size).toBe(TICKETS);
        expect(new Set(before.map((t) => t.queueId)).size).toBe(1);
        const letter = numbers[0]![0]!;
        expect(numbers.every((n) => n.startsWith(letter))).toBe(true);
        expect(numbers.map(seqOf).sort((a, b) => a - b)).toEqual(Array.from({ length: TICKETS }, (_, i) => i + 1));
        // Three digits up to 999, then four: the number always says its counter, never cut or padded away.
        for (const n of numbers) expect(n).toBe(`${letter}${String(seqOf(n)).padStart(3, '0')}`);
        expect(numbers).toEqual(expect.arrayContaining([`${letter}001`, `${letter}999`, `${letter}1000`, `${letter}${TICKETS}`]));

        database = await store.open();
        app = await appOn(database, NOW);
        const after = await takeMany(app, office.id, service.id, 5);
        const again = (await app.inject({ method: 'GET', url: `/api/v1/tickets/${before.at(-1)!.id}` })).json() as Ticket;
        await app.close();
        await database.close();
        expect(after.map((t) => t.number).sort()).toEqual([1, 2, 3, 4, 5].map((i) => `${letter}${TICKETS + i}`).sort());
        expect(after.some((t) => numbers.includes(t.number))).toBe(false);
        expect(again.number).toBe(before.at(-1)!.number);
      } finally {
        await store.remove();
      }
    }, 600_000);
  });
}
