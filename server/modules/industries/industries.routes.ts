import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { deleteVersionQuery, errorResponse, okResponse } from '../../../shared/contracts/common.js';
import {
  createIndustryRequest,
  industryItem,
  industryParams,
  listIndustriesResponse,
  updateIndustryRequest,
} from '../../../shared/contracts/industries.js';
import type { Database } from '../../db/client.js';
import { actorOf } from '../../lib/http.js';
import { createIndustry, deleteIndustry, listIndustries, updateIndustry } from './industries.service.js';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['industries'];

export function industriesRoutes(database: Database): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/',
      { config: { policy: 'session' }, schema: { tags, response: { 200: listIndustriesResponse, 401: errorResponse } } },
      async (request) => listIndustries(db, actorOf(request)),
    );
    app.post(
      '/',
      { config: { policy: ['admin'] }, schema: { tags, body: createIndustryRequest, response: { 201: industryItem, ...errors } } },
      async (request, reply) => reply.status(201).send(await createIndustry(db, actorOf(request), request.body)),
    );
    app.patch(
      '/:code',
      {
        config: { policy: ['admin'] },
        schema: { tags, params: industryParams, body: updateIndustryRequest, response: { 200: industryItem, ...errors } },
      },
      async (request) => updateIndustry(db, actorOf(request), request.params.code, request.body),
    );
    app.delete(
      '/:code',
      {
        config: { policy: ['admin'] },
        schema: { tags, params: industryParams, querystring: deleteVersionQuery, response: { 200: okResponse, ...errors } },
      },
      async (request) => {
        await deleteIndustry(db, actorOf(request), request.params.code, request.query.version);
        return { ok: true as const };
      },
    );
  };
}
