// Registry writes: validation beyond the schema, the registry rules, and one transaction per change.
// The search index is refreshed in the same transaction so search never shows a stale registry.
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { together } from '../../db/client.ts';
import * as t from '../../db/schema.ts';
import type { AgencyInput, OfficeInput, RuleViolation, ServiceInput } from '../../../../contracts/registry.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { withDbErrors } from '../../lib/db-errors.ts';
import { reindexRegistry } from '../search/repo.ts';
import { checkOfficeRules, type ServiceRequirement } from './rules.ts';
import { listAgencies, listServices, loadOffices } from './repo.ts';

// ---------- agencies ----------
export async function saveAgency(db: Db, id: string | null, input: AgencyInput) {
  if (input.kind === 'municipality' && !input.kommunkod) {
    throw new AppError('validation_failed', 'A municipality agency needs its kommunkod', { reason: 'kommunkod_required', field: 'kommunkod' });
  }
  const values = { ...input, kommunkod: input.kind === 'municipality' ? (input.kommunkod ?? null) : null, website: input.website ?? null };
  return withDbErrors(() =>
    db.transaction(async (tx) => {
      let savedId = id;
      if (id) {
        const updated = await tx.update(t.agencies).set(values).where(eq(t.agencies.id, id)).returning({ id: t.agencies.id });
        if (updated.length === 0) throw notFound('Agency', 'id');
      } else {
        const [row] = await tx.insert(t.agencies).values(values).returning({ id: t.agencies.id });
        savedId = row!.id;
      }
      await reindexRegistry(tx);
      return (await listAgencies(tx)).find((a) => a.id === savedId)!;
    }),
  );
}

export async function deleteAgency(db: Db, id: string) {
  await withDbErrors(() =>
    db.transaction(async (tx) => {
      const deleted = await tx.delete(t.agencies).where(eq(t.agencies.id, id)).returning({ id: t.agencies.id });
      if (deleted.length === 0) throw notFound('Agency', 'id');
      await reindexRegistry(tx);
    }),
  );
}

// ---------- services ----------
export async function saveService(db: Db, id: string | null, input: ServiceInput) {
  input.performers.forEach((p, i) => {
    if (p.kind === 'agency' && p.agencyId === input.agencyId) {
      throw new AppError('validation_failed', 'The owning agency need not be listed as performing on its own behalf', { reason: 'owner_as_performer', field: `performers[${i}].agencyId` });
    }
  });
  const { requiredCapabilities, performers, ...row } = input;
  return withDbErrors(() =>
    db.transaction(async (tx) => {
      let savedId = id;
      if (id) {
        const updated = await tx.update(t.services).set(row).where(eq(t.services.id, id)).returning({ id: t.services.id });
        if (updated.length === 0) throw notFound('Service', 'id');
        await tx.delete(t.serviceCapabilities).where(eq(t.serviceCapabilities.serviceId, id));
        await tx.delete(t.servicePerformers).where(eq(t.servicePerformers.serviceId, id));
      } else {
        const [created] = await tx.insert(t.services).values(row).returning({ id: t.services.id });
        savedId = created!.id;
      }
      const serviceId = savedId!;
      if (requiredCapabilities.length) {
        await tx.insert(t.serviceCapabilities).values(requiredCapabilities.map((capability) => ({ serviceId, capability })));
      }
      if (performers.length) {
        await tx.insert(t.servicePerformers).values(
          performers.map((p) => ({ serviceId, kind: p.kind, agencyId: p.kind === 'agency' ? p.agencyId : null })),
        );
      }
      // A stricter requirement must not leave offices offering what they cannot do.
      if (id) {
        const violations = await networkViolations(tx);
        const broken = violations.filter((v) => v.rule === 'service_requires_capability' && v.details.serviceId === id);
        if (broken.length > 0) {
          throw new AppError('rule_violation', `${broken.length} offices offer this service without the required capabilities`, {
            field: 'requiredCapabilities',
            details: { violations: broken },
          });
        }
      }
      await reindexRegistry(tx);
      return (await listServices(tx, { ids: [serviceId] }))[0]!;
    }),
  );
}

export async function deleteService(db: Db, id: string) {
  await withDbErrors(() =>
    db.transaction(async (tx) => {
      const deleted = await tx.delete(t.services).where(eq(t.services.id, id)).returning({ id: t.services.id });
      if (deleted.length === 0) throw notFound('Service', 'id');
      await reindexRegistry(tx);
    }),
  );
}

// ---------- offices ----------
async function ruleInputs(tx: Db | Tx) {
  const [services, agencies] = await together(tx, () => listServices(tx), () => listAgencies(tx));
  const byId = new Map<string, ServiceRequirement>(services.map((s) => [s.id, s]));
  const stateAgencies = new Set(agencies.filter((a) => a.kind === 'state_agency').map((a) => a.id));
  return { byId, stateAgencies };
}

/** Every broken rule across the network, for the rules report. */
export async function networkViolations(db: Db | Tx): Promise<RuleViolation[]> {
  const [{ byId, stateAgencies }, offices] = await together(db, () => ruleInputs(db), () => loadOffices(db));
  return offices.flatMap((o) => checkOfficeRules(o.id, o, byId, stateAgencies));
}

function checkShape(input: OfficeInput): void {
  input.openingHours.forEach((h, i) => {
    if (h.closes <= h.opens) throw new AppError('validation_failed', 'Closing time must be after opening time', { reason: 'closes_before_opens', field: `openingHours[${i}].closes` });
    const overlap = input.openingHours.findIndex((o, j) => j < i && o.weekday === h.weekday && o.opens < h.closes && h.opens < o.closes);
    if (overlap >= 0) throw new AppError('validation_failed', 'Opening hours overlap on the same weekday', { reason: 'hours_overlap', field: `openingHours[${i}].opens` });
  });
  const seenDates = new Set<string>();
  input.dateExceptions.forEach((e, i) => {
    if (seenDates.has(e.date)) throw new AppError('validation_failed', 'The same date is listed twice', { reason: 'duplicate_date', field: `dateExceptions[${i}].date` });
    seenDates.add(e.date);
    if (!e.closed && (!e.opens || !e.closes || e.closes <= e.opens)) {
      throw new AppError('validation_failed', 'An open exception day needs an opening and a later closing time', { reason: 'exception_hours', field: `dateExceptions[${i}].closes` });
    }
  });
  const seenAgencies = new Set<string>();
  input.agencyDays.forEach((a, i) => {
    if (seenAgencies.has(a.agencyId)) throw new AppError('validation_failed', 'The agency is listed twice', { reason: 'duplicate_agency', field: `agencyDays[${i}].agencyId` });
    seenAgencies.add(a.agencyId);
  });
  if (input.videoRooms > 0 !== input.capabilities.includes('video_room')) {
    throw new AppError('validation_failed', 'An office has the video_room capability exactly when it has video rooms', { reason: 'video_room_mismatch', field: 'videoRooms' });
  }
}

export async function saveOffice(db: Db, id: string | null, input: OfficeInput) {
  checkShape(input);
  return withDbErrors(() =>
    db.transaction(async (tx) => {
      const { byId, stateAgencies } = await ruleInputs(tx);
      input.serviceIds.forEach((sid, i) => {
        if (!byId.has(sid)) throw new AppError('validation_failed', 'No such service', { reason: 'unknown_service', field: `serviceIds[${i}]` });
      });
      if (input.hubOfficeId) {
        const [hub] = await tx.select({ tier: t.offices.tier }).from(t.offices).where(eq(t.offices.id, input.hubOfficeId));
        if (!hub) throw new AppError('validation_failed', 'No such hub office', { reason: 'unknown_hub', field: 'hubOfficeId' });
        if (hub.tier === 'mobile_stop') throw new AppError('validation_failed', 'A mobile stop cannot be the hub of another', { reason: 'hub_is_mobile_stop', field: 'hubOfficeId' });
      }
      const violations = checkOfficeRules(id, input, byId, stateAgencies);
      if (violations.length > 0) {
        throw new AppError('rule_violation', violations[0]!.message, { field: violations[0]!.field, details: { violations } });
      }
      const { capabilities, openingHours, dateExceptions, agencyDays, serviceIds, ...row } = input;
      const values = {
        ...row,
        partnerName: row.partnerName ?? null,
        hubOfficeId: input.tier === 'mobile_stop' ? (row.hubOfficeId ?? null) : null,
        phone: row.phone ?? null,
        email: row.email ?? null,
        updatedAt: new Date(),
      };
      let officeId = id;
      if (id) {
        const updated = await tx.update(t.offices).set(values).where(eq(t.offices.id, id)).returning({ id: t.offices.id });
        if (updated.length === 0) throw notFound('Office', 'id');
        for (const child of [t.officeCapabilities, t.officeOpeningHours, t.officeDateExceptions, t.officeAgencyDays, t.officeServices]) {
          await tx.delete(child).where(eq(child.officeId, id));
        }
      } else {
        const [created] = await tx.insert(t.offices).values(values).returning({ id: t.offices.id });
        officeId = created!.id;
      }
      const oid = officeId!;
      if (capabilities.length) await tx.insert(t.officeCapabilities).values(capabilities.map((capability) => ({ officeId: oid, capability })));
      if (openingHours.length) await tx.insert(t.officeOpeningHours).values(openingHours.map((h) => ({ ...h, officeId: oid })));
      if (dateExceptions.length) {
        await tx.insert(t.officeDateExceptions).values(
          dateExceptions.map((e) => ({ officeId: oid, date: e.date, closed: e.closed, opens: e.closed ? null : e.opens, closes: e.closed ? null : e.closes, note: e.note ?? '' })),
        );
      }
      const dayRows = agencyDays.flatMap((a) => a.weekdays.map((weekday) => ({ officeId: oid, agencyId: a.agencyId, weekday })));
      if (dayRows.length) await tx.insert(t.officeAgencyDays).values(dayRows);
      if (serviceIds.length) await tx.insert(t.officeServices).values(serviceIds.map((serviceId) => ({ officeId: oid, serviceId })));
      await reindexRegistry(tx);
      return (await loadOffices(tx, [oid]))[0]!;
    }),
  );
}

export async function deleteOffice(db: Db, id: string) {
  await withDbErrors(() =>
    db.transaction(async (tx) => {
      const deleted = await tx.delete(t.offices).where(eq(t.offices.id, id)).returning({ id: t.offices.id });
      if (deleted.length === 0) throw notFound('Office', 'id');
      await reindexRegistry(tx);
    }),
  );
}
