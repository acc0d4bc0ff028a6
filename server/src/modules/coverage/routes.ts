// Coverage planning API (docs/coverage.md): the page's context, one scenario analysis (a service's
// network, closures, new sites) and its tables as CSV. Thin: validation is the schema plus the service's
// registry checks; every route is `coverage.read` (planners and admins).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CoverageAnalysis, CoverageContext, CoverageQuery, ExportQuery } from '../../../../contracts/coverage.ts';
import { createTravelTimes } from '../../adapters/travel/index.ts';
import { analyse, coverageContext, type Travel } from './service.ts';
import { exportTable } from './csv.ts';

const tags = ['coverage'];
const config = { action: 'coverage.read' as const };

export const coverageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;
  const url = app.deps.config.travel.url;
  const travel: Travel = { times: createTravelTimes({ url: url ?? undefined }), key: url ?? 'great-circle' };

  app.get('/coverage/context', {
    config,
    schema: { tags, summary: 'Services, counties, the travel model and the data sources, with the caller\'s default county', response: { 200: CoverageContext } },
  }, async (req) => coverageContext(db, travel, req.principal));

  app.get('/coverage', {
    config,
    schema: {
      tags,
      summary: 'Coverage of a service\'s offices, with optional closures and new sites',
      description: 'Without `service`, every office counts. `close` (repeatable) simulates closing offices; `add` places that many new sites '
        + '(`objective` pmedian or maxcover with `coverMinutes`; candidates every tätort, in `county` when given, or the `candidate` list; '
        + 'the network kept unless `keepNetwork=false`). `county` filters the municipality and underserved tables; national and county rows are always complete. '
        + 'The first request after start builds the travel matrix (seconds); later ones take milliseconds.',
      querystring: CoverageQuery,
      response: { 200: CoverageAnalysis },
    },
  }, async (req) => analyse(db, travel, req.query));

  app.get('/coverage/export', {
    config,
    schema: {
      tags,
      summary: 'One table of a coverage analysis as CSV',
      description: 'The same parameters as GET /coverage plus `table`: counties (with the national row), municipalities, underserved, reassignments (needs `close`), new-sites (needs `add`).',
      querystring: ExportQuery,
      response: { 200: Type.String({ description: 'text/csv; charset=utf-8' }) },
    },
  }, async (req, reply) => {
    const { table, ...query } = req.query;
    const csv = exportTable(await analyse(db, travel, query), table);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="tackning-${table}.csv"`)
      .send(csv);
  });
};
