// Seeds an in-memory PGlite and checks the demo network against the registry's rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, countDistinct, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { openPglite, type Database } from '../client.ts';
import {
  agencies, counties, localities, municipalities, officeAgencyDays, officeCapabilities, officeOpeningHours, offices,
  officeServices, searchEntries, serviceCapabilities, services,
} from '../schema.ts';
import { checkOfficeRules } from '../../modules/registry/rules.ts';
import { buildDemoNetwork, readReferenceInput } from './demo-network.ts';
import { SERVICES, stableUuid } from './catalogue.ts';
import { seedIfEmpty } from './seed.ts';

describe('seedIfEmpty', () => {
  let database: Database;
  let seeded = false;

  beforeAll(async () => {
    database = await openPglite(null);
    const started = performance.now();
    seeded = await seedIfEmpty(database.db);
    console.log(`seedIfEmpty on in-memory PGlite: ${Math.round(performance.now() - started)} ms`);
  });
  // Guarded: if opening failed, report that error rather than one from closing.
  afterAll(async () => { if (database) await database.close(); });

  const total = async (table: typeof counties | typeof municipalities | typeof localities) =>
    (await database.db.select({ n: count() }).from(table))[0]!.n;

  it('loads the SCB reference data', async () => {
    expect(seeded).toBe(true);
    expect(await total(counties)).toBe(21);
    expect(await total(municipalities)).toBe(290);
    expect(await total(localities)).toBe(2017);
  });

  it('spreads 105–125 demo offices over all 21 counties', async () => {
    const [row] = await database.db
      .select({ n: count(), counties: countDistinct(municipalities.countyCode) })
      .from(offices).innerJoin(municipalities, eq(municipalities.kommunkod, offices.kommunkod));
    expect(row!.n).toBeGreaterThanOrEqual(105);
    expect(row!.n).toBeLessThanOrEqual(125);
    expect(row!.counties).toBe(21);
    const perCounty = await database.db.select({ county: municipalities.countyCode, n: count() })
      .from(offices).innerJoin(municipalities, eq(municipalities.kommunkod, offices.kommunkod))
      .groupBy(municipalities.countyCode);
    for (const c of perCounty) expect(c.n, `county ${c.county}`).toBeGreaterThanOrEqual(2);
    expect(await database.db.select().from(offices).where(eq(offices.isDemo, false))).toHaveLength(0);
  });

  it('models Kronoberg as in the seed documents', async () => {
    const all = await database.db.select().from(offices);
    const vaxjo = all.find((o) => o.name === 'Servicekontor Växjö')!;
    expect(vaxjo).toMatchObject({ tier: 'servicekontor', isMotesplats: true, kommunkod: '0780' });
    for (const place of ['Lenhovda', 'Lessebo']) {
      const stop = all.find((o) => o.tier === 'mobile_stop' && o.city === place);
      expect(stop, place).toMatchObject({ hubOfficeId: vaxjo.id });
    }
    for (const town of ['Tingsryd', 'Ljungby', 'Älmhult']) {
      expect(all.find((o) => o.name === `Servicekontor ${town}`)?.tier, town).toBe('servicekontor');
    }
  });

  it('has at least 30 services across at least 6 agencies', async () => {
    const [row] = await database.db.select({ n: count(), agencies: countDistinct(services.agencyId) }).from(services);
    expect(row!.n).toBeGreaterThanOrEqual(30);
    expect(row!.agencies).toBeGreaterThanOrEqual(6);
  });

  it('offers a service only where the office has every required capability', async () => {
    const oc = alias(officeCapabilities, 'oc');
    const missing = await database.db.select({ office: officeServices.officeId, capability: serviceCapabilities.capability })
      .from(officeServices)
      .innerJoin(serviceCapabilities, eq(serviceCapabilities.serviceId, officeServices.serviceId))
      .leftJoin(oc, and(eq(oc.officeId, officeServices.officeId), eq(oc.capability, serviceCapabilities.capability)))
      .where(isNull(oc.officeId));
    expect(missing).toEqual([]);
  });

  it('opens every servicecenter Mon–Fri with a state agency each weekday', async () => {
    const centres = await database.db.select().from(offices).where(eq(offices.tier, 'servicecenter'));
    expect(centres.length).toBeGreaterThanOrEqual(6);
    for (const c of centres) {
      const hours = await database.db.select().from(officeOpeningHours).where(eq(officeOpeningHours.officeId, c.id));
      const staffed = await database.db.select({ weekday: officeAgencyDays.weekday }).from(officeAgencyDays)
        .innerJoin(agencies, eq(agencies.id, officeAgencyDays.agencyId))
        .where(and(eq(officeAgencyDays.officeId, c.id), eq(agencies.kind, 'state_agency')));
      for (const day of [1, 2, 3, 4, 5]) {
        expect(hours.some((h) => h.weekday === day), `${c.name} open on ${day}`).toBe(true);
        expect(staffed.some((s) => s.weekday === day), `${c.name} staffed on ${day}`).toBe(true);
      }
    }
  });

  it('gives every servicepunkt a partner', async () => {
    const points = await database.db.select().from(offices).where(eq(offices.tier, 'servicepunkt'));
    expect(points.length).toBeGreaterThanOrEqual(6);
    for (const p of points) expect(p.partnerName, p.name).toBeTruthy();
  });

  it('builds the search index for places and the registry', async () => {
    const kinds = await database.db.select({ kind: searchEntries.kind, n: count() }).from(searchEntries).groupBy(searchEntries.kind);
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k.n]))).toMatchObject({ locality: 2017, municipality: 290 });
    expect(kinds.find((k) => k.kind === 'office')?.n).toBeGreaterThanOrEqual(105);
  });

  it('does not seed twice', async () => {
    expect(await seedIfEmpty(database.db)).toBe(false);
  });
});

describe('buildDemoNetwork', () => {
  const network = buildDemoNetwork(readReferenceInput());
  const requirements = new Map(SERVICES.map((s) => [stableUuid(`service:${s.key}`), { id: stableUuid(`service:${s.key}`), nameSv: s.nameSv, requiredCapabilities: s.capabilities }]));
  const stateAgencyIds = new Set(['FK', 'SKV', 'PM', 'AF', 'MV', 'TRV'].map((c) => stableUuid(`agency:${c}`)));

  it('passes the server’s registry rules for every office', () => {
    for (const o of network) {
      const agencyDays = Object.entries(o.agencyDays).map(([code, weekdays]) => ({ agencyId: stableUuid(`agency:${code}`), weekdays }));
      expect(checkOfficeRules(o.id, { ...o, agencyDays }, requirements, stateAgencyIds), o.name).toEqual([]);
    }
  });

  it('is deterministic and has unique names', () => {
    expect(buildDemoNetwork(readReferenceInput())).toEqual(network);
    expect(new Set(network.map((o) => o.name)).size).toBe(network.length);
  });

  it('offers services at every office', () => {
    for (const o of network) expect(o.serviceIds.length, o.name).toBeGreaterThan(0);
  });
});
