import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { deleteVersionQuery, errorResponse, okResponse } from '../../../shared/contracts/common.js';
import {
  createRegionRequest,
  listRegionsQuery,
  listRegionsResponse,
  regionItem,
  regionParams,
  updateRegionRequest,
} from '../../../shared/contracts/regions.js';
import type { Database } from '../../db/client.js';
import { actorOf } from '../../lib/http.js';
import { createRegion, deleteRegion, listRegions, updateRegion } from './regions.service.js';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['regions'];

export function regionsRoutes(database: Database): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/',
      { config: { policy: 'session' }, schema: { tags, querystring: listRegionsQuery, response: { 200: listRegionsResponse, ...errors } } },
      async (request) => listRegions(db, actorOf(request), request.query),
    );
    app.post(
      '/',
      { config: { policy: ['admin'] }, schema: { tags, body: createRegionRequest, response: { 201: regionItem, ...errors } } },
      async (request, reply) => reply.status(201).send(await createRegion(db, actorOf(request), request.body)),
    );
    app.patch(
      '/:code',
      {
        config: { policy: ['admin'] },
        schema: { tags, params: regionParams, body: updateRegionRequest, response: { 200: regionItem, ...errors } },
      },
      async (request) => updateRegion(db, actorOf(request), request.params.code, request.body),
    );
    app.delete(
      '/:code',
      {
        config: { policy: ['admin'] },
        schema: { tags, params: regionParams, querystring: deleteVersionQuery, response: { 200: okResponse, ...errors } },
      },
      async (request) => {
        await deleteRegion(db, actorOf(request), request.params.code, request.query.version);
        return { ok: true as const };
      },
    );
  };
}
