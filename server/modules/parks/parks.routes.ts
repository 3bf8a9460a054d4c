import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { deleteVersionQuery } from '../../../shared/contracts/common.js';
import {
  createParkRequest,
  listParksQuery,
  listParksResponse,
  parkDetail,
  parkParams,
  updateParkRequest,
} from '../../../shared/contracts/parks.js';
import type { Database } from '../../db/client.js';
import { routesOf } from '../../lib/routes.js';
import { createPark, deletePark, getPark, listParks, updatePark } from './parks.service.js';

export function parksRoutes({ db }: Database): FastifyPluginAsyncZod {
  return async (app) => {
    const routes = routesOf(app, { tags: ['parks'] });
    const admin = ['admin'] as const;
    routes.get('/', { policy: 'session', query: listParksQuery, response: listParksResponse }, ({ actor, query }) =>
      listParks(db, actor, query),
    );
    routes.post('/', { policy: admin, body: createParkRequest, response: parkDetail, status: 201 }, ({ actor, body }) =>
      createPark(db, actor, body),
    );
    routes.get('/:id', { policy: 'session', params: parkParams, response: parkDetail }, ({ actor, params }) =>
      getPark(db, actor, params.id),
    );
    routes.patch('/:id', { policy: admin, params: parkParams, body: updateParkRequest, response: parkDetail }, ({ actor, params, body }) =>
      updatePark(db, actor, params.id, body),
    );
    routes.remove('/:id', { policy: admin, params: parkParams, query: deleteVersionQuery }, ({ actor, params, query }) =>
      deletePark(db, actor, params.id, query.version),
    );
  };
}
