import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../shared/contracts/common.js';
import {
  createTicketRequest,
  listTicketsQuery,
  listTicketsResponse,
  ticketActionRequest,
  ticketDetail,
  ticketParams,
  ticketSettingsResponse,
  ticketStatsQuery,
  ticketStatsResponse,
  ticketTimeLimits,
} from '../../../shared/contracts/tickets.js';
import type { Database } from '../../db/client.js';
import { actorOf } from '../../lib/http.js';
import { actOnTicket, fileTicket, getTicket, listTickets } from './tickets.service.js';
import { getTicketSettings, updateTicketSettings } from './tickets.settings.js';
import { ticketStats } from './tickets.stats.js';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse, 422: errorResponse };
const tags = ['tickets'];

/** Enterprise problems (问题交办): filing, the workflow's actions, lists with lights, statistics, time limits. */
export function ticketsRoutes(database: Database): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/',
      { config: { policy: 'session' }, schema: { tags, querystring: listTicketsQuery, response: { 200: listTicketsResponse, ...errors } } },
      async (request) => listTickets(db, actorOf(request), request.query),
    );
    app.post(
      '/',
      {
        config: { policy: ['admin', 'enterprise', 'chain_office', 'park', 'county'] },
        schema: { tags, body: createTicketRequest, response: { 201: ticketDetail, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await fileTicket(db, actorOf(request), request.body)),
    );
    app.get(
      '/stats',
      { config: { policy: 'session' }, schema: { tags, querystring: ticketStatsQuery, response: { 200: ticketStatsResponse, ...errors } } },
      async (request) => ticketStats(db, actorOf(request), request.query.year),
    );
    app.get(
      '/settings',
      { config: { policy: 'session' }, schema: { tags, response: { 200: ticketSettingsResponse, ...errors } } },
      async (request) => getTicketSettings(db, actorOf(request)),
    );
    app.put(
      '/settings',
      { config: { policy: ['admin'] }, schema: { tags, body: ticketTimeLimits, response: { 200: ticketSettingsResponse, ...errors } } },
      async (request) => updateTicketSettings(db, actorOf(request), request.body),
    );
    app.get(
      '/:id',
      { config: { policy: 'session' }, schema: { tags, params: ticketParams, response: { 200: ticketDetail, ...errors } } },
      async (request) => getTicket(db, actorOf(request), request.params.id),
    );
    app.post(
      '/:id/actions',
      {
        config: { policy: ['admin', 'leader', 'chain_chief', 'chain_office', 'department', 'enterprise'] },
        schema: { tags, params: ticketParams, body: ticketActionRequest, response: { 200: ticketDetail, ...errors } },
      },
      async (request) => actOnTicket(db, actorOf(request), request.params.id, request.body),
    );
  };
}
