import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../shared/contracts/common.js';
import {
  createInvestorRequest,
  investorItem,
  investorParams,
  listInvestorsQuery,
  listInvestorsResponse,
  updateInvestorRequest,
} from '../../../shared/contracts/projects.js';
import type { Database } from '../../db/client.js';
import { actorOf, localeOf } from '../../lib/http.js';
import { PROJECT_READERS, PROJECT_WRITERS } from '../projects/projects.policy.js';
import { createInvestor, listInvestors, updateInvestor } from './investors.service.js';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['investors'];

export function investorsRoutes(database: Database): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/',
      {
        config: { policy: PROJECT_READERS },
        schema: { tags, querystring: listInvestorsQuery, response: { 200: listInvestorsResponse, ...errors } },
      },
      async (request) => listInvestors(db, actorOf(request), request.query),
    );
    app.post(
      '/',
      { config: { policy: PROJECT_WRITERS }, schema: { tags, body: createInvestorRequest, response: { 201: investorItem, ...errors } } },
      async (request, reply) => reply.status(201).send(await createInvestor(db, actorOf(request), request.body, localeOf(request))),
    );
    // The owner of the record or the admin (the service checks whose it is).
    app.put(
      '/:id',
      {
        config: { policy: PROJECT_WRITERS },
        schema: { tags, params: investorParams, body: updateInvestorRequest, response: { 200: investorItem, ...errors } },
      },
      async (request) => updateInvestor(db, actorOf(request), request.params.id, request.body, localeOf(request)),
    );
  };
}
