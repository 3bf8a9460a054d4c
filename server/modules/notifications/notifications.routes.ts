import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse } from '../../../shared/contracts/common.js';
import { listNotificationsQuery, listNotificationsResponse, readNotificationsRequest } from '../../../shared/contracts/tickets.js';
import type { Database } from '../../db/client.js';
import { actorOf } from '../../lib/http.js';
import { listNotifications, readNotifications } from './notifications.service.js';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse };
const tags = ['notifications'];

/** The caller's in-app notifications (the bell in the header). */
export function notificationsRoutes(database: Database): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/',
      {
        config: { policy: 'session' },
        schema: { tags, querystring: listNotificationsQuery, response: { 200: listNotificationsResponse, ...errors } },
      },
      async (request) => listNotifications(db, actorOf(request), request.query),
    );
    app.post(
      '/read',
      {
        config: { policy: 'session' },
        schema: { tags, body: readNotificationsRequest, response: { 200: z.object({ changed: z.number().int() }), ...errors } },
      },
      async (request) => readNotifications(db, actorOf(request), request.body.ids),
    );
  };
}
