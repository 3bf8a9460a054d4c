import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { deleteVersionQuery } from '../../../shared/contracts/common.js';
import {
  createRegionRequest,
  listRegionsQuery,
  listRegionsResponse,
  regionItem,
  regionParams,
  updateRegionRequest,
} from '../../../shared/contracts/regions.js';
import type { Database } from '../../db/client.js';
import { routesOf } from '../../lib/routes.js';
import { createRegion, deleteRegion, listRegions, updateRegion } from './regions.service.js';

export function regionsRoutes({ db }: Database): FastifyPluginAsyncZod {
  return async (app) => {
    const routes = routesOf(app, { tags: ['regions'] });
    const admin = ['admin'] as const;
    routes.get('/', { policy: 'session', query: listRegionsQuery, response: listRegionsResponse }, ({ actor, query }) =>
      listRegions(db, actor, query),
    );
    routes.post('/', { policy: admin, body: createRegionRequest, response: regionItem, status: 201 }, ({ actor, body }) =>
      createRegion(db, actor, body),
    );
    routes.patch(
      '/:code',
      { policy: admin, params: regionParams, body: updateRegionRequest, response: regionItem },
      ({ actor, params, body }) => updateRegion(db, actor, params.code, body),
    );
    routes.remove('/:code', { policy: admin, params: regionParams, query: deleteVersionQuery }, ({ actor, params, query }) =>
      deleteRegion(db, actor, params.code, query.version),
    );
  };
}
