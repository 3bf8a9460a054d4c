import { z } from 'zod';
import { errorResponse } from '../../../shared/contracts/common.js';
import { listNotificationsQuery, listNotificationsResponse, readNotificationsRequest } from '../../../shared/contracts/tickets.js';
import { routePlugin } from '../../lib/routes.js';
import { listNotifications, readNotifications } from './notifications.service.js';

/** The caller's in-app notifications (the bell in the header). */
export const notificationsRoutes = routePlugin(
  'notifications',
  (routes, { db }) => {
    routes.get('/', { policy: 'session', query: listNotificationsQuery, response: listNotificationsResponse }, ({ actor, query }) =>
      listNotifications(db, actor, query),
    );
    routes.post(
      '/read',
      { policy: 'session', body: readNotificationsRequest, response: z.object({ changed: z.number().int() }) },
      ({ actor, body }) => readNotifications(db, actor, body.ids),
    );
  },
  { errors: { 400: errorResponse, 401: errorResponse, 403: errorResponse } },
);
