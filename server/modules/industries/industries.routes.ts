import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { deleteVersionQuery, errorResponse } from '../../../shared/contracts/common.js';
import {
  createIndustryRequest,
  industryItem,
  industryParams,
  listIndustriesResponse,
  updateIndustryRequest,
} from '../../../shared/contracts/industries.js';
import type { Database } from '../../db/client.js';
import { routesOf } from '../../lib/routes.js';
import { createIndustry, deleteIndustry, listIndustries, updateIndustry } from './industries.service.js';

export function industriesRoutes({ db }: Database): FastifyPluginAsyncZod {
  return async (app) => {
    const routes = routesOf(app, { tags: ['industries'] });
    const admin = ['admin'] as const;
    // The list takes no input: the only error it answers is a missing session.
    routesOf(app, { tags: ['industries'], errors: { 401: errorResponse } }).get(
      '/',
      { policy: 'session', response: listIndustriesResponse },
      ({ actor }) => listIndustries(db, actor),
    );
    routes.post('/', { policy: admin, body: createIndustryRequest, response: industryItem, status: 201 }, ({ actor, body }) =>
      createIndustry(db, actor, body),
    );
    routes.patch(
      '/:code',
      { policy: admin, params: industryParams, body: updateIndustryRequest, response: industryItem },
      ({ actor, params, body }) => updateIndustry(db, actor, params.code, body),
    );
    routes.remove('/:code', { policy: admin, params: industryParams, query: deleteVersionQuery }, ({ actor, params, query }) =>
      deleteIndustry(db, actor, params.code, query.version),
    );
  };
}
