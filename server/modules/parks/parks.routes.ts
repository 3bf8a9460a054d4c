import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { deleteVersionQuery, errorResponse, okResponse } from '../../../shared/contracts/common.js';
import {
  createParkRequest,
  listParksQuery,
  listParksResponse,
  parkDetail,
  parkParams,
  updateParkRequest,
} from '../../../shared/contracts/parks.js';
import type { Database } from '../../db/client.js';
import { actorOf } from '../../lib/http.js';
import { createPark, deletePark, getPark, listParks, updatePark } from './parks.service.js';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['parks'];

export function parksRoutes(database: Database): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/',
      { config: { policy: 'session' }, schema: { tags, querystring: listParksQuery, response: { 200: listParksResponse, ...errors } } },
      async (request) => listParks(db, actorOf(request), request.query),
    );
    app.post(
      '/',
      { config: { policy: ['admin'] }, schema: { tags, body: createParkRequest, response: { 201: parkDetail, ...errors } } },
      async (request, reply) => reply.status(201).send(await createPark(db, actorOf(request), request.body)),
    );
    app.get(
      '/:id',
      { config: { policy: 'session' }, schema: { tags, params: parkParams, response: { 200: parkDetail, ...errors } } },
      async (request) => getPark(db, actorOf(request), request.params.id),
    );
    app.patch(
      '/:id',
      {
        config: { policy: ['admin'] },
        schema: { tags, params: parkParams, body: updateParkRequest, response: { 200: parkDetail, ...errors } },
      },
      async (request) => updatePark(db, actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/:id',
      {
        config: { policy: ['admin'] },
        schema: { tags, params: parkParams, querystring: deleteVersionQuery, response: { 200: okResponse, ...errors } },
      },
      async (request) => {
        await deletePark(db, actorOf(request), request.params.id, request.query.version);
        return { ok: true as const };
      },
    );
  };
}
