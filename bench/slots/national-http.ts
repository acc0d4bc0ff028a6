// national_first_free_http: the "first free time near me" endpoint as the booking page calls it
// (GET /services/:id/first-free, through Fastify's inject: routing, validation, access hooks and
// serialisation, no socket), over the seeded demo database in PGlite, against the straightforward
// server path it replaced: each place within the radius asked on its own (loadPlaceContext, its holds,
// firstFree), then sorted. Both answer the same places and times; the run checks that for every query.
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { buildApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config.ts';
import { openPglite } from '../../server/src/db/client.ts';
import { seedIfEmpty } from '../../server/src/db/seed/seed.ts';
import { stableUuid } from '../../server/src/db/seed/catalogue.ts';
import { readMunicipalities } from '../../server/src/db/seed/reference-data.ts';
import { offices, officeServices } from '../../server/src/db/schema.ts';
import type { Db } from '../../server/src/db/client.ts';
import { firstFree } from '../../server/src/engines/slots/slots.ts';
import { AppError } from '../../server/src/lib/errors.ts';
import { addDays, stockholmDate } from '../../server/src/lib/dates.ts';
import { haversineKm } from '../../server/src/lib/geo.ts';
import { loadPlaceContext, slotQuery } from '../../server/src/modules/booking/pools.ts';
import type { FirstFreeResponse } from '../../contracts/booking.ts';
import { mulberry32 } from './data.ts';

const SERVICE_ID = stableUuid('service:FK:foraldrapenning');
const RADIUS_KM = 100;
const LIMIT = 8;
/** Tuesday 1 December 2026, 11:00 in Sweden, as in the API tests. */
const NOW = new Date('2026-12-01T10:00:00Z');

type Answer = Array<[officeId: string, start: string]>;

/** Every place within the radius asked on its own, then sorted: earliest first, nearest first at the same time. */
async function oneByOne(db: Db, lat: number, lon: number): Promise<Answer> {
  const today = stockholmDate(NOW);
  const rows = await db.select({ id: offices.id, lat: offices.lat, lon: offices.lon }).from(officeServices)
    .innerJoin(offices, eq(offices.id, officeServices.officeId)).where(eq(officeServices.serviceId, SERVICE_ID));
  const near = rows.map((o) => ({ id: o.id, km: haversineKm(lat, lon, o.lat, o.lon) })).filter((o) => o.km <= RADIUS_KM).sort((a, b) => a.km - b.km);
  const found: Array<{ id: string; start: string; km: number }> = [];
  for (const o of near) {
    let probe;
    try {
      probe = await loadPlaceContext(db, o.id, SERVICE_ID, undefined, today, today);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation_failed') continue;
      throw err;
    }
    const to = addDays(today, probe.settings.horizonDays);
    const slot = firstFree(await slotQuery(db, await loadPlaceContext(db, o.id, SERVICE_ID, undefined, today, to), today, to, NOW));
    if (slot) found.push({ id: o.id, start: new Date(slot.start).toISOString(), km: o.km });
  }
  found.sort((a, b) => a.start.localeCompare(b.start) || a.km - b.km);
  return found.slice(0, LIMIT).map((f) => [f.id, f.start]);
}

export interface NationalHttpTimed {
  engine: number[];
  baseline: number[];
  identical: boolean;
  places: number;
}

export async function timeNationalHttp(queries: number, rounds: number): Promise<NationalHttpTimed> {
  const database = await openPglite(null);
  await seedIfEmpty(database.db);
  const app = await buildApp({ config: { ...loadConfig({}), remindersEnabled: false }, database, logger: false, clock: () => NOW });
  try {
    const rand = mulberry32(4);
    const seats = readMunicipalities();
    const places = Array.from({ length: queries }, () => seats[Math.floor(rand() * seats.length)]!);
    const ask = async (p: { lat: number; lon: number }) => {
      const res = await app.inject({ method: 'GET', url: `/api/v1/services/${SERVICE_ID}/first-free?lat=${p.lat}&lon=${p.lon}&radiusKm=${RADIUS_KM}&limit=${LIMIT}` });
      if (res.statusCode !== 200) throw new Error(res.body);
      return (res.json() as FirstFreeResponse).options.map((o): [string, string] => [o.officeId, o.start]);
    };
    for (const p of places.slice(0, 5)) await ask(p); // warm-up
    const engine: number[] = [];
    const baseline: number[] = [];
    let identical = true;
    for (let r = 0; r < rounds; r++) {
      for (const p of places) {
        const t0 = performance.now();
        const got = await ask(p);
        engine.push(performance.now() - t0);
        if (r === 0) {
          const t1 = performance.now();
          const expected = await oneByOne(database.db, p.lat, p.lon);
          baseline.push(performance.now() - t1);
          identical &&= isDeepStrictEqual(got, expected);
        }
      }
    }
    const sort = (xs: number[]) => xs.sort((a, b) => a - b);
    return { engine: sort(engine), baseline: sort(baseline), identical, places: places.length };
  } finally {
    await app.close();
    await database.close();
  }
}
