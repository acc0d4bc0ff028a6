// GET /search: one forgiving search over services, offices, agencies, municipalities and localities.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SearchHit, SearchKind } from '../../../../contracts/registry.ts';
import { search } from './repo.ts';

export const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/search', {
    config: { action: 'search.query' },
    schema: {
      tags: ['search'],
      summary: 'Find services, offices, agencies and places; forgives missing diacritics, typos and OCR damage',
      querystring: Type.Object({
        q: Type.String({ minLength: 1, maxLength: 200 }),
        kinds: Type.Optional(Type.Array(SearchKind, { description: 'Comma-separated or repeated' })),
        limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
      }, { additionalProperties: false }),
      response: { 200: Type.Array(SearchHit) },
    },
    // Accept kinds=office,service as well as kinds=office&kinds=service.
    preValidation: async (req) => {
      const query = req.query as { kinds?: string | string[] };
      if (typeof query.kinds === 'string') query.kinds = query.kinds.split(',').filter(Boolean);
    },
  }, async (req) => search(app.deps.database.db, req.query.q, { kinds: req.query.kinds, limit: req.query.limit }));
};
