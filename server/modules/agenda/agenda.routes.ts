import {
  agendaItem,
  agendaParams,
  agendaQuery,
  agendaResponse,
  agendaSettings,
  markAgendaRequest,
  scheduleAgendaRequest,
  AGENDA_READER_ROLES,
} from '../../../shared/contracts/agenda.js';
import { ADMIN, routePlugin } from '../../lib/routes.js';
import { getAgenda, getAgendaSettings, markAgendaItem, scheduleAgendaItem, updateAgendaSettings } from './agenda.service.js';

const EDITORS = ['admin', 'chain_office'] as const;

/** A chain's meeting agenda (议题): proposed groups of common problems, items on a meeting, their marks. */
export const agendaRoutes = routePlugin('agenda', (routes, { db }) => {
  routes.get('/', { policy: AGENDA_READER_ROLES, query: agendaQuery, response: agendaResponse }, ({ actor, query }) =>
    getAgenda(db, actor, query.chain),
  );
  routes.post('/', { policy: EDITORS, body: scheduleAgendaRequest, response: agendaItem, status: 201 }, ({ actor, body }) =>
    scheduleAgendaItem(db, actor, body),
  );
  routes.get('/settings', { policy: AGENDA_READER_ROLES, response: agendaSettings }, ({ actor }) => getAgendaSettings(db, actor));
  routes.put('/settings', { policy: ADMIN, body: agendaSettings, response: agendaSettings }, ({ actor, body }) =>
    updateAgendaSettings(db, actor, body),
  );
  routes.post(
    '/:id/status',
    { policy: EDITORS, params: agendaParams, body: markAgendaRequest, response: agendaItem },
    ({ actor, params, body }) => markAgendaItem(db, actor, params.id, body),
  );
});
