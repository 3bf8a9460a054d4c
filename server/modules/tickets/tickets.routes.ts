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
import { ADMIN, API_ERRORS_422, routePlugin } from '../../lib/routes.js';
import { actOnTicket, fileTicket, getTicket, listTickets } from './tickets.service.js';
import { getTicketSettings, updateTicketSettings } from './tickets.settings.js';
import { ticketStats } from './tickets.stats.js';

/** Enterprise problems (问题交办): filing, the workflow's actions, lists with lights, statistics, time limits. */
export const ticketsRoutes = routePlugin(
  'tickets',
  (routes, { db }) => {
    routes.get('/', { policy: 'session', query: listTicketsQuery, response: listTicketsResponse }, ({ actor, query }) =>
      listTickets(db, actor, query),
    );
    routes.post(
      '/',
      { policy: ['admin', 'enterprise', 'chain_office', 'park', 'county'], body: createTicketRequest, response: ticketDetail, status: 201 },
      ({ actor, body }) => fileTicket(db, actor, body),
    );
    routes.get('/stats', { policy: 'session', query: ticketStatsQuery, response: ticketStatsResponse }, ({ actor, query }) =>
      ticketStats(db, actor, query.year),
    );
    routes.get('/settings', { policy: 'session', response: ticketSettingsResponse }, ({ actor }) => getTicketSettings(db, actor));
    routes.put('/settings', { policy: ADMIN, body: ticketTimeLimits, response: ticketSettingsResponse }, ({ actor, body }) =>
      updateTicketSettings(db, actor, body),
    );
    routes.get('/:id', { policy: 'session', params: ticketParams, response: ticketDetail }, ({ actor, params }) =>
      getTicket(db, actor, params.id),
    );
    routes.post(
      '/:id/actions',
      {
        policy: ['admin', 'leader', 'chain_chief', 'chain_office', 'department', 'enterprise'],
        params: ticketParams,
        body: ticketActionRequest,
        response: ticketDetail,
      },
      ({ actor, params, body }) => actOnTicket(db, actor, params.id, body),
    );
  },
  { errors: API_ERRORS_422 },
);
