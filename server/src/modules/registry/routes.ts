// Registry REST API: agencies, services, offices (with calendar), geography and the rules report.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  Agency, AgencyInput, County, Id, IdParams, Municipality, Office, OfficeDay, OfficeInput, OfficeSummary, OfficeTier,
  RuleViolation, Service, ServiceInput,
} from '../../../../contracts/registry.ts';
import { IsoDate } from '../../../../contracts/common.ts';
import { notFound } from '../../lib/errors.ts';
import { officeFromParams } from '../../http/route-config.ts';
import { haversineKm } from '../../lib/geo.ts';
import { listAgencies, listCapabilities, listCounties, listMunicipalities, listServices, loadHolidays, loadOffices } from './repo.ts';
import { officeCalendar } from '../../engines/calendar/office-calendar.ts';
import { addDays, stockholmDate } from '../../lib/dates.ts';
import * as registry from './service.ts';

const Capabilities = Type.Array(Type.Object({ code: Type.String(), nameSv: Type.String(), nameEn: Type.String() }));

export const registryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;
  const read = { action: 'registry.read' as const };

  // ---------- agencies ----------
  app.get('/agencies', { config: read, schema: { tags: ['registry'], summary: 'All agencies, state agencies first', response: { 200: Type.Array(Agency) } } },
    async () => listAgencies(db));
  app.post('/agencies', { config: { action: 'registry.agency.write' }, schema: { tags: ['registry'], summary: 'Create an agency', body: AgencyInput, response: { 201: Agency } } },
    async (req, reply) => reply.status(201).send(await registry.saveAgency(db, null, req.body)));
  app.put('/agencies/:id', { config: { action: 'registry.agency.write' }, schema: { tags: ['registry'], summary: 'Replace an agency', params: IdParams, body: AgencyInput, response: { 200: Agency } } },
    async (req) => registry.saveAgency(db, req.params.id, req.body));
  app.delete('/agencies/:id', { config: { action: 'registry.agency.write' }, schema: { tags: ['registry'], summary: 'Delete an agency that nothing uses', params: IdParams, response: { 204: Type.Null() } } },
    async (req, reply) => { await registry.deleteAgency(db, req.params.id); return reply.status(204).send(null); });

  // ---------- services ----------
  app.get('/capabilities', { config: read, schema: { tags: ['registry'], summary: 'Office capabilities a service may require', response: { 200: Capabilities } } },
    async () => listCapabilities(db));
  app.get('/services', {
    config: read,
    schema: { tags: ['registry'], summary: 'Services, optionally of one agency', querystring: Type.Object({ agencyId: Type.Optional(Id) }, { additionalProperties: false }), response: { 200: Type.Array(Service) } },
  }, async (req) => listServices(db, { agencyId: req.query.agencyId }));
  app.get('/services/:id', { config: read, schema: { tags: ['registry'], summary: 'One service', params: IdParams, response: { 200: Service } } },
    async (req) => (await listServices(db, { ids: [req.params.id] }))[0] ?? Promise.reject(notFound('Service', 'id')));
  app.post('/services', { config: { action: 'registry.service.write' }, schema: { tags: ['registry'], summary: 'Create a service', body: ServiceInput, response: { 201: Service } } },
    async (req, reply) => reply.status(201).send(await registry.saveService(db, null, req.body)));
  app.put('/services/:id', { config: { action: 'registry.service.write' }, schema: { tags: ['registry'], summary: 'Replace a service', params: IdParams, body: ServiceInput, response: { 200: Service } } },
    async (req) => registry.saveService(db, req.params.id, req.body));
  app.delete('/services/:id', { config: { action: 'registry.service.write' }, schema: { tags: ['registry'], summary: 'Delete a service', params: IdParams, response: { 204: Type.Null() } } },
    async (req, reply) => { await registry.deleteService(db, req.params.id); return reply.status(204).send(null); });

  // ---------- offices ----------
  app.get('/offices', {
    config: read,
    schema: {
      tags: ['registry'],
      summary: 'Offices, nearest first when a place is given',
      querystring: Type.Object({
        near: Type.Optional(Type.String({ pattern: '^-?[0-9]+(\\.[0-9]+)?,-?[0-9]+(\\.[0-9]+)?$', description: 'lat,lon' })),
        serviceId: Type.Optional(Id),
        agencyId: Type.Optional(Id),
        countyCode: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
        kommunkod: Type.Optional(Type.String({ pattern: '^[0-9]{4}$' })),
        tier: Type.Optional(OfficeTier),
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 500 }),
      }, { additionalProperties: false }),
      response: { 200: Type.Array(OfficeSummary) },
    },
  }, async (req) => {
    const q = req.query;
    const [lat, lon] = q.near ? q.near.split(',').map(Number) as [number, number] : [null, null];
    const offices = (await loadOffices(db)).filter((o) =>
      (!q.serviceId || o.serviceIds.includes(q.serviceId))
      && (!q.agencyId || o.agencyDays.some((a) => a.agencyId === q.agencyId && a.weekdays.length > 0))
      && (!q.countyCode || o.countyCode === q.countyCode)
      && (!q.kommunkod || o.kommunkod === q.kommunkod)
      && (!q.tier || o.tier === q.tier));
    const summaries = offices.map((o) => ({
      id: o.id, name: o.name, tier: o.tier, isMotesplats: o.isMotesplats, city: o.city, kommunkod: o.kommunkod,
      municipalityName: o.municipalityName, countyCode: o.countyCode, lat: o.lat, lon: o.lon,
      ...(lat !== null && lon !== null ? { distanceKm: Math.round(haversineKm(lat, lon, o.lat, o.lon) * 10) / 10 } : {}),
    }));
    if (lat !== null) summaries.sort((a, b) => a.distanceKm! - b.distanceKm!);
    return summaries.slice(0, q.limit);
  });
  app.get('/offices/:id', { config: read, schema: { tags: ['registry'], summary: 'One office with hours, staffing and services', params: IdParams, response: { 200: Office } } },
    async (req) => (await loadOffices(db, [req.params.id]))[0] ?? Promise.reject(notFound('Office', 'id')));
  app.get('/offices/:id/calendar', {
    config: read,
    schema: {
      tags: ['registry'],
      summary: 'Day-by-day opening, holidays and agencies present (Europe/Stockholm dates)',
      params: IdParams,
      querystring: Type.Object({
        from: Type.Optional(IsoDate),
        days: Type.Integer({ minimum: 1, maximum: 366, default: 14 }),
      }, { additionalProperties: false }),
      response: { 200: Type.Array(OfficeDay) },
    },
  }, async (req) => {
    const office = (await loadOffices(db, [req.params.id]))[0];
    if (!office) throw notFound('Office', 'id');
    const from = req.query.from ?? stockholmDate(new Date());
    const holidays = await loadHolidays(db, from, addDays(from, req.query.days));
    return officeCalendar(office, holidays, from, req.query.days);
  });
  app.post('/offices', { config: { action: 'registry.office.create' }, schema: { tags: ['registry'], summary: 'Create an office', body: OfficeInput, response: { 201: Office } } },
    async (req, reply) => reply.status(201).send(await registry.saveOffice(db, null, req.body)));
  app.put('/offices/:id', {
    config: { action: 'registry.office.update', scope: officeFromParams },
    schema: { tags: ['registry'], summary: 'Replace an office (all its parts)', params: IdParams, body: OfficeInput, response: { 200: Office } },
  }, async (req) => registry.saveOffice(db, req.params.id, req.body));
  app.delete('/offices/:id', { config: { action: 'registry.office.delete' }, schema: { tags: ['registry'], summary: 'Delete an office', params: IdParams, response: { 204: Type.Null() } } },
    async (req, reply) => { await registry.deleteOffice(db, req.params.id); return reply.status(204).send(null); });

  app.get('/registry/rules', {
    config: { action: 'registry.rules.read' },
    schema: { tags: ['registry'], summary: 'Every broken registry rule across the network', response: { 200: Type.Array(RuleViolation) } },
  }, async () => registry.networkViolations(db));

  // ---------- geography ----------
  app.get('/municipalities', { config: read, schema: { tags: ['geography'], summary: 'All 290 municipalities (SCB 2025)', response: { 200: Type.Array(Municipality) } } },
    async () => listMunicipalities(db));
  app.get('/counties', { config: read, schema: { tags: ['geography'], summary: 'All 21 counties', response: { 200: Type.Array(County) } } },
    async () => listCounties(db));
};
