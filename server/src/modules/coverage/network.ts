// The registry as the coverage analyses see it: every office with its position and county, and which
// offices offer a service. Read per request (about 120 offices), so an office moved, added or removed
// in the registry is in the very next analysis; only the travel matrix is cached (instance.ts).
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import * as t from '../../db/schema.ts';
import type { OfficeTier } from '../../../../contracts/registry.ts';

export interface NetworkOffice {
  id: string;
  name: string;
  tier: OfficeTier;
  isMotesplats: boolean;
  kommunkod: string;
  countyCode: string;
  lat: number;
  lon: number;
}

/** Every office in a stable order (by id), which is also the order of the matrix's office columns. */
export async function loadNetwork(db: Db): Promise<NetworkOffice[]> {
  const rows = await db
    .select({
      id: t.offices.id, name: t.offices.name, tier: t.offices.tier, isMotesplats: t.offices.isMotesplats,
      kommunkod: t.offices.kommunkod, countyCode: t.municipalities.countyCode, lat: t.offices.lat, lon: t.offices.lon,
    })
    .from(t.offices)
    .innerJoin(t.municipalities, eq(t.municipalities.kommunkod, t.offices.kommunkod))
    .orderBy(asc(t.offices.id));
  return rows;
}

/** Ids of the offices offering the service. */
export async function officesOffering(db: Db, serviceId: string): Promise<Set<string>> {
  const rows = await db.select({ officeId: t.officeServices.officeId }).from(t.officeServices).where(eq(t.officeServices.serviceId, serviceId));
  return new Set(rows.map((r) => r.officeId));
}

export interface ServiceRow { id: string; nameSv: string; nameEn: string; agencyCode: string; officeCount: number }

/** Every service with its agency and how many offices offer it. */
export async function listServicesWithCounts(db: Db): Promise<ServiceRow[]> {
  const [services, offered] = await Promise.all([
    db.select({ id: t.services.id, nameSv: t.services.nameSv, nameEn: t.services.nameEn, agencyCode: t.agencies.code })
      .from(t.services).innerJoin(t.agencies, eq(t.agencies.id, t.services.agencyId)),
    db.select({ serviceId: t.officeServices.serviceId }).from(t.officeServices),
  ]);
  const count = new Map<string, number>();
  for (const r of offered) count.set(r.serviceId, (count.get(r.serviceId) ?? 0) + 1);
  return services.map((s) => ({ ...s, officeCount: count.get(s.id) ?? 0 }));
}

export async function findService(db: Db, id: string): Promise<{ id: string; nameSv: string; nameEn: string } | null> {
  const [row] = await db.select({ id: t.services.id, nameSv: t.services.nameSv, nameEn: t.services.nameEn }).from(t.services).where(eq(t.services.id, id));
  return row ?? null;
}
