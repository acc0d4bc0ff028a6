// The Open Referral HSDS 3.0 read API under /api/v1/hsds: organizations, services and service_at_locations,
// paged the way HSDS's openapi.json describes (`page`, `per_page`, and the Page wrapper around `contents`).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import { notFound } from '../../lib/errors.ts';
import { stockholmDate } from '../../lib/dates.ts';
import {
  HSDS_VERSION,
  HsdsOrganization,
  HsdsService,
  HsdsServiceAtLocation,
  SliceMapper,
} from './mapper.ts';
import { findServiceLink, loadSlice, pageAgencies, pageServiceLinks, pageServices, type PageRequest } from './repo.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const pagingQuery = {
  page: Type.Integer({ minimum: 1, default: 1, description: 'Page number, 1-based' }),
  per_page: Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'Records per page (at most 500)' }),
  search: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Substring of the name (or description), case-insensitive' })),
  full: Type.Boolean({
    default: false,
    description: 'false: the HSDS list shape (one-to-one fields); true: fully nested records, as GET by id returns',
  }),
};
const organizationFilter = {
  organization_id: Type.Optional(Type.String({ format: 'uuid', description: 'Only records of this organization (agency)' })),
};
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100, description: 'HSDS id (UUID)' }) });

/** HSDS's Page wrapper (openapi.json components.schemas.Page) around a list of records. */
const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    total_items: Type.Integer({ description: 'Records matching the query, over all pages' }),
    total_pages: Type.Integer(),
    page_number: Type.Integer(),
    size: Type.Integer({ description: 'Records on this page' }),
    first_page: Type.Boolean(),
    last_page: Type.Boolean(),
    empty: Type.Boolean({ description: 'True when this page has no records' }),
    contents: Type.Array(item),
  });

function pageBody<T>(q: PageRequest, total: number, contents: T[]) {
  const totalPages = Math.ceil(total / q.perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: q.page,
    size: contents.length,
    first_page: q.page === 1,
    last_page: q.page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

const ApiInfo = Type.Object({
  version: Type.String({ description: 'HSDS version of this API' }),
  openapi_url: Type.String({ format: 'uri', description: 'OpenAPI document of this API' }),
});

/** Dated schedule entries (exceptions, holiday closures) are published from today's Swedish date on. */
const today = () => stockholmDate(new Date());

export const hsdsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.deps.database.db;

  for (const url of ['/hsds/', '/hsds']) {
    app.get(url, {
      config: { action: 'hsds.read' },
      schema: {
        tags: ['hsds'],
        summary: 'HSDS API information: the HSDS version and where the OpenAPI document is',
        querystring: Type.Object({}, { additionalProperties: false }),
        response: { 200: ApiInfo },
      },
    }, async (req) => ({
      version: HSDS_VERSION,
      openapi_url: `${req.protocol}://${req.host}/api/docs/json`,
    }));
  }

  app.get('/hsds/organizations', {
    config: { action: 'hsds.read' },
    schema: {
      tags: ['hsds'],
      summary: 'Organizations (agencies and municipalities), paged',
      querystring: Type.Object(pagingQuery, { additionalProperties: false }),
      response: { 200: Page(HsdsOrganization) },
    },
  }, async (req) => {
    const q: PageRequest = { page: req.query.page, perPage: req.query.per_page, search: req.query.search };
    const page = await pageAgencies(db(), q);
    const { slice, ctx } = await loadSlice(db(), { agencyIds: page.items, servicesOfAgencies: req.query.full, asOf: today() });
    const mapper = new SliceMapper(slice, ctx);
    return pageBody(q, page.total, page.items.map((id) => mapper.organization(id, req.query.full ? 'full' : 'brief')));
  });

  app.get('/hsds/organizations/:id', {
    config: { action: 'hsds.read' },
    schema: {
      tags: ['hsds'],
      summary: 'One organization with its identifiers and services',
      params: IdParams,
      querystring: Type.Object({
        full_service: Type.Boolean({ default: false, description: 'true: the services are fully nested, not one-to-one fields only' }),
      }, { additionalProperties: false }),
      response: { 200: HsdsOrganization },
    },
  }, async (req) => {
    const id = req.params.id.toLowerCase();
    const full = req.query.full_service;
    // A malformed id cannot name a record: answer 404 like any other unknown id, without asking the database.
    if (!UUID.test(id)) throw notFound('Organization', 'id');
    const { slice, ctx } = await loadSlice(db(), { agencyIds: [id], servicesOfAgencies: true, linksOfServices: full, locations: full ? 'full' : 'none', asOf: today() });
    if (!slice.agencies.some((a) => a.id === id)) throw notFound('Organization', 'id');
    return new SliceMapper(slice, ctx).organization(id, full ? 'full_service' : 'full');
  });

  app.get('/hsds/services', {
    config: { action: 'hsds.read' },
    schema: {
      tags: ['hsds'],
      summary: 'Services, paged; filter by organization_id or search',
      querystring: Type.Object({ ...pagingQuery, ...organizationFilter }, { additionalProperties: false }),
      response: { 200: Page(HsdsService) },
    },
  }, async (req) => {
    const q: PageRequest = { page: req.query.page, perPage: req.query.per_page, search: req.query.search, organizationId: req.query.organization_id };
    const full = req.query.full;
    const page = await pageServices(db(), q);
    const { slice, ctx } = await loadSlice(db(), { serviceIds: page.items, linksOfServices: full, locations: full ? 'full' : 'none', asOf: today() });
    const mapper = new SliceMapper(slice, ctx);
    return pageBody(q, page.total, page.items.map((id) => mapper.serviceRecord(id, full ? 'full' : 'brief')));
  });

  app.get('/hsds/services/:id', {
    config: { action: 'hsds.read' },
    schema: {
      tags: ['hsds'],
      summary: 'One fully nested service: organization, service areas, channels and every location offering it',
      params: IdParams,
      querystring: Type.Object({}, { additionalProperties: false }),
      response: { 200: HsdsService },
    },
  }, async (req) => {
    const id = req.params.id.toLowerCase();
    if (!UUID.test(id)) throw notFound('Service', 'id');
    const { slice, ctx } = await loadSlice(db(), { serviceIds: [id], linksOfServices: true, locations: 'full', asOf: today() });
    if (!slice.services.some((s) => s.id === id)) throw notFound('Service', 'id');
    return new SliceMapper(slice, ctx).serviceRecord(id, 'full');
  });

  app.get('/hsds/service_at_locations', {
    config: { action: 'hsds.read' },
    schema: {
      tags: ['hsds'],
      summary: 'Services at locations (which office offers which service), paged; search matches service or office',
      querystring: Type.Object({ ...pagingQuery, ...organizationFilter }, { additionalProperties: false }),
      response: { 200: Page(HsdsServiceAtLocation) },
    },
  }, async (req) => {
    const q: PageRequest = { page: req.query.page, perPage: req.query.per_page, search: req.query.search, organizationId: req.query.organization_id };
    const full = req.query.full;
    const page = await pageServiceLinks(db(), q);
    const { slice, ctx } = await loadSlice(db(), { links: page.items, locations: full ? 'full' : 'brief', asOf: today() });
    const mapper = new SliceMapper(slice, ctx);
    return pageBody(q, page.total, page.items.map((link) => mapper.serviceAtLocation(link, full ? 'full' : 'brief')));
  });

  app.get('/hsds/service_at_locations/:id', {
    config: { action: 'hsds.read' },
    schema: {
      tags: ['hsds'],
      summary: 'One fully nested service_at_location: the service and the location with its schedules',
      params: IdParams,
      querystring: Type.Object({}, { additionalProperties: false }),
      response: { 200: HsdsServiceAtLocation },
    },
  }, async (req) => {
    const link = UUID.test(req.params.id) ? await findServiceLink(db(), req.params.id) : null;
    if (!link) throw notFound('Service at location', 'id');
    const { slice, ctx } = await loadSlice(db(), { links: [link], locations: 'full', asOf: today() });
    return new SliceMapper(slice, ctx).serviceAtLocation(link, 'full');
  });
};
